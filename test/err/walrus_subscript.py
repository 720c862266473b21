# an assignment expression binds a name only
def f(n):
    a = [0, 0]
    if (a[0] := n) > 1:
        return 1
    return 0
# run: f(2)
