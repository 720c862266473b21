/*
 * str.c — Python strings at run time: immutable texts made by a call (a
 * literal stored in a variable, str(x), an f-string, a + b, s[i] ...), with
 * CPython's results and messages.
 *
 * A string is an RtList of its UTF-8 bytes (item size 1), so it belongs to the
 * call as lists do (Run.lists, freed when the call ends), travels as one
 * address through every tier, and sits in lists and tuples as a list's
 * address does. Python counts and indexes code points, not bytes: len() and
 * indexing walk the bytes where the text is not ASCII (numeric code's texts
 * are short and mostly ASCII, where the walk is skipped). Comparing UTF-8
 * bytewise orders by code point, which is what Python's comparison is.
 *
 * Making strings cheaply matters in loops that build text: a string the IR
 * proves dead (opt/strfree.c's STR_FREE) goes to a small pool and is made
 * again in place, and the 128 one-character ASCII strings are made once per
 * call and shared (immutable: sharing cannot be seen).
 */
#include "lib.h"
#include "exc.h"
#include "casetab.h"
#include <stdio.h>
#include <stdlib.h>

/* a string of n bytes, not written yet: one the call let go (STR_FREE) made again, else a new one */
static RtList *new_str(Run *r, int64_t n, int line, const char *file) {
    if (n < 0 || n > INT64_MAX / 2) { run_nomem(r, "making a string", line, file); return NULL; }
    if (!r->nstrpool) return run_list_new(r, n, 1, line, file);
    RtList *l = r->strpool[--r->nstrpool];
    l->len = 0;
    if (run_list_reserve(r, l, n, line, file)) return NULL;
    l->len = n;
    return l;
}

/* the shared one-character string of ASCII c (one allocation for all 128, their bytes after them) */
static RtList *one_char(Run *r, unsigned c, int line, const char *file) {
    if (!r->ascii) {
        RtList *t = malloc(128 * sizeof(RtList) + 128);
        if (!t) { run_nomem(r, "making a string", line, file); return NULL; }
        char *bytes = (char *)(t + 128);
        for (int k = 0; k < 128; k++) { bytes[k] = (char)k; t[k] = (RtList){bytes + k, 1, 1, 1, 0, 0}; }
        r->ascii = t;
    }
    return &r->ascii[c];
}

static bool shared(const Run *r, const RtList *s) { return r->ascii && s >= r->ascii && s < r->ascii + 128; }

int rt_str_share(Run *r) { return one_char(r, 0, r->line, r->file) ? 0 : -1; }

/* s let go: nothing refers to it any more (opt/strfree.c proved it); a full pool leaves it to the call's end, and a
 * shared one-character string stays */
static void let_go(Run *r, RtList *s) {
    if (!shared(r, s) && r->nstrpool < (int)NELEM(r->strpool)) r->strpool[r->nstrpool++] = s;
}

RtList *rt_str_new(Run *r, const char *s, size_t n, int line, const char *file) {
    RtList *l = new_str(r, (int64_t)n, line, file);
    if (l && n) memcpy(l->data, s, n);
    return l;
}

static const char *bytes(const RtList *s) { return s->len ? s->data : ""; }
static bool cont(unsigned char c) { return (c & 0xc0) == 0x80; }

int64_t rt_str_len(const RtList *s) {
    int64_t n = 0;
    const unsigned char *p = (const unsigned char *)bytes(s);
    for (int64_t i = 0; i < s->len; i++) n += !cont(p[i]);
    return n;
}

/* the byte offset of code point k (0 <= k <= length) */
int64_t rt_str_offset(const RtList *s, int64_t k) {
    const unsigned char *p = (const unsigned char *)bytes(s);
    int64_t i = 0;
    for (; i < s->len && k > 0; k--)
        for (i++; i < s->len && cont(p[i]); i++) {}
    return i;
}

/* the bytes of code point k */
static int64_t cp_bytes(const RtList *s, int64_t at) {
    const unsigned char *p = (const unsigned char *)bytes(s);
    int64_t e = at + 1;
    while (e < s->len && cont(p[e])) e++;
    return e - at;
}

static int raise_msg(Run *r, const char *ename, int line, const char *file, const char *fmt, const char *arg) {
    run_raise(r, RE_RAISE, line, file);
    r->ename = ename;
    snprintf(r->msg, sizeof r->msg, fmt, arg);
    return -1;
}

/* ---- repr(): CPython's quotes and escapes ---- */

/* whether code point c prints as itself in a repr (str.isprintable): C0 and C1 controls, DEL, the no-break space,
 * the soft hyphen and the line and paragraph separators are escaped (CPython escapes more of the rarer ones) */
static bool printable(uint32_t c) {
    return !(c < 0x20 || (c >= 0x7f && c <= 0xa0) || c == 0xad || c == 0x2028 || c == 0x2029);
}


