# an argument of pow by position and by name
def f(x):
    return pow(x, 2, base=3)
# run: f(2)
