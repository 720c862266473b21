# pow takes at most three arguments
def f(x):
    return pow(x, 2, 3, 4)
# run: f(2)
