# an operator function kiln does not take
import operator
def f(n):
    return operator.length_hint([1, 2, n])
# run: f(1)
