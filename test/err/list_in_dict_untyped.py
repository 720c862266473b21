# run: f(1)
# an empty list inside a dict learns no type from an append through the dict (kiln types lists of lists only)
def f(n):
    d = {0: [], 1: []}
    d[1].append(2.5)
    return d
