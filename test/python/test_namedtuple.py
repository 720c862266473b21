"""collections.namedtuple through the package: arguments of namedtuple classes (their names travel with them, so
p.x works and two classes of one shape are two signatures), results made of the right class (an argument's, the
kernel module's, or one made once for a class the module does not name), frozen globals (classes and instances),
lists of named tuples both ways, and the errors."""
import collections
import time
from collections import namedtuple

import numpy as np
import pytest

import kiln

Point = namedtuple("Point", "x y")
Vec = namedtuple("Vec", ["dx", "dy"])
Opts = namedtuple("Opts", "tol maxit", defaults=(1e-6, 50))
ORIGIN = Point(0.0, 0.0)
TIERS = ["interp", "baseline", "opt"]


def jits(f):
    return [kiln.jit(tier=t)(f) for t in TIERS]


def _norm(p):
    return (p.x ** 2 + p.y ** 2) ** 0.5


def _mid(p, q):
    return Point((p.x + q.x) / 2, (p.y + q.y) / 2)


def _ident(x):
    return x


def _first(t):
    return t[0]


def _origin_and_opts():
    return ORIGIN, Opts(), Opts(maxit=3)


def _walk(pts):
    out = []
    for p in pts:
        out.append(p._replace(y=p.y + 1))
    return out


@pytest.mark.parametrize("k", range(3))
def test_fields_by_name_and_result_class(k):
    norm, mid = jits(_norm)[k], jits(_mid)[k]
    assert norm(Point(3.0, 4.0)) == 5.0
    r = mid(Point(0.0, 0.0), Point(3.0, 4.0))
    assert r == (1.5, 2.0) and type(r) is Point and r.y == 2.0


def test_argument_class_comes_back():
    ident = kiln.jit(_ident)
    for v in [Point(1, 2), Vec(1.5, 2.5), (1, 2), Opts()]:
        r = ident(v)
        assert r == v and type(r) is type(v)


def test_two_classes_of_one_shape_are_two_signatures():
    first = kiln.jit(_first)
    assert first(Point(1.0, 2.0)) == 1.0 and first(Vec(3.0, 4.0)) == 3.0 and first((5.0, 6.0)) == 5.0
    norm = kiln.jit(_norm)
    with pytest.raises(kiln.CompileError, match="has no attribute 'x'"):
        norm(Vec(3.0, 4.0))


def test_another_modules_class_of_the_same_names():
    Other = namedtuple("Point", "x y")  # a class of the same name and fields, not the module's
    r = kiln.jit(_mid)(Other(0.0, 0.0), Other(2.0, 2.0))
    assert type(r) is Other and r == (1.0, 1.0)


def test_a_class_the_module_does_not_name():
    Local = namedtuple("Local", "a b")

    @kiln.jit
    def swap(t):
        return Local(t.b, t.a)

    r1, r2 = swap(Local(1, 2)), swap(Local(3, 4))
    assert type(r1) is Local and r1 == (2, 1) and r2 == (4, 3)

    @kiln.jit
    def make(n):
        return Local(n, n + 1)

    m1, m2 = make(1), make(2)
    assert type(m1) is type(m2) and type(m1).__name__ == "Local" and type(m1)._fields == ("a", "b") and m1.b == 2


def test_frozen_globals():
    r = kiln.jit(_origin_and_opts)()
    assert r == ((0.0, 0.0), (1e-6, 50), (1e-6, 3))
    assert type(r[0]) is Point and type(r[1]) is Opts and r[2].maxit == 3


def test_lists_of_named_tuples():
    pts = [Point(float(i), 2.0 * i) for i in range(4)]
    out = kiln.jit(_walk)(pts)
    assert out == [(p.x, p.y + 1) for p in pts] and all(type(p) is Point for p in out)


def test_tuple_subclass_without_fields_is_a_tuple():
    t = time.gmtime(0)  # a struct sequence: no _fields
    assert kiln.jit(_first)(t) == 1970


def test_names_kiln_cannot_take():
    Wide = namedtuple("Wide", ["é", "b"])  # a Python identifier, not an ASCII one
    with pytest.raises(TypeError, match="named tuple whose class name or field names"):
        kiln.jit(_first)(Wide(1, 2))


def test_namedtuple_in_a_kernel_of_an_array():
    @kiln.jit
    def stats(a):
        return Point(a.mean(), a.std())

    s = stats(np.arange(5.0))
    assert type(s) is Point and s == (2.0, np.arange(5.0).std())
