#!/usr/bin/env python3
"""gen.py — random well-typed kernels, run on every kiln tier and under CPython.

Each program (seeded, reproducible: program k of seed S is the same everywhere)
is a module of a few functions over ints, floats and a float64 array: nested
loops and branches, int and float arithmetic with the edge cases (division and
modulo by zero, negative floor division, NaN/inf from overflow, -0.0, float32
rounding and overflow under NumPy 2's promotion, complex arithmetic, bools
in arithmetic), math
functions, array reads and writes with computed indices (some out of range),
whole-array expressions (fused elementwise arithmetic, np.sqrt/exp/abs/where,
views, reductions in NumPy's summation order, sorts, gathers,
comparisons, broadcasting against scalars) indexed right away,
calls between the generated functions and of two small scalar helpers (which opt/inline.c inlines: their
errors must keep their lines), scans of longer arrays (which tier 2 tests a vector at a time), early returns,
tuple results. The
entry is called with generated arguments on the interpreter, the baseline
tier, tier 2, and tier auto with every budget at 1 (tier-up at entry, OSR at
the first loop), and under CPython + NumPy (through test/cpython_check.py's
runner); the results (a repr, or the exception's class, line and message)
must all agree. A mismatch is minimized while the same runners disagree the
same way (lines deleted, then statements and whole functions, compound
statements replaced by a body, expressions by an operand) and written to
test/fuzz/found/ as a test/run case (the program, then the call and CPython's
answer as its expectation).

The generator stays inside kiln's documented semantics (docs/language.md):
integers stay far from int64's range (products are reduced modulo 1009), a
variable keeps one type, every local is assigned before any branch, int() is
never applied to a float that could be huge or NaN, and array elements are
read through float() (a NumPy scalar divided by zero gives inf/nan in NumPy
and ZeroDivisionError in kiln, a documented deviation).

usage: gen.py [--kiln build/kiln] [--seed S] [--count N] [--first K] [--jobs J] [--int64-wrap] [--keep DIR]
ends with "N passed, N failed" (one count per program).
"""
import argparse
import ast
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
import cpython_check  # noqa: E402  (the CPython side: promotion rules, error format)

NARR = 8
# --int64-wrap: integer expressions overflow int64 (unreduced products, constants near the limits);
# CPython's unbounded ints cannot judge those, so the tiers are compared with each other only
WRAP = False
# seconds a runner may take: a minimized program may loop forever, an outcome like any other; while
# minimizing the limit is cut (a variant far slower than the program is a loop, and a mismatch's
# minimization would otherwise spend minutes on each one)
LIMIT = 60
MINIMIZE_LIMIT = 10


