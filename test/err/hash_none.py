# hash(None) is its object's address in CPython 3.11
def f(n):
    return hash(None)
# run: f(3)
