# run: f(1)
def f(n):
    try:
        r = 1 // n
    except n:
        r = 0
    return r
