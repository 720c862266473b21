# a bisect function kiln does not have
import bisect
def f(n):
    return bisect.bisect_middle([1, 2], n)
# run: f(3)
