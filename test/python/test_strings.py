"""Strings against CPython code point by code point: str.upper() and str.lower() of every code point (kiln's table is
CPython 3.11's Unicode 14; the one context rule, the final sigma, is refused), whitespace for split() and strip(),
len() and indexing of every width of UTF-8."""
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
    with pytest.raises(NotImplementedError, match="final-sigma"):
        one_case("ΟΔΟΣ", False)
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
