# set.add takes exactly one argument

def f(n):
    s = {n}
    s.add(1, 2)
    return s
# run: f(1)
