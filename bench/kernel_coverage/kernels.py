"""Realistic kernels as people write them (textbook algorithms, simulations, small solvers), each with its
arguments: bench/kernel_coverage/run.py runs every one under CPython, kiln and Numba and counts who gets CPython's
answer. Written for issue 21 (kiln must run more real code than Numba); not a test (nothing here is tuned to
kiln or to Numba)."""
import itertools
import math
import operator
import random

import bisect
import cmath
import heapq
from collections import Counter, defaultdict, deque, namedtuple

import numpy as np
from numba import types
from numba.typed import Dict, List

WEIGHTS = [0.2, 0.3, 0.5]
Particle = namedtuple("Particle", "x y vx vy")


def sieve(n):
    flags = [True] * (n + 1)
    flags[0] = flags[1] = False
    for i in range(2, int(n ** 0.5) + 1):
        if flags[i]:
            for j in range(i * i, n + 1, i):
                flags[j] = False
    return [i for i in range(n + 1) if flags[i]]


def bubble_sort(a):
    a = list(a)
    n = len(a)
    for i in range(n):
        swapped = False
        for j in range(n - 1 - i):
            if a[j] > a[j + 1]:
                a[j], a[j + 1] = a[j + 1], a[j]
                swapped = True
        if not swapped:
            break
    return a


