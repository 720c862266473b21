# operator.add called with one argument: CPython's TypeError, found when compiling
import operator
def f(n):
    return operator.add(n)
# run: f(1)
