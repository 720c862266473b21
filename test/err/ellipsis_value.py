# '...' only in an array's subscript
def f(n):
    x = ...
    return n
# run: f(2)
