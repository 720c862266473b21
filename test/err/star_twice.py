# two starred targets in one tuple target (CPython's SyntaxError)
def f(n):
    a, *b, *c = [1, 2, n]
    return a
# run: f(3)
