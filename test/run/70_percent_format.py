# printf-style formatting ("..." % args) of a literal, read as the f-string it spells (lower/strfmt.c), and ascii()
# and the !a conversion: CPython's answers on every tier, for the conversions, flags, widths and precisions numeric
# code prints with, single values and tuples, values made at run time.
import numpy as np

# run: basic(2.5, 7)
# expect: ('x = 2.500000', 'n=7', '7 items at 2.50 each: ok', '17.5')
def basic(x, n):
    a = "x = %f" % x
    b = "n=%d" % n
    c = "%d items at %.2f each: %s" % (n, x, "ok")
    d = "%s" % (x * n,)
    return a, b, c, d

# run: flags(-3, 12345.678)
# expect: ('-0003|-3   |+3| 3|   -3', '+1.23e+04| 12345.678|12345.678 |-12345.678| 12345.7', '1.234568e+04|1.234568E+04|1.23457e+14|12345.7|1.00000|2|1.23e+04')
def flags(k, y):
    return ("%05d|%-5d|%+d|% d|%5d" % (k, k, -k, -k, k),
            "%+.2e|%10.3f|%-10.3f|%010.3f|% .1f" % (y, y, y, -y, y),
            "%e|%E|%g|%G|%#g|%.0f|%.3g" % (y, y, y * 1e10, y, 1.0, 2.5, y))

# run: ints(255)
# expect: 'ff|FF|377|0xff|0XFF|0o377|      ff|ff      |000000FF|-255|255'
def ints(v):
    return "%x|%X|%o|%#x|%#X|%#o|%8x|%-8x|%08X|%i|%u" % (v, v, v, v, v, v, v, v, v, -v, v)

# run: conversions(2.7, 3)
# expect: ('2', '-2', '1', '1', '3.000000', '3.000000e+00', '1', 'Dz', '  B|C  |', ' 99.4%', '3 3')
def conversions(x, n):
    return ("%d" % x, "%d" % -x, "%d" % True, "%x" % True, "%f" % n, "%e" % n, "%g" % True,
            "%c%c" % (65 + n, "z"), "%3c|%-3c|" % (66, 67), "%5.1f%%" % (99.44,), "%ld %hd" % (n, n))

# run: strings(3)
# expect: ('v3|   v3|v3   |v|     v3|', "'v3'", "['v3', 'b']", 'None', '(1, 2) and 3', '[1.5, 2.5]', "'é' '\\xe9'", '50%')
def strings(n):
    s = "v" + str(n)
    return ("%s|%5s|%-5s|%.1s|%7.2s|" % (s, s, s, s, s), "%r" % s, "%r" % [s, "b"], "%s" % None,
            "%s and %s" % ((1, 2), n), "%s" % [1.5, 2.5], "%r %a" % ("é", "é"), "%s%%" % "50")

# run: numpy_values(3)
# expect: ('1.100000|2.100|3|0.1|3', '2.2')
def numpy_values(n):
    a = np.arange(n, dtype=np.float32) + np.float32(0.1)
    i = np.int32(n)
    return "%f|%.3f|%d|%s|%x" % (a[1], a[2], i, a[0], i), "%s" % (a[1] * 2,)

# run: in_loop(4)
# expect: '  0:  0.000\n  1:  0.333\n  2:  0.667\n  3:  1.000'
def in_loop(n):
    out = []
    for i in range(n):
        out.append("%3d: %6.3f" % (i, i / 3))
    return "\n".join(out)

# run: evaluated_once(3)
# expect: ('3 2', [1])
def evaluated_once(n):
    xs = [1, 2, 3]
    s = "%d %d" % (xs.pop(), xs.pop())
    return s, xs

# run: char_check(2)
# expect-error: line 66: TypeError: %c requires int or char
def char_check(n):
    s = "ab" * n
    return "%c" % s

# run: ascii_values(3)
# expect: ("'\\xe93\\u20ac\\U0001f600\\n'", "['\\xe93\\u20ac\\U0001f600\\n', 'a']", '3', '2.5', "     '\\xe93\\u20ac\\U0001f600\\n'|", "'\\xe93\\u20ac\\U0001f600\\n'", "'\\xe93\\u20ac\\U0001f600\\n'")
def ascii_values(n):
    s = "é" + str(n) + "\u20ac\U0001F600\n"
    return ascii(s), ascii([s, "a"]), ascii(n), ascii(2.5), f"{s!a:>30}|", f"{s!a}", "{!a}".format(s)

def at_most(n, k):
    if n > k:
        return None
    return n

# run: other_values(3)
# expect: ('[0.  0.5 1. ]', '3|None', '{3: 1.5}', '{3}', '3', 'None')
def other_values(n):
    a = np.arange(n) * 0.5
    m = at_most(n, 5)
    q = at_most(n, 2)
    return "%s" % a, "%s|%s" % (m, q), "%s" % {n: 1.5}, "%s" % {n}, "%s" % m, "%r" % q
