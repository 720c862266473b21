# run: f(1)
# "%(name)s" % mapping: refused with the way to write it
def f(x):
    return "%(x)s" % {"x": x}
