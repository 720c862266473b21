# pow's keywords are base, exp and mod
def f(x):
    return pow(x, 2, modulus=3)
# run: f(2)
