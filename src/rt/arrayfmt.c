/*
 * arrayfmt.c — NumPy 2's str() and repr() of an array, as print() shows it
 * (str at the top, repr inside a list, a tuple or a dict): numpy/_core/
 * arrayprint.py's rules with its default options, written again here.
 *
 * One format serves every element (arrayprint's FloatingFormat,
 * IntegerFormat, BoolFormat, chosen from the elements shown): floats take
 * their shortest round-trip digits, at most 8 after the point (precision 8,
 * floatmode 'maxprec'), in positional notation with the integer parts padded
 * to one width and the fractions to another, or in scientific notation when
 * the largest magnitude is 1e8 or more, the smallest nonzero below 1e-4, or
 * their ratio above 1000 (then every mantissa has as many digits as the
 * longest); nan and inf right-aligned to the width; ints right-aligned; bools
 * ' True' and 'False'; a complex element is its real part in the real parts' format and its imaginary part in the
 * imaginary parts' (every sign written, 'j' before the padding). The elements are laid out by _formatArray's rules:
 * lines wrap at 75 columns (74 in a repr, whose ')' closes it), rows start
 * under the first '[', and an array of more than 1000 elements shows the
 * first and last 3 along each long axis around '...'. A repr names a dtype
 * NumPy does not imply (float64, int64, bool are implied), on the last line
 * if it fits, and an empty array's shape.
 */
#include "lib.h"
#include <inttypes.h>
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

enum { LINE_WIDTH = 75, THRESHOLD = 1000, EDGE = 3, PRECISION = 8 };

typedef struct Str { char *p; size_t n, cap; bool oom; } Str;

static void put(Str *s, const char *t, size_t n) {
    if (s->oom) return;
    if (s->n + n + 1 > s->cap) {
        size_t cap = (s->n + n + 1) * 2;
        char *p = realloc(s->p, cap);
        if (!p) { s->oom = true; return; }
        s->p = p; s->cap = cap;
    }
    memcpy(s->p + s->n, t, n);
    s->n += n;
    s->p[s->n] = 0;
}
static void puts_(Str *s, const char *t) { put(s, t, strlen(t)); }
static void spaces(Str *s, int n) { for (int i = 0; i < n; i++) put(s, " ", 1); }

/* ---- one element ---- */

typedef struct Arr { const char *data; int nd; int64_t dim[KILN_MAXDIM], stride[KILN_MAXDIM]; int dtype; } Arr;

/* one float format (arrayprint's FloatingFormat): a complex array has one for its real parts and one, with every
 * sign written ('+'), for its imaginary parts */
typedef struct Part {
    bool f32, exp, plus;  /* float32 values; scientific notation; '+' before the non-negative ones */
    int pad_left, pad_right, prec, exp_size;
} Part;

typedef struct Fmt {
    char kind;            /* 'f' float, 'c' complex, 'i' signed, 'u' unsigned, 'b' bool */
    Part re, im;          /* 'f': re; 'c': both */
    int width;            /* 'i', 'u' */
} Fmt;

static double as_float(const char *p, int dt) {
    if (dt == KILN_FLOAT32) { float f; memcpy(&f, p, 4); return f; }
    double d; memcpy(&d, p, 8); return d;
}

static int64_t as_int(const char *p, int dt) {
    switch (dt) {
    case KILN_INT8: return *(const int8_t *)p;
    case KILN_INT16: { int16_t v; memcpy(&v, p, 2); return v; }
    case KILN_INT32: { int32_t v; memcpy(&v, p, 4); return v; }
    case KILN_UINT8: case KILN_BOOL: return *(const uint8_t *)p;
    case KILN_UINT16: { uint16_t v; memcpy(&v, p, 2); return v; }
    case KILN_UINT32: { uint32_t v; memcpy(&v, p, 4); return v; }
    default: { int64_t v; memcpy(&v, p, 8); return v; }
    }
}

/* the shortest digits of |x| (x finite, nonzero) cut to `frac` digits after the point (positional) or `sig`
 * significant ones (scientific), the exact value rounded there when they are more (Dragon4's unique mode with a
 * cutoff): dig and decpt as fmt_shortest's */
