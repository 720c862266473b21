# an unparenthesized assignment expression as a statement: a syntax error, as in Python
def f(n):
    y := n
    return y
# run: f(2)
