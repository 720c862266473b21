# run: f([1.0, 2.0, 3.0])
def f(a):
    s = 0.0
    for i in prange(len(a)):
        if a[i] > 1.0:
            break
        s += a[i]
    return s
