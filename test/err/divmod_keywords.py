# divmod takes no keyword arguments
def f(x):
    return divmod(x, b=2)
# run: f(1)
