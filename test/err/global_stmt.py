# the global statement: kernels do not assign module variables
COUNT = 0
def f(n):
    global COUNT
    COUNT = n
    return n
# run: f(3)