char *rt_str_repr(const RtList *s) {
    const char *p = bytes(s);
    bool sq = memchr(p, '\'', (size_t)s->len) != NULL, dq = memchr(p, '"', (size_t)s->len) != NULL;
    char q = sq && !dq ? '"' : '\'';
    char *out = malloc((size_t)s->len * 10 + 3), *o = out; /* \U0010ffff is 10 bytes for at most 4 */
    if (!out) return NULL;
    *o++ = q;
    for (int64_t i = 0; i < s->len;) {
        int64_t k = cp_bytes(s, i);
        uint32_t c = utf8_code(p + i, (int)k);
        if (c == (uint32_t)q || c == '\\') { *o++ = '\\'; *o++ = (char)c; }
        else if (c == '\n') { *o++ = '\\'; *o++ = 'n'; }
        else if (c == '\r') { *o++ = '\\'; *o++ = 'r'; }
        else if (c == '\t') { *o++ = '\\'; *o++ = 't'; }
        else if (!printable(c)) o += sprintf(o, c < 0x100 ? "\\x%02x" : "\\u%04x", c);
        else { memcpy(o, p + i, (size_t)k); o += k; }
        i += k;
    }
    *o++ = q;
    *o = 0;
    return out;
}

/* ---- the routines ---- */

/* n bytes at p after l's (room reserved already); nothing for n == 0, when l may have no buffer yet */
static void put_bytes(RtList *l, const char *p, int64_t n) {
    if (n <= 0) return;
    memcpy((char *)l->data + l->len, p, (size_t)n);
    l->len += n;
}

static RtList *concat(Run *r, const RtList *a, const RtList *b, int line, const char *file) {
    RtList *l = new_str(r, a->len + b->len, line, file);
    if (!l) return NULL;
    if (a->len) memcpy(l->data, a->data, (size_t)a->len);
    if (b->len) memcpy((char *)l->data + a->len, b->data, (size_t)b->len);
    return l;
}

static RtList *repeat(Run *r, const RtList *a, int64_t k, int line, const char *file) {
    if (k <= 0 || !a->len) return rt_str_new(r, "", 0, line, file);
    if (k > INT64_MAX / 2 / a->len) { run_nomem(r, "repeating a string", line, file); return NULL; }
    RtList *l = new_str(r, a->len * k, line, file);
    for (int64_t i = 0; l && i < k; i++) memcpy((char *)l->data + i * a->len, a->data, (size_t)a->len);
    return l;
}

static RtList *index_of(Run *r, const RtList *a, int64_t i, int line, const char *file) {
    int64_t n = rt_str_len(a);
    if (i < 0) i += n;
    if (i < 0 || i >= n) { raise_msg(r, "IndexError", line, file, "%s", "string index out of range"); return NULL; }
    int64_t at = n == a->len ? i : rt_str_offset(a, i);
    unsigned char c = (unsigned char)bytes(a)[at];
    if (c < 0x80) return one_char(r, c, line, file);
    return rt_str_new(r, bytes(a) + at, (size_t)cp_bytes(a, at), line, file);
}

/* a[start:stop:step], CPython's clamping (PySlice_AdjustIndices) */
static RtList *slice(Run *r, const RtList *a, int64_t start, int64_t stop, int64_t step, int given, int line, const char *file) {
    if (!step) { raise_msg(r, "ValueError", line, file, "%s", "slice step cannot be zero"); return NULL; }
    int64_t n = rt_str_len(a);
    if (!(given & 1)) start = step < 0 ? n - 1 : 0;
    else if (start < 0) { start += n; if (start < 0) start = step < 0 ? -1 : 0; }
    else if (start >= n) start = step < 0 ? n - 1 : n;
    if (!(given & 2)) stop = step < 0 ? -1 : n;
    else if (stop < 0) { stop += n; if (stop < 0) stop = step < 0 ? -1 : 0; }
    else if (stop >= n) stop = step < 0 ? n - 1 : n;
    if (step == 1) {
        if (stop <= start) return rt_str_new(r, "", 0, line, file);
        int64_t b = n == a->len ? start : rt_str_offset(a, start), e = n == a->len ? stop : rt_str_offset(a, stop);
        return rt_str_new(r, bytes(a) + b, (size_t)(e - b), line, file);
    }
    RtList *l = new_str(r, 0, line, file);
    for (int64_t i = start; l && (step > 0 ? i < stop : i > stop); i += step) {
        int64_t at = n == a->len ? i : rt_str_offset(a, i), k = cp_bytes(a, at);
        if (run_list_reserve(r, l, k, line, file)) return NULL;
        put_bytes(l, bytes(a) + at, k);
    }
    return l;
}

/* str.isspace(): ASCII's, the separators \x1c-\x1f, and Unicode's spaces (NEL, no-break, ogham, the en quad to
 * the hair space, the line and paragraph separators, narrow no-break, math, ideographic) */
static bool space_cp(uint32_t c) {
    return c == ' ' || (c >= 9 && c <= 13) || (c >= 0x1c && c <= 0x1f) || c == 0x85 || c == 0xa0 || c == 0x1680 ||
           (c >= 0x2000 && c <= 0x200a) || c == 0x2028 || c == 0x2029 || c == 0x202f || c == 0x205f || c == 0x3000;
}

/* whether the code point at byte i is whitespace; *k its bytes */
static bool space_at(const RtList *a, int64_t i, int64_t *k) {
    *k = cp_bytes(a, i);
    return space_cp(utf8_code(bytes(a) + i, (int)*k));
}

