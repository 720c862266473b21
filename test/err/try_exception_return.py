# an except clause's `as` name cannot be returned (kiln has no exception objects)

def f(n):
    try:
        r = 1 // n
    except ZeroDivisionError as e:
        return e
    return r
# run: f(0)
