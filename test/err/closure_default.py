# an inner function's default must be a literal (kiln evaluates it at each call)

def f(x):
    def g(a, b=x):
        return a + b
    return g(1)
# run: f(4)
