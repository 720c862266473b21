# run: f(1)
def f(n):
    try:
        r = 1 // n
    r = 2
    return r
