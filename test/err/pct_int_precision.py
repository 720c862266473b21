# run: f(1)
# a precision with %d (zero-padding digits) is not supported
def f(x):
    return "%.3d" % x
