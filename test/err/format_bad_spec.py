# run: f(2.5)
# a spec the value cannot take
def f(x):
    return format(x, "d")
