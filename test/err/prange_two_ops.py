# run: f([1.0, 2.0, 3.0])
def f(a):
    s = 1.0
    for i in prange(len(a)):
        s += a[i]
        s *= 2.0
    return s
