# run: f("a b")
# a str method kiln does not have says which
def f(s):
    return s.casefold()
