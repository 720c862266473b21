# an empty set learns its key type from its first add; a second type is refused, naming both

def f(n):
    s = set()
    s.add(n)
    s.add((n, n))
    return s
# run: f(1)
