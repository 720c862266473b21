# .flat of something that is not an array
def f(n):
    xs = [1, 2, n]
    for v in xs.flat:
        n += v
    return n
# run: f(2)
