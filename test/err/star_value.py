# a starred item in a tuple display (a value): kiln unpacks only into targets
def f(n):
    t = *[1, 2], n
    return t
# run: f(3)
