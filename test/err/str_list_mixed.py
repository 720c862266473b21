# run: f(3)
# a list holds items of one type: a string and an int cannot share one
def f(x):
    return ["a", x]
