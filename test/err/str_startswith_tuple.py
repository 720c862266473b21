# run: f("ab")
# startswith of a tuple of prefixes is not supported yet
def f(s):
    return s.startswith(("a", "b"))
