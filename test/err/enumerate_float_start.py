# enumerate's start is an integer
def f(n):
    return [i for i, x in enumerate([n], 1.5)]
# run: f(3)
