# the operator module's functions: as values (sorted's key, functools.reduce, itertools.accumulate, map, a
# variable) and called; itemgetter, attrgetter and methodcaller; str's methods through the type (key=str.lower)
# (front/opfuncs.c)
import operator
import operator as op
from operator import itemgetter, attrgetter, mul
from functools import reduce
from collections import namedtuple
import itertools

P = namedtuple('P', 'x y')

# run: uses(4)
# expect: ([(0, 'a', 1.0), (1, 'b', 3.0), (1, 'a', 2.0)], [(0, 'a', 1.0), (1, 'a', 2.0), (1, 'b', 3.0)], 24, 16, [1, 2, 6], [P(x=2.0, y=1.0), P(x=1.0, y=5.0)], 1.0, ['bb', 'a', 'ccc'], 3, [3, 8])
def uses(n):
    pts = [(1, 'b', 3.0), (0, 'a', 1.0), (1, 'a', 2.0)]
    a = sorted(pts, key=operator.itemgetter(0))
    b = sorted(pts, key=itemgetter(0, 1))
    c = reduce(mul, range(1, n + 1))
    d = reduce(operator.add, [1, 2, 3], 10)
    e = list(itertools.accumulate([1, 2, 3], op.mul))
    ps = [P(2.0, 1.0), P(1.0, 5.0)]
    h = sorted(ps, key=attrgetter('y'))
    k = max(ps, key=operator.attrgetter('x')).y
    words = ["bb", "a", "ccc"]
    s = sorted(words, key=operator.methodcaller('count', 'c'))
    adder = operator.add
    fm = list(map(operator.mul, [1, 2], [3, 4]))
    return a, b, c, d, e, h, k, s, adder(1, 2), fm

# run: called(4)
# expect: (7, -1, 0.5, 1, 3, 16, -4, True, False, True, True, 6, False, 4, False, 4, 5, 1, 16, -5, True, [1, 4])
def called(n):
    return (op.add(3, n), op.sub(3, n), op.truediv(n, 8), op.floordiv(7, n), op.mod(7, n), op.pow(2, n), op.neg(n),
            op.lt(1, n), op.ge(1, n), op.eq(n, 4), op.contains([1, 2], 2), op.getitem([5, 6], 1), op.not_(n),
            op.abs(-n), op.truth(0), op.and_(6, n), op.or_(1, n), op.xor(5, n), op.lshift(1, n), op.invert(n),
            op.is_(None, None), op.concat([1], [n]))

# run: getters(3)
# expect: ([[2, 0], [3, 1], [1, 2]], [1, 2, 0], (0, 2))
def getters(n):
    rows = [[3, 1], [1, 2], [2, 0]]
    g = itemgetter(1)
    return sorted(rows, key=g), [g(r) for r in rows], itemgetter(-1, 0)(rows[n - 1])

# run: str_methods(1)
# expect: ([' d ', 'A', 'b', 'c'], ['b', 'A', 'c', 'd'], 'X', 'bXb', 'c', [['a', 'b'], ['c']], 'a-b')
def str_methods(n):
    ws = ["b", "A", "c", " d "]
    return (sorted(ws, key=str.lower), list(map(str.strip, ws)), str.upper("x"), str.replace("aXa", "a", "b"),
            max(ws, key=str.upper), [str.split(w) for w in ["a b", "c"]], str.join("-", ["a", "b"]))
