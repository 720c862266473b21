# a tuple-valued recursion whose every run raises: opt/recurse.c leaves its calls alone (no return to count leaves by)
def f(n):
    if n >= 0:
        raise ValueError("always")
    a, b = f(n - 1)
    return a + 1, b
# run: f(3)
