# a list's items must have one type: an int and a float in one display
def f(x):
    return [x, 1.5]
# run: f(2)
