# a class kiln does not know (a variable holding an int) is a compile error, not False
def f(x):
    k = 3
    return isinstance(x, k)
# run: f(1)
