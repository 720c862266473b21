# run: f(1)
# an empty list inside a dict display ({0: []}) learns no type from an append through the dict (d = {}; d[k] = []; d[k].append(x) does)
def f(n):
    d = {0: [], 1: []}
    d[1].append(2.5)
    return d
