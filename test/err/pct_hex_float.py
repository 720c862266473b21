# run: f(1.5)
# %x of a float: the TypeError CPython raises
def f(x):
    return "%x" % x