def quicksort(a):
    if len(a) <= 1:
        return a
    pivot = a[len(a) // 2]
    return quicksort([x for x in a if x < pivot]) + [x for x in a if x == pivot] + quicksort([x for x in a if x > pivot])


def histogram(data, nbins):
    lo, hi = min(data), max(data)
    counts = [0] * nbins
    for x in data:
        k = int((x - lo) / (hi - lo) * nbins)
        if k == nbins:
            k -= 1
        counts[k] += 1
    return counts


def monte_carlo_pi(n):
    random.seed(42)
    hits = 0
    for _ in range(n):
        x, y = random.random(), random.random()
        if x * x + y * y <= 1.0:
            hits += 1
    return 4.0 * hits / n


def random_walk(n):
    np.random.seed(0)
    pos = 0.0
    path = np.empty(n)
    for i in range(n):
        pos += np.random.normal()
        path[i] = pos
    return path.max()


def matmul_lists(n):
    a = [[float(i * n + j) for j in range(n)] for i in range(n)]
    b = [[float(i == j) for j in range(n)] for i in range(n)]
    return [[sum(a[i][k] * b[k][j] for k in range(n)) for j in range(n)] for i in range(n)]


def find_index(a, x):
    for i in range(len(a)):
        if a[i] == x:
            return i
    return None


def binary_search(a, x):
    lo, hi = 0, len(a) - 1
    while lo <= hi:
        mid = (lo + hi) // 2
        if a[mid] == x:
            return mid
        if a[mid] < x:
            lo = mid + 1
        else:
            hi = mid - 1
    return -1


def bfs_distances(n):
    adj = [[(i + 1) % n, (i + 3) % n] for i in range(n)]
    dist = [-1] * n
    dist[0] = 0
    queue = [0]
    while queue:
        u = queue.pop(0)
        for v in adj[u]:
            if dist[v] == -1:
                dist[v] = dist[u] + 1
                queue.append(v)
    return dist


def newton_sqrt(x):
    f = lambda g: g * g - x
    df = lambda g: 2.0 * g
    g = x
    for _ in range(30):
        g -= f(g) / df(g)
    return g


def trapezoid(n):
    def f(x):
        return math.exp(-x * x)
    h = 1.0 / n
    s = 0.5 * (f(0.0) + f(1.0))
    for i in range(1, n):
        s += f(i * h)
    return s * h


def moving_average(x, w):
    out = []
    acc = 0.0
    for i in range(len(x)):
        acc += x[i]
        if i >= w:
            acc -= x[i - w]
        if i >= w - 1:
            out.append(acc / w)
    return np.array(out)


def weighted(x):
    total = 0.0
    for i in range(len(WEIGHTS)):
        total += WEIGHTS[i] * x[i]
    return total


def collatz_max(n):
    best, arg = 0, 0
    for start in range(1, n):
        k, steps = start, 0
        while k != 1:
            k = k // 2 if k % 2 == 0 else 3 * k + 1
            steps += 1
        if steps > best:
            best, arg = steps, start
    return arg, best


def pascal_row(n):
    row = [1]
    for _ in range(n):
        row = [1] + [row[i] + row[i + 1] for i in range(len(row) - 1)] + [1]
    return row


def two_sum(a, target):
    for i in range(len(a)):
        for j in range(i + 1, len(a)):
            if a[i] + a[j] == target:
                return (i, j)
    return None


def gcd_table(n):
    def gcd(a, b):
        while b:
            a, b = b, a % b
        return a
    return sum(gcd(i, j) for i in range(1, n) for j in range(1, n))


def knapsack(weights, values, cap):
    best = [0] * (cap + 1)
    for i in range(len(weights)):
        for c in range(cap, weights[i] - 1, -1):
            cand = best[c - weights[i]] + values[i]
            if cand > best[c]:
                best[c] = cand
    return best[cap]


def nearest_pair(pts):
    best = math.inf
    pair = (0, 0)
    for i in range(len(pts)):
        for j in range(i + 1, len(pts)):
            d = math.hypot(pts[i][0] - pts[j][0], pts[i][1] - pts[j][1])
            if d < best:
                best, pair = d, (i, j)
    return pair, best


def report(n):
    total = 0
    for i in range(n):
        total += i * i
        if i % 5 == 0:
            print(f"step {i}: total = {total:,}")
    return total


def game_of_life(steps):
    n = 8
    grid = np.zeros((n, n), dtype=np.int64)
    grid[1, 2] = grid[2, 3] = grid[3, 1] = grid[3, 2] = grid[3, 3] = 1
    for _ in range(steps):
        new = grid.copy()
        for i in range(n):
            for j in range(n):
                s = 0
                for di in (-1, 0, 1):
                    for dj in (-1, 0, 1):
                        if di or dj:
                            s += grid[(i + di) % n, (j + dj) % n]
                new[i, j] = 1 if s == 3 or (s == 2 and grid[i, j]) else 0
        grid = new
    return grid.sum()


def rle(a):
    out = []
    i = 0
    while i < len(a):
        j = i
        while j < len(a) and a[j] == a[i]:
            j += 1
        out.append((a[i], j - i))
        i = j
    return out


def digit_sums(n):
    out = []
    for x in range(n):
        s = 0
        while x:
            x, r = divmod(x, 10)
            s += r
        out.append(s)
    return out


def fermat_probable_primes(n):
    return [p for p in range(3, n, 2) if pow(2, p - 1, p) == 1]


def word_freq(text):
    counts = dict()
    for w in text.lower().split():
        counts[w] = counts.get(w, 0) + 1
    top = max(counts, key=counts.get)
    return top, sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))[:3]


def poly_fit(xs, ys, deg):
    n = len(xs)
    A = np.empty((n, deg + 1))
    for i in range(n):
        for j in range(deg + 1):
            A[i, j] = xs[i] ** j
    coef = np.linalg.solve(A.T @ A, A.T @ ys)
    return np.round(coef, 6)


def bootstrap_mean(a, reps):
    np.random.seed(42)
    means = np.empty(reps)
    for r in range(reps):
        means[r] = np.random.choice(a, a.shape[0]).mean()
    return means.mean(), means.std()


def resample(t, y, step):
    grid = np.arange(t[0], t[-1], step)
    return np.interp(grid, t, y)


def parse_numbers(fields):
    return list(map(float, filter(None, fields)))


def total(x):
    if isinstance(x, np.ndarray):
        return float(x.sum())
    return float(x)


def least_squares_line(xs, ys):
    A = np.vstack((xs, np.ones(len(xs)))).T
    coef, res, rank, sv = np.linalg.lstsq(A, ys, rcond=None)
    return np.round(coef, 9), int(rank)