/* the byte offset of the last code point before byte e */
static int64_t before(const RtList *a, int64_t e) {
    const unsigned char *p = (const unsigned char *)bytes(a);
    do e--; while (e > 0 && cont(p[e]));
    return e;
}

/* ---- case: CPython's str.upper() and str.lower(), from its Unicode (14.0) tables (casetab.h, generated) ---- */


/* c's run in the table */
static size_t run_of(uint32_t c) {
    size_t lo = 0, hi = NELEM(case_runs);
    while (hi - lo > 1) { size_t mid = (lo + hi) / 2; if (case_runs[mid].lo <= c) lo = mid; else hi = mid; }
    return lo;
}

static unsigned props(uint32_t c) { return case_runs[run_of(c)].props; }

enum { MAP_UPPER, MAP_LOWER, MAP_TITLE };

/* c's upper, lower or title case (up to three code points into out): its run's delta, or its special mapping */
static int map_case(uint32_t c, int which, uint32_t *out) {
    size_t k = run_of(c);
    int32_t d = which == MAP_UPPER ? case_runs[k].du : which == MAP_LOWER ? case_runs[k].dl : case_runs[k].dt;
    out[0] = (uint32_t)((int32_t)c + d);
    if (d) return 1;
    size_t lo = 0, hi = NELEM(case_special); /* ß, ŉ, İ, ǆ, Greek with accents ...: sorted by code point */
    while (lo < hi) {
        size_t mid = (lo + hi) / 2;
        if (case_special[mid].c < c) lo = mid + 1;
        else hi = mid;
    }
    if (lo == NELEM(case_special) || case_special[lo].c != c) return 1;
    const uint32_t *m = which == MAP_UPPER ? case_special[lo].up : which == MAP_LOWER ? case_special[lo].low : case_special[lo].title;
    int n = 0;
    while (n < 3 && m[n]) { out[n] = m[n]; n++; }
    return n;
}

/* code point i of cps[0..n) lowered: CPython's lower_ucs4, whose capital sigma becomes final (ς) after a cased
 * letter (case-ignorable ones skipped) and before none (handle_capital_sigma) */
static int lower_at(const uint32_t *cps, int64_t n, int64_t i, uint32_t *out) {
    if (cps[i] != 0x3a3) return map_case(cps[i], MAP_LOWER, out);
    int64_t j = i - 1;
    while (j >= 0 && (props(cps[j]) & CP_IGNORABLE)) j--;
    bool final = j >= 0 && (props(cps[j]) & CP_CASED);
    if (final && i + 1 < n) {
        for (j = i + 1; j < n && (props(cps[j]) & CP_IGNORABLE); j++) {}
        final = j == n || !(props(cps[j]) & CP_CASED);
    }
    out[0] = final ? 0x3c2 : 0x3c3;
    return 1;
}

/* upper(), lower(), title(), capitalize(), swapcase(): CPython's do_upper ... do_swapcase over a's code points */
static RtList *cased(Run *r, const RtList *a, int mode, int line, const char *file) {
    int64_t n = rt_str_len(a), k;
    uint32_t *cps = malloc(sizeof *cps * (size_t)(n ? n : 1));
    if (!cps) { run_nomem(r, "changing a string's case", line, file); return NULL; }
    for (int64_t i = 0, b = 0; i < n; i++, b += k) cps[i] = utf8_code(bytes(a) + b, (int)(k = cp_bytes(a, b)));
    RtList *l = new_str(r, 0, line, file);
    bool prev_cased = false;
    for (int64_t i = 0; l && i < n; i++) {
        uint32_t c = cps[i], m[3];
        unsigned p = props(c);
        int nm;
        switch (mode) {
        case STRCASE_UPPER: nm = map_case(c, MAP_UPPER, m); break;
        case STRCASE_LOWER: nm = lower_at(cps, n, i, m); break;
        case STRCASE_TITLE: nm = prev_cased ? lower_at(cps, n, i, m) : map_case(c, MAP_TITLE, m); break;
        case STRCASE_CAPITALIZE: nm = i ? lower_at(cps, n, i, m) : map_case(c, MAP_TITLE, m); break;
        default: /* SWAPCASE */
            if (p & CP_UPPER) nm = lower_at(cps, n, i, m);
            else if (p & CP_LOWER) nm = map_case(c, MAP_UPPER, m);
            else { m[0] = c; nm = 1; }
        }
        prev_cased = (p & CP_CASED) != 0;
        if (run_list_reserve(r, l, 12, line, file)) { l = NULL; break; }
        for (int j = 0; j < nm; j++) l->len += utf8_put(m[j], (char *)l->data + l->len);
    }
    free(cps);
    return l;
}

/* whether the code point at byte i is one strip() removes: whitespace, or (chars given) one of chars'; *k its bytes */
static bool strippable(const RtList *a, int64_t i, const RtList *chars, int64_t *k) {
    if (!chars) return space_at(a, i, k);
    *k = cp_bytes(a, i);
    for (int64_t j = 0, n; j < chars->len; j += n) {
        n = cp_bytes(chars, j);
        if (n == *k && !memcmp(bytes(chars) + j, bytes(a) + i, (size_t)n)) return true;
    }
    return false;
}

