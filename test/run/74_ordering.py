# Python's ordering of tuples, strings and lists in sorts (rt/list.c's item_lt, a stable merge sort of positions):
# sorted()/sort() of lists of tuples and lists, keys giving tuples, strings or lists, reverse=True, dict.items()
# as a value; the kernels real code sorts with (word counts, Kruskal's edges, leaderboards). CPython's answers.

# run: tuples(3)
# expect: ([(1, 'a'), (1, 'z'), (2, 'b'), (3, 'a'), (3, 'c')], [(0.125, 2, 3), (0.25, 0, 1), (0.5, 0, 2), (0.5, 1, 2)], [[], [1, 2], [1, 2, 3], [3], [3, 1]], [(3, 'c'), (3, 'a'), (2, 'b'), (1, 'z'), (1, 'a')], [(3, 'a'), (1, 'a'), (2, 'b'), (3, 'c'), (1, 'z')], [(False, 3), (True, 1), (True, 2)], [((1, 3), 'y'), ((3, 1), 'x')])
def tuples(n):
    pairs = [(3, "c"), (1, "z"), (3, "a"), (2, "b"), (1, "a")]
    edges = [(0.5, 1, 2), (0.25, 0, 1), (0.5, 0, 2), (0.125, 2, 3)]
    nested = [[3, 1], [1, 2, 3], [1, 2], [], [3]]
    a = sorted(pairs)
    b = sorted(edges)
    e = sorted(nested)
    h = sorted(pairs, reverse=True)
    pairs.sort(key=lambda p: p[1])
    return a, b, e, h, pairs, sorted([(True, 2), (False, 3), (True, 1)]), sorted([((n, 1), "x"), ((1, n), "y")])

# run: keys(3)
# expect: (['fig', 'Fig', 'pear', 'kiwi', 'apple', 'banana'], ['Fig', 'fig', 'kiwi', 'pear', 'apple', 'banana'], ['apple', 'banana', 'fig', 'Fig', 'kiwi', 'pear'], ['banana', 'apple', 'fig', 'Fig', 'kiwi', 'pear'], ['fig', 'Fig', 'pear', 'kiwi', 'apple', 'banana'], [6, 3, 0, 7, 4, 1, 8, 5, 2])
def keys(n):
    words = ["pear", "apple", "fig", "banana", "kiwi", "Fig"]
    c = sorted(words, key=len)
    d = sorted(words, key=lambda w: (len(w), w))
    k = sorted(words, key=lambda w: w.lower())
    words.sort(key=lambda w: w[-1])
    r = sorted(words, key=lambda w: (-len(w), w), reverse=True)
    return c, d, k, words, r, sorted(range(n * 3), key=lambda i: (i % 3, -i))

# run: word_counts('the cat and the hat the end and the cat')
# expect: ([('the', 4), ('and', 2), ('cat', 2)], [('the', 4), ('cat', 2), ('and', 2), ('hat', 1), ('end', 1)], [('and', 2), ('cat', 2), ('end', 1), ('hat', 1), ('the', 4)], 5)
def word_counts(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    items = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    pairs = list(counts.items())
    return items[:3], pairs, sorted(counts.items()), len(counts.items())

# run: kruskal(5)
# expect: (4, [(3, 4), (0, 4), (2, 3), (1, 2)])
def kruskal(n):
    edges = []
    for u in range(n):
        for v in range(u + 1, n):
            edges.append(((u * 7 + v * 3) % 11, u, v))
    edges.sort()
    parent = list(range(n))
    total = 0
    used = []
    for w, u, v in edges:
        ru = u
        while parent[ru] != ru:
            ru = parent[ru]
        rv = v
        while parent[rv] != rv:
            rv = parent[rv]
        if ru != rv:
            parent[ru] = rv
            total += w
            used.append((u, v))
    return total, used

# run: stable(4)
# expect: ([(0, 'r0'), (0, 'r4'), (0, 'r8'), (1, 'r1'), (1, 'r5'), (1, 'r9'), (2, 'r2'), (2, 'r6'), (2, 'r10'), (3, 'r3'), (3, 'r7'), (3, 'r11')], ['', 'E', 'a', 'ab', 'b', 'e', 'é'], [[2, 1], [2], [1, 5, 5]])
def stable(n):
    rows = [(i % n, "r" + str(i)) for i in range(12)]
    by_first = sorted(rows, key=lambda r: r[0])
    names = sorted(["b", "a", "é", "E", "e", "ab", ""])
    return by_first, names, sorted([[2, 1], [2], [1, 5, 5]], reverse=True)
