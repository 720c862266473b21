# isinstance(x, classinfo) (lower/typetest.c): decided by x's type, with Python's and NumPy's class relations
# (bool is an int, np.float64 a float, np.complex128 a complex, np.generic > np.number > np.integer / np.inexact);
# an `if` on it prunes the arm that cannot run (total's x.sum() is never typed for a float); an Optional answers
# at run time whether it holds a value of the class.
import numpy as np

def maybe(x):
    if x > 0:
        return x
    return None

def total(x):
    if isinstance(x, np.ndarray):
        return float(x.sum())
    return float(x)

def row(v):
    return (isinstance(v, int), isinstance(v, float), isinstance(v, complex), isinstance(v, bool),
            isinstance(v, (str, list)), isinstance(v, tuple), isinstance(v, dict), isinstance(v, set),
            isinstance(v, np.ndarray), isinstance(v, np.generic), isinstance(v, np.number),
            isinstance(v, np.integer), isinstance(v, (np.signedinteger, (np.unsignedinteger,))),
            isinstance(v, np.inexact), isinstance(v, np.floating), isinstance(v, np.complexfloating),
            isinstance(v, np.float32), isinstance(v, np.float64), isinstance(v, object))

# run: kinds(1)
# expect: [(True, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, True), (False, True, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, True), (True, False, False, True, False, False, False, False, False, False, False, False, False, False, False, False, False, False, True), (False, False, True, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, True), (False, False, False, False, True, False, False, False, False, False, False, False, False, False, False, False, False, False, True), (False, False, False, False, True, False, False, False, False, False, False, False, False, False, False, False, False, False, True), (False, False, False, False, False, True, False, False, False, False, False, False, False, False, False, False, False, False, True), (False, False, False, False, False, False, True, False, False, False, False, False, False, False, False, False, False, False, True), (False, False, False, False, False, False, False, True, False, False, False, False, False, False, False, False, False, False, True), (False, False, False, False, False, False, False, False, True, False, False, False, False, False, False, False, False, False, True), (False, True, False, False, False, False, False, False, False, True, True, False, False, True, True, False, False, True, True), (False, False, False, False, False, False, False, False, False, True, True, False, False, True, True, False, True, False, True), (False, False, False, False, False, False, False, False, False, True, True, True, True, False, False, False, False, False, True), (False, False, False, False, False, False, False, False, False, True, True, True, True, False, False, False, False, False, True), (False, False, False, False, False, False, False, False, False, True, False, False, False, False, False, False, False, False, True), (False, False, True, False, False, False, False, False, False, True, True, False, False, True, False, True, False, False, True), (False, False, False, False, False, False, False, False, False, True, True, False, False, True, False, True, False, False, True), (False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, False, True), (False, False, False, False, True, False, False, False, False, False, False, False, False, False, False, False, False, False, True)]
def kinds(n):
    a = np.arange(3.0)
    return [row(1), row(1.5), row(True), row(2j), row("s"), row([1]), row((1, 2)), row({1: 2}), row({1}), row(a),
            row(np.float64(1.0)), row(np.float32(1.0)), row(np.int64(1)), row(np.uint8(1)), row(np.bool_(True)),
            row(np.complex128(1j)), row(np.complex64(1j)), row(None), row(str(n))]

# run: uses(3)
# expect: (3.0, 2.5, True, False, False, True, [1], False)
def uses(n):
    m = maybe(n)
    k = maybe(-n)
    calls = []
    none_is_int = isinstance(calls.append(1), int)  # the call runs once
    return (total(np.ones(n)), total(2.5), isinstance(m, int), isinstance(k, int), isinstance(m, float),
            isinstance(maybe(n), int), calls, none_is_int)
