# enumerate has no step
def f(n):
    return [i for i, x in enumerate([n], step=2)]
# run: f(3)
