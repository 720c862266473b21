# a lambda takes no *args here
def f(n):
    g = lambda *a: len(a)
    return g(n, n)
# run: f(3)
