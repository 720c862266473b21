# next() takes a generator expression (kiln has no iterator objects)
def f(n):
    return next([n])
# run: f(1)
