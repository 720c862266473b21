# run: f(1)
# a format that ends inside a conversion
def f(x):
    return "%d %" % (x,)
