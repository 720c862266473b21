# run: f(3)
# an f-string value with a format spec Python does not allow for an int
def f(x):
    s = f"{x:.2s}"
    return s
