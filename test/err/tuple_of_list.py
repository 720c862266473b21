# tuple() of a list: a tuple's length is its type's, a list's is known only when it runs
def f(n):
    xs = [1, 2, n]
    return tuple(xs)
# run: f(2)
