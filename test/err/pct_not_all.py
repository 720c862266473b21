# run: f(1)
# more arguments than conversions
def f(x):
    return "%d" % (x, x)
