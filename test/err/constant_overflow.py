# run: f(2)
X = 2 ** 64
def f(n):
    return X
