# run: f()
def f():
    return 1_
