# run: f([1.0, 2.0, 3.0])
def f(a):
    for i in prange(1, len(a)):
        a[i] = a[i - 1] + 1.0
    return a
