# run: f([1.0, 2.0, 3.0])
def f(a):
    xs = [0.0]
    for i in prange(len(a)):
        xs.append(a[i])
    return len(xs)
