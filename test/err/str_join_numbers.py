# run: f(3)
# str.join takes strings
def f(x):
    return ",".join([x, x])
