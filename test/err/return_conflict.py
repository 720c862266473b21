# run: f(1)
def f(x):
    if x > 0:
        return (1, 2)
    return 3.5
