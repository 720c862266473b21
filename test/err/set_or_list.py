# set | list is CPython's TypeError (the method union() takes any iterable)

def f(n):
    s = {1, 2}
    return s | [n]
# run: f(1)