class Gen:
    def __init__(self, rng, nfuncs):
        self.r = rng
        self.nfuncs = nfuncs
        self.lines = []
        self.depth = 0
        self.loops = 0  # loops around the statement being generated (break/continue need one)
        self.fn = 0

    def ind(self):
        return "    " * (self.depth + 1)

    def grow(self, d, p_leaf, leaves, rules, sub):
        """a random expression of one type: a leaf (leaves() lists them; called only when a leaf is
        taken) or rules[k](a, b, d) over two sub-expressions. The random draws come in this order:
        the programs of a seed must not change when a rule is rewritten."""
        r = self.r
        if d > 2 or r.random() < p_leaf:
            return r.choice(leaves())
        k = r.randrange(len(rules))
        a, b = sub(d + 1), sub(d + 1)
        return rules[k](a, b, d)

    def iexpr(self, d=0):
        r = self.r

        def leaves():
            if WRAP and r.random() < 0.3:
                return ["9223372036854775807", "(-9223372036854775807 - 1)", "4611686018427387904",
                        str(r.randint(-2**63 + 1, 2**63 - 1))]
            return ["i0", "i1", "i2", "n", str(r.randint(-5, 9))]
        return self.grow(d, 0.3, leaves, [
            lambda a, b, d: f"({a} + {b})",
            lambda a, b, d: f"({a} - {b})",
            lambda a, b, d: f"({a} * {b})" if WRAP else f"(({a} * {b}) % 1009)",
            lambda a, b, d: f"({a} // {b})",
            lambda a, b, d: f"({a} % {b})",
            lambda a, b, d: f"abs({a})",
            lambda a, b, d: f"min({a}, {b})",
            lambda a, b, d: f"max({a}, {b})",
            lambda a, b, d: f"(-{a})",
            lambda a, b, d: f"({a} // 3)",
        ], self.iexpr)

    def aexpr(self):
        """an element of a whole-array expression (fused, broadcast against scalars, NumPy's
        inf/nan instead of exceptions), indexed right away"""
        r = self.r
        k = r.randrange(9)
        if k == 5:  # a reduction over a view, NumPy's summation order
            ax = r.choice(["0", "1", "-1"])
            n = 4 if ax == "0" else 2
            op = r.choice(["sum", "max", "mean", "prod", "min"])
            return f"float(mat[1:, ::-1].{op}(axis={ax})[({self.iexpr(2)}) % {n}])"
        if k == 6:
            return f"float(np.sort(arr * {self.fexpr(2)})[{self.idx()}])"
        if k == 7:  # views of views and differences of neighbours
            return f"float((arr[1:] - arr[:-1] * {self.fexpr(2)})[::-1][({self.iexpr(2)}) % {NARR - 1}])"
        if k == 8:
            return r.choice([f"float(np.cumsum(arr)[{self.idx()}])", f"float(mat.T.sum(axis=1)[({self.iexpr(2)}) % 4])",
                             f"float(arr[np.argsort(arr)][{self.idx()}])", f"float((arr * {self.fexpr(2)}).sum())",
                             # reductions fused with their expression (order-free kinds)
                             f"float(np.max(arr * {self.fexpr(2)} - mat[1, 2]))", f"float((mat < {self.fexpr(2)}).sum())",
                             f"float(np.min(np.abs(mat) + {self.fexpr(2)}))", f"float((arr[::2] >= {self.fexpr(2)}).any())",
                             # complex arrays: libm's cexp/csqrt/clog, NumPy's complex pairwise sums, means, scans
                             f"float(np.exp(arr * (0.5 - 1j) + {self.fexpr(2)})[{self.idx()}].real)",
                             f"float(np.sqrt(mat * 1j - {self.fexpr(2)})[{self.midx()}].imag)",
                             f"float(np.log(arr + {self.fexpr(2)} * 1j)[{self.idx()}].imag)",
                             f"float(abs((arr * (1.0 + 0.5j)).sum()))",
                             f"float((mat * (2 - 1j)).mean(axis=0)[({self.iexpr(2)}) % 4].imag)",
                             f"float(np.cumsum(arr * 1j - {self.fexpr(2)})[{self.idx()}].real)"])
        if k == 0: return f"float((arr * {self.fexpr(2)} - arr / {self.fexpr(2)})[{self.idx()}])"
        if k == 1: return f"float(np.sqrt(np.abs(mat) + {self.fexpr(2)})[{self.midx()}])"
        if k == 2: return f"float(np.where(arr > {self.fexpr(2)}, arr, -arr)[{self.idx()}])"
        if k == 3: return f"float((mat * mat - np.exp(mat * {self.fexpr(2)}))[{self.midx()}])"
        return f"float(((arr < {self.fexpr(2)}) + (arr >= 0.5) * 2.0)[{self.idx()}])"

    def fexpr(self, d=0):
        return self.grow(d, 0.3, lambda: ["f0", "f1", "x", "0.5", "-0.0", "2.5", "1e300", "-3.75", f"float(arr[{self.idx()}])",
                                          f"float(mat[{self.midx()}])"] + ([self.aexpr()] if self.r.random() < 0.15 else []), [
            lambda a, b, d: f"({a} + {b})",
            lambda a, b, d: f"({a} - {b})",
            lambda a, b, d: f"({a} * {b})",
            lambda a, b, d: f"({a} / {b})",
            lambda a, b, d: f"math.sqrt(abs({a}))",
            lambda a, b, d: f"math.sin({a})",
            lambda a, b, d: f"abs({a})",
            lambda a, b, d: f"({self.iexpr(d + 1)} * 0.25)",
            lambda a, b, d: f"float({self.iexpr(d + 1)})",
            lambda a, b, d: f"({a} // {b})",
            lambda a, b, d: f"({a} % {b})",
            lambda a, b, d: f"float(math.floor({a} * 0.0 + 1.5))",
        ], self.fexpr)

    def gexpr(self, d=0):
        """float32: NEP 50 keeps it float32 against Python floats (no division: a NumPy scalar divided by zero differs)"""
        return self.grow(d, 0.35, lambda: ["g0", "np.float32(0.1)", "np.float32(-2.5)", "np.float32(3e38)", "np.float32(1e-45)"], [
            lambda a, b, d: f"({a} + {b})",
            lambda a, b, d: f"({a} - {b})",
            lambda a, b, d: f"({a} * {b})",
            lambda a, b, d: f"({a} * 0.5)",
            lambda a, b, d: f"abs({a})",
            lambda a, b, d: f"np.float32({self.fexpr(d + 1)})",
        ], self.gexpr)

    def hexpr(self, d=0):
        """int32, NumPy's fixed width: wraps on overflow in NumPy and in kiln (+ - * abs and negation of
        INT32_MIN); Python ints stay small (NEP 50 casts them to int32); int32 with uint8 promotes to int32"""
        r = self.r
        return self.grow(d, 0.35, lambda: ["h0", "np.int32(2147483000)", "np.int32(-7)", "np.int32(-2147483648)",
                                           f"np.int32({self.iexpr(2)})"], [
            lambda a, b, d: f"({a} + {b})",
            lambda a, b, d: f"({a} - {b})",
            lambda a, b, d: f"({a} * {b})",
            lambda a, b, d: f"({a} ^ {b})",
            lambda a, b, d: f"({a} & {b})",
            lambda a, b, d: f"({a} >> {r.randint(0, 31)})",
            lambda a, b, d: f"({a} * {r.randint(-9, 9)})",
            lambda a, b, d: f"({a} + {self.qexpr(d + 1)})",
            lambda a, b, d: r.choice([f"abs({a})", f"(-{a})"]),
        ], self.hexpr)

    def qexpr(self, d=0):
        """uint8: wraps modulo 256; a Python int meeting it must fit it (NEP 50: 300 or -1 raise OverflowError in
        NumPy and kiln alike), and comparisons with one compare the true values"""
        r = self.r
        return self.grow(d, 0.35, lambda: ["q0", "np.uint8(200)", "np.uint8(0)", "np.uint8(255)", f"np.uint8({r.randint(0, 255)})"], [
            lambda a, b, d: f"({a} + {b})",
            lambda a, b, d: f"({a} - {b})",
            lambda a, b, d: f"({a} * {b})",
            lambda a, b, d: f"({a} | {b})",
            lambda a, b, d: f"({a} // np.uint8({r.randint(1, 9)}))",
            lambda a, b, d: f"({a} % np.uint8({r.randint(1, 13)}))",
            lambda a, b, d: f"({a} + {r.choice([str(r.randint(0, 255)), str(r.randint(-40, 300)), self.iexpr(2)])})",
        ], self.qexpr)

    def midx(self):
        """a 3x4 matrix index: mostly wrapped into range, now and then negative or out of range"""
        r = self.r
        if r.random() < 0.85:
            return f"({self.iexpr(2)}) % 3, ({self.iexpr(2)}) % 4"
        return r.choice([f"-1, ({self.iexpr(2)}) % 4", f"{self.iexpr(2)}, 1", f"({self.iexpr(2)}) % 3, -{r.randint(1, 5)}"])

    def cexpr(self, d=0):
        """complex128: arithmetic, abs, conjugate; division by a zero complex raises in both"""
        return self.grow(d, 0.35, lambda: ["c0", "1j", "(2.5-1j)", "complex(f0, -0.0)", "complex(0.0, 0.0)"], [
            lambda a, b, d: f"({a} + {b})",
            lambda a, b, d: f"({a} - {b})",
            lambda a, b, d: f"({a} * {b})",
            lambda a, b, d: f"({a} / {b})",
            lambda a, b, d: f"({a} * {self.fexpr(d + 1)})",
            lambda a, b, d: f"{a}.conjugate()",
        ], self.cexpr)

    def idx(self):
        # mostly in range; now and then a raw index that may be out of range or negative
        return f"({self.iexpr(2)}) % {NARR}" if self.r.random() < 0.9 else self.iexpr(2)

    def cond(self):
        r = self.r
        k = r.randrange(5)
        if k == 0: return f"{self.iexpr(1)} < {self.iexpr(1)}"
        if k == 1: return f"{self.fexpr(1)} <= {self.fexpr(1)}"
        if k == 2: return f"{self.iexpr(1)} == {self.iexpr(1)}"
        if k == 3: return f"({self.iexpr(2)} > 0 and {self.fexpr(2)} != {self.fexpr(2)})"
        if k == 4 and r.random() < 0.3: return "b0"
        if k == 4 and r.random() < 0.4: return f"{self.hexpr(1)} < {self.hexpr(1)}"
        if k == 4 and r.random() < 0.4: return f"{self.qexpr(1)} >= {r.choice([self.qexpr(1), self.iexpr(1), str(r.randint(-300, 300))])}"
        if k == 4 and r.random() < 0.3:  # tuples: lexicographic order, item-wise ==, membership
            op = r.choice(["<", "<=", ">", ">=", "==", "!="])
            if r.random() < 0.5:
                return f"({self.iexpr(1)}, {self.fexpr(1)}) {op} ({self.iexpr(1)}, {self.fexpr(1)})"
            return f"{self.iexpr(1)} {r.choice(['in', 'not in'])} ({self.iexpr(1)}, {self.iexpr(1)}, {r.randint(-3, 3)})"
        return f"not ({self.iexpr(2)} >= {self.iexpr(2)})"

    def emit(self, s):
        self.lines.append(self.ind() + s)

    def stmts(self, n):
        for _ in range(n):
            self.stmt()

    def stmt(self):
        r = self.r
        k = r.randrange(10 if self.depth < 3 else 5)
        # in loops an int may feed on itself (i0 = i0 + i0, i0 += i0): outside --int64-wrap it is kept
        # bounded, or CPython's unbounded ints and kiln's int64 part ways after 63 doublings
        bound = (lambda e: f"({e}) % 100003") if self.loops and not WRAP else (lambda e: e)
        if k == 0: self.emit(f"i{r.randrange(3)} = {bound(self.iexpr())}")
        elif k == 1: self.emit(f"f{r.randrange(2)} = {self.fexpr()}")
        elif k == 2 and r.random() < 0.12: self.offset_loop()
        elif k == 2 and r.random() < 0.12: self.scan_loop()
        elif k == 2 and r.random() < 0.1: self.sum_loop()
        elif k == 2 and r.random() < 0.7: self.emit(f"arr[{self.idx()}] = {self.fexpr()}")
        elif k == 2: self.emit(f"mat[{self.midx()}] = {self.fexpr()}")
        elif k == 3 and r.random() < 0.5: self.emit(f"i{r.randrange(3)} += {self.iexpr(1)}" if WRAP or not self.loops
                                                    else f"i{r.randrange(3)} += ({self.iexpr(1)}) % 1009")
        elif k == 3 and r.random() < 0.5: self.emit(f"g0 = {self.gexpr()}")
        elif k == 3 and r.random() < 0.4: self.emit(f"c0 = {self.cexpr()}")
        elif k == 3 and r.random() < 0.6: self.emit(f"h0 = {self.hexpr()}")
        elif k == 3: self.emit(f"q0 = {self.qexpr()}")
        elif k == 4 and r.random() < 0.3: self.emit(f"b0 = {self.cond()}")
        elif k == 4 and r.random() < 0.35 and self.r.random() < 0.5:
            self.emit(f"f{r.randrange(2)} = p0_({self.iexpr(1)}, {self.fexpr(1)})")
        elif k == 4 and r.random() < 0.35:
            self.emit(f"i{r.randrange(3)} = p1_({self.iexpr(1)}, {self.iexpr(1)}) % 100003")
        elif k == 4 and self.fn + 1 < self.nfuncs:
            self.emit(f"f{r.randrange(2)} = f{self.fn + 1}_({self.iexpr(1)}, {self.fexpr(1)}, arr, mat, {self.r.randint(0, 4)})[1]")
        elif k in (5, 6):
            self.emit(f"if {self.cond()}:")
            self.depth += 1; self.stmts(r.randint(1, 3)); self.depth -= 1
            if r.random() < 0.5:
                self.emit("else:")
                self.depth += 1; self.stmts(r.randint(1, 2)); self.depth -= 1
        elif k == 7 and r.random() < 0.2 and not self.loops:
            self.prange_loop()
        elif k == 7:
            v = f"k{self.depth}"
            self.emit(f"for {v} in range({r.choice(['n', '4', '(n % 3) + 2', 'i1 % 6'])}):")
            self.depth += 1; self.loops += 1; self.stmts(r.randint(1, 3))
            if r.random() < 0.3:
                self.emit(f"i0 = i0 + {v}")
            self.depth -= 1; self.loops -= 1
            self.loop_else()
        elif k == 8:
            w = f"w{self.depth}"
            self.emit(f"{w} = 0")
            self.emit(f"while {w} < {r.randint(1, 5)}:")
            self.depth += 1; self.loops += 1; self.emit(f"{w} += 1"); self.stmts(r.randint(1, 2)); self.depth -= 1; self.loops -= 1
            self.loop_else()
        elif k == 9 and r.random() < 0.35:
            self.try_stmt()
        elif self.loops and r.random() < 0.4:
            # a while loop's counter is bumped first in its body, so continue cannot spin forever
            self.emit(f"if {self.cond()}:")
            self.depth += 1; self.emit(r.choice(["break", "continue"])); self.depth -= 1
        else:
            self.emit(f"if {self.cond()}:")
            self.depth += 1; self.emit(f"return (i0, {self.fexpr(1)})"); self.depth -= 1

    def sum_loop(self):
        """a float sum over a loop of constant trip count whose terms cancel (1e15 * (-1, -0.5, 0, 0.5, ...) plus
        a small inexact part): any order but Python's changes its bits, which tier 2's vectorizer must not take"""
        r = self.r
        v, f = f"k{self.depth}", f"f{r.randrange(2)}"
        if r.random() < 0.7:
            self.emit(f"for {v} in range({r.choice([4, 8])}):")
            term = r.choice([f"float(arr[{v}]) * 1e15 + 0.1 * {v}", f"(float(arr[{v}]) + 0.3) * {r.choice(['1e16', '3e15', 'f0'])}"])
        else:
            self.emit(f"for {v} in range(4):")
            term = f"float(mat[{r.randrange(3)}, {v}]) * 1e15 - {v} / 7.0"
        self.emit(f"    {f} {r.choice(['+=', '-=', '*='] if r.random() < 0.2 else ['+='])} {term}")

    def try_stmt(self):
        """try / except / else / finally (lower/try.c): the body's statements may raise (a raw index out of range,
        a division by zero, a raise); the clauses name classes that catch some of them, or not (the enclosing try,
        or out of the function, with CPython's message), and may raise what they caught again (a bare raise); a
        finally clause runs on every way out"""
        r = self.r
        self.emit("try:")
        self.depth += 1
        self.stmts(r.randint(1, 3))
        if r.random() < 0.4:
            self.emit(f"if {self.cond()}:")
            self.emit("    raise " + r.choice(["ValueError('v')", "IndexError", "ZeroDivisionError('z')", "KeyError"]))
        self.depth -= 1
        for _ in range(r.randint(1, 2)):
            cls = r.choice(["IndexError", "ZeroDivisionError", "ArithmeticError", "(IndexError, ZeroDivisionError)",
                            "Exception", "ValueError", "LookupError", "(KeyError, ValueError)", "OverflowError", ""])
            self.emit(f"except {cls}:" if cls else "except:")
            self.depth += 1; self.stmts(r.randint(1, 2))
            if r.random() < 0.2:  # a bare raise: the exception handled, raised again (after the clause's statements)
                self.emit(f"if {self.cond()}:")
                self.emit("    raise")
            self.depth -= 1
            if not cls:
                break
        if r.random() < 0.3:
            self.emit("else:")
            self.depth += 1; self.stmts(r.randint(1, 2)); self.depth -= 1
        if r.random() < 0.3:  # on every way out: completion, an exception, a return/break/continue in the body
            self.emit("finally:")
            self.depth += 1; self.stmts(r.randint(1, 2)); self.depth -= 1

    def offset_loop(self):
        """a counted loop reading arr or mat at the counter plus a constant: the bounds checks opt/bce.c proves
        away (a[k + 1] in range(1, len(a) - 1)), the ones it must keep (a bound one past the end, a negative
        index that wraps), every tier raising NumPy's IndexError at the same iteration (elements read through
        float(), as everywhere here)"""
        r = self.r
        v, f = f"k{self.depth}", f"f{r.randrange(2)}"
        if r.random() < 0.6:
            lo, hi, c = r.randint(0, 2), r.choice(["8", "7", "6", "len(arr)", "len(arr) - 1", "len(arr) - 2", "len(arr) + 1"]), r.randint(-2, 2)
            self.emit(f"for {v} in range({lo}, {hi}):")
            self.emit(f"    {f} += float(arr[{v} + {c}]) * 0.5" if c >= 0 else f"    {f} += float(arr[{v} - {-c}]) * 0.5")
            return
        w = f"m{self.depth}"
        hi0, hi1 = r.choice(["3", "2", "mat.shape[0]", "mat.shape[0] - 1", "mat.shape[0] + 1"]), r.choice(["4", "3", "mat.shape[1] - 1", "mat.shape[1]"])
        c0, c1 = r.randint(-1, 1), r.randint(-1, 1)
        self.emit(f"for {v} in range({hi0}):")
        self.emit(f"    for {w} in range({r.randint(0, 1)}, {hi1}):")
        self.emit(f"        {f} += float(mat[{v} + {c0}, {w} + {c1}])")

    def scan_loop(self):
        """a scan (back/llvm/scan.c): each element of an array longer than two vectors tested against a value changed
        only where the test holds — a running extreme and its index, a first match that breaks, the if made a
        select — over values that repeat and tie (and meet f0's NaN or infinity where x made one), from a start that
        may be misaligned to an end that may stop short or run past the array (its IndexError at that element); tier
        2 tests such elements 16 or 32 at a time and must run the rare path at its own element"""
        r = self.r
        v, s = f"k{self.depth}", f"s{self.depth}"
        m = r.choice([40, 70, 129])
        form = r.randrange(3)
        # the element converted before the compare: float32 elements against a float64 (np.float64(f): a Python
        # float would be cast to float32 instead, NEP 50), int16 ones (no NaN to cast) against a Python int
        kind = r.choice(["f8", "f8", "f4", "i2" if form == 1 else "f4"])
        if kind == "i2":
            self.emit(f"{s} = (np.arange({m}) % 7 - n % 3).astype(np.int16)")
            for _ in range(r.choice([0, 1, 2])):
                self.emit(f"{s}[{r.choice([0, 5, 16, 31, 32, 33, 37])}] = {r.choice(['-300', '9', 'n % 500'])}")
        else:
            self.emit(f"{s} = " + r.choice([f"np.arange({m}.0) % 7.0 - float(arr[{r.randrange(8)}])", f"np.arange({m}.0) * 0.25 + f0",
                                            f"np.zeros({m}) + f1", f"np.arange({m}.0)[::-1] % 5.0"]))
            for _ in range(r.choice([0, 1, 1, 2])):  # a lone element that takes the rare path, often at a vector's first lane
                at = r.choice([0, 5, 16, 31, 32, 33, 37] + ([64, 65] if m > 66 else []))
                self.emit(f"{s}[{at}] = " + r.choice(["f0 + 1.0", "f0 - 1.0", "f1 * 3.0", "-f1", "math.inf", "float('nan')"]))
            if kind == "f4": self.emit(f"{s} = {s}.astype(np.float32)")
        op = r.choice([">", "<", ">=", "<=", "==", "!="])
        wrap = (lambda t: f"np.float64({t})") if kind == "f4" else (lambda t: t)
        self.emit(f"for {v} in range({r.choice(['0', '1', 'n % 3', 'n % 40'])}, {r.choice(['len(' + s + ')', 'len(' + s + ') - 5', 'len(' + s + ') + 2'])}):")
        if form == 0:
            self.emit(f"    if {s}[{v}] {op} {wrap('f0')}:")
            self.emit(f"        f0 = float({s}[{v}])")
            self.emit(f"        i0 = (i0 + {v}) % 1009")
        elif form == 1:
            self.emit(f"    if {s}[{v}] {op} {('i0 % 7 - 2' if kind == 'i2' else wrap('f' + str(r.randrange(2))))}:")
            self.emit(f"        i1 = {v}")
            self.emit("        break")
        else:
            self.emit(f"    f1 = float({s}[{v}]) if {s}[{v}] {op} {wrap('f1')} else f1")

    def prange_loop(self):
        """a parallel loop with reductions kiln accepts (front/prange.c): ints, exact in any order, and float
        min/max, also exact: the chunked order (docs/parallel.md) then gives CPython's serial answer; a private
        temporary per iteration; the trip count sometimes past one chunk (64 iterations)"""
        r = self.r
        self.npr = getattr(self, "npr", 0) + 1  # names of their own: a later read of a loop's private is refused
        v, t = f"p{self.npr}", f"t{self.npr}"
        self.emit(f"for {v} in prange({r.choice(['n', '4', '(n % 3) + 2', '70', '130 + n % 5'])}):")
        self.emit(f"    {t} = {v} * {r.randint(1, 9)} + n")
        reds = r.sample(["i0", "i1", "i2", "f1"], r.randint(1, 3))
        for x in reds:
            if x == "f1":
                self.emit(f"    f1 = {r.choice(['max', 'min'])}(f1, float({t} % 11) * 0.25)")
            else:
                op = r.choice(["+=", "+=", "^=", "|=", "-="])
                self.emit(f"    {x} {op} ({t} + {r.randint(-5, 5)}) % {r.choice([7, 1009, 65537])}")

    def loop_else(self):
        """sometimes an else clause after a loop: it runs when no break ended the loop"""
        if self.r.random() < 0.25:
            self.emit("else:")
            self.depth += 1; self.stmts(self.r.randint(1, 2)); self.depth -= 1

    def helper_expr(self, ints, d=0):
        """a scalar expression over a helper's parameters: p1_(a, b) of ints, p0_(a, x) of an int and a float; what
        may raise (a division by zero, math.sqrt of a negative, a float ** 2 past the range) is kept, its line the
        helper's; p0_ calls p1_ (a call inlined into a kernel that is inlined in turn)"""
        r = self.r
        if d > 2 or r.random() < 0.3:
            if ints: return r.choice(["a", "b", str(r.randint(-4, 9))])
            return r.choice(["x", "float(a)", "0.5", "-2.25", "%d.0" % r.randint(1, 5)])  # a float: p0_'s result is one
        e = lambda: self.helper_expr(ints, d + 1)
        if ints:
            return r.choice([f"({e()} + {e()})", f"({e()} - {e()})", f"(({e()} * {e()}) % 1009)", f"({e()} // 3)",
                             f"({e()} % 7)", f"({e()} // ({e()} % 4))", f"({e()} ^ {e()})", f"abs({e()})",
                             f"max({e()}, {e()})", f"({e()} if {e()} > {e()} else {e()})"])
        return r.choice([f"({e()} + {e()})", f"({e()} * {e()})", f"({e()} - {e()})", f"({e()} / {e()})",
                         f"math.sqrt({e()})", f"abs({e()})", f"({e()} ** 2)", f"float(p1_(a, {r.randint(-3, 5)}))",
                         f"min({e()}, {e()})", f"math.exp(min({e()}, 50.0))"])

    def helpers(self):
        self.lines.append("def p1_(a, b):")
        self.lines.append(f"    return {self.helper_expr(True)}")
        self.lines.append("")
        self.lines.append("def p0_(a, x):")
        self.lines.append(f"    return {self.helper_expr(False)}")
        self.lines.append("")

    def func(self, k):
        self.fn = k
        self.lines.append(f"def f{k}_(n, x, arr, mat, i2):")
        self.emit("i0 = n")
        self.emit("i1 = 3")
        self.emit("f0 = x")
        self.emit("f1 = 1.5")
        self.emit("g0 = np.float32(x)")
        self.emit("c0 = complex(x, 0.5)")
        self.emit("b0 = n > 0")
        self.emit("h0 = np.int32(n * 1000)")
        self.emit("q0 = np.uint8(n % 200)")
        self.stmts(self.r.randint(2, 6))
        self.emit(f"return (i0 + i1 + i2 + b0 + int(h0) + int(q0), f0 + f1 + float(g0) + abs(c0))")
        self.lines.append("")


