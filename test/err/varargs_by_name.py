# *args cannot be given by keyword
def g(a, *rest):
    return a
def f(n):
    return g(n, rest=(1, 2))
# run: f(3)
