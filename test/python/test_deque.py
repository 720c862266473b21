"""collections.deque through the package: deque arguments (unbounded and bounded, in a list too) whose changes the
caller sees in the same deque object, deque results with their maxlen, and the errors."""
from collections import deque

import numpy as np
import pytest

import kiln

TIERS = ["interp", "baseline", "opt"]


def jits(f):
    return [kiln.jit(tier=t)(f) for t in TIERS]


def _bfs(adj, start):
    q = deque([start])
    seen = {start}
    order = []
    while q:
        v = q.popleft()
        order.append(v)
        for w in adj[v]:
            if w not in seen:
                seen.add(w)
                q.append(w)
    return order


def _grow(d, x):
    d.append(x)
    d.appendleft(-x)
    return len(d)


def _window(xs, k):
    w = deque(maxlen=k)
    out = []
    for x in xs:
        w.append(x)
        out.append(sum(w) / len(w))
    return w, out


def _pair(n):
    return deque(range(n)), deque([0.5] * n, maxlen=2), deque()


def _first(rows):
    rows[0].rotate(1)
    rows[1].popleft()
    return rows[0][0] + len(rows)


def _ident(x):
    return x


def _pop(d):
    return d.pop()


@kiln.jit
def _pop2(d):
    d.pop()
    return d.pop()


@pytest.mark.parametrize("f", jits(_bfs))
def test_bfs(f):
    adj = [[1, 2], [3], [3, 4], [], [0]]
    assert f(adj, 0) == _bfs(adj, 0) == [0, 1, 2, 3, 4]


@pytest.mark.parametrize("f", jits(_grow))
def test_changes_come_back_into_the_same_deque(f):
    for d in (deque([1, 2, 3], maxlen=4), deque([1, 2, 3]), deque([1.5]), deque(maxlen=0)):
        mine, theirs = deque(d, d.maxlen), deque(d, d.maxlen)
        x = 7.5 if isinstance(d[0] if d else 0, float) else 7
        same = mine
        assert f(mine, x) == _grow(theirs, x)
        assert mine is same and mine == theirs and mine.maxlen == theirs.maxlen


@pytest.mark.parametrize("f", jits(_window))
def test_bounded_result(f):
    w, out = f(np.array([1.0, 3.0, 2.0, 8.0]), 3)
    pw, pout = _window([1.0, 3.0, 2.0, 8.0], 3)
    assert type(w) is deque and list(w) == list(pw) and w.maxlen == 3 and out == pout


@pytest.mark.parametrize("f", jits(_pair))
def test_results(f):
    a, b, c = f(3)
    assert (a, b, c) == _pair(3)
    assert [type(x) for x in (a, b, c)] == [deque] * 3 and (a.maxlen, b.maxlen, c.maxlen) == (None, 2, None)
    assert repr(b) == "deque([0.5, 0.5], maxlen=2)"


@pytest.mark.parametrize("f", jits(_first))
def test_deques_in_a_list(f):
    rows = [deque([1, 2, 3]), deque([4, 5])]
    mine = [deque(r) for r in rows]
    inner = mine[0]
    assert f(mine) == _first(rows)
    assert mine == rows and mine[0] is inner


@pytest.mark.parametrize("f", jits(_ident))
def test_roundtrip(f):
    for d in (deque([1, 2]), deque([(1, 2.5)], maxlen=3), deque(["a", "bc"]), deque([[1], [2, 3]])):
        r = f(d)
        assert r == d and type(r) is deque and r.maxlen == d.maxlen


def test_errors():
    f = kiln.jit(_grow)
    with pytest.raises(TypeError, match="list"):
        f([deque([1]), [1]][1], 2)  # a list has no appendleft: kiln's compile error, a TypeError
    g = kiln.jit(_ident)
    with pytest.raises(TypeError, match="maxlen"):
        g(deque([1], maxlen=2**40))
    h = kiln.jit(_pop)
    assert h(deque([4])) == 4
    with pytest.raises(IndexError, match="pop from an empty deque"):
        h(deque([1.5], maxlen=1)) + h(deque([2.5])) + _pop2(deque([1.5]))
    k = kiln.jit(_first)
    with pytest.raises(TypeError):
        k([deque([1]), [2]])  # a deque and a list in one list: items of two types
