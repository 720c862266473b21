# More of str's methods, against CPython on every tier: title, capitalize, swapcase and the final sigma of lower(),
# the is* tests over Unicode, rsplit, partition and rpartition, find & co. with start and end (CPython's index
# adjustment: negative from the end, a start past the end finds nothing), rindex, format(value, spec), join of
# generator expressions, tuples and strings, and strip(chars).

import numpy as np

# run: cases(3)
# expect: ('Hello World ǅungla Sstraße Σας Όσος Σας. X3', 'Hello world ǆungla ßtraße σας όσος σας. x3', 'HELLO World ǄUNGLA SSTRASSE σας όσος σας. X3', 'hello world ǆungla ßtraße σας όσος σας. x3', 'HELLO WORLD ǄUNGLA SSTRASSE ΣΑΣ ΌΣΟΣ ΣΑΣ. X3', "Final ǈ 3Rd ʼN İstanbul They'Re O'Neil", "Final ǉ 3rd ŉ i̇stanbul they're o'neil", "FINAL ǈ 3RD ʼN i̇STANBUL THEY'RE O'NEIL", 'σ', 'aς', 'aσb', 'aͅς', "a'ς'", 'όδος οδος.')
def cases(n):
    s = "hello wORLD ǆungla ßtraße ΣΑΣ ΌΣΟΣ ΣΑΣ. x" + str(n)
    t = "ﬁnal ǈ 3rd ŉ İstanbul they're o'neil"
    return (s.title(), s.capitalize(), s.swapcase(), s.lower(), s.upper(), t.title(), t.capitalize(), t.swapcase(),
            "Σ".lower(), "AΣ".lower(), "AΣb".lower(), "A\u0345Σ".lower(), "A'Σ'".lower(), "ΌΔΟΣ ΟΔΟΣ.".lower())

# run: tests(3)
# expect: ([(False, False, True, True, False, True, False, False, False, False), (False, False, True, False, False, False, False, False, False, True), (False, False, False, False, False, False, False, False, False, True), (False, False, True, False, False, False, False, False, False, True), (True, False, False, True, False, True, False, False, False, True), (True, False, False, True, False, True, False, False, False, False), (False, True, False, True, False, True, False, False, False, False), (False, False, False, False, True, True, True, True, False, False), (False, False, False, False, False, True, False, True, False, False), (False, True, False, False, False, True, False, False, False, False), (False, True, False, True, False, True, False, False, False, False), (False, False, False, False, False, False, False, False, False, True), (False, True, False, True, False, True, False, False, False, False), (False, True, False, True, False, True, False, False, False, True), (False, True, False, False, False, True, False, True, False, False), (False, False, False, False, True, True, False, True, False, False), (True, False, True, False, False, True, False, False, False, True), (False, True, False, False, False, False, False, False, False, True), (False, False, False, False, False, False, False, False, True, True), (False, False, True, True, False, True, False, False, False, False), (False, False, False, False, True, True, True, True, False, True), (False, False, False, False, False, False, False, False, False, True)], 25)
def tests(n):
    words = ["ǅ", "Hello World", "hello World", "Ab Cd", "ABC", "ÀB", "àb", "٣", "½", "é1", "éa", "", "é", "abc", "ⅷ",
             "²", "A1", "a b", " ", "Ǆungla", "123", "1_2"]
    out = []
    for w in words:
        out.append((w.isupper(), w.islower(), w.istitle(), w.isalpha(), w.isdigit(), w.isalnum(), w.isdecimal(),
                    w.isnumeric(), w.isspace(), w.isascii()))
    return out, len(words) + n

