# an empty set that is not in a variable cannot learn its key type

def f(n):
    l = [set()]
    l[0].add(n)
    return l
# run: f(1)
