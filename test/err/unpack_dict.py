# a tuple target given a value that is neither a tuple, a list nor an array
def f(n):
    d = {1: n}
    a, b = d
    return a
# run: f(3)