# run: splits(3)
# expect: (['a', 'b', 'c', '3'], ['  a b  c', '3'], ['  a b', 'c', '3'], ['a', 'b  c 3  '], ['k=v=w,x', 'y'], ['k', 'v', 'w,x', 'y'], ['k=v=w,x=y'], [], [''], ['a,b', ''], ['a', '', 'b'])
def splits(n):
    s = "  a b  c " + str(n) + "  "
    t = "k=v=w,x=y"
    return (s.rsplit(), s.rsplit(None, 1), s.rsplit(maxsplit=2), s.split(None, 1), t.rsplit("=", 1), t.rsplit("="),
            t.rsplit(",", 0), "".rsplit(), "".rsplit("x"), "a,b,".rsplit(",", 1), "a  b".rsplit(" "))

# run: partitions(3)
# expect: (('k', '=', 'v=w,x=y3'), ('k=v=w,x', '=', 'y3'), ('k=v=w,x=y3', '', ''), ('', '', 'k=v=w,x=y3'), ('h', 'é', 'llo wörld hé'), ('héllo wörld h', 'é', ''), 'k', '=', 'v=w,x=y3', ('', 'k=v=w,x=y3', ''))
def partitions(n):
    t = "k=v=w,x=y" + str(n)
    u = "héllo wörld hé"
    key, sep, value = t.partition("=")
    return (t.partition("="), t.rpartition("="), t.partition("#"), t.rpartition("#"), u.partition("é"),
            u.rpartition("é"), key, sep, value, t.partition(t))

# run: finds(3)
# expect: (13, 13, 14, -1, 3, 2, 2, True, True, False, 7, 13, 1, 0, True, 2, True, 2)
def finds(n):
    u = "héllo wörld hé"
    return (u.find("é", 2), u.find("é", -3), u.find("", 14), u.find("", 15), u.rfind("l", 0, 5), u.count("l", n),
            u.count("", 13, 20), u.startswith("wö", 6), u.endswith("hé", -2), u.startswith("", 15), u.index("ö", 1, -1),
            u.rindex("é"), u.find("é", None, 3), u.count("", 20), "abc".startswith("", 3), u.find("l", -100, 100),
            u.endswith("wö", 0, 8), u.count("l", 3, -3))

# run: rindex_missing(1)
# expect-error: line 56: ValueError: substring not found
def rindex_missing(n):
    return "abc".rindex("z", n)

# run: index_window(1)
# expect-error: line 61: ValueError: substring not found
def index_window(n):
    return "abc".index("a", n)

# run: partition_empty(1)
# expect-error: line 66: ValueError: empty separator
def partition_empty(n):
    return ("a" * n).rpartition("")

# run: formats(3)
# expect: ('3.14', '00003', '3', '2.5', '   ab', '3,000,000', 'True', '1', '-3', '[3, 4]', '1e+301')
def formats(n):
    return (format(3.14159, ".2f"), format(n, "05d"), format(n), format(2.5), format("ab", ">5"), format(n * 1000000, ","),
            format(True), format(True, "d"), format(-n, "+x"), format([n, n + 1]), format(1e300 * 10, ""))

# run: joins(7)
# expect: ('  0.00   1.00   2.00\n  3.00   4.00   5.00', '0,2,4,6', 'x-y-7', 'a|b|c', 'HELLO', '')
def joins(n):
    m = np.arange(6.0).reshape(2, 3)
    rows = []
    for i in range(m.shape[0]):
        rows.append(" ".join("%6.2f" % v for v in m[i]))
    a = ",".join(str(k) for k in range(n) if k % 2 == 0)
    b = "-".join(("x", "y", str(n)))
    c = "|".join("abc")
    d = "".join(ch.upper() for ch in "hello")
    return "\n".join(rows), a, b, c, d, "".join(str(k) for k in range(0))

# run: strips(3)
# expect: ('hello, world', 'hello, world!?!!!', '..hello, world', 'a', 'a', 'a', 'abc', '')
def strips(n):
    w = "..hello, world!?" + "!" * n
    return (w.strip(".,!?"), w.lstrip("."), w.rstrip("!?"), "xxaxx".strip("x"), "  a  ".strip(None), "ééaé".strip("é"),
            "abc".strip(""), "".strip("x"))
