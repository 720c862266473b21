# run: f(1)
def f(x):
    break
    return x
