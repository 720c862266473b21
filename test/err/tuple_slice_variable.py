# a tuple's slice bounds decide its type: constants
def f(n):
    t = (1, 2, 3)
    return t[:n]
# run: f(2)
