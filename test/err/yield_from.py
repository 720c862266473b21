# yield from: write a for statement that yields
def inner(n):
    yield n

def f(n):
    yield from inner(n)
# run: f(3)
