# run: f(3)
# an exception message must be a string
def f(x):
    if x > 0:
        raise ValueError(x)
    return x
