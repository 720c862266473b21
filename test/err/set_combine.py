# two sets combined must have one key type

def f(n):
    a = {1, 2}
    b = {0.5, n * 1.0}
    return a & b
# run: f(1)