def program(seed, k):
    rng = random.Random(seed * 1000003 + k)
    nf = rng.randint(1, 3)
    g = Gen(rng, nf)
    g.lines += ["import math", "import numpy as np", ""]
    g.helpers()
    for i in reversed(range(nf)):
        g.func(i)
    g.lines += ["def entry(n, x):", "    arr = np.zeros(8)", "    for i in range(8):", "        arr[i] = i * 0.5 - 1.0",
                "    mat = np.zeros((3, 4))", "    for i in range(3):", "        for j in range(4):", "            mat[i, j] = i * 4 - j * 0.25",
                "    r = f0_(n, x, arr, mat, 1)", "    return (r[0], r[1], arr[3], mat[2, 1])", ""]
    args = (rng.randint(-3, 7), rng.choice([0.5, -2.25, 0.0, 3.0, 1e10]))
    return "\n".join(g.lines), args


# tier auto compiles what it calls at tier 2 into a disk cache of the program's own, and --tier opt, in a
# new process, then loads those functions from it (compiling the rest): tier 2's LLVM compile is most of a
# program's time and the cache key holds everything the code depends on, so each function is compiled once,
# and every program also checks the cache's writer and loader. interp and baseline use no cache.
KILN_RUNS = [("interp", ["--tier", "interp"], {"KILN_CACHE": "0"}), ("baseline", ["--tier", "baseline"], {"KILN_CACHE": "0"}),
             ("auto+osr", ["--tier", "auto"], {"KILN_TIER2_BACKGROUND": "0", "KILN_TIER2_CALLS": "1", "KILN_TIER2_LOOPS": "1", "KILN_TIER2_DELAY_US": "0",
                                              "KILN_OSR_POLL": "1", "KILN_CACHE": "1"}),
             ("opt", ["--tier", "opt"], {"KILN_CACHE": "1"})]