/* the case methods, and strip / lstrip / rstrip of whitespace or (chars) of the given characters */
static RtList *change_case(Run *r, const RtList *a, int mode, const RtList *chars, int line, const char *file) {
    if (mode != STRCASE_STRIP && mode != STRCASE_LSTRIP && mode != STRCASE_RSTRIP) return cased(r, a, mode, line, file);
    int64_t b = 0, e = a->len, k;
    if (mode == STRCASE_STRIP || mode == STRCASE_LSTRIP) while (b < e && strippable(a, b, chars, &k)) b += k;
    if (mode == STRCASE_STRIP || mode == STRCASE_RSTRIP) while (e > b && strippable(a, before(a, e), chars, &k)) e -= k;
    return rt_str_new(r, bytes(a) + b, (size_t)(e - b), line, file);
}

/* the byte offset of b in a from byte `from`, or -1 */
static int64_t find_bytes(const RtList *a, const RtList *b, int64_t from) {
    if (!b->len) return from <= a->len ? from : -1;
    const char *p = bytes(a), *q = bytes(b);
    for (int64_t i = from; i + b->len <= a->len; i++)
        if (p[i] == q[0] && !memcmp(p + i, q, (size_t)b->len)) return i;
    return -1;
}

/* code points before byte offset at */
static int64_t cps_before(const RtList *a, int64_t at) {
    RtList head = {a->data, at, 1, at, 0, 0};
    return rt_str_len(&head);
}

static int find(Run *r, const RtList *a, const RtList *b, int mode, int64_t *out, int line, const char *file);

/* find() & co. in a[start:end] (code points), as CPython's ADJUST_INDICES takes them: negative from the end, the
 * end clamped to the length, the start not (so a start past the end finds nothing, not even ""); a window shorter
 * than b finds nothing either. The answer's index counts from a's start */
static int find_in(Run *r, const RtList *a, const RtList *b, int mode, int64_t start, int64_t end, int64_t *out, int line,
                   const char *file) {
    int64_t n = rt_str_len(a);
    if (end > n) end = n;
    else if (end < 0 && (end += n) < 0) end = 0;
    if (start < 0 && (start += n) < 0) start = 0;
    if (end - start < rt_str_len(b)) {
        if (mode == STRFIND_INDEX || mode == STRFIND_RINDEX) return raise_msg(r, "ValueError", line, file, "%s", "substring not found");
        *out = mode == STRFIND_FIND || mode == STRFIND_RFIND ? -1 : 0;
        return 0;
    }
    int64_t bs = rt_str_offset(a, start), be = rt_str_offset(a, end);
    RtList w = {(char *)bytes(a) + bs, be - bs, 1, be - bs, 0, 0};
    if (find(r, &w, b, mode, out, line, file)) return -1;
    if ((mode == STRFIND_FIND || mode == STRFIND_RFIND || mode == STRFIND_INDEX || mode == STRFIND_RINDEX) && *out >= 0) *out += start;
    return 0;
}

static int find(Run *r, const RtList *a, const RtList *b, int mode, int64_t *out, int line, const char *file) {
    switch (mode) {
    case STRFIND_IN: *out = find_bytes(a, b, 0) >= 0; return 0;
    case STRFIND_STARTS: *out = b->len <= a->len && !memcmp(bytes(a), bytes(b), (size_t)b->len); return 0;
    case STRFIND_ENDS: *out = b->len <= a->len && !memcmp(bytes(a) + a->len - b->len, bytes(b), (size_t)b->len); return 0;
    case STRFIND_COUNT: { /* non-overlapping; an empty b counts every gap */
        if (!b->len) { *out = rt_str_len(a) + 1; return 0; }
        int64_t n = 0;
        for (int64_t i = find_bytes(a, b, 0); i >= 0; i = find_bytes(a, b, i + b->len)) n++;
        *out = n;
        return 0;
    }
    case STRFIND_RFIND: case STRFIND_RINDEX: {
        int64_t last = -1;
        for (int64_t i = find_bytes(a, b, 0); i >= 0; i = find_bytes(a, b, i + 1)) { last = i; if (i == a->len) break; }
        if (last < 0 && mode == STRFIND_RINDEX) return raise_msg(r, "ValueError", line, file, "%s", "substring not found");
        *out = last < 0 ? -1 : cps_before(a, last);
        return 0;
    }
    default: { /* FIND, INDEX */
        int64_t i = find_bytes(a, b, 0);
        if (i < 0 && mode == STRFIND_INDEX) return raise_msg(r, "ValueError", line, file, "%s", "substring not found");
        *out = i < 0 ? -1 : cps_before(a, i);
        return 0;
    }
    }
}

