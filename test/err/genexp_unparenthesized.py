# run: f([1.0])
def f(a):
    return sum(x for x in a, 1)
