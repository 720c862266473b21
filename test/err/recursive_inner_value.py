# a recursive inner function is called, not passed: kiln makes it a kernel of its own
def f(n):
    def g(k):
        return 0 if k == 0 else g(k - 1)
    h = g
    return h(n)
# run: f(3)
