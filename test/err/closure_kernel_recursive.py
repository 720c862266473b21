# run: user(3)
# a kernel given a function is lowered in place, which cannot recurse
def rec(f, n):
    if n == 0:
        return f(0)
    return rec(f, n - 1)

def user(n):
    return rec(lambda x: x + 1, n)
