# an except clause's `as` name prints and re-raises; other uses are refused (kiln has no exception objects)

def f(n):
    try:
        r = 1 // n
    except ZeroDivisionError as e:
        r = e.args
    return r
# run: f(0)
