# a set method kiln does not know

def f(n):
    s = {n}
    s.frobnicate()
    return s
# run: f(1)
