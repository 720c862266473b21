# d | e needs a dict on the right (d |= takes pairs too, as update does)
def f(n):
    a = {1: 2}
    return a | [(1, n)]
# run: f(1)
