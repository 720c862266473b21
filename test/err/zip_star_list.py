# zip(*rows) of a list of lists: how many sequences zip gets is counted when compiling (a tuple's are)
def f(n):
    rows = [[1, 2], [3, n]]
    s = 0
    for a, b in zip(*rows):
        s += a * b
    return s
# run: f(2)
