# run: f(1.0)
def f(x):
    return math.sqrt(x)
