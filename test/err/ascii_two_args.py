# run: f(1)
# ascii() takes one argument
def f(x):
    return ascii(x, x)