def smooth(signal, width):
    w = np.ones(width) / width
    return np.round(np.convolve(signal, w, mode="valid"), 9)


def principal_axis(points):
    centered = points - points.mean(axis=0)
    u, s, vt = np.linalg.svd(centered, full_matrices=False)
    axis = vt[0] if vt[0, 0] >= 0 else -vt[0]
    return np.round(axis, 9), np.round(s, 9)


def condition_report(m):
    sign, logdet = np.linalg.slogdet(m)
    return int(np.linalg.matrix_rank(m)), round(float(np.linalg.cond(m)), 6), float(sign), round(float(logdet), 9)


def orthonormal_basis(m):
    q, r = np.linalg.qr(m)
    return np.round(np.abs(np.diag(r)), 9), np.round(np.abs(q.T @ q), 9)



def grade(scores):
    breakpoints = [60, 70, 80, 90]
    letters = "FDCBA"
    out = []
    for sc in scores:
        out.append(letters[bisect.bisect(breakpoints, sc)])
    return "".join(out)


def row_totals(rows):
    totals = {}
    for name, *values in rows:
        totals[name] = sum(values)
    return totals


def correlation(x, y):
    c = np.corrcoef(x, y)
    return round(float(c[0, 1]), 9), np.round(np.cov(x, y), 9)


def merge_counts(words_a, words_b):
    counts = {}
    for w in words_a:
        counts[w] = counts.get(w, 0) + 1
    other = {}
    for w in words_b:
        other[w] = other.get(w, 0) + 1
    counts.update(other)
    return counts


def largest_step(xs):
    best, where = 0.0, -1
    for i, (a, b) in enumerate(zip(xs, xs[1:])):
        if abs(b - a) > best:
            best, where = abs(b - a), i
    return where, best


def quartiles(a):
    q1, med, q3 = np.percentile(a, [25, 50, 75])
    return q1, med, q3, q3 - q1


def running_stats(xs):
    n = 0
    mean = 0.0
    m2 = 0.0
    def push(x):
        nonlocal n, mean, m2
        n += 1
        d = x - mean
        mean += d / n
        m2 += d * (x - mean)
    for x in xs:
        push(x)
    return n, mean, m2 / (n - 1)


def nearest_cell(cells, target):
    def manhattan(x0, y0, x1, y1):
        return abs(x0 - x1) + abs(y0 - y1)
    best = (0, 0)
    best_d = 10 ** 9
    for c in cells:
        d = manhattan(*c, *target)
        if d < best_d:
            best, best_d = c, d
    return best, best_d

def bounce(n, dt):
    ps = [Particle(float(i), 0.0, 1.0, 2.0 - i) for i in range(n)]
    for step in range(10):
        out = []
        for p in ps:
            x, y = p.x + dt * p.vx, p.y + dt * p.vy
            vy = -p.vy if y < 0 else p.vy
            out.append(p._replace(x=x, y=abs(y), vy=vy))
        ps = out
    height = 0.0
    for p in ps:
        height += p.y
    return ps[-1], height


def word_counts(words):
    counts = Dict.empty(key_type=types.unicode_type, value_type=types.int64)
    for w in words:
        counts[w] = counts.get(w, 0) + 1
    order = List()
    for k in counts:
        if counts[k] > 1:
            order.append(k)
    return counts, order


def anagram_groups(words):
    groups = defaultdict(list)
    for w in words:
        groups["".join(sorted(w))].append(w)
    return [g for g in groups.values() if len(g) > 1]


def top_pairs(a, k):
    pairs = Counter()
    for i in range(len(a) - 1):
        pairs[(a[i], a[i + 1])] += 1
    return pairs.most_common(k)


def count_islands(grid):
    rows, cols = len(grid), len(grid[0])
    seen = set()

    def fill(r, c):
        if r < 0 or c < 0 or r >= rows or c >= cols or grid[r][c] == 0 or (r, c) in seen:
            return
        seen.add((r, c))
        fill(r + 1, c)
        fill(r - 1, c)
        fill(r, c + 1)
        fill(r, c - 1)

    n = 0
    for r in range(rows):
        for c in range(cols):
            if grid[r][c] == 1 and (r, c) not in seen:
                fill(r, c)
                n += 1
    return n


