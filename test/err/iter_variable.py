# an iterator kept in a variable and advanced by next(): not supported (iter(xs) is taken where a generator is)
def f(n):
    it = iter([1, 2, n])
    a = next(it)
    return a + next(it)
# run: f(3)
