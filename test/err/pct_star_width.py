# run: f(1)
# a width taken from the arguments
def f(x):
    return "%*d" % (5, x)