static void digits(double x, bool f32, bool sci, char *dig, int *decpt) {
    fmt_shortest(fabs(x), f32, dig, decpt);
    int n = (int)strlen(dig);
    bool cut = sci ? n > PRECISION + 1 : n - *decpt > PRECISION;
    if (!cut) return;
    char tmp[400];
    if (sci) snprintf(tmp, sizeof tmp, "%.*e", PRECISION, fabs(x));
    else snprintf(tmp, sizeof tmp, "%.*f", PRECISION, fabs(x));
    /* back to digits and decpt */
    int k = 0, dp = 0;
    bool seen_dot = false, lead = true;
    const char *q = tmp;
    for (; *q && *q != 'e'; q++) {
        if (*q == '.') { seen_dot = true; continue; }
        if (lead && *q == '0') { if (seen_dot) dp--; continue; }
        lead = false;
        if (!seen_dot) dp++;
        if (k < 38) dig[k++] = *q;
    }
    if (*q == 'e') dp += atoi(q + 1);
    while (k > 1 && dig[k - 1] == '0') k--;
    if (k == 0) { dig[k++] = '0'; dp = 1; } /* rounded to zero (x below 5e-9 in positional notation) */
    dig[k] = 0;
    *decpt = dp;
}

/* positional: sign, integer part, '.', fraction (trailing zeros trimmed, the point kept) */
static void positional(double x, bool f32, bool plus, char *ip, char *fp) {
    char dig[48];
    int dp;
    const char *sign = signbit(x) ? "-" : plus ? "+" : "";
    if (x == 0) { sprintf(ip, "%s0", sign); fp[0] = 0; return; }
    digits(x, f32, false, dig, &dp);
    int n = (int)strlen(dig), k = sprintf(ip, "%s", sign);
    if (dig[0] == '0') { sprintf(ip + k, "0"); fp[0] = 0; return; }
    if (dp <= 0) k += sprintf(ip + k, "0");
    for (int i = 0; i < dp; i++) ip[k++] = i < n ? dig[i] : '0';
    ip[k] = 0;
    int m = 0;
    for (int i = dp; i < n; i++) fp[m++] = i < 0 ? '0' : dig[i]; /* zeros first where the point is left of the digits */
    fp[m] = 0;
}

/* scientific: sign and first digit, the other digits, the exponent */
static void scientific(double x, bool f32, bool plus, char *ip, char *fp, int *e10) {
    char dig[48];
    int dp;
    const char *sign = signbit(x) ? "-" : plus ? "+" : "";
    if (x == 0) { sprintf(ip, "%s0", sign); fp[0] = 0; *e10 = 0; return; }
    digits(x, f32, true, dig, &dp);
    sprintf(ip, "%s%c", sign, dig[0]);
    strcpy(fp, dig + 1);
    *e10 = dp - 1;
}

static int exp_len(int e) { char b[16]; return snprintf(b, sizeof b, "%02d", e < 0 ? -e : e); }

/* the format of the elements shown (FloatingFormat.fillFormat and the others) */
static void fill_float(Part *f, const double *v, int64_t n) {
    double mx = 0, mn = INFINITY;
    bool finite = false, neg_inf = false, nonfinite = false;
    for (int64_t i = 0; i < n; i++) {
        double x = v[i];
        if (!isfinite(x)) { nonfinite = true; if (isinf(x) && x < 0) neg_inf = true; continue; }
        finite = true;
        double a = fabs(x);
        if (a == 0) continue;
        if (a > mx) mx = a;
        if (a < mn) mn = a;
    }
    if (mn != INFINITY) { /* NumPy compares in the array's dtype: a float32 array's 1e-4 is float32(1e-4) */
        double lo = f->f32 ? (double)(float)0.0001 : 0.0001;
        double ratio = f->f32 ? (double)((float)mx / (float)mn) : mx / mn;
        /* the largest in positional notation: 1e8, or 10**finfo(dtype).precision where that is less (1e6 for float32) */
        f->exp = mx >= (f->f32 ? 1e6 : 1e8) || mn < lo || ratio > 1000.0;
    }
    f->pad_left = f->pad_right = 0;
    f->exp_size = -1;
    if (finite) {
        char ip[400], fp[400];
        for (int64_t i = 0; i < n; i++) {
            if (!isfinite(v[i])) continue;
            int e10 = 0;
            if (f->exp) scientific(v[i], f->f32, f->plus, ip, fp, &e10); else positional(v[i], f->f32, f->plus, ip, fp);
            int il = (int)strlen(ip), fl = (int)strlen(fp);
            if (il > f->pad_left) f->pad_left = il;
            if (fl > f->pad_right) f->pad_right = fl;
            if (f->exp && exp_len(e10) > f->exp_size) f->exp_size = exp_len(e10);
        }
        if (f->exp) { f->prec = f->pad_right; f->pad_right = f->exp_size + 2 + f->prec; }
    }
    if (nonfinite) { /* nan and inf fit under the widths (a written sign counts as inf's '-') */
        int offset = f->pad_right + 1;
        neg_inf |= f->plus;
        if (3 - offset > f->pad_left) f->pad_left = 3 - offset;
        if (3 + (neg_inf ? 1 : 0) - offset > f->pad_left) f->pad_left = 3 + (neg_inf ? 1 : 0) - offset;
    }
}

