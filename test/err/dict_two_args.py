# dict takes at most one positional argument
def f(x):
    return dict([(1, 2)], [(3, 4)])
# run: f(1)
