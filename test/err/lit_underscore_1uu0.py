# run: f()
def f():
    return 1__0