/* one float in format f */
static void fmt_part(Str *s, const Part *f, double x) {
    char b[64];
    if (!isfinite(x)) {
        const char *t = isnan(x) ? (f->plus ? "+nan" : "nan") : x < 0 ? "-inf" : f->plus ? "+inf" : "inf";
        spaces(s, f->pad_left + f->pad_right + 1 - (int)strlen(t));
        puts_(s, t);
        return;
    }
    char ip[400], fp[400];
    if (f->exp) { /* every mantissa with prec digits after the point: the value's own digits (Dragon4's min_digits),
                   * correctly rounded, not zeros after its shortest ones (a float32's differ there) */
        char m[64];
        snprintf(m, sizeof m, f->plus ? "%+.*e" : "%.*e", f->prec, x);
        char *e = strchr(m, 'e');
        int e10 = atoi(e + 1);
        *e = 0;
        char *dot = strchr(m, '.');
        int il = dot ? (int)(dot - m) : (int)strlen(m);
        spaces(s, f->pad_left - il);
        put(s, m, (size_t)il);
        put(s, ".", 1);
        if (dot) puts_(s, dot + 1);
        snprintf(b, sizeof b, "e%c%0*d", e10 < 0 ? '-' : '+', f->exp_size, e10 < 0 ? -e10 : e10);
        puts_(s, b);
        return;
    }
    positional(x, f->f32, f->plus, ip, fp);
    spaces(s, f->pad_left - (int)strlen(ip));
    puts_(s, ip);
    put(s, ".", 1);
    puts_(s, fp);
    spaces(s, f->pad_right - (int)strlen(fp));
}

/* the real part's text, then the imaginary part's with 'j' before its padding (ComplexFloatingFormat) */
static void complex_elem(Str *s, const Fmt *f, const char *p, int dt) {
    int pd = dt == KILN_COMPLEX64 ? KILN_FLOAT32 : KILN_FLOAT64;
    size_t psz = kiln_dtype_size((kiln_dtype)pd);
    fmt_part(s, &f->re, as_float(p, pd));
    Str im = {0};
    fmt_part(&im, &f->im, as_float(p + psz, pd));
    size_t n = im.n;
    while (n && im.p[n - 1] == ' ') n--;
    put(s, im.p ? im.p : "", n);
    put(s, "j", 1);
    if (im.n > n) put(s, im.p + n, im.n - n);
    if (im.oom) s->oom = true;
    free(im.p);
}

static void fmt_elem(Str *s, const Fmt *f, const char *p, int dt) {
    char b[64];
    if (f->kind == 'b') { puts_(s, as_int(p, dt) ? " True" : "False"); return; }
    if (f->kind == 'i' || f->kind == 'u') {
        int64_t v = as_int(p, dt);
        int k = f->kind == 'u' ? snprintf(b, sizeof b, "%" PRIu64, (uint64_t)v) : snprintf(b, sizeof b, "%" PRId64, v);
        spaces(s, f->width - k);
        puts_(s, b);
        return;
    }
    if (f->kind == 'c') { complex_elem(s, f, p, dt); return; }
    fmt_part(s, &f->re, as_float(p, dt));
}

/* ---- the elements shown: all, or the first and last EDGE along each long axis ---- */

static bool shown(const Arr *a, int axis, int64_t i, bool summary) {
    return !summary || a->dim[axis] <= 2 * EDGE || i < EDGE || i >= a->dim[axis] - EDGE;
}

typedef struct Seen { double *f; int64_t n, cap; int64_t imin, imax; uint64_t umax; bool any; } Seen;