def run_kiln(kiln, path, args, extra, env):
    try:
        r = subprocess.run([kiln, "run", *extra, path, "entry", str(args[0]), repr(args[1])], capture_output=True, text=True,
                           env=dict(os.environ, **env), timeout=LIMIT)
    except subprocess.TimeoutExpired:  # a minimized program may loop forever: an outcome like any other
        return "timeout"
    if r.returncode == 0:
        return r.stdout.strip()
    err = r.stderr.strip().splitlines()
    last = err[-1] if err else "exit %d" % r.returncode
    # "FILE:LINE: Ename: msg" -> "line LINE: Ename: msg", as the CPython side says it
    if last.startswith(path + ":"):
        return "line " + last[len(path) + 1:]
    return "error: " + last


def run_cpython(path, src, args):
    """CPython's outcome, computed in this process: only a worker process (whose parent kills it past
    its deadline) or a child process (run_cpython_sub, under subprocess's timeout) calls this, so a
    program that loops forever never needs a signal to stop it"""
    ns = {"__name__": "gen", "prange": range}
    try:
        exec(compile(src, path, "exec"), ns)
    except Exception as e:  # noqa: BLE001
        return "compile: %s" % e
    out, _ = cpython_check.run_case(path, ns, "entry(%d, %r)" % args)
    return out


