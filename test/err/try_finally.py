# run: f(1)
def f(n):
    try:
        r = 1 // n
    except ZeroDivisionError:
        r = 0
    finally:
        r = r + 1
    return r
