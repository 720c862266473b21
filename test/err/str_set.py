# run: f(1)
# a set of strings: CPython's own iteration order for one changes from run to run (salted str hashes)
def f(x):
    s = {"a", "b"}
    return len(s)
