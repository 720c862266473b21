# a starred list in a tuple display: a tuple's length is known when compiling, a list's only when it runs
def f(n):
    t = *[1, 2], n
    return t
# run: f(3)
