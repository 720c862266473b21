# a generator iterating itself: lowered at each for statement, it would never end
def walk(n):
    if n > 0:
        for x in walk(n - 1):
            yield x
    yield n

def f(n):
    s = 0
    for x in walk(n):
        s += x
    return s
# run: f(3)
