# an empty dict read out of a dict and filled through the alias
def f(n):
    d = {1: {}}
    x = d[1]
    x[n] = 2.5
    return d
# run: f(3)