def maze_steps(maze, start, goal):
    h, w = len(maze), len(maze[0])
    q = deque([(start, 0)])
    seen = {start}
    while q:
        (r, c), d = q.popleft()
        if (r, c) == goal:
            return d
        for dr, dc in ((1, 0), (-1, 0), (0, 1), (0, -1)):
            nr, nc = r + dr, c + dc
            if 0 <= nr < h and 0 <= nc < w and maze[nr][nc] == "." and (nr, nc) not in seen:
                seen.add((nr, nc))
                q.append(((nr, nc), d + 1))
    return -1


def window_max(xs, k):
    window = deque()
    out = []
    for i, x in enumerate(xs):
        while window and xs[window[-1]] <= x:
            window.pop()
        window.append(i)
        if window[0] == i - k:
            window.popleft()
        if i >= k - 1:
            out.append(xs[window[0]])
    return out


def top_scores(records, k):
    ranked = sorted(records, key=operator.itemgetter(1), reverse=True)
    return [name for name, score in ranked[:k]]


def prefix_sums(xs):
    return list(itertools.accumulate(xs))


def run_lengths(s):
    return [(ch, len(list(group))) for ch, group in itertools.groupby(s)]


def sample_mean(n, k, seed):
    random.seed(seed)
    picks = random.sample(range(n), k)
    return sum(picks) / k


def weighted_draws(seed):
    random.seed(seed)
    return random.choices(["red", "green", "blue"], weights=[5, 3, 2], k=6)


def chunk_sums(xs):
    sums = []
    i = 0
    while chunk := xs[i:i + 3]:
        sums.append(sum(chunk))
        i += 3
    return sums


def merged_settings(defaults, overrides):
    settings = defaults | overrides
    return settings, settings == defaults


def common_ids(a, b):
    return np.intersect1d(a, b), np.setdiff1d(a, b)


def parse_hex(tokens):
    return [int(t, 16) for t in tokens]


def popcounts(n):
    return [i.bit_count() for i in range(n)]


def neighbor_sums(grid):
    out = np.zeros_like(grid)
    rows, cols = grid.shape
    for (i, j), v in np.ndenumerate(grid):
        for di in (-1, 0, 1):
            for dj in (-1, 0, 1):
                if (di or dj) and 0 <= i + di < rows and 0 <= j + dj < cols:
                    out[i + di, j + dj] += v
    return out


def clip_peaks(a, limit):
    a = a.copy()  # the runner hands the same array to CPython, kiln and Numba
    n = 0
    for k in range(a.size):
        if a.flat[k] > limit:
            a.flat[k] = limit
            n += 1
    return n, a


def row_picks(a, rows):
    return np.take(a, rows, axis=0).sum(axis=1)


def poly_design(x, y, deg):
    v = np.vander(x, deg + 1)
    coef = np.linalg.lstsq(v, y, rcond=None)[0]
    return coef, np.extract(np.abs(v @ coef - y) > 0.5, x)


def negative_count(a):
    bits = a.view(np.int64)
    return int(np.sum(bits < 0)), a.flags.c_contiguous


def logistic_fit(X, y, lr, iters):
    w = np.zeros(X.shape[1])
    for _ in range(iters):
        p = 1.0 / (1.0 + np.exp(-X @ w))
        w -= lr * X.T @ (p - y) / len(y)
    return w


def lu_solve(A, b):
    n = A.shape[0]
    A = A.copy()
    b = b.copy()
    for k in range(n):
        p = k + np.argmax(np.abs(A[k:, k]))
        if p != k:
            A[[k, p]] = A[[p, k]]
            b[[k, p]] = b[[p, k]]
        for i in range(k + 1, n):
            f = A[i, k] / A[k, k]
            A[i, k:] -= f * A[k, k:]
            b[i] -= f * b[k]
    x = np.zeros(n)
    for i in range(n - 1, -1, -1):
        x[i] = (b[i] - A[i, i + 1:] @ x[i + 1:]) / A[i, i]
    return x


