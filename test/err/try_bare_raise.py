# run: f(1)
def f(n):
    try:
        r = 1 // n
    except ZeroDivisionError:
        raise
    return r
