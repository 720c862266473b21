# run: f([1.0, 2.0, 3.0])
def f(a):
    for i in prange(len(a)):
        if a[i] > 1.0:
            return i
    return -1
