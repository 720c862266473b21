# a list cannot be a set's key (CPython's TypeError: unhashable type)

def f(n):
    s = {1, 2}
    t = {[1, 2]}
    return s
# run: f(1)
