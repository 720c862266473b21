# divmod takes two arguments
def f(x):
    return divmod(x)
# run: f(1)
