# ** in a dict display unpacks a mapping (CPython's TypeError, found when compiling)
def f(n):
    return {**[1, 2], 3: n}
# run: f(1)
