# run: f([[1.0, 2.0], [3.0, 4.0]])
# Python's sum() of a 2-d array adds its rows: arrays as running totals are not supported yet
def f(m):
    return sum(m)
