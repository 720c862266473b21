# heapq on lists (lower/heapq.c): heappush, heappop, heapify, heappushpop, heapreplace, as CPython does them step for
# step, so the heap's list order, and which of equal items comes out first, are CPython's; random sequences of
# operations (Python's random drives them identically in CPython and kiln) compared whole, and Dijkstra's algorithm.
import heapq
import random
from heapq import heappush, heappop

# run: sequences(7)
# expect: ([11, 11, 16, 12, 12, 16, 16, 15, 14, 13, 14, 16, 17, 17, 18, 15, 15, 14, 15, 15, 13, 15, 15, 16, 17, 18, 18, 17, 17, 20, 20, 15, 15, 15, 15, 16, 15, 18, 16, 16, 15, 17, 17, 16, 16, 16, 17, 18, 20, 19, 18, 20, 18, 20, 20, 18, 17, 19, 18, 20, 20, 20, 20, 17, 20, 20, 15, 18, 16, 15, 17, 17, 16, 18, 15, 18, 20, 19, 17, 17, 16, 20, 18, 18, 20, 20, 19, 16, 16, 18, 20, 20, 17, 17], [6, 5, 3, 4, 6, 10, 2, 8, 9, 8, 0, 9, 10, 4, 1, 9, 5, 10, 11, 10], 191)
# run: sequences(2024)
# expect: ([12, 15, 13, 15, 16, 16, 15, 17, 15, 18, 18, 16, 17, 16, 16, 19, 19, 16, 15, 18, 18, 19, 20, 17, 18, 18, 18, 17, 17, 20, 20, 19, 19, 20, 20, 20, 19, 20, 19, 20, 18, 19, 19, 19, 20, 20, 20, 18, 17, 18, 20, 20, 20, 20, 19, 17, 17, 18, 20], [9, 7, 13, 14, 2, 10, 14, 13, 14, 8, 2, 2, 15, 15, 15, 8, 5, 3, 6, 10], 202)
def sequences(seed):
    random.seed(seed)
    h = []
    out = []
    for step in range(400):
        r = random.random()
        if r < 0.5 or not h:
            heappush(h, random.randint(0, 20))
        elif r < 0.8:
            out.append(heappop(h))
        elif r < 0.9:
            out.append(heapq.heappushpop(h, random.randint(0, 20)))
        else:
            out.append(heapq.heapreplace(h, random.randint(0, 20)))
    return h, out[-20:], len(out)

# run: pairs(5)
# expect: ([(0, 0.13876741839890316), (0, 0.2094563824951179), (0, 0.5897633712619398), (0, 0.5490659459511809), (1, 0.11902055707377501), (1, 0.26381193894997024), (1, 0.11320596465314436), (1, 0.0017748622025346439), (0, 0.9492204766705261), (1, 0.5392234688708106)], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 2, 3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 4, 4, 4, 4, 4, 4, 5, 5, 5, 5, 5])
def pairs(seed):
    random.seed(seed)
    h = [(random.randint(0, 5), random.random()) for _ in range(50)]
    heapq.heapify(h)
    first = h[:10]
    order = []
    while h:
        d, x = heappop(h)
        order.append(d)
    return first, order

# run: heapify_ties(3)
# expect: ([(0, -18), (0, -15), (0, -12), (0, -3), (0, -9), (2, -11), (0, -6), (1, -16), (0, 0), (1, -19), (1, -10), (2, -2), (2, -5), (1, -13), (2, -14), (1, -7), (1, -1), (2, -17), (2, -8), (1, -4)], [1.0, 1.0, 3.0, 9.0, 3.0, 5.0, 5.0], 0.25, 0.5, [1.0, 1.0, 3.0, 9.0, 3.0, 5.0, 5.0])
def heapify_ties(n):
    xs = [(i % n, -i) for i in range(20)]
    heapq.heapify(xs)
    ys = [5.0, 1.0, 5.0, 1.0, 3.0, 3.0, 0.5]
    heapq.heapify(ys)
    return xs, ys, heapq.heappushpop(ys, 0.25), heapq.heappushpop(ys, 9.0), ys

# run: dijkstra(40)
# expect: [0, 1000000000, 1000000000, 1000000000, 1000000000, 4, 1000000000, 1000000000, 1000000000, 1000000000, 4, 1000000000, 1000000000, 1000000000, 1000000000, 2, 1000000000, 1000000000, 1000000000, 1000000000, 3, 1000000000, 1000000000, 1000000000, 1000000000, 5, 1000000000, 1000000000, 1000000000, 1000000000, 3, 1000000000, 1000000000, 1000000000, 1000000000, 1, 1000000000, 1000000000, 1000000000, 1000000000]
def dijkstra(n):
    adj = [[] for _ in range(n)]
    for u in range(n):
        for v in range(n):
            if u != v and (u * 7 + v * 3) % 5 == 0:
                adj[u].append((v, (u + v) % 7 + 1))
    dist = [10 ** 9] * n
    dist[0] = 0
    pq = [(0, 0)]
    while pq:
        d, u = heappop(pq)
        if d > dist[u]:
            continue
        for v, w in adj[u]:
            if d + w < dist[v]:
                dist[v] = d + w
                heappush(pq, (dist[v], v))
    return dist

# run: pop_empty(0)
# expect-error: line 76: IndexError: index out of range
def pop_empty(n):
    h = [1.5]
    heappop(h)
    return heappop(h)
