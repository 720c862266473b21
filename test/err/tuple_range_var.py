# tuple(range(n)) with n known only when it runs
def f(n):
    return tuple(range(n))
# run: f(2)
