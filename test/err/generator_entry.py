# a generator as the kernel run: a Python caller would get a generator object
def f(n):
    for i in range(n):
        yield i
# run: f(3)
