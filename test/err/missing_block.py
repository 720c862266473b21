# run: f(1)
def f(x):
    if x:
    return x