def run_cpython_sub(path, src, args):
    """CPython's outcome from a child process with a time limit (the minimizer runs in the parent)"""
    try:
        r = subprocess.run([sys.executable, os.path.abspath(__file__), "--cpython-case", path, repr(args)],
                           capture_output=True, text=True, timeout=LIMIT)
    except subprocess.TimeoutExpired:
        return "timeout"
    return r.stdout.rstrip("\n") if r.returncode == 0 else "error: cpython runner exit %d" % r.returncode


def results(kiln, path, src, args, cpython=run_cpython_sub):
    with open(path, "w") as f:
        f.write(src)
    res = {} if WRAP else {"cpython": cpython(path, src, args)}
    with tempfile.TemporaryDirectory(prefix="kiln-gen-cache-") as cache:
        for name, extra, env in KILN_RUNS:
            res[name] = run_kiln(kiln, path, args, extra, dict(env, KILN_CACHE_DIR=cache))
    return res


def agree(res):
    return len(set(res.values())) == 1


def shape(res):
    """which runner got a value and which raised what: minimizing keeps it"""
    return tuple((k, v.split(":")[1].strip() if v.startswith("line ") else "error" if v.startswith(("error", "compile")) else "value")
                 for k, v in sorted(res.items()))


def still_fails(kiln, path, text, args, want):
    """whether text parses and its runners disagree the way they did at first"""
    try:
        compile(text, path, "exec")
    except SyntaxError:
        return False
    res = results(kiln, path, text, args)
    return not agree(res) and shape(res) == want


