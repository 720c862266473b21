# merge: a block whose only predecessor jumps straight to it is merged into that predecessor.
# ir: f(5)
# after: merge
def f(n):
    x = n + 1
    if 2 > 1:
        x = x * 2
    return x
