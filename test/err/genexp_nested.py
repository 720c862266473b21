# run: f([1.0, 2.0])
def f(a):
    return sum(sum(x for x in a) for y in a)
