# run: f(1)
# %f of a string
def f(x):
    return "%f" % "abc"
