# run: f(1)
# ordering a string against a number: no order between them (== and != are allowed: False, True)
def f(x):
    return "a" < x
