# nonlocal of a name the enclosing function never binds (CPython's SyntaxError)
def f(n):
    def g():
        nonlocal zz
        zz = 1
    g()
    return n
# run: f(3)
