# run: f(1)
# heapq functions kiln does not have say which it has
import heapq

def f(n):
    return heapq.nlargest(n, [3, 1, 2])
