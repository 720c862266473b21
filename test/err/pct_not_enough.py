# run: f(1)
# fewer arguments than conversions
def f(x):
    return "%d and %d" % (x,)
