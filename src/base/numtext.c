/*
 * numtext.c — numbers written as text, by CPython's rules: the underscore
 * rule of literals (one underscore between two digits, or after a base
 * prefix: 1_000 and 0x_ff, never 1__0, 1_ or 1_.5), and the strings float()
 * and int() accept (surrounding whitespace, a sign, underscores between
 * digits; float() also inf, infinity and nan in any case; no hexadecimal:
 * float("0x10") is a ValueError in Python although C's strtod reads it).
 * No length limit: the digits are copied into a buffer of their own size, so
 * a 300-digit literal keeps every digit (strtod rounds it correctly).
 */
#include "base.h"
#include <ctype.h>
#include <math.h>
#include <stdlib.h>

static bool digit_of(int c, int base) {
    if (base == 16) return isxdigit(c);
    if (base == 8) return c >= '0' && c <= '7';
    if (base == 2) return c == '0' || c == '1';
    return isdigit(c);
}

bool num_underscores_ok(const char *s, size_t n, int base, bool prefixed) {
    for (size_t i = 0; i < n; i++) {
        if (s[i] != '_') continue;
        bool after = i > 0 ? digit_of((unsigned char)s[i - 1], base) : prefixed;
        bool before = i + 1 < n && digit_of((unsigned char)s[i + 1], base);
        if (!after || !before) return false;
    }
    return true;
}

/* s[0..n) without underscores, NUL-terminated, in a fresh buffer (free it) */
static char *strip_underscores(const char *s, size_t n) {
    char *b = malloc(n + 1);
    if (!b) return NULL;
    size_t k = 0;
    for (size_t i = 0; i < n; i++) if (s[i] != '_') b[k++] = s[i];
    b[k] = 0;
    return b;
}

static bool space(int c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

/* s without the whitespace around it */
static void trim(const char **s, size_t *n) {
    while (*n && space((unsigned char)**s)) (*s)++, (*n)--;
    while (*n && space((unsigned char)(*s)[*n - 1])) (*n)--;
}

static bool word(const char *s, size_t n, const char *w) {
    size_t m = strlen(w);
    if (n != m) return false;
    for (size_t i = 0; i < n; i++) if (tolower((unsigned char)s[i]) != w[i]) return false;
    return true;
}

/* digits with single underscores between them; returns how many characters, 0 if none */
static size_t digits(const char *s, size_t n) {
    size_t i = 0;
    while (i < n && (isdigit((unsigned char)s[i]) || (s[i] == '_' && i > 0 && i + 1 < n && isdigit((unsigned char)s[i + 1])))) i++;
    return i;
}

int num_py_float(const char *s, size_t n, double *out) {
    trim(&s, &n);
    const char *t = s;
    size_t m = n;
    int sign = 1;
    if (m && (*t == '+' || *t == '-')) { sign = *t == '-' ? -1 : 1; t++; m--; }
    if (word(t, m, "inf") || word(t, m, "infinity")) { *out = sign * INFINITY; return 0; }
    if (word(t, m, "nan")) { *out = sign > 0 ? NAN : -NAN; return 0; }
    /* digits [. [digits]] | . digits, then [e [sign] digits] */
    size_t i = digits(t, m), frac = 0;
    if (i < m && t[i] == '.') {
        frac = digits(t + i + 1, m - i - 1);
        if (!i && !frac) return -1;
        i += 1 + frac;
    } else if (!i) {
        return -1;
    }
    if (i < m && (t[i] == 'e' || t[i] == 'E')) {
        size_t j = i + 1;
        if (j < m && (t[j] == '+' || t[j] == '-')) j++;
        size_t e = digits(t + j, m - j);
        if (!e) return -1;
        i = j + e;
    }
    if (i != m) return -1;
    char *b = strip_underscores(s, n);
    if (!b) return -1;
    *out = strtod(b, NULL);
    free(b);
    return 0;
}

static int digit_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'z') return c - 'a' + 10;
    if (c >= 'A' && c <= 'Z') return c - 'A' + 10;
    return 99;
}

/* int(s, base), base 0 or 2..36, as CPython reads it: spaces around, a sign, the prefix 0x/0o/0b where the base is
 * its own or 0 (base 0: the prefix decides, else 10, and then no leading zeros but in zero itself), single
 * underscores between digits (and one right after a prefix), digits below the base (letters for 10..35) */
int num_py_int_base(const char *s, size_t n, int base, int64_t *out) {
    if (base == 10) return num_py_int(s, n, out);
    trim(&s, &n);
    size_t i = 0;
    bool neg = false, prefixed = false;
    if (i < n && (s[i] == '+' || s[i] == '-')) neg = s[i++] == '-';
    if (i + 1 < n && s[i] == '0') {
        char p = (char)tolower((unsigned char)s[i + 1]);
        int pb = p == 'x' ? 16 : p == 'o' ? 8 : p == 'b' ? 2 : 0;
        if (pb && (base == 0 || base == pb)) { base = pb; i += 2; prefixed = true; }
    }
    bool decimal0 = base == 0;
    if (decimal0) base = 10;
    if (prefixed && i < n && s[i] == '_') i++; /* 0x_ff */
    size_t start = i;
    uint64_t v = 0;
    bool nonzero = false, over = false;
    for (; i < n; i++) {
        if (s[i] == '_') {
            if (i == start || i + 1 >= n || s[i + 1] == '_') return -1;
            continue;
        }
        int d = digit_value(s[i]);
        if (d >= base) return -1;
        nonzero |= d != 0;
        if (v > (UINT64_MAX - (uint64_t)d) / (uint64_t)base) over = true;
        else v = v * (uint64_t)base + (uint64_t)d;
    }
    if (i == start) return -1;
    if (decimal0 && s[start] == '0' && nonzero) return -1; /* base 0: "010" is not a literal */
    if (over || v > (uint64_t)INT64_MAX + (neg ? 1 : 0)) return -2;
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return 0;
}

int num_py_int(const char *s, size_t n, int64_t *out) {
    trim(&s, &n);
    const char *t = s;
    size_t m = n;
    bool neg = false;
    if (m && (*t == '+' || *t == '-')) { neg = *t == '-'; t++; m--; }
    if (!m || digits(t, m) != m) return -1;
    uint64_t v = 0;
    for (size_t i = 0; i < m; i++) {
        if (t[i] == '_') continue;
        unsigned d = (unsigned)(t[i] - '0');
        if (v > (UINT64_MAX - d) / 10) return -2;
        v = v * 10 + d;
    }
    if (v > (uint64_t)INT64_MAX + (neg ? 1 : 0)) return -2;
    *out = neg ? (int64_t)(0 - v) : (int64_t)v;
    return 0;
}
