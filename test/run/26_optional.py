# Section 9: a function returning None on some paths and a value on others returns an Optional: the
# caller gets None or the value; a kernel calling it tests `is None` / `is not None`, and using a None
# as a number raises CPython's TypeError
import numpy as np

def find(a, x):
    for i in range(len(a)):
        if a[i] == x:
            return i
    return None

# run: find(np.array([1.0, 2.0, 3.0]), 2.0)
# expect: 1

# run: find(np.array([1.0, 2.0, 3.0]), 5.0)
# expect: None

# a bare early return, and falling off the end after a value on another path
# run: early(-3)
# expect: None
def early(n):
    if n < 0:
        return
    s = 0
    for i in range(n):
        s += i
    return s

# run: early(5)
# expect: 10

# run: tail_none(4)
# expect: 2.0
def tail_none(n):
    if n > 2:
        return n * 0.5

# run: tail_none(1)
# expect: None

# run: user(np.array([4.0, 5.0, 6.0]), 6.0)
# expect: 20
def user(a, x):
    r = find(a, x)
    if r is None:
        return -1
    return r * 10

# run: user(np.array([4.0]), 7.0)
# expect: -1

# run: tests(np.array([4.0, 5.0]))
# expect: (False, True, True, True, False, True)
def tests(a):
    hit, miss = find(a, 5.0), find(a, 9.0)
    return hit is None, hit is not None, miss is None, miss == None, None != miss, not (hit is None)

# using a None result as a number: CPython's TypeError, with both operands' types
# run: add_one(np.array([1.0]), 1.0)
# expect: 1
def add_one(a, x):
    return find(a, x) + 1

# run: add_one(np.array([1.0]), 3.0)
# expect-error: line 62: TypeError: unsupported operand type(s) for +: 'NoneType' and 'int'

# run: mul_none(np.array([1.0]), 3.0)
# expect-error: line 70: TypeError: unsupported operand type(s) for *: 'float' and 'NoneType'
def mul_none(a, x):
    return 2.5 * find(a, x)

# run: counts(np.array([3.0, 1.0, 3.0, 2.0]))
# expect: 3
def counts(a):
    found = 0
    for v in (1.0, 2.0, 3.0, 4.0):
        if find(a, v) is not None:
            found += 1
    return found

# Optionals of arrays, lists and tuples come back as None or the value
# run: maybe_array(0)
# expect: None
def maybe_array(n):
    if n == 0:
        return None
    return np.arange(n) * 2

# run: maybe_array(3)
# expect: [0, 2, 4]

# run: maybe_list(2)
# expect: [0.0, 1.5]
def maybe_list(n):
    if n > 3:
        return None
    return [i * 1.5 for i in range(n)]

# run: maybe_list(7)
# expect: None

# run: maybe_pair(1.0, 2.0)
# expect: (1.0, 3.0)
def maybe_pair(x, y):
    if x > y:
        return
    return (x, y + 1)

# run: maybe_pair(3.0, 2.0)
# expect: None

# an Optional passed on: the caller's caller gets it
# run: relay(np.array([7.0, 8.0]), 8.0)
# expect: 1
def relay(a, x):
    return find(a, x)

# run: relay(np.array([7.0, 8.0]), 1.0)
# expect: None

# a recursive search that returns None when it fails
# run: bsearch(np.array([1.0, 3.0, 5.0, 7.0, 9.0]), 7.0, 0, 4)
# expect: 3
def bsearch(a, x, lo, hi):
    if lo > hi:
        return None
    mid = (lo + hi) // 2
    if a[mid] == x:
        return mid
    if a[mid] < x:
        return bsearch(a, x, mid + 1, hi)
    return bsearch(a, x, lo, mid - 1)

# run: bsearch(np.array([1.0, 3.0, 5.0, 7.0, 9.0]), 4.0, 0, 4)
# expect: None

# unpacking: a tuple of Optionals keeps them; unpacking an Optional tuple that is None raises
# run: unpack(1.0, 2.0)
# expect: ((1.0, 3.0), True, 4.0)
def unpack(x, y):
    p, q = maybe_pair(x, y), maybe_pair(y, x)
    a, b = maybe_pair(x, y)
    return p, q is None, a + b

# run: unpack(2.0, 1.0)
# expect-error: line 142: TypeError: cannot unpack non-iterable NoneType object

# a None used where Python's error would not be about an operator: kiln's TypeError names the cause
# cpython: skip (deviation: CPython's message is the operation's, e.g. "only integers, slices ... are valid indices")
# run: index_with(np.array([1.0, 2.0]), 5.0)
# expect-error: line 153: TypeError: a function's None result was used as a value (Python raises TypeError at the operation)
def index_with(a, x):
    return a[find(a, x)]

# variables holding None on some paths and a value on others are Optionals too: the running best, a found
# index, a value set in one branch
# run: best_of(np.array([3.0, 1.0, 2.0]))
# expect: 1.0
def best_of(a):
    best = None
    for x in a:
        if best is None or x < best:
            best = x
    return best

# run: best_of(np.array([]))
# expect: None

# run: first_negative(np.array([1.0, -2.0, -3.0]))
# expect: 10
def first_negative(a):
    hit = None
    for i in range(len(a)):
        if a[i] < 0:
            hit = i
            break
    if hit is None:
        return -1
    return hit * 10

# run: first_negative(np.array([1.0]))
# expect: -1

# run: set_in_branch(5)
# expect: (2.5, False)
def set_in_branch(n):
    r = None
    if n > 2:
        r = n * 0.5
    return r, r is None

# run: set_in_branch(1)
# expect: (None, True)

# comparing with None raises CPython's TypeError where it runs
# run: none_order(1.5)
# expect-error: line 200: TypeError: '<' not supported between instances of 'float' and 'NoneType'
def none_order(x):
    v = None
    return x < v
