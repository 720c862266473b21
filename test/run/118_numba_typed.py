# Numba's typed containers and type names, as Numba code writes them: numba.typed.List and Dict are kiln's lists and
# dicts; Dict.empty / List.empty_list take types written as Numba writes them (types.int64, types.float64[:],
# types.unicode_type, types.UniTuple, types.Tuple, types.ListType, types.DictType), also as module constants
# cpython: skip-file (imports numba, which the oracle's environment does not have; the expected values are Numba
# 0.68.1's, each call run under @njit and compared by hand)
# package: skip (the file's kernels are Numba's @njit functions when Numba imports; test/python/test_package.py's
# test_numba_typed_containers runs them through kiln.jit where Numba is installed)
import numba
import numpy as np
from numba import njit, types, typed
from numba.typed import List, Dict
from numba.core import types as ct

int_array = types.int64[:]
pair = types.UniTuple(types.int64, 2)
row = types.Tuple((types.int64, types.float64))
f32_list = types.ListType(types.float32)
int_list = types.ListType(types.int64)

# run: groups(5)
# expect: ({0: [0, 2, 4], 1: [1, 3]}, 2, [0, 2, 4])
@njit
def groups(n):
    d = Dict.empty(key_type=types.int64, value_type=int_list)
    for i in range(n):
        k = i % 2
        if k not in d:
            d[k] = List.empty_list(types.int64)
        d[k].append(i)
    return d, len(d), d[0]

# run: arrays(4)
# expect: (2.0, 3, [0.0, 0.5, 1.0, 1.5])
@njit
def arrays(n):
    d = Dict.empty(key_type=types.unicode_type, value_type=types.float64[:])
    for i in range(n):
        d[str(i)] = np.arange(i) * 0.5
    s = 0.0
    for k, v in d.items():
        s += v.sum()
    return s, len(d['3']), list(np.arange(n) * 0.5)

# run: typed_pairs(3)
# expect: ({(0, 0): 0.0, (1, 1): 0.5, (2, 2): 1.0}, [(0, 0.0), (1, 0.5), (2, 1.0)], 3.0)
@njit
def typed_pairs(n):
    p = Dict.empty(pair, types.float64)
    l = List.empty_list(row)
    for i in range(n):
        p[(i, i)] = i / 2
        l.append((i, i * 0.5))
    t = 0.0
    for a, b in l:
        t += a + b
    return p, l, t - 1.5

# run: lists(4)
# expect: ([1, 2, 3], [0, 2, 4, 6], 12, [3, 2, 1], 4)
@njit
def lists(n):
    m = numba.typed.List([1, 2, 3])
    e = List()
    for i in range(n):
        e.append(i * 2)
    total = 0
    for x in e:
        total += x
    r = typed.List(np.arange(3, 0, -1))
    return m, e, total, r, len(e)

# run: nested(2)
# expect: ({(1, 2): [0.5, 1.5]}, {0: 'x', 1: 'x'}, 3.0, 2)
@njit
def nested(n):
    d2 = typed.Dict.empty(pair, f32_list)
    d2[(1, 2)] = List.empty_list(types.float32)
    d2[(1, 2)].append(np.float32(0.5))
    d2[(1, 2)].append(np.float32(1.5))
    q = Dict()
    for i in range(n):
        q[i] = 'x'
    d = Dict.empty(key_type=types.int64, value_type=int_array)
    d[0] = np.arange(3)
    return d2, q, types.float64(3), len(d[0]) - 1

# run: inline_types(2)
# expect: ({(0, 0): [0.0], (1, 1): [1.0]}, 2)
@njit
def inline_types(n):
    # a type built inside the kernel: Numba 0.68.1 refuses types.UniTuple(...) and types.ListType(...) here
    # (TypingError: no type info ... as a callable), kiln reads them as it reads them at module level
    d = Dict.empty(ct.UniTuple(types.int64, 2), types.ListType(types.float64))
    for i in range(n):
        d[(i, i)] = List([float(i)])
    return d, len(d)
