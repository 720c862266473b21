# run: f([1.0, 2.0, 3.0])
def f(a):
    t = 0.0
    for i in prange(len(a)):
        t = a[i] * 2.0
        a[i] = t
    return t
