# divmod of a string
def f(x):
    return divmod("a", x)
# run: f(2)
