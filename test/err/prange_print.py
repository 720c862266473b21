# run: f([1.0, 2.0, 3.0])
def f(a):
    for i in prange(len(a)):
        print(a[i])
    return 0
