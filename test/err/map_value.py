# a map object is iterated, not kept
def f(x):
    m = map(abs, [x])
    return m
# run: f(1)
