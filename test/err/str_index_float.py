# run: f("abc")
# string indices are integers
def f(s):
    return s[1.5]
