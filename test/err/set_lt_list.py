# < between a set and a list is CPython's TypeError

def f(n):
    s = {n}
    return s < [n]
# run: f(1)
