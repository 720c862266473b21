# run: f(1)
def f(x):
    def g(y):
        return y
    return g(x)