def kmeans_step(X, C):
    k = C.shape[0]
    labels = np.empty(X.shape[0], dtype=np.int64)
    for i in range(X.shape[0]):
        d = ((C - X[i]) ** 2).sum(axis=1)
        labels[i] = np.argmin(d)
    newC = np.zeros_like(C)
    counts = np.bincount(labels, minlength=k)
    for i in range(X.shape[0]):
        newC[labels[i]] += X[i]
    for j in range(k):
        if counts[j] > 0:
            newC[j] /= counts[j]
    return labels, newC


def softmax_rows(X):
    e = np.exp(X - X.max(axis=1, keepdims=True))
    return e / e.sum(axis=1, keepdims=True)


def shortest_paths(adj, src):
    dist = [math.inf] * len(adj)
    dist[src] = 0.0
    pq = [(0.0, src)]
    while pq:
        d, u = heapq.heappop(pq)
        if d > dist[u]:
            continue
        for v, w in adj[u]:
            nd = d + w
            if nd < dist[v]:
                dist[v] = nd
                heapq.heappush(pq, (nd, v))
    return dist


def topo_order(n, edges):
    indeg = [0] * n
    out = [[] for _ in range(n)]
    for a, b in edges:
        out[a].append(b)
        indeg[b] += 1
    q = deque([i for i in range(n) if indeg[i] == 0])
    order = []
    while q:
        u = q.popleft()
        order.append(u)
        for v in out[u]:
            indeg[v] -= 1
            if indeg[v] == 0:
                q.append(v)
    return order


def face_normals(P, tris):
    u = P[tris[:, 1]] - P[tris[:, 0]]
    v = P[tris[:, 2]] - P[tris[:, 0]]
    n = np.cross(u, v)
    return n / np.linalg.norm(n, axis=1, keepdims=True)


def submatrix(A, rows, cols):
    return A[np.ix_(rows, cols)], A[..., 0]


def channels_last(img):
    x = img.transpose(1, 2, 0)
    return x.reshape(-1, x.shape[-1]).mean(axis=0)


# thirty-first session: cmath, np.gradient with coordinates, ufunc.at and out=, one-operand einsum, views of complex
# parts, tuples stored into rows, np.diff with prepend

def julia_escape(w, h, c_re, c_im, limit):
    c = complex(c_re, c_im)
    counts = np.zeros((h, w), dtype=np.int64)
    for y in range(h):
        for x in range(w):
            z = complex(-1.5 + 3.0 * x / w, -1.0 + 2.0 * y / h)
            n = 0
            while cmath.polar(z)[0] <= 2.0 and n < limit:
                z = z * z + c
                n += 1
            counts[y, x] = n
    return counts


def quadratic_roots(a, b, c):
    d = cmath.sqrt(b * b - 4 * a * c)
    return (-b + d) / (2 * a), (-b - d) / (2 * a), cmath.phase(d)


def velocity(t, x):
    return np.gradient(x, t), np.gradient(x, t, edge_order=2)


def scatter_add(idx, w, n):
    out = np.zeros(n)
    np.add.at(out, idx, w)
    return out


def normalize_rows(m):
    m = m.copy()  # the arguments are shared by the three runs
    s = m.sum(axis=1, keepdims=True)
    np.divide(m, s, out=m)
    return m


def trace_and_columns(m):
    return np.einsum("ii", m), np.einsum("ij->j", m), np.einsum("ij->ji", m)


def set_phase(z, phi):
    z = z.copy()
    r = np.abs(z)
    z.real[:] = r * np.cos(phi)
    z.imag[:] = r * np.sin(phi)
    return z


def sir_table(beta, gamma, days):
    s, i, r = 0.99, 0.01, 0.0
    out = np.empty((days, 3))
    for d in range(days):
        new_inf = beta * s * i
        new_rec = gamma * i
        s, i, r = s - new_inf, i + new_inf - new_rec, r + new_rec
        out[d] = (s, i, r)
    return out


