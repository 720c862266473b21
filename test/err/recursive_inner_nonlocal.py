# nonlocal in a recursive inner function: its assignment could not reach the enclosing variable
def f(n):
    total = 0
    def g(k):
        nonlocal total
        total += k
        if k:
            g(k - 1)
    g(n)
    return total
# run: f(3)
