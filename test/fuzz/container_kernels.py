"""container_kernels.py — kernels that apply random operation sequences to Python's containers.

test/fuzz/containers.py calls each with arrays of operation codes and values (a row per sequence: every row
starts from a new container) and compares what kiln returns, on every tier, with what CPython returns for
the same call. Every observation goes into `out` as ints: lengths, items in iteration order, what pop and
friends return, the answers of `in`, index and count, so an item in the wrong place or a wrong length shows.
The values are small (0..19) so that `in`, remove and the dict's keys hit often.
"""
from collections import Counter, defaultdict, deque
import bisect
import heapq


def list_ops(ops, vals):
    """a list: both ends (pop(0)/insert(0) keep room at the front), the middle, slices, sorting"""
    out = []
    for r in range(ops.shape[0]):
        xs = []
        for i in range(ops.shape[1]):
            op = int(ops[r, i]) % 20
            v = int(vals[r, i])
            n = len(xs)
            if op == 0 or op == 1:
                xs.append(v)
            elif op == 2:
                xs.insert(0, v)
            elif op == 3:
                xs.insert(v % (n + 3) - 1, v)
            elif op == 4:
                if xs:
                    out.append(xs.pop())
            elif op == 5:
                if xs:
                    out.append(xs.pop(0))
            elif op == 6:
                if xs:
                    out.append(xs.pop(v % n - n // 2))
            elif op == 7:
                if v in xs:
                    xs.remove(v)
                    out.append(1)
            elif op == 8:
                if xs:
                    xs[v % n] = v + 100
            elif op == 9:
                if xs:
                    del xs[v % n]
            elif op == 10:
                if n < 100:
                    xs.extend(xs[v % (n + 1):])
            elif op == 11:
                xs.reverse()
            elif op == 12:
                xs.sort()
            elif op == 13:
                out.append(xs.index(v) if v in xs else -1)
                out.append(xs.count(v))
            elif op == 14:
                a = v % (n + 1)
                xs[a:a + 2] = [v, v + 1, v + 2]
            elif op == 15:
                a = v % (n + 1)
                del xs[a:a + 3]
            elif op == 16:
                xs += [v, -v]
            elif op == 17:
                if v == 0:
                    xs.clear()
                elif xs:
                    out.append(min(xs) + max(xs))
            elif op == 18:
                ys = xs.copy()
                ys.sort(reverse=True)
                out.append(sum(ys[:3]))
            else:
                xs = xs[1:] + xs[:1]
        out.append(len(xs))
        out.extend(xs)
    return out


def deque_ops(ops, vals, maxlen):
    """a deque, bounded (maxlen >= 0) or not: both ends, rotate, insert, remove, indexing"""
    out = []
    for r in range(ops.shape[0]):
        d = deque(maxlen=maxlen) if maxlen >= 0 else deque()
        for i in range(ops.shape[1]):
            op = int(ops[r, i]) % 14
            v = int(vals[r, i])
            if op == 0:
                d.append(v)
            elif op == 1:
                d.appendleft(v)
            elif op == 2:
                if d:
                    out.append(d.pop())
            elif op == 3:
                if d:
                    out.append(d.popleft())
            elif op == 4:
                d.extend([v, v + 1, v + 2])
            elif op == 5:
                d.extendleft([v, v + 1])
            elif op == 6:
                d.rotate(v % 7 - 3)
            elif op == 7:
                if maxlen < 0 or len(d) < maxlen:
                    d.insert(v % (len(d) + 1), v)
            elif op == 8:
                if v in d:
                    d.remove(v)
            elif op == 9:
                if d:
                    out.append(d[v % len(d)])
                    d[v % len(d)] = v + 1000
            elif op == 10:
                if v % 13 == 0:
                    d.clear()
            elif op == 11:
                out.append(d.count(v))
            elif op == 12:
                d += [v]
            else:
                if d:
                    out.append(d[0] + d[-1])
        out.append(len(d))
        out.extend(d)
    return out


def dict_ops(ops, vals):
    """a dict of int keys: CPython's insertion order through deletions, re-insertions and popitem"""
    out = []
    for r in range(ops.shape[0]):
        d = {}
        for i in range(ops.shape[1]):
            op = int(ops[r, i]) % 13
            k = int(vals[r, i])
            if op == 0 or op == 1:
                d[k] = i
            elif op == 2:
                out.append(d.pop(k, -1))
            elif op == 3:
                if k in d:
                    del d[k]
            elif op == 4:
                out.append(d.get(k, -2))
            elif op == 5:
                out.append(d.setdefault(k, i))
            elif op == 6:
                d.update({k: i, k + 1: -i})
            elif op == 7:
                if d:
                    kv = d.popitem()
                    out.append(kv[0])
                    out.append(kv[1])
            elif op == 8:
                if k in d:
                    d[k] += 1
            elif op == 9:
                out.extend(d.keys())
            elif op == 10:
                if k == 0:
                    d.clear()
            elif op == 11:
                e = d.copy()
                e[k] = 7
                out.append(len(e))
            else:
                out.append(sum(d.values()))
        out.append(len(d))
        for k, v in d.items():
            out.append(k)
            out.append(v)
    return out


def set_ops(ops, vals):
    """a set of ints: CPython's iteration and pop order through adds, removals and the operators"""
    out = []
    for r in range(ops.shape[0]):
        s = set()
        for i in range(ops.shape[1]):
            op = int(ops[r, i]) % 11
            v = int(vals[r, i])
            if op == 0 or op == 1:
                s.add(v)
            elif op == 2:
                s.discard(v)
            elif op == 3:
                if v in s:
                    s.remove(v)
            elif op == 4:
                if s:
                    out.append(s.pop())
            elif op == 5:
                s |= {v, v + 7, v * 3}
            elif op == 6:
                s &= {v, v + 1, v + 2, v + 3, v + 5, v + 8}
            elif op == 7:
                s -= {v, v + 2}
            elif op == 8:
                s ^= {v, v + 4}
            elif op == 9:
                out.append(1 if v in s else 0)
            else:
                out.extend(s)
        out.append(len(s))
        out.extend(s)
    return out


def counter_ops(ops, vals):
    """Counter and defaultdict: counts up and down, most_common's order among ties, the arithmetic"""
    out = []
    for r in range(ops.shape[0]):
        c = Counter()
        g = defaultdict(list)
        for i in range(ops.shape[1]):
            op = int(ops[r, i]) % 9
            v = int(vals[r, i])
            if op == 0 or op == 1:
                c[v] += 1
            elif op == 2:
                c.update([v, v + 1, v])
            elif op == 3:
                c.subtract([v])
            elif op == 4:
                for k, n in c.most_common(3):
                    out.append(k)
                    out.append(n)
            elif op == 5:
                c = c + Counter([v, v])
            elif op == 6:
                g[v % 5].append(v)
            elif op == 7:
                out.append(len(g[v % 7]))
            else:
                out.append(c[v])
        out.append(len(c))
        for k, n in c.items():
            out.append(k)
            out.append(n)
        for k, xs in g.items():
            out.append(k)
            out.extend(xs)
    return out


def heap_ops(ops, vals):
    """heapq and bisect on lists: CPython's sift order, insort's places"""
    out = []
    for r in range(ops.shape[0]):
        h = []
        s = []
        for i in range(ops.shape[1]):
            op = int(ops[r, i]) % 9
            v = int(vals[r, i])
            if op == 0 or op == 1:
                heapq.heappush(h, v)
            elif op == 2:
                if h:
                    out.append(heapq.heappop(h))
            elif op == 3:
                out.append(heapq.heappushpop(h, v))
            elif op == 4:
                if h:
                    out.append(heapq.heapreplace(h, v))
            elif op == 5:
                h.append(v)
                heapq.heapify(h)
            elif op == 6:
                bisect.insort(s, v)
            elif op == 7:
                out.append(bisect.bisect_left(s, v))
                out.append(bisect.bisect_right(s, v))
            else:
                if s:
                    s.pop(v % len(s))
        out.extend(h)
        out.extend(s)
    return out


def list_more(ops, vals):
    """a list: extended slices read, assigned and deleted, key sorts, comprehensions, repetition"""
    out = []
    for r in range(ops.shape[0]):
        xs = []
        for i in range(ops.shape[1]):
            op = int(ops[r, i]) % 16
            v = int(vals[r, i])
            n = len(xs)
            if op < 4:
                xs.append(v)
            elif op == 4:
                out.extend(xs[::-1][:3])
            elif op == 5:
                out.extend(xs[::2])
            elif op == 6:
                if n > 6:
                    del xs[::3]
            elif op == 7:
                if n > 0:
                    out.append(xs.index(xs[v % n], v % n // 2))
            elif op == 8:
                out.extend(sorted(xs, key=lambda x: (x % 3, -x))[:4])
            elif op == 9:
                for j, x in enumerate(xs[:3]):
                    out.append(j * x)
            elif op == 10:
                if n < 50:
                    xs = xs * 2
            elif op == 11:
                out.extend(list(reversed(xs))[:2])
            elif op == 12:
                if n > 3:
                    xs[1:n - 1:2] = [v] * len(xs[1:n - 1:2])
            elif op == 13:
                out.append(1 if xs == sorted(xs) else 0)
            elif op == 14:
                out.append(max(xs, default=-1))
            else:
                xs = [x for x in xs if x != v]
        out.append(len(xs))
        out.extend(xs)
    return out


def set_more(ops, vals):
    """a set: the comparison operators, the named methods, set comprehensions"""
    out = []
    for r in range(ops.shape[0]):
        s = set()
        t = {1, 2, 3}
        for i in range(ops.shape[1]):
            op = int(ops[r, i]) % 12
            v = int(vals[r, i])
            if op < 4:
                s.add(v)
            elif op == 4:
                out.append(1 if s.issubset(t) else 0)
                out.append(1 if s.isdisjoint(t) else 0)
            elif op == 5:
                s = s.union([v, v + 1])
            elif op == 6:
                s.intersection_update({v, v + 1, v + 2, v + 3, v + 4, v + 5, v + 6})
            elif op == 7:
                out.extend(s.symmetric_difference(t))
            elif op == 8:
                t = {x * 2 for x in s if x % 2 == 0}
            elif op == 9:
                out.append(1 if s == t else 0)
                out.append(1 if s <= t else 0)
                out.append(1 if s > t else 0)
            elif op == 10:
                s.difference_update([v, v + 2])
            else:
                s.update(range(v, v + 3))
        out.append(len(s))
        out.extend(s)
        out.extend(t)
    return out


def dict_more(ops, vals):
    """a dict: | and |=, comprehensions, reversed(), max by value, sorted items, =="""
    out = []
    for r in range(ops.shape[0]):
        d = {}
        for i in range(ops.shape[1]):
            op = int(ops[r, i]) % 12
            k = int(vals[r, i])
            if op < 4:
                d[k] = i
            elif op == 4:
                e = {x: x * 2 for x in range(k % 5)}
                d = d | e
            elif op == 5:
                d |= {k: -1}
            elif op == 6:
                out.append(1 if k in d.values() else 0)
            elif op == 7:
                for a, b in sorted(d.items())[:3]:
                    out.append(a)
                    out.append(b)
            elif op == 8:
                out.extend(reversed(d))
            elif op == 9:
                if d:
                    out.append(max(d, key=d.get))
            elif op == 10:
                d = {a: b for a, b in d.items() if b % 2 == 0}
            else:
                out.append(1 if d == {k: i} else 0)
        out.append(len(d))
        for k, v in d.items():
            out.append(k)
            out.append(v)
    return out


def deque_more(ops, vals):
    """a deque: index, reverse, repetition, reversed(), == between deques"""
    out = []
    for r in range(ops.shape[0]):
        d = deque()
        for i in range(ops.shape[1]):
            op = int(ops[r, i]) % 10
            v = int(vals[r, i])
            if op < 4:
                d.append(v)
            elif op == 4:
                out.append(d.index(v) if v in d else -1)
            elif op == 5:
                d.reverse()
            elif op == 6:
                if len(d) < 40:
                    d = d * 2
            elif op == 7:
                out.extend(list(reversed(d))[:2])
            elif op == 8:
                out.append(1 if d == deque(sorted(d)) else 0)
            else:
                if d:
                    d.popleft()
        out.append(len(d))
        out.extend(d)
    return out


def str_ops(ops, vals):
    """strings: concatenation, find/count/rfind, split and join, replace, slicing and reversal, case, strip, center,
    f-strings, in/startswith/endswith, non-ASCII text; the result checked through its length and code points"""
    out = []
    words = ["a", "bc", "dd", " x ", "é", "Zz", "", "a,b", "ab"]
    for r in range(ops.shape[0]):
        s = ""
        parts = []
        for i in range(ops.shape[1]):
            op = int(ops[r, i]) % 18
            v = int(vals[r, i])
            w = words[v % len(words)]
            if op < 3:
                s += w
            elif op == 3:
                s = w + s
            elif op == 4:
                out.append(s.find(w))
                out.append(s.count(w) if w else -1)
            elif op == 5:
                parts = s.split(",")
                out.append(len(parts))
            elif op == 6:
                s = "-".join(parts)
            elif op == 7:
                s = s.replace(w, "q") if w else s
            elif op == 8:
                s = s[v % (len(s) + 1):] + s[:v % (len(s) + 1)]
            elif op == 9:
                out.append(1 if w in s else 0)
                out.append(1 if s.startswith(w) else 0)
                out.append(1 if s.endswith(w) else 0)
            elif op == 10:
                s = s.strip()
            elif op == 11:
                s = s.upper() if v % 2 else s.lower()
            elif op == 12:
                out.append(s.rfind(w))
            elif op == 13:
                s = s[::-1]
            elif op == 14:
                if len(s) > 40:
                    s = s[:20]
            elif op == 15:
                out.append(sum(ord(c) for c in s) % 1000)
            elif op == 16:
                s = s.center(v % 12, "*") if len(s) < 30 else s
            else:
                s = f"{s}{v:03d}" if len(s) < 30 else s
        out.append(len(s))
        out.append(sum(ord(c) * (k + 1) for k, c in enumerate(s)) % 100003)
    return out


def nested_ops(ops, vals):
    """containers inside containers: a dict of lists (setdefault), a defaultdict of sets, a list of tuples sorted, a set
    of tuples, a heap of tuples, a deque of pairs, max with a key and a default"""
    out = []
    for r in range(ops.shape[0]):
        groups = {}
        tags = defaultdict(set)
        pairs = []
        seen = set()
        pq = []
        q = deque()
        for i in range(ops.shape[1]):
            op = int(ops[r, i]) % 14
            v = int(vals[r, i])
            k = v % 5
            if op < 2:
                groups.setdefault(k, []).append(v)
            elif op == 2:
                tags[k].add(v % 7)
            elif op == 3:
                pairs.append((v % 4, -v, i))
            elif op == 4:
                pairs.sort()
                if pairs:
                    out.append(pairs[0][1])
            elif op == 5:
                seen.add((k, v % 3))
            elif op == 6:
                out.append(1 if (k, v % 3) in seen else 0)
            elif op == 7:
                heapq.heappush(pq, (v % 6, i, k))
            elif op == 8:
                if pq:
                    a, b, c = heapq.heappop(pq)
                    out.append(a * 100 + c)
            elif op == 9:
                if k in groups and groups[k]:
                    out.append(groups[k].pop())
            elif op == 10:
                q.append((k, v))
                if len(q) > 4:
                    a, b = q.popleft()
                    out.append(a + b)
            elif op == 11:
                for key in sorted(tags):
                    out.append(key * 10 + len(tags[key]))
            elif op == 12:
                best = max(pairs, key=lambda p: (p[0], p[2]), default=(0, 0, 0))
                out.append(best[2])
            else:
                merged = sorted(x for xs in groups.values() for x in xs)
                out.append(sum(merged[:3]))
        for key in sorted(groups):
            out.append(key)
            out.extend(groups[key])
        out.append(len(pairs))
        out.append(len(seen))
    return out
