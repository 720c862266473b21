# nonlocal in a kernel itself: nothing encloses it (CPython's SyntaxError)
def f(n):
    nonlocal n
    return n
# run: f(3)