def steps_from_start(x):
    return np.diff(x, prepend=0.0)



def tapered_energy(x):
    w = np.hanning(len(x))
    k = np.kaiser(len(x), 8.6)
    return ((x - x.mean()) * w).round(12), (w ** 2).sum(), k.round(12)


def dft_matrix(x):
    n = len(x)
    k = np.arange(n)
    M = np.exp(-2j * np.pi * np.outer(k, k) / n)
    X = M @ x
    return np.abs(X).round(9)


def column_percentiles(m):
    return np.percentile(m, [25, 75], axis=0), np.quantile(m, 0.5, axis=1)


def coin_walk(seed, n):
    random.seed(seed)
    x = 0
    for _ in range(n):
        x += random.choice((-1, 1))
    return x, random.choice("HT")


def mark_pairs(a):
    a = a.copy()  # the runner passes one array to CPython, kiln and Numba
    pairs = a[::2].reshape(-1, 2)
    pairs[:, 0] = -pairs[:, 0]
    return a


def show_spectrum(x):
    print(np.round(np.exp(2j * np.pi * x), 3))
    return len(x)



def sync_period(periods):
    p = np.asarray(periods)
    return int(np.lcm.reduce(p)), int(np.gcd.reduce(p))


def log_evidence(logw):
    total = np.logaddexp.reduce(logw)
    return total, np.exp(logw - total)


def top_k_rows(scores, k):
    idx = np.argsort(-scores, axis=1)[:, :k]
    return idx, np.take_along_axis(scores, idx, axis=1)


def bilinear_forms(A, X, Y):
    return np.tensordot(X @ A, Y, axes=([0, 1], [0, 1])), np.tensordot(A, A, axes=2)


def mean_pair_distance(P):
    D = np.sqrt(((P[:, None, :] - P[None, :, :]) ** 2).sum(axis=-1))
    iu = np.triu_indices(len(P), 1)
    return D[iu].mean(), D[iu].max()


def poly_area(c, a, b):
    F = np.polyint(c)
    return np.polyval(F, b) - np.polyval(F, a), np.polyder(c)


def headings(dx, dy):
    deg = np.degrees(np.arctan2(dy, dx))
    return np.where(deg < 0, deg + 360.0, deg), np.radians(90.0)


def mantissas(xs):
    out = []
    for x in xs:
        m, e = math.frexp(x)
        out.append((m, e, math.ldexp(m, e) == x))
    return out

