# Lists a loop's iteration makes and is done with are let go at the end of the iteration, and a list variable the
# loop replaces each iteration when it is replaced (opt/arrfree.c, lists as arrays: rt/run.c run_free_list): never a
# list kept elsewhere (appended to another list, put in a tuple or dict, passed to a kernel, returned), nor the list
# the loop was entered with (an argument), nor when the variable is not replaced on a way back.
from collections import deque


# run: pascal(30)
# expect: ([1, 30, 435, 4060, 27405, 142506, 593775, 2035800], 31, 738605)
def pascal(n):
    row = [1]
    for _ in range(n):
        row = [1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1]
    return row[:8], len(row), sum(row) % 1000003


# run: nested(6)
# expect: [[0, 0, 22, 44, 66, 88, 110], [10, 11], [20, 21, 22], [30, 31, 32, 33], [40, 41, 42, 43, 44], [50, 51, 52, 53, 54, 55]]
def nested(n):
    rows = []
    for i in range(n):
        r = [i * 10 + j for j in range(i + 1)]
        rows.append(r)
        t = [x * 2 for x in r]
        rows[0].append(t[-1])
    return rows


# run: temporaries(50)
# expect: (8348, [0, 0, 1, -1, 2, -2], 100)
def temporaries(n):
    total = 0
    out = []
    for i in range(n):
        t = [i, i + 1, i + 2]
        total += sum(t) + max(t) + len(t) + sorted([3, i, 1])[1]
        out.extend([i, -i])
        u = t * 2
        u.reverse()
        total += u[0] + u.pop() + (5 in u) + u.index(i + 1)
        u[1:3] = t
        total += len(u)
    return total, out[:6], len(out)


# run: escapes(5)
# expect: ({0: [0, 0, 0], 1: [1, 1, 1], 2: [2, 2, 2], 3: [3, 3, 3], 4: [4, 4, 4]}, [[0, 0, 2], [1, 1, 2], [2, 2, 2], [3, 3, 2], [4, 4, 2]], [([0], 0), ([1], 1), ([2], 2), ([3], 3), ([4], 4)])
def escapes(n):
    d = {}
    keep = []
    pairs = []
    for i in range(n):
        a = [i] * 3
        d[i] = a
        b = [i, i]
        keep.append(helper(b))
        c = [i]
        pairs.append((c, i))
    return d, keep, pairs


def helper(x):
    x.append(len(x))
    return x


# run: carried_argument([1, 2, 3], 4)
# expect: ([13, 14, 15], [1, 2, 3])
def carried_argument(start, n):
    cur = start
    for _ in range(n):
        cur = cur + [len(cur)]
    return cur, start


# run: sometimes_replaced(9)
# expect: ([0, 0, 0, -1, -2, 3, -3, -4, -5, 6, -6, -7, -8], [0])
def sometimes_replaced(n):
    cur = [0]
    first = cur
    for i in range(n):
        if i % 3 == 0:
            cur = cur + [i]
        cur.append(-i)
    return cur, first


# run: queues(20)
# expect: 250
def queues(n):
    total = 0
    for i in range(n):
        q = deque([i, i + 1])
        q.appendleft(-i)
        total += q.popleft() + q.pop() + len(q)
        w = deque(maxlen=2)
        w.append(i)
        w.append(i + 1)
        w.append(i + 2)
        total += w[0]
    return total


# run: grow(2000)
# expect: [1995, 1996, 1997, 1998, 1999]
def grow(n):
    acc = []
    for i in range(n):
        acc = acc + [i]
        if len(acc) > 5:
            acc = acc[1:]
    return acc
