# run: f([1.0, 2.0, 3.0])
def f(a):
    out = np.zeros(1)
    for i in prange(len(a)):
        out[0] = a[i]
    return out
