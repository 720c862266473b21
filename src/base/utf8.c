/*
 * utf8.c — text as kiln holds it (UTF-8): a code point read and written out, and
 * Python's backslash escapes of a string literal decoded (the lexer's
 * literals, f-string texts, and `kiln run`'s quoted arguments read them
 * alike).
 */
#include "base.h"
#include <ctype.h>

bool utf8_valid(const char *s, size_t n) {
    const unsigned char *p = (const unsigned char *)s, *e = p + n;
    while (p < e) {
        unsigned c = *p;
        if (c < 0x80) { p++; continue; }
        int k = c >= 0xc2 && c <= 0xdf ? 1 : c >= 0xe0 && c <= 0xef ? 2 : c >= 0xf0 && c <= 0xf4 ? 3 : -1;
        if (k < 0 || e - p <= k) return false;
        for (int i = 1; i <= k; i++) if ((p[i] & 0xc0) != 0x80) return false;
        /* no overlong forms, no surrogates, nothing past U+10FFFF */
        if ((c == 0xe0 && p[1] < 0xa0) || (c == 0xed && p[1] >= 0xa0) || (c == 0xf0 && p[1] < 0x90) || (c == 0xf4 && p[1] >= 0x90))
            return false;
        p += k + 1;
    }
    return true;
}

uint32_t utf8_code(const char *s, int n) {
    const unsigned char *p = (const unsigned char *)s;
    if (n == 1 || n > 4) return p[0]; /* > 4: not UTF-8 (text that comes in is checked; never a shift past 31) */
    uint32_t c = p[0] & (0x7f >> n);
    for (int i = 1; i < n; i++) c = c << 6 | (p[i] & 0x3f);
    return c;
}

int utf8_put(uint32_t c, char *out) {
    if (c < 0x80) { out[0] = (char)c; return 1; }
    if (c < 0x800) { out[0] = (char)(0xc0 | c >> 6); out[1] = (char)(0x80 | (c & 0x3f)); return 2; }
    if (c < 0x10000) {
        out[0] = (char)(0xe0 | c >> 12); out[1] = (char)(0x80 | (c >> 6 & 0x3f)); out[2] = (char)(0x80 | (c & 0x3f));
        return 3;
    }
    out[0] = (char)(0xf0 | c >> 18); out[1] = (char)(0x80 | (c >> 12 & 0x3f)); out[2] = (char)(0x80 | (c >> 6 & 0x3f));
    out[3] = (char)(0x80 | (c & 0x3f));
    return 4;
}

/* the code point of a numeric escape at p (a backslash): octal \ooo, \xhh, \uhhhh, \Uhhhhhhhh; *len its bytes (0: not
 * one of these); UINT32_MAX when malformed or beyond Unicode (a surrogate included) */
static uint32_t numeric(const char *p, const char *end, int *len) {
    char c = p[1];
    *len = 0;
    if (c >= '0' && c <= '7') {
        uint32_t v = 0;
        int k = 1;
        while (k <= 3 && p + k < end && p[k] >= '0' && p[k] <= '7') v = v * 8 + (uint32_t)(p[k++] - '0');
        *len = k;
        return v;
    }
    int digits = c == 'x' ? 2 : c == 'u' ? 4 : c == 'U' ? 8 : 0;
    if (!digits) return 0;
    *len = 2 + digits;
    uint32_t v = 0;
    for (int k = 2; k < 2 + digits; k++) {
        if (p + k >= end || !isxdigit((unsigned char)p[k])) return UINT32_MAX;
        v = v * 16 + (uint32_t)(isdigit((unsigned char)p[k]) ? p[k] - '0' : (tolower((unsigned char)p[k]) - 'a' + 10));
    }
    return v > 0x10ffff || (v >= 0xd800 && v < 0xe000) ? UINT32_MAX : v;
}

int utf8_unescape(const char *p, const char *end, char *out, int *used) {
    static const char map[] = "n\nt\tr\r\\\\''\"\"a\ab\bf\fv\v";
    if (p + 1 >= end) return UTF8_ESC_NONE;
    for (int i = 0; map[i * 2]; i++)
        if (map[i * 2] == p[1]) { *out = map[i * 2 + 1]; *used = 2; return 1; }
    int len = 0;
    uint32_t cp = numeric(p, end, &len);
    if (!len) return UTF8_ESC_NONE; /* kept as written, backslash and all (as CPython does) */
    if (cp == UINT32_MAX) return UTF8_ESC_BAD;
    *used = len;
    if (!cp) return UTF8_ESC_NUL;
    return utf8_put(cp, out);
}
