"""Strings against CPython code point by code point: str.upper(), lower(), title(), capitalize(), swapcase() and the
is* tests of every code point (kiln's table is CPython 3.11's Unicode 14), lower()'s final-sigma rule with every
case-ignorable and cased neighbour, whitespace for split() and strip(), len() and indexing of every width of UTF-8."""
import sys
import pytest

import kiln


@kiln.jit
def cases(s):
    return s.upper(), s.lower()


@kiln.jit
def one_case(s, up):
    return s.upper() if up else s.lower()


@kiln.jit
def more_cases(s):
    return s.title(), s.capitalize(), s.swapcase()


@kiln.jit
def str_tests(s):
    return (s.isupper(), s.islower(), s.istitle(), s.isalpha(), s.isdigit(), s.isalnum(), s.isdecimal(), s.isnumeric(),
            s.isspace(), s.isascii())


def py_tests(s):
    return (s.isupper(), s.islower(), s.istitle(), s.isalpha(), s.isdigit(), s.isalnum(), s.isdecimal(), s.isnumeric(),
            s.isspace(), s.isascii())


@kiln.jit
def pieces(s):
    return s.split(), s.strip(), s.lstrip(), s.rstrip(), len(s), s[-1], s[::-1]


def code_points():
    return [c for c in range(0x20000) if not 0xd800 <= c < 0xe000]


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="kiln's case table is CPython 3.11's (Unicode 14.0)")
def test_case_mapping_matches_cpython():
    points = code_points()
    for lo in range(0, len(points), 4096):  # a few long strings: every code point, in both directions
        text = "".join(chr(c) for c in points[lo:lo + 4096] if c != 0x3A3)
        assert cases(text) == (text.upper(), text.lower()), hex(points[lo])
    for c in points:
        assert one_case(chr(c), True) == chr(c).upper() and one_case(chr(c), False) == chr(c).lower(), hex(c)
    assert one_case("Σ", False) == "σ"


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="kiln's tables are CPython 3.11's (Unicode 14.0)")
def test_title_swapcase_and_tests_match_cpython():
    points = [c for c in range(0x110000) if not 0xd800 <= c < 0xe000]
    for lo in range(0, len(points), 4096):  # long strings of every code point: title's word breaks see every kind
        text = "".join(chr(c) for c in points[lo:lo + 4096])
        assert more_cases(text) == (text.title(), text.capitalize(), text.swapcase()), hex(points[lo])
    for c in points[:0x20000] + points[0x20000::97]:
        ch = chr(c)
        assert more_cases(ch) == (ch.title(), ch.capitalize(), ch.swapcase()), hex(c)
        assert str_tests(ch) == py_tests(ch), hex(c)
        for s in ("A" + ch + "b", "a" + ch, ch + "Ab", "Ab" + ch + " cD"):
            assert str_tests(s) == py_tests(s), (hex(c), s)


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="kiln's tables are CPython 3.11's (Unicode 14.0)")
def test_final_sigma_matches_cpython():
    # the capital sigma's neighbours: every code point before and after it, alone and behind a cased letter
    points = [c for c in range(0x110000) if not 0xd800 <= c < 0xe000][::7] + [0x345, 0x2e, 0x27, 0xad, 0x1f88, 0x3a3]
    for c in points:
        ch = chr(c)
        for s in ("A" + ch + "Σ", "A" + ch + "Σ" + ch, "AΣ" + ch + "b", ch + "Σ", "ΟΔΟΣ" + ch, "Σ" + ch + "Σ a"):
            assert one_case(s, False) == s.lower(), (hex(c), s)
            assert more_cases(s) == (s.title(), s.capitalize(), s.swapcase()), (hex(c), s)
    text = "Ärger über ſtraße Ĳssel ŉ İstanbul МОСКВА ёж 東京 🙂 ÿ µ ΐ Ǆ ﬃ"
    assert cases(text) == (text.upper(), text.lower())


def test_whitespace_and_widths_match_cpython():
    for s in ["a\u00a0b\u2003c\u3000 d\x1c", " \t\n x \u2028", "é€😀 a", "abc", "\u0085x\u0085"]:
        assert pieces(s) == (s.split(), s.strip(), s.lstrip(), s.rstrip(), len(s), s[-1], s[::-1]), repr(s)


@kiln.jit
def head(x):
    return x[0]


def test_one_code_arguments_then_a_list():
    # a call with arguments of one signature code each, then one with a list: the fast signature check must not
    # write a list's codes into its one-code buffer (it did: a stack overflow ASan found)
    assert head("ab") == "a" and head([1.5, 2.0]) == 1.5 and head(["x", "y"]) == "x" and head({0: 7}) == 7
