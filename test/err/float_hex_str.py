# run: f()
def f():
    return float("0x10")
