# run: f(3, 2)
def f(n, x):
    return x not in n