def drop_lines(kiln, path, lines, args, want):
    """one pass deleting single lines from the end; returns the lines left and whether any went"""
    changed = False
    for i in range(len(lines) - 1, -1, -1):
        if not lines[i].strip() or lines[i].startswith(("def ", "import")):
            continue
        trial = lines[:i] + lines[i + 1:]
        if still_fails(kiln, path, "\n".join(trial), args, want):
            lines, changed = trial, True
    return lines, changed


def operands(node):
    """the simpler forms an expression or statement may take: an operand, a branch, a body"""
    if isinstance(node, ast.BinOp):
        return [node.left, node.right]
    if isinstance(node, ast.UnaryOp):
        return [node.operand]
    if isinstance(node, ast.BoolOp):
        return list(node.values)
    if isinstance(node, ast.IfExp):
        return [node.body, node.orelse]
    if isinstance(node, ast.Compare):
        return [node.left] + list(node.comparators)
    if isinstance(node, ast.Call):
        return list(node.args)
    if isinstance(node, (ast.If, ast.For, ast.While)):  # a compound statement becomes one of its bodies
        return [b for b in (node.body, node.orelse) if b]
    return []


def replace(tree, node, by):
    """put `by` (a node, or a list of statements) where node is in tree; False if node is the tree's root"""
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is node and not isinstance(by, list):
                setattr(parent, field, by)
                return True
            if isinstance(value, list):
                for k, v in enumerate(value):
                    if v is node:
                        value[k:k + 1] = by if isinstance(by, list) else [by]
                        if not value and field in ("body", "orelse") and isinstance(parent, ast.stmt):
                            value.append(ast.Pass())  # the last statement of a block deleted: pass keeps it valid
                        return True
    return False


