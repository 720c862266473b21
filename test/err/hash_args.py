# hash() takes one argument
def f(n):
    return hash(n, n)
# run: f(3)
