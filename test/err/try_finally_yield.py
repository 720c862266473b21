# run: f(3)
def gen(n):
    try:
        for i in range(n):
            yield i
    finally:
        n = 0

def f(n):
    s = 0
    for x in gen(n):
        s += x
    return s
