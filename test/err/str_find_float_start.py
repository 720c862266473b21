# run: f("ab")
# find() with a float start: CPython's TypeError
def f(s):
    return s.find("b", 1.5)
