# a starred target outside a tuple target (CPython's SyntaxError)
def f(n):
    *a = [1, 2, n]
    return a
# run: f(3)
