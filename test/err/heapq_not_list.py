# run: f(1)
# a heap that is not a list: CPython's TypeError, as a compile error
import heapq

def f(n):
    return heapq.heappush((1, 2), n)
