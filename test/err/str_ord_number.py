# run: f(3)
# ord() takes a one-character string
def f(x):
    return ord(x)