static RtList *replace(Run *r, const RtList *a, const RtList *b, const RtList *c, int line, const char *file) {
    if (!b->len) { /* CPython inserts c between every character and at both ends */
        RtList *l = rt_str_new(r, bytes(c), (size_t)c->len, line, file);
        for (int64_t i = 0; l && i < a->len;) {
            int64_t k = cp_bytes(a, i);
            RtList piece = {(char *)bytes(a) + i, k, 1, k, 0, 0};
            if (!(l = concat(r, l, &piece, line, file)) || !(l = concat(r, l, c, line, file))) return NULL;
            i += k;
        }
        return l;
    }
    RtList *l = new_str(r, 0, line, file);
    int64_t from = 0;
    for (int64_t i = find_bytes(a, b, 0); l; i = find_bytes(a, b, from)) {
        int64_t end = i < 0 ? a->len : i;
        if (run_list_reserve(r, l, end - from + (i < 0 ? 0 : c->len), line, file)) return NULL;
        put_bytes(l, bytes(a) + from, end - from);
        if (i < 0) break;
        put_bytes(l, bytes(c), c->len);
        from = i + b->len;
    }
    return l;
}

/* sep.join(items): items a list of strings */
static RtList *join(Run *r, const RtList *sep, const RtList *items, int line, const char *file) {
    RtList *l = new_str(r, 0, line, file);
    for (int64_t i = 0; l && i < items->len; i++) {
        const RtList *s = ((RtList *const *)items->data)[i];
        if (run_list_reserve(r, l, s->len + (i ? sep->len : 0), line, file)) return NULL;
        if (i) put_bytes(l, bytes(sep), sep->len);
        put_bytes(l, bytes(s), s->len);
    }
    return l;
}

/* a string appended to a list of strings (8-byte addresses) */
static int push(Run *r, RtList *list, RtList *s, int line, const char *file) {
    if (!s || run_list_reserve(r, list, 1, line, file)) return -1;
    ((RtList **)list->data)[list->len++] = s;
    return 0;
}

/* a.split(sep): sep NULL splits at runs of whitespace and drops empty pieces at the ends, as CPython */
/* a.split(sep, maxsplit) (maxsplit < 0: no limit); sep NULL splits at runs of whitespace and drops empty pieces at
 * the ends, as CPython, the rest after the last split kept as it is from its first non-space */
static RtList *split(Run *r, const RtList *a, const RtList *sep, int64_t maxsplit, int line, const char *file) {
    if (sep && !sep->len) { raise_msg(r, "ValueError", line, file, "%s", "empty separator"); return NULL; }
    RtList *out = run_list_new(r, 0, 8, line, file);
    const char *p = bytes(a);
    if (!out) return NULL;
    if (!sep) {
        int64_t k;
        for (int64_t i = 0, n = 0; i < a->len; n++) {
            while (i < a->len && space_at(a, i, &k)) i += k;
            if (i == a->len) break;
            int64_t b = i, e = a->len;
            if (maxsplit < 0 || n < maxsplit) {
                while (i < a->len && !space_at(a, i, &k)) i += k;
                e = i;
            } else i = a->len; /* the rest, as it is (CPython strips only the whitespace before it) */
            if (push(r, out, rt_str_new(r, p + b, (size_t)(e - b), line, file), line, file)) return NULL;
        }
        return out;
    }
    int64_t from = 0, n = 0;
    for (int64_t i = find_bytes(a, sep, 0);; i = find_bytes(a, sep, from), n++) {
        if (maxsplit >= 0 && n >= maxsplit) i = -1;
        int64_t end = i < 0 ? a->len : i;
        if (push(r, out, rt_str_new(r, p + from, (size_t)(end - from), line, file), line, file)) return NULL;
        if (i < 0) return out;
        from = i + sep->len;
    }
}

/* the byte offset of the last b in a ending at or before byte `end`, or -1 */
static int64_t rfind_bytes(const RtList *a, const RtList *b, int64_t end) {
    const char *p = bytes(a), *q = bytes(b);
    for (int64_t i = end - b->len; i >= 0; i--)
        if (p[i] == q[0] && !memcmp(p + i, q, (size_t)b->len)) return i;
    return -1;
}

/* a.rsplit(sep, maxsplit): split's pieces found from the right (the rest, at the left, keeps its leading
 * whitespace where split's keeps its trailing) */
static RtList *rsplit(Run *r, const RtList *a, const RtList *sep, int64_t maxsplit, int line, const char *file) {
    if (maxsplit < 0) return split(r, a, sep, maxsplit, line, file); /* the same pieces */
    if (sep && !sep->len) { raise_msg(r, "ValueError", line, file, "%s", "empty separator"); return NULL; }
    RtList *out = run_list_new(r, 0, 8, line, file);
    const char *p = bytes(a);
    if (!out) return NULL;
    if (!sep) {
        for (int64_t e = a->len, n = 0; e > 0; n++) {
            while (e > 0 && space_cp(utf8_code(p + before(a, e), (int)(e - before(a, e))))) e = before(a, e);
            if (e == 0) break;
            int64_t b = 0;
            if (n < maxsplit) {
                b = e;
                while (b > 0 && !space_cp(utf8_code(p + before(a, b), (int)(b - before(a, b))))) b = before(a, b);
            }
            if (push(r, out, rt_str_new(r, p + b, (size_t)(e - b), line, file), line, file)) return NULL;
            e = b;
        }
    } else {
        int64_t end = a->len, n = 0;
        for (;; n++) {
            int64_t i = n < maxsplit ? rfind_bytes(a, sep, end) : -1;
            int64_t b = i < 0 ? 0 : i + sep->len;
            if (push(r, out, rt_str_new(r, p + b, (size_t)(end - b), line, file), line, file)) return NULL;
            if (i < 0) break;
            end = i;
        }
    }
    rt_list_reverse(out);
    return out;
}

