# run: f(1)
def f(n):
    try:
        r = 1 // n
    except ZeroDivisionError as e:
        print(e)
        r = 0
    return r
