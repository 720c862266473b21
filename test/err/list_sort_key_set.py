# run: f(1)
# a sort key giving sets (Python orders them by the subset test)
def f(x):
    a = [1, 2]
    return sorted(a, key=lambda v: {v})
