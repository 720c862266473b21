# bisect with x missing
import bisect
def f(n):
    return bisect.bisect_left([1, 2])
# run: f(3)
