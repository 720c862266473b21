# a bare raise outside an except clause: no exception is being handled (CPython's RuntimeError: No active exception
# to reraise), a compile error in kiln

def f(x):
    if x > 0:
        raise
    return x
# run: f(1)
