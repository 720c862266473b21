# a set holds keys of one type: a float added to a set of ints is refused at compile time

def f(n):
    s = {1, 2}
    s.add(n * 0.5)
    return s
# run: f(1)
