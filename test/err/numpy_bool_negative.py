# run: f([1.0, 2.0])
def f(a):
    x = a[0] < 3
    return -x