static void collect(const Arr *a, int axis, const char *p, bool summary, Seen *sn, char kind) {
    if (axis == a->nd) {
        if (kind == 'f') {
            if (sn->n == sn->cap) {
                int64_t cap = sn->cap ? 2 * sn->cap : 64;
                double *q = realloc(sn->f, sizeof(double) * (size_t)cap);
                if (!q) return;
                sn->f = q; sn->cap = cap;
            }
            sn->f[sn->n++] = as_float(p, a->dtype);
        } else {
            int64_t v = as_int(p, a->dtype);
            if (!sn->any || v < sn->imin) sn->imin = v;
            if (!sn->any || v > sn->imax) sn->imax = v;
            if (!sn->any || (uint64_t)v > sn->umax) sn->umax = (uint64_t)v;
            sn->any = true;
        }
        return;
    }
    for (int64_t i = 0; i < a->dim[axis]; i++)
        if (shown(a, axis, i, summary)) collect(a, axis + 1, p + i * a->stride[axis], summary, sn, kind);
}

/* the format of one part of complex elements (im: the imaginary parts), read as an array of floats of its strides */
static void complex_part(const Arr *a, bool summary, bool im, Part *f) {
    Arr part = *a;
    part.dtype = a->dtype == KILN_COMPLEX64 ? KILN_FLOAT32 : KILN_FLOAT64;
    if (im) part.data += kiln_dtype_size((kiln_dtype)part.dtype);
    Seen sn;
    memset(&sn, 0, sizeof sn);
    collect(&part, 0, part.data, summary, &sn, 'f');
    f->f32 = part.dtype == KILN_FLOAT32;
    f->plus = im;
    fill_float(f, sn.f, sn.n);
    free(sn.f);
}

static Fmt make_format(const Arr *a, bool summary) {
    Fmt f;
    memset(&f, 0, sizeof f);
    int dt = a->dtype;
    f.kind = dt == KILN_BOOL ? 'b' : (dt == KILN_FLOAT64 || dt == KILN_FLOAT32) ? 'f' : dt_is_complex(dt) ? 'c'
           : dt_is_unsigned(dt) ? 'u' : 'i';
    if (f.kind == 'c') {
        complex_part(a, summary, false, &f.re);
        complex_part(a, summary, true, &f.im);
        return f;
    }
    f.re.f32 = dt == KILN_FLOAT32;
    Seen sn;
    memset(&sn, 0, sizeof sn);
    collect(a, 0, a->data, summary, &sn, f.kind == 'f' ? 'f' : 'i');
    if (f.kind == 'f') fill_float(&f.re, sn.f, sn.n);
    else if (f.kind != 'b' && sn.any) {
        char b[32];
        int w1 = f.kind == 'u' ? snprintf(b, sizeof b, "%" PRIu64, sn.umax) : snprintf(b, sizeof b, "%" PRId64, sn.imax);
        int w2 = f.kind == 'u' ? 1 : snprintf(b, sizeof b, "%" PRId64, sn.imin);
        f.width = w1 > w2 ? w1 : w2;
    }
    free(sn.f);
    return f;
}

/* ---- the layout (_formatArray) ---- */

typedef struct Lay { const Arr *a; const Fmt *f; const char *sep; bool summary; } Lay;

/* s += line (wrapped first where the word would pass the width and wrapping helps), line = ... + word */
static void extend(Str *s, Str *line, const char *word, size_t wn, int width, const char *prefix) {
    bool wrap = (int)(line->n + wn) > width && line->n > strlen(prefix);
    if (wrap) {
        size_t n = line->n;
        while (n && line->p[n - 1] == ' ') n--;
        put(s, line->p, n);
        put(s, "\n", 1);
        line->n = 0;
        puts_(line, prefix);
    }
    put(line, word, wn);
}

