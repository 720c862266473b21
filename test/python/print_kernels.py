"""Kernels that print (test_print.py runs each under CPython and under kiln on every tier and compares what
they write to sys.stdout)."""
import numpy as np


def basics(n):
    print("hello", n, 2.5, True, None)
    print(n * 0.1, -0.0, 1e300 * 10, 1j, 1 + 2j, 10 ** 18, -7 // 2, 7 / 2)
    print()
    return n


def separators(n):
    print(1, 2, 3, sep=", ")
    print("a", "b", sep="", end="|")
    print(n, end="")
    print(" tail", sep=None, end=None)


def containers(n):
    a = [1, 2, n]
    print(a, (n, 0.5), [[1.5], []], [(1, 2.5)], (n,), ())
    print([True, False], [i * 0.5 for i in range(n)])


def numpy_scalars(x):
    print(x[0], x.sum(), np.int64(7), x[1] > 0, np.uint8(200), x.argmax())
    print([x[0]], (x[1], np.int32(-3)), [x[1] > 0])


def progress(n):
    total = 0
    for i in range(n):
        total += i * i
        if i % 3 == 0:
            print("step", i, "total", total)
    print("done:", total)
    return total




def fstrings(n):
    x = n * 0.1
    print(f"n = {n}, x = {x}, both: {n}{x}")
    print(f"{x:.3f} {x:10.4f}|{x:<10.2e}|{x:^12.3g}|{x:+.1f} {-x:.2f} {x:%} {x:.1%}")
    print(f"{n:5d}|{n:<5}|{n:^7}|{n:05d}|{n:+d}|{-n:x}|{255:#x}|{255:X}|{5:b}|{8:#o}")
    print(f"{1234567:,}|{1234567.891:,.2f}|{1234567:_}|{65535:_x}")
    print(f"{'a':>4}|{'b':*^5}|{True}|{None}|{[n, n]}|{(x, 1)}|{n!r} {{braces}}")
    print(f"{1e300 * 1e10:.2f} {-(1e300 * 1e10):e} {0.5:g} {1e-5:g} {123456789.0:g} {1e16:G}")
    print("plain", f"{n}" "then", f"{x:.2f}")


def fstring_numpy(a):
    print(f"{a[0]} {a[0]:.2f} {a.sum():.4e} {len(a)} {a.argmax():3d} {a[1] > 0}")


def arrays(n):
    # NumPy 2's str() of arrays at the top, repr() inside lists, tuples and dicts (rt/arrayfmt.c): widths, wrapping
    # at 75 columns, scientific notation, nan/inf, summaries past 1000 elements, dtypes a repr names
    a = np.arange(n) * 0.5
    print(a)
    print(a * 1e9, a / 3.0, sep="\n")
    print(np.arange(n) - 3, a > 1.0)
    b = np.arange(12.0).reshape(3, 4) / 7.0
    print(b)
    print([b[0], b[1]], (np.arange(n), 1), {1: a[:2]})
    c = np.zeros(3)
    c[0] = np.nan
    c[1] = -np.inf
    c[2] = 2.5
    print(c, np.ones(3) * np.inf)
    print(np.arange(2000.0))
    print(np.arange(3000).reshape(30, 100))
    print(np.array([1e-5, 1.5, -3.25]), np.array([0.1, 0.2, 0.30000000000000004, 1.0 / 3.0]))
    print(np.array([123456.789, 0.001]), np.array([1.0, -0.0]))
    print(np.arange(24.0).reshape(2, 3, 4) * 1.1)
    print(np.ones(5, dtype=np.float32) / 3, np.array([9998030.0, 1436369.5], dtype=np.float32))
    print([np.ones(3, dtype=np.int32), np.zeros(0, dtype=np.int32)])
    print(np.arange(40, dtype=np.int16), [np.arange(40, dtype=np.uint8)])
    print([np.zeros((2, 0))], np.zeros((2, 0)))
    print([np.arange(100.0) / 7])
    print([np.ones((3, 3), dtype=np.float32)])
    print(b.T, b[:, ::2])


def small_floats(a, c):
    # float32 and complex64 scalars: their own shortest digits, NumPy 2's float32 cutoffs (1e-4, 1e6), and
    # inside containers np.float32(...) / np.complex64(...) (a complex without its own parentheses there)
    for i in range(len(a)):
        print(a[i], [a[i]], (a[i], 1))
    for i in range(len(c)):
        print(c[i], [c[i]])
    print([np.complex128(1.5 - 2j)], np.float32(1) / np.float32(3))


def sets(n):
    # sets print in CPython's iteration order (keys that collide in the table, floats, tuples, an emptied set)
    s = set()
    for i in range(n):
        s.add(i * 8 % 50)
    print(s, {0.5, -1.5, 2.25}, {(1, 2), (9, 2)}, set())
    s -= {0, 8}
    print(s, [s], (s, len(s)), f"{len(s)} keys")
    t = {i * i for i in range(n)}
    t.discard(0)
    print(t.pop(), t, s & t, s ^ t)


def caught(n):
    # an except clause's `as` name: str() in print and f-strings, repr() inside containers and with !r
    d = {1: 2}
    l = [1, 2]
    try:
        x = l[n]
    except IndexError as e:
        print("caught:", e)
        print(f"again {e} / {e!r}")
        x = -1
    try:
        y = d[n]
    except KeyError as err:
        print("missing key", err, (err,))
        y = -2
    try:
        if n > 5:
            raise ValueError("it's big")
        if n < 0:
            raise OverflowError
        z = 10 // (n - 3)
    except (ValueError, ZeroDivisionError, OverflowError) as e2:
        print(e2, (e2, 1), f"{e2!r}")
        z = 0
    print(x, y, z)


def strings(name, n):
    s = name + "-" + str(n)
    print(s, repr(s), [s, "it's", 'say "hi"', "tab\t", "é\x01\x7f\xa0"], (s,), {s: n})
    print(f"[{name:>8}] [{name:<8}] [{name:^9}] [{name:*^9.3}] {name!r:>12} {len(name)}", end="|\n")
    for ch in name[:3]:
        print(ch, ord(ch), end=" ")
    print(sep="")
    words = "a bb  ccc".split()
    print(words, "-".join(words), words[1] * n, "bb" in words, name.find("é"))


def percent(n):
    print("step %d of %d: %.4f" % (n, 10, n / 7))
    print("%-6s|%6s|%5.1f%%" % ("left", "right", 100.0 * n / 9))
    for i in range(n):
        print("%3d %8.3e %s" % (i, i * 1234.5, [i] * i))
    print(ascii("naïve"), "{!a}".format("€"))


def zero_d(x):
    a = np.array(x)
    print(a, a * 2, np.where(a > 0, a, -a), np.array(7, dtype=np.int8), np.array(True), np.array(x, dtype=np.float32))
    print(f"{a:.3f} {np.array(42):5d}|{a}|{np.sqrt(np.array(2.0))}")


def complex_arrays(a):
    print(a)
    print([a[:2]], (a[-1:], 1))
    print(a.astype(np.complex64), a.reshape(-1, 1)[:3])



def dtypes(a):
    print(a.dtype, (a > 0).dtype, np.dtype(np.int8), (a * 1j).dtype)
    print(f"{a.dtype}|{a.dtype!r}", str(a.dtype))

CASES = [
    (percent, (3,)),
    (strings, ("héllo", 2)),
    (strings, ("", 0)),
    (sets, (20,)),
    (caught, (0,)),
    (caught, (3,)),
    (caught, (7,)),
    (caught, (-1,)),
    (basics, (3,)),
    (separators, (4,)),
    (containers, (2,)),
    (numpy_scalars, (np.array([1.5, -2.0, 3.25]),)),
    (progress, (10,)),
    (fstrings, (7,)),
    (fstrings, (-3,)),
    (fstring_numpy, (np.array([1.5, -2.25, 3.0]),)),
    (arrays, (7,)),
    (small_floats, (np.array([0.1, 1.0, 1e16, 1.5e-5, 123456.7, 3.4e38, -0.0, 1e-4, 9.999e15, 1e6, 999999.9], dtype=np.float32),
                    np.array([1 + 2j, 0.1 - 0.2j, 1e20j, -0.0 + 1j, 1e6 + 1e-4j], dtype=np.complex64))),
    (arrays, (1,)),
    (zero_d, (-2.5,)),
    (complex_arrays, (np.array([1.5 + 2j, 3.25 - 1j, -0.5j, 0j, -0.0 - 0.0j]),)),
    (complex_arrays, (np.array([complex(np.nan, 1), complex(1, np.inf), complex(-np.inf, -np.nan), complex(0, -np.inf)]),)),
    (complex_arrays, (np.array([1e10 + 1j, 1e-5 - 2j, 1e20j, complex(1, 1e-9), 0.1 + 0.2j]),)),
    (complex_arrays, (np.exp(1j * np.arange(1, 1601) * 0.37) * np.arange(1, 1601),)),
    (zero_d, (0.1,)),
    (dtypes, (np.ones(2, dtype=np.float32),)),
    (dtypes, (np.arange(3),)),
]
