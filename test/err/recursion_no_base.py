# run: f(1)
def f(n):
    return f(n + 1) + 1
