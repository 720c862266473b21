# run: f(1.5)
# %c of a float
def f(x):
    return "%c" % x
