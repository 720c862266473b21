# run: f(1)
def f(n):
    try:
        r = 1 // n
    except:
        r = 0
    except ValueError:
        r = 1
    return r
