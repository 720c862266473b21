# a dict's keys must have one type

def f(x):
    return {1: x, 2.5: x}
# run: f(1)
