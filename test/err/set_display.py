# sets are not supported yet

def f(x):
    return {x, 1}
# run: f(1)
