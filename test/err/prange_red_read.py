# run: f([1.0, 2.0, 3.0])
def f(a):
    s = 0.0
    for i in prange(len(a)):
        s += a[i]
        a[i] = s
    return s
