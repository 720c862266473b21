# an f-string as a value (not an item of print())

def f(x):
    s = f"{x}"
    return x
# run: f(1)
