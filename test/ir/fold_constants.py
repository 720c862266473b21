# fold: constant operands are computed at compile time (2 * 3 + 1 becomes 7), with the
# interpreter's own arithmetic, so every tier agrees.
# ir: f(5)
# after: fold
def f(n):
    k = 2 * 3 + 1
    return n + k * 2
