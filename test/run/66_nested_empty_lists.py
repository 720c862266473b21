# Lists of empty lists whose item type is learned from appends through an index: adjacency lists, buckets, rows
# built one by one (rows[i].append(x), rows[-1].append(x), cube[i][j].append(x)), on every tier, CPython's answers.

# run: graph(4)
# expect: ([[1, 2], [0, 2], [1, 0, 3], [2]], [2, 2, 3, 1], 4)
def graph(n):
    adj = [[] for i in range(n)]
    edges = [(0, 1), (1, 2), (2, 0), (2, 3)]
    for u, v in edges:
        adj[u].append(v)
        adj[v].append(u)
    deg = [len(a) for a in adj]
    total = 0
    for w in adj[2]:
        total += w
    return adj, deg, total

# run: stack(4)
# expect: [[], [0.0], [0.0, 1.5], [0.0, 1.5, 3.0]]
def stack(n):
    rows = []
    for i in range(n):
        rows.append([])
        for j in range(i):
            rows[-1].append(j * 1.5)
    return rows

# run: words(7)
# expect: ([['w0', 'w3', 'w6'], ['w1', 'w4'], ['w2', 'w5']], ['w0,w3,w6', 'w1,w4', 'w2,w5'])
def words(n):
    groups = [[] for _ in range(3)]
    for i in range(n):
        groups[i % 3].append("w" + str(i))
    return groups, [",".join(g) for g in groups]

# run: nested3(5)
# expect: [[[], []], [[5], []]]
def nested3(n):
    cube = [[[] for j in range(2)] for i in range(2)]
    cube[1][0].append(n)
    return cube

# run: buckets(list([0.25, 0.75, 0.5, 0.1, 0.9]), 3)
# expect: ([0.1, 0.25, 0.5, 0.75, 0.9], [2, 1, 2])
def buckets(xs, k):
    b = [[] for _ in range(k)]
    for x in xs:
        b[min(int(x * k), k - 1)].append(x)
    out = []
    for bucket in b:
        bucket.sort()
        out.extend(bucket)
    return out, [len(q) for q in b]

# run: display(7)
# expect: [[7], []]
def display(x):
    rows = [[], []]
    rows[0].append(x)
    return rows

# run: dict_of_lists(7)
# expect: ({0: [0.0, 1.5, 3.0], 1: [0.5, 2.0], 2: [1.0, 2.5]}, {0: ['0', '2', '4', '6'], 1: ['1', '3', '5']}, {0: [1, 2], 1: [0, 2], 2: [1, 0]}, {0: 1.5, 1: 1.25, 2: 1.75})
def dict_of_lists(n):
    groups = {}
    for i in range(n):
        k = i % 3
        if k not in groups:
            groups[k] = []
        groups[k].append(i * 0.5)
    buckets = {}
    for i in range(n):
        buckets.setdefault(i % 2, []).append(str(i))
    adj = {}
    for u, v in [(0, 1), (1, 2), (0, 2)]:
        adj.setdefault(u, []).append(v)
        adj.setdefault(v, []).append(u)
    means = {k: sum(v) / len(v) for k, v in groups.items()}
    return groups, buckets, adj, means
