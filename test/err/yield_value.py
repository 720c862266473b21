# yield as a value (a coroutine's send)
def f(n):
    x = yield n
    return x
# run: f(3)
