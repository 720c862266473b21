# Python strings as values: literals in variables, tuples, lists and dicts; str(), repr(), f-strings, chr/ord;
# + and *, comparisons, `in`, len, indexing, slicing, iteration; int() and float() of text made at run time; the
# methods numeric code calls; strings passed in, returned, and raised as messages. Each answer is CPython's.
import numpy as np

MODES = ["sum", "mean", "max"]
SEP = ", "

# run: label(3)
# expect: ('odd', 3, 'odd!!!')
def label(n):
    s = "odd" if n % 2 else "even"
    return s, len(s), s + "!" * n

# run: label(4)
# expect: ('even', 4, 'even!!!!')
def label2(n):
    return label(n)

# run: numbers(7, 2.5)
# expect: ('7', '2.5', '-0.0', '1e+301', 'True', 'None', '0.1', '0.8333333333333334', '2.5', '(2+3j)')
def numbers(i, x):
    return str(i), str(x), str(-0.0), str(1e300 * 10), str(True), str(None), str(np.float32(0.1)), str(x / 3), repr(x), str(2 + 3j)

# run: reprs('it\'s', 'say "hi"')
# expect: ('"it\'s"', '\'say "hi"\'', '\'it\\\'ssay "hi"\'', "'tab\\there\\n'", "'x\\\\y'", '["it\'s", \'say "hi"\']', '"it\'s"')
def reprs(a, b):
    return repr(a), repr(b), repr(a + b), repr("tab\there\n"), repr("x\\y"), str([a, b]), f"{a!r}"

# run: fstrings(42, 3.14159, 'ab')
# expect: ("n=   42|x=3.142|  3.14e+00|  ab  |'ab'|0x2a|42|+314.2%", 'ab***lit4242', 54)
def fstrings(n, x, s):
    t = f"n={n:>5}|x={x:.3f}|{x:10.2e}|{s:^6}|{s!r}|{n:#x}|{n:,}|{x:+.1%}"
    u = f"{s:*<5}" + f"{'lit'}" + f"{n}{n}"
    return t, u, len(t)

# run: concat(5)
# expect: ('0-1-2-3-4', 'ababab', 'xyxy', '', '')
def concat(n):
    out = ""
    for i in range(n):
        out += str(i)
        if i < n - 1:
            out = out + "-"
    return out, "ab" * 3, 2 * "xy", "q" * 0, "q" * -2

# run: compare('apple', 'banana')
# expect: (True, True, False, False, False, True, True, True, False, True, True, True)
def compare(a, b):
    return a < b, a <= b, a > b, a >= b, a == b, a != b, a == "apple", "b" > a, a == 1, a != 2.5, "Z" < "a", "é" > "z"

# run: indexing('héllo wörld')
# expect: ('h', 'é', 'd', 'o wörld', 'hél', 'hlowrd', 'dlröw olléh', 'rl', '', 'llo wörld', '', 11, 'éoö')
def indexing(s):
    return s[0], s[1], s[-1], s[4:], s[:3], s[::2], s[::-1], s[-3:-1], s[100:], s[2:100], s[5:2], len(s), s[1:8:3]

# run: chars('a1b2c3')
# expect: ('ABC', 6, ['a', 'b', 'c'], ['a', '1', 'b', '2', 'c', '3'])
def chars(s):
    letters = ""
    total = 0
    for ch in s:
        if "0" <= ch <= "9":
            total += int(ch)
        else:
            letters += ch.upper()
    return letters, total, [c for c in s if c in "abc"], list(s)

# run: parse(' 42 ', '-3.5e2', '1_000')
# expect: (43, -700.0, 1000, inf, True, -7, 42.0)
def parse(a, b, c):
    return int(a) + 1, float(b) * 2, int(c), float(" inf "), float("-nan") != float("nan"), int("  -7\n"), float(a)

