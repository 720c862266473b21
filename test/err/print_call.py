# run: f(1)
def f(x):
    print(x)
    return x
