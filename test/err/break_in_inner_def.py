# break inside an inner def, outside the def's own loops: the caller's loop is not the def's
def f(n):
    def g(k):
        if k > 2:
            break
        return k
    t = 0
    for i in range(n):
        t += g(i)
    return t
# run: f(5)