# run: methods('  Hello, World  ')
# expect: ('hello, world', 'HELLO, WORLD', 'Hello, World  ', '  Hello, World', 4, 8, -1, 3, True, False, 'Hell0, W0rld', 'Heo, Word', 7, 1, '-a-b-c-', 1, 0, 3)
def methods(s):
    t = s.strip()
    return (t.lower(), t.upper(), s.lstrip(), s.rstrip(), t.find("o"), t.rfind("o"), t.find("z"), t.count("l"),
            t.startswith("Hell"), t.endswith("!"), t.replace("o", "0"), t.replace("l", ""), t.index("W"), "aaa".count("aa"),
            "abc".replace("", "-"), "".count(""), "abc".find(""), "abc".rfind(""))

# run: splitting('a,b,,c', ' x  y\tz \n')
# expect: (['a', 'b', '', 'c'], ['x', 'y', 'z'], 4, 'a-b--c', 'xyz', '', ['', ''], [], [''])
def splitting(a, b):
    parts = a.split(",")
    words = b.split()
    return parts, words, len(parts), "-".join(parts), "".join(words), ", ".join([]), "x".split("x"), "".split(), "".split(",")

# run: csv_sum('1.5,2.5,4')
# expect: (8.0, 8.0)
def csv_sum(line):
    total = 0.0
    for field in line.split(","):
        total += float(field)
    return total, np.array([float(f) for f in line.split(",")]).sum()

# run: codes('Aé€😀')
# expect: ([65, 233, 8364, 128512], True, 'a', 1, 'λλ')
def codes(s):
    out = []
    for ch in s:
        out.append(ord(ch))
    back = ""
    for c in out:
        back += chr(c)
    return out, back == s, chr(97), len(chr(0x1F600)), chr(955) * 2

# run: truth('', 'x')
# expect: ([0, 1, 0, 1], False, True, True, 'default', 'yes')
def truth(a, b):
    r = []
    for s in (a, b, "", "0"):
        if s:
            r.append(1)
        else:
            r.append(0)
    return r, bool(a), bool(b), not a, a or "default", b and "yes"

# run: contains('hello world')
# expect: (True, False, True, True, True, True)
def contains(s):
    return "world" in s, "World" in s, "" in s, "o w" in s, "x" not in s, "lo" in "hello"

# run: in_list('b')
# expect: (True, 1, 1, ['a', 'b', 'c', 'd'], False, True, ['apple', 'fig', 'pear'])
def in_list(x):
    names = ["a", "b", "c"]
    names.append("d")
    return x in names, names.index(x), names.count(x), names, "z" in names, names == ["a", "b", "c", "d"], sorted(["pear", "apple", "fig"])

# run: words('the quick brown fox jumps over the lazy dog the end')
# expect: ({'the': 3, 'quick': 1, 'brown': 1, 'fox': 1, 'jumps': 1, 'over': 1, 'lazy': 1, 'dog': 1, 'end': 1}, 'the', 9, 3, True, ['the', 'quick', 'brown'])
def words(text):
    counts = {}
    for w in text.split():
        counts[w] = counts.get(w, 0) + 1
    top = ""
    for w in counts:
        if top == "" or counts[w] > counts[top]:
            top = w
    return counts, top, len(counts), counts["the"], "fox" in counts, list(counts.keys())[:3]

# run: dispatch(list([1.0, 4.0, 2.0]), 'max')
# expect: 4.0
def dispatch(xs, mode="sum"):
    if mode == "sum":
        return sum(xs)
    if mode == "max":
        return max(xs)
    return -1.0

# run: dispatch_default(list([1.0, 4.0, 2.0]))
# expect: (7.0, -1.0, [7.0, -1.0, 4.0])
def dispatch_default(xs):
    return dispatch(xs), dispatch(xs, "mean"), [dispatch(xs, m) for m in MODES]

# run: constants(2)
# expect: ('max', 'sum, mean, max', 3, 'max, sum')
def constants(k):
    return MODES[k], SEP.join(MODES), len(MODES), MODES[k] + SEP + MODES[0]

# run: tuples(3)
# expect: ([('x', 1), ('y', 2), ('zzz', 3)], ['x', 'y', 'zzz'], True, True, True)
def tuples(n):
    pairs = [("x", 1), ("y", 2)]
    pairs.append(("z" * n, n))
    names = [p[0] for p in pairs]
    return pairs, names, ("a", "b") == ("a", "b"), ("a", 1) < ("a", 2), ("b",) > ("a", "z")