def simplify(kiln, path, text, args, want):
    """one pass over the syntax tree, outer nodes first: delete each statement (whole functions
    too), replace each compound statement by a body and each expression by one of its operands,
    while the same mismatch stays; returns the text and whether anything changed"""
    changed = False
    i = 0
    while True:
        nodes = list(ast.walk(ast.parse(text)))
        if i >= len(nodes):
            return text, changed
        at = {id(n): k for k, n in enumerate(nodes)}  # a node's place in the walk names it in a fresh copy
        node = nodes[i]
        choices = [[]] if isinstance(node, ast.stmt) and not isinstance(node, ast.Import) else []
        choices += operands(node)
        for by in choices:
            tree = ast.parse(text)  # a fresh copy for each trial
            fresh = list(ast.walk(tree))
            by = [fresh[at[id(b)]] for b in by] if isinstance(by, list) else fresh[at[id(by)]]
            if not replace(tree, fresh[i], by):
                continue
            trial = ast.unparse(ast.fix_missing_locations(tree))
            if trial != text and still_fails(kiln, path, trial, args, want):
                text, changed = trial, True
                break
        else:
            i += 1


def minimize(kiln, path, src, args):
    """delete lines, then statements, bodies and operands, while the same runners disagree the same way"""
    global LIMIT
    saved, LIMIT = LIMIT, MINIMIZE_LIMIT
    try:
        want = shape(results(kiln, path, src, args))
        lines, changed = src.split("\n"), True
        while changed:
            lines, changed = drop_lines(kiln, path, lines, args, want)
        text, changed = "\n".join(lines), True
        while changed:
            text, changed = simplify(kiln, path, text, args, want)
        return text
    finally:
        LIMIT = saved


def found_file(seed, k, small, res, args):
    """a test/run-style case: the program first (its line numbers stay those the runners reported),
    then every runner's answer, the call and, where CPython ran, its answer as the expectation"""
    out = [small.rstrip("\n"), "",
           "# found by test/fuzz/gen.py --seed %d%s (program %d), minimized" % (seed, " --int64-wrap" * WRAP, k)]
    out += ["# %s: %s" % (name, v) for name, v in res.items()]
    out.append("# run: entry(%d, %r)" % args)
    if "cpython" in res:
        v = res["cpython"]
        out.append(("# expect-error: " if v.startswith("line ") else "# expect: ") + v)
    return "\n".join(out) + "\n"


def check_one(job):
    """program k of seed: (k, source, args, results) for a worker process"""
    kiln, seed, k, tmp = job
    src, args = program(seed, k)
    path = os.path.join(tmp, "g%d.py" % k)
    return k, src, args, results(kiln, path, src, args, run_cpython)


def worker(conn):
    """a worker process (in a process group of its own, so that killing it ends the kiln runs it
    started too): jobs in, results out, until told to stop"""
    os.setsid()
    while True:
        job = conn.recv()
        if job is None:
            return
        conn.send(check_one(job))


DIED = "died"  # a worker that ended without an answer


