# tuple.index with a start: not supported
def f(n):
    t = (1, 2, n)
    return t.index(2, 1)
# run: f(3)
