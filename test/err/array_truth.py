# run: f([1.0, 2.0])
def f(a):
    if a:
        return 1
    return 0
