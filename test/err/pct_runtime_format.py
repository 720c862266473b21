# run: f(1)
# a format string made at run time: its conversions are not known when compiling
def f(x):
    fmt = "%d" + str(x)
    return fmt % x
