# run: f(2)
X = 7.5 // 2
def f(n):
    return X
