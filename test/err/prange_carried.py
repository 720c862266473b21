# run: f([1.0, 2.0, 3.0])
def f(a):
    out = 0.0
    prev = 0.0
    for i in prange(len(a)):
        out += a[i] - prev
        prev = a[i]
    return out
