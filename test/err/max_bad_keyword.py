# a keyword max() does not take
def f(n):
    return min([1, n], defualt=3)
# run: f(2)
