# run: f(2)
T = (1, 2)
def f(n, k=T[2]):
    return k