# run: branches(5)
# expect: ('fizz4', 'a', 'same')
def branches(n):
    s = "start"
    for i in range(n):
        if i % 3 == 0:
            s = "fizz"
        elif i % 3 == 1:
            s = s + str(i)
    t = "a" if n > 3 else "b"
    u = "same" if n > 3 else "same"
    return s, t, u

# run: table(3)
# expect: ' 1 |    1 | 1.0000\n 2 |    4 | 0.5000\n 3 |    9 | 0.3333'
def table(n):
    rows = []
    for i in range(1, n + 1):
        rows.append(f"{i:2d} | {i * i:4d} | {1 / i:.4f}")
    return "\n".join(rows)

# run: nested_lists(2)
# expect: ([['.', '#', '.'], ['.', '.', '.']], ['.#.', '...'])
def nested_lists(n):
    grid = [["." for j in range(n + 1)] for i in range(n)]
    grid[0][1] = "#"
    lines = []
    for row in grid:
        lines.append("".join(row))
    return grid, lines

# run: message_ok(3)
# expect: 6
def message_ok(n):
    if n < 0:
        raise ValueError("n must be non-negative, got " + str(n))
    assert n < 10, f"n too large: {n}"
    return n * 2

# run: message_raise(-4)
# expect-error: line 213: ValueError: n must be non-negative, got -4
def message_raise(n):
    if n < 0:
        raise ValueError("n must be non-negative, got " + str(n))
    return n

# run: message_assert(12)
# expect-error: line 220: AssertionError: n too large: 12 (limit 10)
def message_assert(n):
    limit = 10
    assert n < limit, f"n too large: {n} (limit {limit})"
    return n

# run: caught(5)
# expect: [60, -1, -1, -1, 100]
def caught(n):
    out = []
    for s in ("12", "x", "3.5", ""):
        try:
            out.append(int(s) * n)
        except ValueError as e:
            out.append(-1 if str(e).startswith("invalid") else -2)
    try:
        raise KeyError(f"key {n}")
    except KeyError as e:
        out.append(100)
    return out

# run: index_error('abc')
# expect-error: line 241: IndexError: string index out of range
def index_error(s):
    return s[3]

# run: int_error('12a')
# expect-error: line 246: ValueError: invalid literal for int() with base 10: '12a'
def int_error(s):
    return int(s)

# run: float_error('1.2.3')
# expect-error: line 251: ValueError: could not convert string to float: '1.2.3'
def float_error(s):
    return float(s)

# run: ord_error('ab')
# expect-error: line 256: TypeError: ord() expected a character, but string of length 2 found
def ord_error(s):
    return ord(s)

# run: chr_error(-1)
# expect-error: line 261: ValueError: chr() arg not in range(0x110000)
def chr_error(i):
    return chr(i)

# run: find_error('abc')
# expect-error: line 266: ValueError: substring not found
def find_error(s):
    return s.index("z")

# run: split_error('abc')
# expect-error: line 271: ValueError: empty separator
def split_error(s):
    return s.split("")

# run: step_error('abc')
# expect-error: line 276: ValueError: slice step cannot be zero
def step_error(s):
    return s[::0]

# run: list_index_error('q')
# expect-error: line 281: ValueError: 'q' is not in list
def list_index_error(x):
    return ["a", "b"].index(x)

# run: key_error('q')
# expect-error: line 287: KeyError: 'q'
def key_error(k):
    d = {"a": 1}
    return d[k]

# run: passthrough('Ünïcode ✓', 3)
# expect: ('Ünïcode ✓', ['Ünïcode ✓', 'Ünïcode ✓', 'Ünïcode ✓'], ('Ünïcode ✓', 3), {'Ünïcode ✓': 3})
def passthrough(s, n):
    return s, [s] * n, (s, n), {s: n}

# run: formats(3, 2.5, 'ab')
# expect: ('3 items at 2.50 each', '3-ab-3', "    'ab'|+3|{}", '    ab', 'x=[3, 3]', '2.500000e+03')
def formats(n, x, name):
    a = "{} items at {:.2f} each".format(n, x)
    b = "{0}-{1}-{0}".format(n, name)
    c = "{name!r:>8}|{v:+d}|{{}}".format(name=name, v=n)
    return a, b, c, "{:>6}".format(name), "x={}".format([n, n]), "{:e}".format(x * 1000)

