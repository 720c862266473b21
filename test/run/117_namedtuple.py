# collections.namedtuple: classes defined at module level (names in a string or a list, defaults=, rename=), their
# constructor (positional, keyword and default arguments), fields by name, _fields, _replace, _asdict, _make,
# isinstance, the repr in print/str/f-strings and inside lists and dicts, and everything a tuple does: index,
# slice, unpack, iterate, compare, hash, sort, key a dict or a set, pass to kernels and come back
from collections import namedtuple
from typing import NamedTuple
import collections
import typing
import numpy as np
import math

Point = namedtuple('Point', ['x', 'y'])
P3 = collections.namedtuple('P3', 'x, y z', defaults=(0.5,))
Opts = namedtuple('Opts', 'tol maxit verbose', defaults=[1e-9, 100, False])
Odd = namedtuple('Odd', 'a def _c a', rename=True)
Body = namedtuple('Body', 'pos vel mass')
Single = namedtuple('Single', 'v')
ORIGIN = Point(0.0, 0.0)


class Interval(NamedTuple):
    """typing's class form: fields, annotations read and dropped, defaults last"""
    lo: float
    hi: float = 1.0


class Cell(typing.NamedTuple):
    row: int
    col: int
UNIT = P3(1.0, y=1.0)

def norm(p):
    return math.sqrt(p.x ** 2 + p.y ** 2)

def step(b, dt):
    return b._replace(pos=Point(b.pos.x + dt * b.vel.x, b.pos.y + dt * b.vel.y))

# run: basics(3)
# expect: (Point(x=1.0, y=2.0), Point(x=3.0, y=3), P3(x=1.0, y=2.0, z=0.5), P3(x=1, y=2, z=3), 1.0, 3, 2.0, 1.0, 2.0, 3.5, 2)
def basics(n):
    p = Point(1.0, 2.0)
    q = Point(x=3.0, y=n)
    r = P3(1.0, 2.0)
    s = P3(z=3, y=2, x=1)
    a, b = p
    total = 0.0
    for v in r:
        total += v
    return p, q, r, s, p.x, q.y, p[1], a, b, total, len(p)

# run: printing(2)
# expect: (Point(x=1.5, y=-2), "Point(x=1.5, y=-2) Single(v='s') [Point(x=0, y=0), Point(x=1, y=1)]", "{Point(x=1, y=2): 'a'}", Opts(tol=1e-09, maxit=100, verbose=False), 'Point(x=0.0, y=0.0) P3(x=1.0, y=1.0, z=0.5) Single(v=2)')
def printing(n):
    p = Point(1.5, -n)
    pts = [Point(i, i * i) for i in range(n)]
    d = {Point(1, 2): 'a'}
    return p, f"{p} {Single('s')} {pts}", str(d), Opts(), f"{ORIGIN} {UNIT} {repr(Single(n))}"

# run: methods(4)
# expect: (Point(x=1.0, y=5.0), {'x': 1.0, 'y': 2.0}, Point(x=7, y=8), Point(x=3.0, y=4.0), Point(x=2, y=3), ('x', 'y'), ('x', 'y'), 'Point', ('a', '_1', '_2', '_3'), Odd(a=1, _1=2, _2=3, _3=4), (2.0,))
def methods(n):
    p = Point(1.0, 2.0)
    arr = np.array([3.0, n * 1.0])
    return (p._replace(y=5.0), p._asdict(), Point._make([7, 8]), Point._make(arr), Point._make((2, 3)), Point._fields,
            p._fields, Point.__name__, Odd._fields, Odd(1, 2, 3, 4), p[1:])

# run: tuples(3)
# expect: (True, True, False, True, True, True, [Point(x=0, y=2), Point(x=1, y=1), Point(x=2, y=0)], Point(x=2, y=0), 2, True, True, False, (1, 2), 3)
def tuples(n):
    p = Point(1, 2)
    same = p == (1, 2)
    pts = [Point(n - 1 - i, i) for i in range(n)]
    pts.sort()
    seen = {Point(1, 2), Point(1, 2), Point(2, 1)}
    d = {}
    d[p] = 3
    return (same, p == Point(1, 2), p < Point(1, 1), p[-1] == 2, isinstance(p, Point), isinstance(p, tuple),
            pts, max(pts, key=lambda q: q.x), len(seen), 2 in p, Point(1, 2) in seen, isinstance(p, P3), p[:], d[(1, 2)])

# run: physics(5)
# expect: (Point(x=5.0, y=31.0), 31.400636936215164, 5.0, Body(pos=Point(x=0.5, y=0.25), vel=Point(x=1.0, y=0.5), mass=2.0))
def physics(n):
    p = Point(0.0, 0.0)
    for i in range(n):
        p = Point(p.x + 1.0, p.y * 2.0 + 1.0)
    b = Body(Point(0.0, 0.0), Point(1.0, 0.5), 2.0)
    for i in range(n):
        b = step(b, 0.1)
    return p, norm(p), norm(Point(3.0, 4.0)), b

# run: options(3)
# expect: (Opts(tol=1e-09, maxit=3, verbose=False), Opts(tol=0.1, maxit=100, verbose=True), 103)
def options(n):
    a = Opts(maxit=n)
    b = Opts(0.1, verbose=True)
    return a, b, a.maxit + b.maxit

# run: unpack_loop(3)
# expect: (3.0, 12.0, [Point(x=0.0, y=0.0), Point(x=1.0, y=2.0), Point(x=2.0, y=4.0)])
def unpack_loop(n):
    pts = []
    for i in range(n):
        pts.append(Point(float(i), 2.0 * i))
    sx = 0.0
    sy = 0.0
    for x, y in pts:
        sx += x
        sy += y
    for p in pts:
        sy += p.y
    return sx, sy, pts

# run: make_bad([1, 2, 3])
# expect-error: line 116: TypeError: Expected 2 arguments, got 3
def make_bad(v):
    return Point._make(v)

# run: with_defaults(1)
# expect: (1.0, Point(x=1, y=2), 0.5)
def with_defaults(n, p=ORIGIN, q=Point(1, y=2), r=UNIT):
    return p.y + n, q, r.z

# run: typed_classes(3)
# expect: (Interval(lo=0.5, hi=1.0), Cell(row=3, col=2), 0.5, Cell(row=0, col=2), ('lo', 'hi'), True)
def typed_classes(n):
    a = Interval(0.5)
    c = Cell(n, col=2)
    return a, c, a.hi - a.lo, c._replace(row=0), Interval._fields, isinstance(c, Cell)
