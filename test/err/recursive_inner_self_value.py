# inside itself, too, a recursive inner function is only called
def f(n):
    def g(k):
        if k == 0:
            return g
        return g(k - 1)
    return g(n)
# run: f(3)
