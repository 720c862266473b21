# hash() of a str: CPython's is salted per run (PYTHONHASHSEED)
def f(n):
    return hash('ab')
# run: f(3)
