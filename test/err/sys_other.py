# sys's constants are read; anything else of sys is not
import sys
def f(n):
    return len(sys.argv) + n
# run: f(2)
