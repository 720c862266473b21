# bisect with a keyword it does not take
import bisect
def f(n):
    return bisect.bisect_left([1, 2], n, low=1)
# run: f(3)
