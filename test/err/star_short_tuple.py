# a tuple too short for the targets beside a starred one: known when compiling
def f(n):
    a, b, *c, d = (1, n)
    return a
# run: f(3)
