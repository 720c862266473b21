# run: f([1.0])
# a generator expression as a value (not consumed by sum/min/max/all/any)
def f(a):
    g = (x for x in a)
    return 1
