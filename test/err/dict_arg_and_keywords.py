# dict of a mapping and keywords together
def f(x):
    return dict({1: 2}, a=x)
# run: f(1)
