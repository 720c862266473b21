# run: f(3)
# %-formatting is not supported: an f-string is
def f(x):
    return "%d items" % x
