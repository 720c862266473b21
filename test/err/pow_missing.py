# pow needs its exponent
def f(x):
    return pow(base=x)
# run: f(2)
