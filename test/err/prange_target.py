# run: f([1.0, 2.0, 3.0])
def f(a):
    for i, j in prange(len(a)):
        a[i] = 0.0
    return a
