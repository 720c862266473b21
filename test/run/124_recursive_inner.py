# an inner function that calls itself (lifted into a kernel of its own, front/lift.c): a depth-first search over a
# captured adjacency list marking a captured set, a memoized recursion into a captured dict, a factorial, a
# divide-and-conquer with a default parameter; and empty dicts, sets and lists passed to another kernel that fills
# them (the caller learns their types from the callee)

# run: components(6, [(0, 1), (2, 3), (3, 4)])
# expect: (3, [0, 1, 2, 3, 4, 5], [0, 1, 2, 3, 4, 5])
def components(n, edges):
    adj = [[] for _ in range(n)]
    for a, b in edges:
        adj[a].append(b)
        adj[b].append(a)
    seen = set()
    order = []
    def dfs(u):
        seen.add(u)
        order.append(u)
        for v in adj[u]:
            if v not in seen:
                dfs(v)
    count = 0
    for u in range(n):
        if u not in seen:
            dfs(u)
            count += 1
    return count, sorted(seen), order

# run: fact(10)
# expect: (3628800, 6)
def fact(n):
    def f(k):
        return 1 if k <= 1 else k * f(k - 1)
    return f(n), f(3)

# run: fib_memo(40)
# expect: (102334155, 39)
def fib_memo(n):
    memo = {}
    def fib(k):
        if k < 2:
            return k
        if k in memo:
            return memo[k]
        r = fib(k - 1) + fib(k - 2)
        memo[k] = r
        return r
    return fib(n), len(memo)

# run: depth([1, 2, 3, 4, 5])
# expect: 30
def depth(items):
    scale = 10
    def walk(lo, hi, d=0):
        if hi - lo <= 1:
            return d * scale
        mid = (lo + hi) // 2
        return max(walk(lo, mid, d + 1), walk(mid, hi, d + 1))
    return walk(0, len(items))

# run: permutations_of(3)
# expect: [[0, 1, 2], [0, 2, 1], [1, 0, 2], [1, 2, 0], [2, 0, 1], [2, 1, 0]]
def permutations_of(n):
    out = []
    def go(prefix, rest):
        if not rest:
            out.append(prefix)
            return
        for i in range(len(rest)):
            go(prefix + [rest[i]], rest[:i] + rest[i + 1:])
    go([], list(range(n)))
    return out

# run: comprehension_names(4)
# expect: 23
def comprehension_names(n):
    def walk(k):
        if k == 0:
            return 0
        return sum([v * 2 for v in range(k)]) + walk(k - 1)
    r = walk(n)
    for v in range(3):
        r += v
    return r

def add(s, x):
    s.add(x)

def put(d, k):
    d[k] = k * 0.5

def push(l, x):
    l.append(x)

# run: filled_by_callee(3)
# expect: ({0, 1, 2}, {0: 0.0, 1: 0.5, 2: 1.0}, [(0, 0), (1, 1), (2, 2)])
def filled_by_callee(n):
    s = set()
    d = {}
    l = []
    for i in range(n):
        add(s, i)
        put(d, i)
        push(l, (i, i))
    return s, d, l