CASES = [
    (sieve, (100,)),
    (bubble_sort, ([5, 2, 9, 1, 5, 6],)),
    (quicksort, ([3, 6, 8, 10, 1, 2, 1],)),
    (histogram, ([0.1, 0.4, 0.35, 0.8, 0.95, 0.5],  4)),
    (monte_carlo_pi, (2000,)),
    (random_walk, (500,)),
    (matmul_lists, (4,)),
    (find_index, (np.array([3.0, 1.0, 4.0]), 4.0)),
    (find_index, (np.array([3.0, 1.0, 4.0]), 7.0)),
    (binary_search, (np.arange(0, 100, 3), 42)),
    (bfs_distances, (10,)),
    (newton_sqrt, (2.0,)),
    (trapezoid, (1000,)),
    (moving_average, (np.arange(10.0), 3)),
    (weighted, (np.array([1.0, 2.0, 3.0]),)),
    (collatz_max, (200,)),
    (pascal_row, (8,)),
    (two_sum, ([2, 7, 11, 15], 9)),
    (two_sum, ([1, 2], 10)),
    (gcd_table, (20,)),
    (knapsack, ([1, 3, 4, 5], [1, 4, 5, 7], 7)),
    (nearest_pair, ([(0.0, 0.0), (5.0, 5.0), (1.0, 1.5), (4.0, 4.5)],)),
    (report, (12,)),
    (game_of_life, (4,)),
    (rle, ([1, 1, 2, 2, 2, 3, 1],)),
    (digit_sums, (30,)),
    (fermat_probable_primes, (60,)),
    (word_freq, ("the cat and the hat and the bat",)),
    (poly_fit, (np.array([0.0, 1.0, 2.0, 3.0, 4.0]), np.array([1.0, 3.0, 7.0, 13.0, 21.0]), 2)),
    (bootstrap_mean, (np.array([1.0, 4.0, 2.0, 8.0, 5.0]), 20)),
    (resample, (np.array([0.0, 1.0, 3.0]), np.array([0.0, 2.0, -2.0]), 0.5)),
    (parse_numbers, (["1.5", "", "2", "-3e1", ""],)),
    (least_squares_line, (np.array([0.0, 1.0, 2.0, 3.0, 4.0]), np.array([1.1, 2.9, 5.2, 7.1, 8.8]))),
    (smooth, (np.array([1.0, 4.0, 2.0, 8.0, 5.0, 7.0, 3.0]), 3)),
    (principal_axis, (np.array([[1.0, 2.0], [2.0, 3.9], [3.0, 6.1], [4.0, 8.0]]),)),
    (condition_report, (np.array([[4.0, 1.0], [2.0, 3.0]]),)),
    (orthonormal_basis, (np.array([[1.0, 2.0], [3.0, 4.0], [5.0, 6.0]]),)),
    (grade, ([33, 99, 77, 70, 89, 90, 100],)),
    (row_totals, ([("a", 1, 2, 3), ("b", 4, 5, 6)],)),
    (correlation, (np.array([1.0, 2.0, 3.0, 4.0, 5.0]), np.array([2.0, 4.1, 5.9, 8.2, 9.9]))),
    (merge_counts, (["a", "b", "a"], ["b", "c"])),
    (largest_step, ([1.0, 1.5, 4.0, 3.0, 3.2],)),
    (quartiles, (np.array([7.0, 1.0, 3.0, 9.0, 4.0, 6.0]),)),
    (running_stats, ([2.0, 4.0, 4.0, 4.0, 5.0, 5.0, 7.0, 9.0],)),
    (nearest_cell, ([(0, 0), (3, 4), (1, 7)], (2, 5))),
    (total, (np.array([1.0, 2.0]),)),
    (total, (3,)),
    (bounce, (4, 0.25)),
    (word_counts, (["to", "be", "or", "not", "to", "be"],)),
    (anagram_groups, (["listen", "silent", "enlist", "google", "cat", "act"],)),
    (top_pairs, ([1, 2, 1, 2, 3, 1, 2], 2)),
    (count_islands, ([[1, 1, 0, 0], [0, 1, 0, 1], [1, 0, 0, 1], [0, 0, 1, 1]],)),
    (maze_steps, (["..#.", "#...", "..#.", ".#.."], (0, 0), (3, 3))),
    (window_max, ([1, 3, -1, -3, 5, 3, 6, 7], 3)),
    (top_scores, ([("ann", 81), ("bob", 95), ("cy", 67), ("di", 88)], 2)),
    (prefix_sums, ([3, 1, 4, 1, 5],)),
    (run_lengths, ("aaabccdddd",)),
    (sample_mean, (1000, 10, 42)),
    (weighted_draws, (7,)),
    (chunk_sums, ([1, 2, 3, 4, 5, 6, 7],)),
    (merged_settings, ({"depth": 3, "width": 8}, {"width": 16})),
    (common_ids, (np.array([5, 1, 9, 3]), np.array([3, 4, 5]))),
    (parse_hex, (["ff", "0x1A", "7"],)),
    (popcounts, (9,)),
    (neighbor_sums, (np.array([[1.0, 2.0, 0.0], [0.0, 3.0, 1.0]]),)),
    (clip_peaks, (np.array([[1.0, 9.0], [7.0, 2.0]]), 5.0)),
    (row_picks, (np.arange(12.0).reshape(4, 3), np.array([3, 0]))),
    (poly_design, (np.array([0.0, 1.0, 2.0, 3.0, 4.0]), np.array([1.0, 2.0, 5.0, 9.0, 18.0]), 2)),
    (negative_count, (np.array([1.5, -0.0, -2.0, 3.0]),)),
    (logistic_fit, (np.array([[1.0, 0.5], [1.0, -1.0], [1.0, 2.0]]), np.array([1.0, 0.0, 1.0]), 0.1, 20)),
    (lu_solve, (np.array([[1.0, 2.0, 0.0], [3.0, 1.0, 1.0], [0.0, 1.0, 4.0]]), np.array([1.0, 2.0, 3.0]))),
    (kmeans_step, (np.array([[0.0, 0.0], [0.1, 0.2], [5.0, 5.0], [5.2, 4.9]]), np.array([[0.0, 0.1], [5.0, 5.1]]))),
    (softmax_rows, (np.array([[1.0, 2.0, 3.0], [0.0, 0.0, 1.0]]),)),
    (shortest_paths, ([[(1, 4.0), (2, 1.0)], [(3, 1.0)], [(1, 2.0), (3, 5.0)], []], 0)),
    (topo_order, (5, [(0, 1), (1, 2), (0, 3), (3, 2), (2, 4)])),
    (face_normals, (np.array([[0.0, 0.0, 0.0], [1.0, 0.0, 0.0], [0.0, 1.0, 0.0], [0.0, 0.0, 2.0]]), np.array([[0, 1, 2], [0, 1, 3]]))),
    (submatrix, (np.arange(20.0).reshape(4, 5), np.array([0, 2]), np.array([1, 3, 4]))),
    (channels_last, (np.arange(24.0).reshape(2, 3, 4),)),
    (julia_escape, (12, 8, -0.8, 0.156, 40)),
    (quadratic_roots, (1.0, 2.0, 5.0)),
    (velocity, (np.array([0.0, 0.5, 1.5, 3.0, 3.5]), np.array([0.0, 1.0, 4.0, 9.0, 12.0]))),
    (scatter_add, (np.array([0, 2, 2, 1, 0]), np.array([1.0, 0.5, 0.25, 2.0, 3.0]), 4)),
    (normalize_rows, (np.array([[1.0, 3.0], [2.0, 2.0]]),)),
    (trace_and_columns, (np.arange(9.0).reshape(3, 3),)),
    (set_phase, (np.array([1 + 1j, -2.0 + 0j, 3j]), 0.5)),
    (sir_table, (0.3, 0.1, 5)),
    (tapered_energy, (np.array([1.0, 3.0, 2.0, 5.0, 4.0, 6.0, 5.0, 8.0]),)),
    (dft_matrix, (np.array([1.0, 2.0, 0.0, -1.0, 1.5, 0.5]),)),
    (column_percentiles, (np.array([[1.0, 5.0, 2.0], [4.0, 3.0, 9.0], [7.0, 8.0, 6.0], [2.0, 0.5, 4.0]]),)),
    (coin_walk, (7, 40)),
    (mark_pairs, (np.arange(12.0),)),
    (show_spectrum, (np.array([0.0, 0.125, 0.25, 0.5]),)),
    (steps_from_start, (np.array([1.0, 4.0, 9.0, 16.0]),)),
    (sync_period, ([4, 6, 10],)),
    (log_evidence, (np.array([-1.5, -0.2, -3.0, -0.9]),)),
    (top_k_rows, (np.array([[0.3, 0.9, 0.1, 0.5], [0.8, 0.2, 0.6, 0.4]]), 2)),
    (bilinear_forms, (np.array([[2.0, 1.0], [0.5, 3.0]]), np.array([[1.0, 0.0], [0.5, 2.0]]), np.array([[1.0, 1.0], [0.0, 2.0]]))),
    (mean_pair_distance, (np.array([[0.0, 0.0], [3.0, 4.0], [6.0, 8.0], [1.0, 1.0]]),)),
    (poly_area, (np.array([3.0, -2.0, 1.0]), 0.0, 2.0)),
    (headings, (np.array([1.0, 0.0, -1.0, 0.5]), np.array([0.0, 1.0, -1.0, -0.5]))),
    (mantissas, ([1.0, 0.1, 1e-310, 12345.678],)),
]