/* a.partition(sep) / a.rpartition(sep): [before, sep, after] at sep's first (last) place; not found: [a, "", ""]
 * (["", "", a] from the right) */
static RtList *partition(Run *r, const RtList *a, const RtList *sep, bool right, int line, const char *file) {
    if (!sep->len) { raise_msg(r, "ValueError", line, file, "%s", "empty separator"); return NULL; }
    RtList *out = run_list_new(r, 0, 8, line, file);
    if (!out) return NULL;
    int64_t i = right ? rfind_bytes(a, sep, a->len) : find_bytes(a, sep, 0);
    const char *p = bytes(a);
    struct { const char *at; int64_t n; } piece[3] = {{p, 0}, {p, 0}, {p, 0}};
    if (i >= 0) {
        piece[0].n = i;
        piece[1].at = bytes(sep); piece[1].n = sep->len;
        piece[2].at = p + i + sep->len; piece[2].n = a->len - i - sep->len;
    } else { /* a whole on one side, two empty strings */
        piece[right ? 2 : 0].n = a->len;
    }
    for (int k = 0; k < 3; k++)
        if (push(r, out, rt_str_new(r, piece[k].at, (size_t)piece[k].n, line, file), line, file)) return NULL;
    return out;
}

/* a.splitlines(keepends): CPython's line boundaries (\n, \r, \r\n, \v, \f, \x1c-\x1e, \x85, U+2028, U+2029) */
static RtList *split_lines(Run *r, const RtList *a, bool keep, int line, const char *file) {
    RtList *out = run_list_new(r, 0, 8, line, file);
    int64_t from = 0, k;
    for (int64_t i = 0; out && i < a->len; i += k) {
        uint32_t c = utf8_code(bytes(a) + i, (int)(k = cp_bytes(a, i)));
        if (!(c == '\n' || c == '\r' || c == 0x0b || c == 0x0c || (c >= 0x1c && c <= 0x1e) || c == 0x85 || c == 0x2028 || c == 0x2029))
            continue;
        int64_t end = i + k;
        if (c == '\r' && end < a->len && bytes(a)[end] == '\n') end++;
        if (push(r, out, rt_str_new(r, bytes(a) + from, (size_t)((keep ? end : i) - from), line, file), line, file)) return NULL;
        from = end;
        k = end - i;
    }
    if (out && from < a->len && push(r, out, rt_str_new(r, bytes(a) + from, (size_t)(a->len - from), line, file), line, file))
        return NULL;
    return out;
}

static RtList *chars(Run *r, const RtList *a, int line, const char *file) {
    RtList *out = run_list_new(r, 0, 8, line, file);
    if (out && run_list_reserve(r, out, a->len, line, file)) return NULL; /* at most one item a byte */
    for (int64_t i = 0; out && i < a->len;) {
        int64_t k = cp_bytes(a, i);
        unsigned char c = (unsigned char)bytes(a)[i];
        if (push(r, out, c < 0x80 ? one_char(r, c, line, file) : rt_str_new(r, bytes(a) + i, (size_t)k, line, file), line, file))
            return NULL;
        i += k;
    }
    return out;
}

/* chr(i): UTF-8 of code point i (ValueError outside range(0x110000)) */
static RtList *chr_of(Run *r, int64_t c, int line, const char *file) {
    if (c < 0 || c > 0x10ffff) { raise_msg(r, "ValueError", line, file, "%s", "chr() arg not in range(0x110000)"); return NULL; }
    if (c >= 0xd800 && c < 0xe000) { /* a lone surrogate: CPython makes one, UTF-8 has none */
        raise_msg(r, "NotImplementedError", line, file, "%s", "chr() of a surrogate code point: kiln's strings are UTF-8");
        return NULL;
    }
    if (c < 0x80) return one_char(r, (unsigned)c, line, file);
    char b[4];
    return rt_str_new(r, b, (size_t)utf8_put((uint32_t)c, b), line, file);
}

/* int(a), float(a): CPython's ValueError shows the text's repr */
/* int(a[, base]) (base 10 where none was given) or float(a) */
static int number(Run *r, const RtList *a, bool integer, int64_t base, Slot *out, int line, const char *file) {
    if (integer && base != 0 && (base < 2 || base > 36))
        return raise_msg(r, "ValueError", line, file, "%s", "int() base must be >= 2 and <= 36, or 0");
    int rc = integer ? num_py_int_base(bytes(a), (size_t)a->len, (int)base, &out->i) : num_py_float(bytes(a), (size_t)a->len, &out->f);
    if (!rc) return 0;
    char *q = rt_str_repr(a);
    if (!q) return run_nomem(r, "formatting an error", line, file);
    char text[200];
    snprintf(text, sizeof text, "%.150s%s", q, strlen(q) > 150 ? "..." : "");
    free(q);
    if (rc == -2) return raise_msg(r, "OverflowError", line, file, "int(%s) does not fit kiln's 64-bit int", text);
    if (integer) {
        char m[240];
        snprintf(m, sizeof m, "invalid literal for int() with base %d: %s", (int)base, text);
        return raise_msg(r, "ValueError", line, file, "%s", m);
    }
    return raise_msg(r, "ValueError", line, file, "could not convert string to float: %s", text);
}

