# cse: a commutative op (ops.h's F_COMM) with its operands swapped is the same value:
# x * y and y * x are computed once; x - y and y - x are not the same.
# ir: f(3.0, 4.0)
# after: cse
def f(x, y):
    return (x * y + y * x) - (x - y) * (y - x)
