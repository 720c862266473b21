# run: f(1)
def f(x):
    s = "hello"
    return x
