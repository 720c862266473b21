# run: f(1)
def f(x):
    y = x
        return y
