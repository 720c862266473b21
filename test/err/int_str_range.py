# run: f()
def f():
    return int("9223372036854775808")