class Workers:
    """worker processes whose deadlines the parent enforces: a job that gives no answer within
    `deadline` seconds has its worker killed (SIGKILL, from outside) and replaced, and is reported
    as stuck; nothing waits on a worker without a timeout, and no signal is raised inside one
    (a SIGALRM turned into an exception inside a multiprocessing.Pool worker once deadlocked it)"""

    def __init__(self, n, deadline):
        import multiprocessing
        self.mp, self.n, self.deadline = multiprocessing, n, deadline
        self.idle, self.busy = [], {}
        for _ in range(n):
            self.idle.append(self.start())

    def start(self):
        parent, child = self.mp.Pipe()
        p = self.mp.Process(target=worker, args=(child,), daemon=True)
        p.start()
        child.close()
        return p, parent

    def kill(self, p):
        try:
            os.killpg(p.pid, 9)
        except OSError:
            p.kill()
        p.join(5)

    def run(self, jobs, stop_at):
        """yields (job, result): result None for a stuck worker (killed at its deadline), DIED for one that
        ended without an answer (its error is on stderr); stops handing out jobs at stop_at"""
        import time
        from multiprocessing.connection import wait
        pending = list(reversed(jobs))
        while pending or self.busy:
            while pending and self.idle and time.time() < stop_at:
                p, conn = self.idle.pop()
                job = pending.pop()
                conn.send(job)
                self.busy[conn] = (p, job, time.time())
            if not self.busy:
                break
            for conn in wait(list(self.busy), timeout=1.0):
                p, job, _ = self.busy.pop(conn)
                try:
                    res = conn.recv()
                except (EOFError, OSError):
                    res = DIED
                if res is DIED:
                    self.kill(p)
                    p, conn = self.start()
                self.idle.append((p, conn))
                yield job, res
            now = time.time()
            for conn, (p, job, t0) in list(self.busy.items()):
                if now - t0 > self.deadline:
                    del self.busy[conn]
                    self.kill(p)
                    self.idle.append(self.start())
                    yield job, None
        self.left = len(pending)

    def close(self):
        for p, conn in self.idle:
            try:
                conn.send(None)
            except OSError:
                pass
            p.join(5)
            if p.is_alive():
                self.kill(p)


def report_mismatch(a, tmp, k, src, args, stop_at):
    """minimize (within what is left of the budget) and keep the case in test/fuzz/found/"""
    import time
    path = os.path.join(tmp, "m%d.py" % k)
    small = minimize(a.kiln, path, src, args) if time.time() < stop_at else src
    res = results(a.kiln, path, small, args)
    os.makedirs(a.keep, exist_ok=True)
    out = os.path.join(a.keep, "seed%d%s_%d.py" % (a.seed, "w" * WRAP, k))
    with open(out, "w") as f:
        f.write(found_file(a.seed, k, small, res, args))
    print("MISMATCH seed %d program %d -> %s" % (a.seed, k, out), flush=True)
    for name, v in res.items():
        print("  %-9s %s" % (name, v), flush=True)


def main():
    import time
    ap = argparse.ArgumentParser()
    ap.add_argument("--kiln", default=os.path.join(os.path.dirname(os.path.dirname(HERE)), "build", "kiln"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--count", type=int, default=100)
    ap.add_argument("--first", type=int, default=0, help="first program number")
    ap.add_argument("--jobs", type=int, default=1, help="programs checked in parallel")
    ap.add_argument("--keep", default=os.path.join(HERE, "found"))
    ap.add_argument("--int64-wrap", action="store_true", help="let integers overflow; compare the tiers only")
    ap.add_argument("--budget", type=float, default=0, help="wall-clock seconds for the whole run (0: no limit); "
                    "programs not reached by then count as one failure")
    ap.add_argument("--deadline", type=float, default=5 * LIMIT + 30,
                    help="seconds one program may take in a worker before the worker is killed and the program fails")
    ap.add_argument("--cpython-case", nargs=2, metavar=("PATH", "ARGS"), help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.cpython_case:  # the child run_cpython_sub starts
        with open(a.cpython_case[0]) as f:
            print(run_cpython(a.cpython_case[0], f.read(), ast.literal_eval(a.cpython_case[1])))
        return 0
    global WRAP
    WRAP = a.int64_wrap
    t0 = time.time()
    stop_at = t0 + a.budget if a.budget > 0 else float("inf")
    tmp = tempfile.mkdtemp(prefix="kiln-gen-")
    passed = failed = 0
    jobs = [(a.kiln, a.seed, k, tmp) for k in range(a.first, a.first + a.count)]
    # a job runs CPython once and kiln four times, each run limited to LIMIT seconds
    pool = Workers(max(1, a.jobs), deadline=a.deadline)
    try:
        for job, res in pool.run(jobs, stop_at):
            k = job[2]
            if res is None or res is DIED:
                failed += 1
                what = ("no answer within %d s; its worker was killed" % pool.deadline if res is None
                        else "its worker ended without an answer (its error is above)")
                print("%s seed %d program %d: %s (reproduce: gen.py --seed %d --first %d --count 1)"
                      % ("STUCK" if res is None else "DIED", a.seed, k, what, a.seed, k), flush=True)
                continue
            _, src, args, res = res
            if agree(res):
                passed += 1
                continue
            failed += 1
            report_mismatch(a, tmp, k, src, args, stop_at)
    finally:
        pool.close()
    if pool.left:
        failed += 1
        print("BUDGET: %d of %d programs not run: the run passed its budget of %.0f s" % (pool.left, a.count, a.budget))
    print("%d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