# run: tests('Ab3', 8)
# expect: (False, False, True, False, False, False, True, False, True, True, True, False, True)
def tests(s, n):
    return (s.isdigit(), s.isalpha(), s.isalnum(), s.isspace(), s.isupper(), s.islower(), "12".isdigit(), "".isdigit(),
            " \t".isspace(), "ABC1".isupper(), "abc!".islower(), "1".isupper(), "\u3000".isspace())

# run: padding('Ab3', 8)
# expect: ('Ab3     ', '*****Ab3', 'ééAb3ééé', '   Ab3   ', '-0000042', '00000042', 'Ab3', '+007', '--ab-', '.abc..', '  é')
def padding(s, n):
    return (s.ljust(n), s.rjust(n, "*"), s.center(n, "é"), s.center(n + 1), "-42".zfill(n), "42".zfill(n), s.ljust(1),
            "+7".zfill(4), "ab".center(5, "-"), "abc".center(6, "."), "é".rjust(3))

# run: report(list([1.5, 22.25, 333.0]))
# expect: '       i |        x\n       0 |     1.50\n       1 |    22.25\n       2 |   333.00'
def report(xs):
    lines = ["{:>8} | {:>8}".format("i", "x")]
    for i, x in enumerate(xs):
        lines.append(str(i).rjust(8) + " | " + f"{x:8.2f}")
    return "\n".join(lines)

# run: fill_error('ab')
# expect-error: line 325: TypeError: The fill character must be exactly one character long
def fill_error(s):
    return s.center(5, "xy")

# Unicode's digits, letters and cases: CPython's tables (rt/casetab.h)
# run: isdigit_unicode('٣')
# expect: True
def isdigit_unicode(s):
    return s.isdigit()

# run: literal_int_error(1)
# expect-error: line 336: ValueError: invalid literal for int() with base 10: '4x'
def literal_int_error(n):
    return int("4x") + n

# run: literal_float_error(1)
# expect-error: line 341: ValueError: could not convert string to float: '0x10'
def literal_float_error(n):
    return float("0x10") + n

# cpython: skip (kiln's ints are 64-bit: CPython gives 9223372036854775808)
# run: literal_int_range(1)
# expect-error: line 347: OverflowError: int('9223372036854775808') does not fit kiln's 64-bit int
def literal_int_range(n):
    return int("9223372036854775808") + n

# run: numpy_from_text('2.5', '7')
# expect: (2.5, 7, 1000.0, False, True)
def numpy_from_text(a, b):
    return np.float32(a), np.int32(b), np.float64("1e3"), bool(""), bool("x")

# run: extremes(3)
# expect: ('pear', 'banana', 'pear', 'fig', 'banana', 'apple', 'b', [4, 5, 6], [3], 'c')
def extremes(n):
    words = ["pear", "fig", "banana", "kiwi"]
    rows = [[1, 2], [3], [4, 5, 6], [7]]
    return (max(words), min(words), max(words, key=lambda w: w[-1]), min(words, key=len), max(words, key=len),
            min("zebra", "apple", "mango"), max("b", "a"), max(rows, key=len), min(rows, key=len), max(["b", "c", "a"], key=lambda w: w))

# run: splits('  a b\tc  d  ', 'x,y,,z')
# expect: (['a', 'b\tc  d  '], ['a', 'b', 'c  d  '], ['a b\tc  d  '], ['x', 'y,,z'], ['x', 'y', ',z'], ['x', 'y', '', 'z'], ['a', 'b', 'c', 'd', 'e', 'f'], ['a\n', 'b\r\n'], [], ['x', '', 'y'], [])
def splits(s, t):
    return (s.split(None, 1), s.split(maxsplit=2), s.split(maxsplit=0), t.split(",", 1), t.split(",", maxsplit=2),
            t.split(sep=",", maxsplit=-1), "a\nb\r\nc\rd\x0be\u2028f\n".splitlines(), "a\nb\r\n".splitlines(True),
            "".splitlines(), "x\n\ny".splitlines(keepends=False), "   ".split(None, 1))
