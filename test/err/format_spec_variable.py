# run: f(2.5)
# format() with a spec made at run time
def f(x):
    spec = ".2" + "f" * int(x)
    return format(x, spec)