static void recurse(const Lay *L, Str *out, int axis, const char *p, const char *hang, int width) {
    const Arr *a = L->a;
    if (axis == a->nd) { fmt_elem(out, L->f, p, a->dtype); return; }
    size_t hl = strlen(hang);
    char *next = malloc(hl + 2);
    if (!next) { out->oom = true; return; }
    memcpy(next, hang, hl);
    next[hl] = ' '; next[hl + 1] = 0;
    int next_width = width - 1;
    int64_t len = a->dim[axis];
    bool summary = L->summary && 2 * EDGE < len;
    int64_t lead = summary ? EDGE : 0, trail = summary ? EDGE : len;
    Str s = {0};
    size_t seplen = strlen(L->sep);
    while (seplen && L->sep[seplen - 1] == ' ') seplen--; /* sep.rstrip() */
    if (axis == a->nd - 1) {
        int elem_width = width - (seplen > 1 ? (int)seplen : 1);
        Str line = {0}, w = {0};
        puts_(&line, hang);
        for (int64_t j = 0; j < lead + trail; j++) {
            int64_t i = j < lead ? j : len - (lead + trail - j);
            if (summary && j == lead) { extend(&s, &line, "...", 3, elem_width, hang); puts_(&line, L->sep); }
            w.n = 0;
            recurse(L, &w, axis + 1, p + i * a->stride[axis], next, next_width);
            extend(&s, &line, w.p ? w.p : "", w.n, elem_width, hang);
            if (j + 1 < lead + trail) puts_(&line, L->sep);
        }
        put(&s, line.p ? line.p : "", line.n);
        if (line.oom || w.oom) s.oom = true;
        free(line.p); free(w.p);
    } else {
        Str w = {0};
        char line_sep[KILN_MAXDIM + 4];
        int ls = 0;
        memcpy(line_sep, L->sep, seplen); ls = (int)seplen;
        for (int k = 0; k < a->nd - axis - 1; k++) line_sep[ls++] = '\n';
        for (int64_t j = 0; j < lead + trail; j++) {
            int64_t i = j < lead ? j : len - (lead + trail - j);
            if (summary && j == lead) { puts_(&s, hang); puts_(&s, "..."); put(&s, line_sep, (size_t)ls); }
            w.n = 0;
            recurse(L, &w, axis + 1, p + i * a->stride[axis], next, next_width);
            puts_(&s, hang);
            put(&s, w.p ? w.p : "", w.n);
            if (j + 1 < lead + trail) put(&s, line_sep, (size_t)ls);
        }
        if (w.oom) s.oom = true;
        free(w.p);
    }
    free(next);
    put(out, "[", 1);
    if (s.n >= hl) put(out, s.p + hl, s.n - hl);
    put(out, "]", 1);
    if (s.oom) out->oom = true;
    free(s.p);
}

static bool implied(int dt) { return dt == KILN_FLOAT64 || dt == KILN_INT64 || dt == KILN_BOOL || dt == KILN_COMPLEX128; }

char *rt_array_text(const Type *t, const Slot *v, bool repr) {
    Arr a;
    memset(&a, 0, sizeof a);
    a.data = v[0].p; a.nd = t->ndim; a.dtype = t->dtype;
    int64_t size = 1;
    for (int k = 0; k < a.nd; k++) { a.dim[k] = v[1 + k].i; a.stride[k] = v[1 + a.nd + k].i; size *= a.dim[k]; }
    Str s = {0};
    const char *dname = kiln_dtype_name((kiln_dtype)a.dtype);
    if (size == 0) {
        if (!repr) puts_(&s, "[]");
        else {
            puts_(&s, "array([], ");
            if (a.nd != 1) {
                puts_(&s, "shape=(");
                for (int k = 0; k < a.nd; k++) {
                    char b[32];
                    snprintf(b, sizeof b, k ? ", %" PRId64 : "%" PRId64, a.dim[k]);
                    puts_(&s, b);
                }
                puts_(&s, a.nd == 1 ? ",), " : "), ");
            }
            puts_(&s, "dtype=");
            puts_(&s, dname);
            puts_(&s, ")");
        }
        return s.oom ? (free(s.p), NULL) : s.p;
    }
    bool summary = size > THRESHOLD;
    Fmt f = make_format(&a, summary);
    Lay L = {&a, &f, repr ? ", " : " ", summary};
    if (repr) puts_(&s, "array(");
    recurse(&L, &s, 0, a.data, repr ? "       " : " ", repr ? LINE_WIDTH - 1 : LINE_WIDTH);
    if (repr) {
        if (implied(a.dtype)) puts_(&s, ")");
        else { /* the dtype on the last line if it fits there */
            const char *nl = s.p ? strrchr(s.p, '\n') : NULL;
            size_t last = nl ? s.n - (size_t)(nl - s.p + 1) : s.n;
            size_t dlen = strlen("dtype=)") + strlen(dname);
            puts_(&s, ",");
            if (last + dlen + 1 > LINE_WIDTH) { puts_(&s, "\n"); spaces(&s, 6); } else puts_(&s, " ");
            puts_(&s, "dtype=");
            puts_(&s, dname);
            puts_(&s, ")");
        }
    }
    if (s.oom) { free(s.p); return NULL; }
    return s.p;
}