/* str.isdigit() & co. as CPython answers them, from its Unicode tables (casetab.h): isupper/islower/istitle look at
 * the cased letters only, the others need every code point (and at least one, but for isascii) */
static int test(Run *r, const RtList *a, int mode, int64_t *out, int line, const char *file) {
    (void)r; (void)line; (void)file;
    static const unsigned every[] = {[STRTEST_DIGIT] = CP_DIGIT, [STRTEST_ALPHA] = CP_ALPHA, [STRTEST_ALNUM] = CP_ALNUM,
                                     [STRTEST_DECIMAL] = CP_DECIMAL, [STRTEST_NUMERIC] = CP_NUMERIC};
    bool all = a->len > 0, cased = false, prev_cased = false;
    if (mode == STRTEST_ASCII) all = true;
    int64_t k;
    for (int64_t i = 0; i < a->len && all; i += k) {
        uint32_t c = utf8_code(bytes(a) + i, (int)(k = cp_bytes(a, i)));
        unsigned p = props(c);
        switch (mode) {
        case STRTEST_SPACE: all = space_cp(c); break;
        case STRTEST_ASCII: all = c < 0x80; break;
        case STRTEST_UPPER: if (p & (CP_LOWER | CP_TITLE)) all = false; else cased |= (p & CP_UPPER) != 0; break;
        case STRTEST_LOWER: if (p & (CP_UPPER | CP_TITLE)) all = false; else cased |= (p & CP_LOWER) != 0; break;
        case STRTEST_TITLE: /* an upper or title case letter only after an uncased one, a lower case one only after a cased one */
            if (p & (CP_UPPER | CP_TITLE)) { if (prev_cased) all = false; prev_cased = cased = true; }
            else if (p & CP_LOWER) { if (!prev_cased) all = false; prev_cased = cased = true; }
            else prev_cased = false;
            break;
        default: all = (p & every[mode]) != 0;
        }
    }
    *out = mode == STRTEST_UPPER || mode == STRTEST_LOWER || mode == STRTEST_TITLE ? all && cased : all;
    return 0;
}

/* ljust/rjust/center(width, fill) and zfill(width): widths in code points, CPython's placement (center's left
 * share is half the padding, plus one when both the padding and the width are odd; zfill keeps a sign first) */
static RtList *pad(Run *r, const RtList *a, int mode, int64_t width, const RtList *fill, int line, const char *file) {
    int64_t n = rt_str_len(a), extra = width - n;
    if (fill && rt_str_len(fill) != 1) {
        raise_msg(r, "TypeError", line, file, "%s", "The fill character must be exactly one character long");
        return NULL;
    }
    if (extra <= 0) return rt_str_new(r, bytes(a), (size_t)a->len, line, file);
    const char *f = fill ? bytes(fill) : "0";
    int64_t fb = fill ? fill->len : 1;
    int64_t left = mode == STRPAD_RJUST || mode == STRPAD_ZFILL ? extra : mode == STRPAD_CENTER ? extra / 2 + (extra & width & 1) : 0;
    bool sign = mode == STRPAD_ZFILL && a->len && (bytes(a)[0] == '+' || bytes(a)[0] == '-');
    if (extra > INT64_MAX / 8) { run_nomem(r, "padding a string", line, file); return NULL; }
    RtList *l = new_str(r, a->len + extra * fb, line, file);
    if (!l) return NULL;
    char *o = l->data;
    if (sign) *o++ = bytes(a)[0];
    for (int64_t i = 0; i < left; i++, o += fb) memcpy(o, f, (size_t)fb);
    memcpy(o, bytes(a) + sign, (size_t)(a->len - sign));
    o += a->len - sign;
    for (int64_t i = left; i < extra; i++, o += fb) memcpy(o, f, (size_t)fb);
    return l;
}

static int compare(const RtList *a, const RtList *b, int mode) {
    int64_t n = a->len < b->len ? a->len : b->len;
    int c = n ? memcmp(a->data, b->data, (size_t)n) : 0;
    if (!c) c = (a->len > b->len) - (a->len < b->len);
    switch (mode) {
    case STRCMP_EQ: return c == 0;
    case STRCMP_NE: return c != 0;
    case STRCMP_LT: return c < 0;
    case STRCMP_LE: return c <= 0;
    case STRCMP_GT: return c > 0;
    default: return c >= 0;
    }
}

int rt_str_compare(const RtList *a, const RtList *b) { return compare(a, b, STRCMP_LT) ? -1 : !compare(a, b, STRCMP_EQ); }

static int by_text(const void *a, const void *b) { return rt_str_compare(*(RtList *const *)a, *(RtList *const *)b); }

