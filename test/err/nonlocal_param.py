# a parameter declared nonlocal (CPython's SyntaxError)
def f(n):
    def g(n):
        nonlocal n
        n = 1
    g(2)
    return n
# run: f(3)
