# run: f(2)
X = 1.5 / 0
def f(n):
    return X
