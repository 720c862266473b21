# the function of map is a name or a lambda (it is read once per item)
def pick(k):
    return abs
def f(x):
    return list(map(pick(x), [x]))
# run: f(1)
