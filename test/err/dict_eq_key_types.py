# two dicts whose keys are of two types: a kiln dict's keys have one type, so the comparison is refused
def f(n):
    a = {1: n}
    b = {"one": n}
    return a == b
# run: f(2)
