# f(k=1, *t): a starred argument after a keyword one
def g(a, b, k=0):
    return a + b + k
def f(n):
    t = (1, n)
    return g(k=1, *t)
# run: f(3)
