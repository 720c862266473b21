# run: f(1)
# "a" + 1: the TypeError CPython raises, as a compile error naming both types
def f(x):
    s = "n="
    return s + x
