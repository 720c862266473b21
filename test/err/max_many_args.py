# run: f(1)
# max() of more than 64 arguments: an error, not the first 64 (kiln once dropped the rest)
def f(x):
    return max(x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x, x + 1)