/* a list of strings sorted in place: qsort is not stable, but equal strings cannot be told apart */
static void sort_strings(RtList *l) { if (l->len > 1) qsort(l->data, (size_t)l->len, sizeof(RtList *), by_text); }

static RtList *made(Slot *out, RtList *l) { out->p = l; return l; }

int rt_str(Run *r, int op, int mode, const Type *at, const Slot *fr, int32_t a0, const int32_t *ops, int nb, Slot *out,
           int line, const char *file) {
    const Slot *a = &fr[a0], *b[3] = {nb > 0 ? &fr[ops[0]] : NULL, nb > 1 ? &fr[ops[1]] : NULL, nb > 2 ? &fr[ops[2]] : NULL};
    const RtList *s = a->p;
    switch (op) {
    case STR_LIT: return made(out, rt_str_new(r, at->text, strlen(at->text), line, file)) ? 0 : -1;
    case STR_FORMAT: {
        size_t n;
        char buf[256];
        char *t = rt_format_into(at, fr, ops, buf, sizeof buf, &n);
        if (!t) return run_nomem(r, "formatting a string", line, file);
        RtList *l = rt_str_new(r, t, n, line, file);
        if (t != buf) free(t);
        return made(out, l) ? 0 : -1;
    }
    case STR_CAT: return made(out, concat(r, s, b[0]->p, line, file)) ? 0 : -1;
    case STR_REPEAT: return made(out, repeat(r, s, b[0]->i, line, file)) ? 0 : -1;
    case STR_INDEX: return made(out, index_of(r, s, b[0]->i, line, file)) ? 0 : -1;
    case STR_SLICE: return made(out, slice(r, s, b[0]->i, b[1]->i, b[2]->i, mode, line, file)) ? 0 : -1;
    case STR_CASE: return made(out, change_case(r, s, mode, nb > 0 ? b[0]->p : NULL, line, file)) ? 0 : -1;
    case STR_REPLACE: return made(out, replace(r, s, b[0]->p, b[1]->p, line, file)) ? 0 : -1;
    case STR_JOIN: return made(out, join(r, s, b[0]->p, line, file)) ? 0 : -1;
    case STR_CHR: return made(out, chr_of(r, a->i, line, file)) ? 0 : -1;
    case STR_CMP: out->i = compare(s, b[0]->p, mode); return 0;
    case STR_LEN: out->i = rt_str_len(s); return 0;
    case STR_FIND:
        if (nb == 3) return find_in(r, s, b[0]->p, mode, b[1]->i, b[2]->i, &out->i, line, file);
        return find(r, s, b[0]->p, mode, &out->i, line, file);
    case STR_INT: return number(r, s, true, nb > 0 ? b[0]->i : 10, out, line, file); /* operand 1: the base, when given */
    case STR_FLOAT: return number(r, s, false, 10, out, line, file);
    case STR_ORD: {
        int64_t n = rt_str_len(s);
        if (n != 1) {
            char m[96];
            snprintf(m, sizeof m, "ord() expected a character, but string of length %lld found", (long long)n);
            return raise_msg(r, "TypeError", line, file, "%s", m);
        }
        out->i = utf8_code(bytes(s), s->len > 4 ? 5 : (int)s->len);
        return 0;
    }
    case STR_CHARS: return made(out, chars(r, s, line, file)) ? 0 : -1;
    case STR_SPLIT: /* mode STRSPLIT_*: SPLIT and RSPLIT operands maxsplit, then sep when given; PARTITIONs sep */
        switch (mode) {
        case STRSPLIT_LINES: case STRSPLIT_LINES_KEEP: return made(out, split_lines(r, s, mode == STRSPLIT_LINES_KEEP, line, file)) ? 0 : -1;
        case STRSPLIT_RSPLIT: return made(out, rsplit(r, s, nb > 1 ? b[1]->p : NULL, b[0]->i, line, file)) ? 0 : -1;
        case STRSPLIT_PARTITION: case STRSPLIT_RPARTITION:
            return made(out, partition(r, s, b[0]->p, mode == STRSPLIT_RPARTITION, line, file)) ? 0 : -1;
        default: return made(out, split(r, s, nb > 1 ? b[1]->p : NULL, b[0]->i, line, file)) ? 0 : -1;
        }
    case STR_SORT: sort_strings(a->p); return 0;
    case STR_FREE: let_go(r, a->p); return 0;
    case STR_TEST: return test(r, s, mode, &out->i, line, file);
    case STR_PAD: return made(out, pad(r, s, mode, b[0]->i, nb > 1 ? b[1]->p : NULL, line, file)) ? 0 : -1;
    case STR_RAISE: { /* pending, not failed: the block's reraise sends it on, as a bare raise's does */
        const RtList *m = b[0]->p;
        run_raise(r, RE_RAISE, line, file);
        r->ename = at->text; /* the context's type table keeps the name */
        snprintf(r->msg, sizeof r->msg, "%.*s", (int)(m->len < (int64_t)sizeof r->msg ? m->len : (int64_t)sizeof r->msg - 1), bytes(m));
        return 0;
    }
    default: return raise_msg(r, "SystemError", line, file, "%s", "unknown string routine");
    }
}
