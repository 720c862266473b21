/*
 * args.c — command-line arguments: options shared by the subcommands, and
 * kernel arguments written as Python literals:
 *   3  -2.5  1e3  0x1F  1_000  inf  nan  (1+2j)  2j  True  None  (1, 2.5)
 *   [1.0, 2.0]  [[1, 2], [3, 4]]  [(1, 2)]    arrays (np.array's dtype rules; tuple rows)
 *   np.array([1, 2], dtype=np.float32)         an array of a given dtype
 *   np.float32(1.5)  np.int8(-3)  np.intp(3)   NumPy scalars (np.True_, np.False_ too)
 *   np.zeros(SHAPE, dtype=D)  np.ones(...)  np.arange(N, dtype=D)   arrays too large to spell out
 *   @data.npy                                  an array from a .npy file
 */
#include "cli.h"
#include "../base/base.h"
#include "../base/diag.h"
#include <ctype.h>
#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

void cli_print_error(const kiln_error *err) {
    char buf[2048];
    kiln_error_format(err, buf, sizeof buf);
    fprintf(stderr, "%s\n", buf);
}

void *cli_pool_add(ValPool *p, void *x) {
    if (!x) return NULL;
    if (p->n == p->cap) {
        int cap = p->cap ? 2 * p->cap : 64;
        void **v = realloc(p->ptrs, sizeof *v * (size_t)cap);
        if (!v) { free(x); return NULL; }
        p->ptrs = v;
        p->cap = cap;
    }
    p->ptrs[p->n++] = x;
    return x;
}

void cli_pool_free(ValPool *p) {
    for (int i = 0; i < p->n; i++) free(p->ptrs[i]);
    free(p->ptrs);
    p->ptrs = NULL;
    p->n = p->cap = 0;
}

void cli_args_free(CliArgs *a) {
    free(a->out_arg);
    a->out_arg = NULL;
    for (int k = 0; a->fixes && k < a->nfix; k++) free((void *)a->fixes[k]);
    free(a->fixes);
    a->fixes = NULL; a->nfix = 0;
    free(a->pos);
    free(a->kwname);
    free(a->kwval);
    a->pos = a->kwname = a->kwval = NULL;
}

/* u64: inside np.uint64(...), where integers up to 2**64-1 are allowed; big:
 * the last integer read was above INT64_MAX (its bits are in the int64) */
typedef struct LP { const char *s, *p; ValPool *pool; kiln_error *err; bool u64, big; int depth; bool lists; /* [...] is a list */ } LP;

static void ws(LP *l) { while (isspace((unsigned char)*l->p)) l->p++; }

static int bad(LP *l, const char *what) {
    err_set(l->err, KILN_ERR_USAGE, "", "cannot read argument '%s': %s", l->s, what);
    return -1;
}

static bool word(LP *l, const char *w) {
    size_t n = strlen(w);
    if (strncmp(l->p, w, n) || isalnum((unsigned char)l->p[n]) || l->p[n] == '_') return false;
    l->p += n;
    return true;
}

static const struct { const char *n; kiln_dtype d; } np_types[] = {
    {"float64", KILN_FLOAT64}, {"float32", KILN_FLOAT32}, {"int64", KILN_INT64}, {"int32", KILN_INT32},
    {"int16", KILN_INT16}, {"int8", KILN_INT8}, {"uint64", KILN_UINT64}, {"uint32", KILN_UINT32},
    {"uint16", KILN_UINT16}, {"uint8", KILN_UINT8}, {"bool_", KILN_BOOL}, {"complex128", KILN_COMPLEX128},
    {"complex64", KILN_COMPLEX64},
    /* NumPy's other names for them (on x86-64 Linux, as in src/lower/call.c's dtype table) */
    {"intp", KILN_INT64}, {"int_", KILN_INT64}, {"uintp", KILN_UINT64}, {"float_", KILN_FLOAT64},
    {"double", KILN_FLOAT64}, {"single", KILN_FLOAT32}, {"cdouble", KILN_COMPLEX128}, {"csingle", KILN_COMPLEX64},
    {"bool", KILN_BOOL},
};

static int dtype_name(LP *l, kiln_dtype *d) {
    if (word(l, "np.") || word(l, "numpy.")) {}
    if (!strncmp(l->p, "np.", 3)) l->p += 3;
    else if (!strncmp(l->p, "numpy.", 6)) l->p += 6;
    for (size_t i = 0; i < sizeof np_types / sizeof np_types[0]; i++)
        if (word(l, np_types[i].n)) { *d = np_types[i].d; return 0; }
    if (word(l, "float")) { *d = KILN_FLOAT64; return 0; }
    if (word(l, "int")) { *d = KILN_INT64; return 0; }
    if (word(l, "bool")) { *d = KILN_BOOL; return 0; }
    if (word(l, "complex")) { *d = KILN_COMPLEX128; return 0; }
    return bad(l, "unknown dtype");
}

/* a real number: int (exact) or float; sets *isint */
static int real(LP *l, int64_t *i, double *f, bool *isint) {
    ws(l);
    int sign = 1;
    while (*l->p == '-' || *l->p == '+') { if (*l->p == '-') sign = -sign; l->p++; ws(l); }
    if (word(l, "inf")) { *f = sign * INFINITY; *isint = false; return 0; }
    if (word(l, "nan")) { *f = NAN; *isint = false; return 0; }
    char buf[128]; int n = 0;
    const char *q = l->p;
    bool flt = false;
    int base = 10;
    if (q[0] == '0' && (q[1] == 'x' || q[1] == 'X' || q[1] == 'o' || q[1] == 'O' || q[1] == 'b' || q[1] == 'B')) {
        base = q[1] == 'x' || q[1] == 'X' ? 16 : q[1] == 'o' || q[1] == 'O' ? 8 : 2;
        q += 2;
        while ((isalnum((unsigned char)*q) || *q == '_') && n < 120) { if (*q != '_') buf[n++] = *q; q++; }
    } else {
        while ((isdigit((unsigned char)*q) || *q == '.' || *q == '_' || *q == 'e' || *q == 'E' ||
                ((*q == '+' || *q == '-') && (q[-1] == 'e' || q[-1] == 'E'))) && n < 120) {
            if (*q == '.' || *q == 'e' || *q == 'E') flt = true;
            if (*q != '_') buf[n++] = *q;
            q++;
        }
    }
    buf[n] = 0;
    if (!n) return bad(l, "expected a number");
    char *e;
    errno = 0;
    if (flt) {
        *f = sign * strtod(buf, &e);
        *isint = false;
    } else {
        unsigned long long u = strtoull(buf, &e, base);
        unsigned long long max = sign < 0 ? 9223372036854775808ull : l->u64 ? ~0ull : 9223372036854775807ull;
        if (errno || u > max) return bad(l, l->u64 ? "integer does not fit in uint64" : "integer does not fit in int64");
        l->big = sign > 0 && u > 9223372036854775807ull;
        *i = sign < 0 ? (int64_t)(0 - u) : (int64_t)u;
        *isint = true;
    }
    if (*e) return bad(l, "malformed number");
    l->p = q;
    return 0;
}

static int value(LP *l, kiln_value *out);

/* re + imj or re - imj as Python evaluates it: im is the signed imaginary literal (+bj is
 * complex(0.0, b), -bj is complex(-0.0, -b)), added part by part to complex(re, 0.0), so
 * -0.0+0j is 0j and 1-0j is (1+0j) */
static kiln_value re_plus_im(double re, kiln_value im) { return kiln_complex(re + im.v.c[0], 0.0 + im.v.c[1]); }

/* element kinds while reading a list: 0 bool, 1 int, 2 float, 3 complex */
/* a nested list flattened: ndim is where the numbers are (-1 before the
 * first), ldepth how deep lists go; NumPy's rule is that both agree and every
 * list at one depth has the same length, else "ragged" */
typedef struct Flat { kiln_value *v; int n, cap; int64_t shape[KILN_MAXDIM]; int ndim, ldepth; int kind; } Flat;

enum { LIST_OF_TEXT = -2 }; /* a [...] holding strings: no NumPy array kiln makes (kiln has no string dtype) */

/* one number of a list, kept for make_array */
static int list_number(LP *l, Flat *fl, int depth, kiln_value v) {
    if ((fl->ndim >= 0 && fl->ndim != depth + 1) || fl->ldepth > depth + 1) return bad(l, "ragged nested list");
    fl->ndim = depth + 1;
    if (v.kind == KILN_STR) return LIST_OF_TEXT; /* not an array: value() reads it again as a list */
    if (v.kind != KILN_SCALAR) return bad(l, "list elements must be numbers");
    int k = v.dtype == KILN_BOOL ? 0 : v.dtype == KILN_FLOAT64 || v.dtype == KILN_FLOAT32 ? 2
          : v.dtype >= KILN_COMPLEX64 ? 3 : 1;
    if (k > fl->kind) fl->kind = k;
    if (fl->n == fl->cap) {
        fl->cap = fl->cap ? fl->cap * 2 : 64;
        kiln_value *nv = realloc(fl->v, sizeof(kiln_value) * (size_t)fl->cap);
        if (!nv) return bad(l, "out of memory");
        fl->v = nv;
    }
    fl->v[fl->n++] = v;
    return 0;
}

/* a list, or inside one a tuple (np.array([(1.0, 2.0), (3.0, 4.0)]) is 2-d), closed by close */
static int list(LP *l, Flat *fl, int depth, char close) {
    if (depth >= KILN_MAXDIM) return bad(l, "list nested too deeply");
    if (fl->ndim >= 0 && depth + 1 > fl->ndim) return bad(l, "ragged nested list");
    if (depth + 1 > fl->ldepth) fl->ldepth = depth + 1;
    l->p++; /* [ or ( */
    int64_t count = 0;
    for (;;) {
        ws(l);
        if (*l->p == close) { l->p++; break; }
        int rc = 0;
        if (*l->p == '[') {
            rc = list(l, fl, depth + 1, ']');
        } else {
            const char *at = l->p;
            kiln_value v;
            if (value(l, &v)) return -1;
            if (v.kind == KILN_TUPLE && *at == '(') { /* a row written as a tuple: read again as one */
                l->p = at;
                rc = list(l, fl, depth + 1, ')');
            } else {
                rc = list_number(l, fl, depth, v);
            }
        }
        if (rc) return rc; /* LIST_OF_TEXT, or -1 */
        count++;
        ws(l);
        if (*l->p == ',') { l->p++; continue; }
        if (*l->p != close) return bad(l, close == ']' ? "expected ',' or ']'" : "expected ',' or ')'");
    }
    if (fl->shape[depth] == -1) fl->shape[depth] = count;
    else if (fl->shape[depth] != count) return bad(l, "ragged nested list");
    return 0;
}

/* a number into an element of dtype dt (NumPy's conversion); -1: a complex number for a real dtype */
static int store_elem(char *p, kiln_dtype dt, const kiln_value *v) {
    bool vf = v->dtype == KILN_FLOAT64 || v->dtype == KILN_FLOAT32, vc = v->dtype >= KILN_COMPLEX64;
    double re = vc ? v->v.c[0] : vf ? v->v.f : (double)v->v.i, im = vc ? v->v.c[1] : 0;
    size_t item = kiln_dtype_size(dt);
    switch (dt) {
    case KILN_FLOAT64: memcpy(p, &re, 8); return 0;
    case KILN_FLOAT32: { float x = (float)re; memcpy(p, &x, 4); return 0; }
    case KILN_COMPLEX128: { double c[2] = {re, im}; memcpy(p, c, 16); return 0; }
    case KILN_COMPLEX64: { float c[2] = {(float)re, (float)im}; memcpy(p, c, 8); return 0; }
    default: {
        if (vc) return -1;
        int64_t x = vf ? (int64_t)re : v->v.i;
        if (dt == KILN_BOOL) x = x != 0;
        memcpy(p, &x, item); /* little-endian truncation */
        return 0;
    }
    }
}

static int make_array(LP *l, Flat *fl, int dtype, kiln_value *out) {
    static const kiln_dtype kinds[4] = {KILN_BOOL, KILN_INT64, KILN_FLOAT64, KILN_COMPLEX128};
    /* NumPy: a list with no numbers (np.array([])) is float64 */
    kiln_dtype dt = dtype >= 0 ? (kiln_dtype)dtype : fl->n ? kinds[fl->kind] : KILN_FLOAT64;
    kiln_array *a = cli_pool_add(l->pool, calloc(1, sizeof *a));
    size_t item = kiln_dtype_size(dt);
    char *data = cli_pool_add(l->pool, calloc((size_t)(fl->n ? fl->n : 1), item));
    if (!a || !data) return bad(l, "out of memory");
    a->data = data; a->dtype = dt; a->ndim = fl->ndim;
    int64_t s = (int64_t)item;
    for (int k = fl->ndim - 1; k >= 0; k--) { a->shape[k] = fl->shape[k]; a->strides[k] = s; s *= fl->shape[k]; }
    for (int i = 0; i < fl->n; i++)
        if (store_elem(data + (size_t)i * item, dt, &fl->v[i])) return bad(l, "cannot put complex numbers in a real array");
    memset(out, 0, sizeof *out);
    out->kind = KILN_ARRAY; out->v.arr = a;
    return 0;
}

static int array_value(LP *l, int dtype, kiln_value *out) {
    ws(l);
    if (*l->p != '[') return bad(l, "expected a list");
    Flat fl;
    memset(&fl, 0, sizeof fl);
    for (int k = 0; k < KILN_MAXDIM; k++) fl.shape[k] = -1;
    fl.ndim = -1;
    int r = list(l, &fl, 0, ']');
    if (!r) {
        if (fl.ndim < 0) fl.ndim = fl.ldepth; /* only empty lists: [[], []] is (2, 0) */
        int64_t total = 1;
        for (int k = 0; k < fl.ndim; k++) total *= fl.shape[k];
        r = total == fl.n ? make_array(l, &fl, dtype, out) : bad(l, "ragged nested list");
    }
    free(fl.v);
    return r;
}

/* the same elements in Fortran order (first index fastest), as np.asfortranarray gives */
static int to_fortran(LP *l, kiln_value *v) {
    kiln_array *a = v->v.arr;
    size_t item = kiln_dtype_size(a->dtype);
    int64_t n = 1, fs[KILN_MAXDIM], s = (int64_t)item;
    for (int k = 0; k < a->ndim; k++) { n *= a->shape[k]; fs[k] = s; s *= a->shape[k]; }
    char *data = cli_pool_add(l->pool, calloc((size_t)(n ? n : 1), item));
    if (!data) return bad(l, "out of memory");
    for (int64_t e = 0; e < n; e++) {
        int64_t r = e, src = 0, dst = 0;
        for (int k = a->ndim - 1; k >= 0; k--) {
            int64_t i = r % a->shape[k];
            r /= a->shape[k];
            src += i * a->strides[k];
            dst += i * fs[k];
        }
        memcpy(data + dst, (char *)a->data + src, item);
    }
    a->data = data;
    memcpy(a->strides, fs, sizeof(int64_t) * (size_t)a->ndim);
    return 0;
}

/* np.zeros(SHAPE[, dtype=D]), np.ones(...), np.arange(N[, dtype=D]): arrays too large to spell out (a CUDA
 * kernel's test data); SHAPE an int or a tuple of ints; float64 unless D (arange: int64) */
static int np_filled(LP *l, int kind, kiln_value *out) {
    ws(l);
    if (*l->p++ != '(') return bad(l, "expected '('");
    kiln_value sh;
    if (value(l, &sh)) return -1;
    int64_t shape[KILN_MAXDIM], n = 1;
    int nd = sh.kind == KILN_TUPLE ? sh.n : 1;
    if (nd < 1 || nd > KILN_MAXDIM || (kind == 2 && sh.kind != KILN_SCALAR)) return bad(l, "the shape must be an int or a tuple of ints");
    for (int k = 0; k < nd; k++) {
        const kiln_value *v = sh.kind == KILN_TUPLE ? &sh.v.items[k] : &sh;
        if (v->kind != KILN_SCALAR || !v->py || v->dtype != KILN_INT64 || v->v.i < 0 || v->v.i > (1ll << 31)) return bad(l, "the shape must be ints from 0 to 2**31");
        shape[k] = v->v.i;
        n *= shape[k];
        if (n > (1ll << 31)) return bad(l, "the array is too large (2**31 elements at most)");
    }
    kiln_dtype d = kind == 2 ? KILN_INT64 : KILN_FLOAT64;
    ws(l);
    if (*l->p == ',') {
        l->p++; ws(l);
        if (word(l, "dtype")) { ws(l); if (*l->p++ != '=') return bad(l, "expected '='"); ws(l); }
        if (dtype_name(l, &d)) return -1;
        ws(l);
    }
    if (*l->p++ != ')') return bad(l, "expected ')'");
    size_t item = kiln_dtype_size(d);
    kiln_array *a = cli_pool_add(l->pool, calloc(1, sizeof *a));
    char *data = a ? cli_pool_add(l->pool, calloc((size_t)(n ? n : 1), item)) : NULL;
    if (!data) return bad(l, "out of memory");
    for (int64_t e = 0; kind && e < n; e++) { /* ones: 1; arange: e, as the dtype stores it */
        kiln_value x = kiln_int(kind == 1 ? 1 : e);
        if (store_elem(data + e * (int64_t)item, d, &x)) return bad(l, "bad dtype");
    }
    a->data = data; a->dtype = d; a->ndim = nd;
    int64_t st = (int64_t)item;
    for (int k = nd - 1; k >= 0; k--) { a->shape[k] = shape[k]; a->strides[k] = st; st *= shape[k]; }
    *out = kiln_arr(a);
    return 0;
}

static int np_call(LP *l, kiln_value *out) {
    if (word(l, "zeros")) return np_filled(l, 0, out);
    if (word(l, "ones")) return np_filled(l, 1, out);
    if (word(l, "arange")) return np_filled(l, 2, out);
    bool fortran = word(l, "asfortranarray");
    if (fortran || word(l, "array") || word(l, "asarray")) {
        ws(l);
        if (*l->p++ != '(') return bad(l, "expected '('");
        kiln_value a;
        const char *start = l->p;
        ws(l);
        (void)start;
        int dtype = -1;
        const char *save = l->p;
        /* read the list later once the dtype is known: skip it first */
        int depth = 0;
        for (; *l->p; l->p++) {
            if (*l->p == '[') depth++;
            else if (*l->p == ']' && --depth == 0) { l->p++; break; }
        }
        ws(l);
        if (*l->p == ',') {
            l->p++; ws(l);
            if (word(l, "dtype")) { ws(l); if (*l->p++ != '=') return bad(l, "expected '='"); ws(l); }
            kiln_dtype d;
            if (dtype_name(l, &d)) return -1;
            dtype = d;
            ws(l);
        }
        if (*l->p++ != ')') return bad(l, "expected ')'");
        const char *end = l->p;
        l->p = save;
        int rc = array_value(l, dtype, &a);
        if (rc == LIST_OF_TEXT) return bad(l, "np.array() of strings is not supported (kiln has no string arrays)");
        if (rc) return -1;
        if (fortran && to_fortran(l, &a)) return -1;
        l->p = end;
        *out = a;
        return 0;
    }
    bool t = word(l, "True_");
    if (t || word(l, "False_")) { /* NumPy's bool scalars, not Python's */
        *out = kiln_bool(t);
        out->py = 0;
        return 0;
    }
    kiln_dtype d;
    if (dtype_name(l, &d)) return -1;
    ws(l);
    if (*l->p++ != '(') return bad(l, "expected '('");
    kiln_value v;
    l->u64 = d == KILN_UINT64;
    l->big = false;
    int rc = value(l, &v);
    bool big = l->big;
    l->u64 = l->big = false;
    if (rc) return -1;
    ws(l);
    if (*l->p++ != ')') return bad(l, "expected ')'");
    if (v.kind != KILN_SCALAR) return bad(l, "a NumPy scalar needs a number");
    bool vf = v.dtype == KILN_FLOAT64, vc = v.dtype == KILN_COMPLEX128;
    memset(out, 0, sizeof *out);
    out->kind = KILN_SCALAR; out->dtype = (uint8_t)d;
    if (d == KILN_FLOAT32 || d == KILN_FLOAT64) {
        if (vc) return bad(l, "cannot convert complex to float");
        double x = vf ? v.v.f : (double)v.v.i;
        out->v.f = d == KILN_FLOAT32 ? (double)(float)x : x;
    } else if (d >= KILN_COMPLEX64) {
        double re = vc ? v.v.c[0] : vf ? v.v.f : (double)v.v.i, im = vc ? v.v.c[1] : 0;
        if (d == KILN_COMPLEX64) { re = (float)re; im = (float)im; }
        out->v.c[0] = re; out->v.c[1] = im;
    } else {
        if (vc || vf) return bad(l, "give integer types an integer");
        int64_t x = v.v.i;
        switch (d) {
        case KILN_BOOL: x = x != 0; break;
        case KILN_INT8: if (x < -128 || x > 127) return bad(l, "out of range for int8"); break;
        case KILN_INT16: if (x < -32768 || x > 32767) return bad(l, "out of range for int16"); break;
        case KILN_INT32: if (x < INT32_MIN || x > INT32_MAX) return bad(l, "out of range for int32"); break;
        case KILN_UINT8: if (x < 0 || x > 255) return bad(l, "out of range for uint8"); break;
        case KILN_UINT16: if (x < 0 || x > 65535) return bad(l, "out of range for uint16"); break;
        case KILN_UINT32: if (x < 0 || x > (int64_t)UINT32_MAX) return bad(l, "out of range for uint32"); break;
        case KILN_UINT64: if (x < 0 && !big) return bad(l, "out of range for uint64"); break;
        default: break;
        }
        out->v.i = x;
    }
    return 0;
}

/* [a, b, ...] as a Python list (its items: numbers, or lists in turn); {a, b, ...} a set, {k: v, ...} and {} a dict
 * (its items: key, value, key, value ...) */
static int list_value(LP *l, kiln_value *out) {
    char close = *l->p == '{' ? '}' : ']';
    if (++l->depth > CLI_NEST_MAX) return bad(l, "lists nested too deeply (more than 32)");
    l->p++;
    kiln_value *items = NULL;
    int n = 0, cap = 0, dict = -1; /* dict: -1 not known yet, 0 a set, 1 a dict */
    for (;;) {
        ws(l);
        if (*l->p == close) { l->p++; break; }
        if (n + 2 > cap) {
            cap = cap ? 2 * cap : 8;
            kiln_value *g = realloc(items, sizeof *g * (size_t)cap);
            if (!g) { free(items); return bad(l, "out of memory"); }
            items = g;
        }
        if (value(l, &items[n])) { free(items); return -1; }
        n++;
        ws(l);
        if (close == '}' && dict != 0 && *l->p == ':') { /* key: value */
            l->p++;
            if (dict < 0) dict = 1;
            if (value(l, &items[n])) { free(items); return -1; }
            n++;
            ws(l);
        } else if (close == '}') {
            if (dict == 1) { free(items); return bad(l, "expected ':' after a dict's key"); }
            dict = 0;
        }
        if (*l->p == ',') { l->p++; continue; }
        if (*l->p != close) { free(items); return bad(l, close == '}' ? "expected ',' or '}'" : "expected ',' or ']'"); }
    }
    l->depth--;
    if (!items && !(items = calloc(1, sizeof *items))) return bad(l, "out of memory");
    if (!cli_pool_add(l->pool, items)) { free(items); return bad(l, "out of memory"); }
    *out = kiln_list(items, n);
    if (close == '}' && dict != 0) { out->kind = KILN_DICT; out->n = n / 2; } /* {} is a dict, as in Python */
    else if (close == '}') out->kind = KILN_SET;
    return 0;
}

/* @PATH inside a list or a tuple: the array in the .npy file (the path ends at a comma, a closing bracket or a space) */
static int npy_item(LP *l, kiln_value *out) {
    const char *s = ++l->p;
    while (*l->p && *l->p != ',' && *l->p != ']' && *l->p != ')' && !isspace((unsigned char)*l->p)) l->p++;
    char path[4096];
    if (l->p == s || (size_t)(l->p - s) >= sizeof path) return bad(l, "expected a .npy file's path after '@'");
    snprintf(path, sizeof path, "%.*s", (int)(l->p - s), s);
    kiln_array *a = cli_pool_add(l->pool, calloc(1, sizeof *a));
    if (!a) return bad(l, "out of memory");
    if (kiln_npy_load(path, a, l->err)) return -1;
    if (!cli_pool_add(l->pool, a->data)) return bad(l, "too many arrays");
    *out = kiln_arr(a);
    return 0;
}

/* a Python escape of a quoted argument (utf8.c's decoding; a NUL is a character here: a run-time string holds any) */
static int escape(LP *l, char *o, size_t *n) {
    int used, w = utf8_unescape(l->p - 1, l->p + strlen(l->p), o + *n, &used);
    if (w == UTF8_ESC_NONE) return bad(l, "unknown escape in a string (kiln reads the backslash escapes of Python but \\N{...})");
    if (w == UTF8_ESC_BAD) return bad(l, "truncated \\x, \\u or \\U escape, or one beyond Unicode");
    if (w == UTF8_ESC_NUL) { o[(*n)++] = 0; w = 0; }
    *n += (size_t)w;
    l->p += used - 1;
    return 0;
}

/* 'text' or "text": a str */
static int string_value(LP *l, kiln_value *out) {
    char q = *l->p++;
    char *o = cli_pool_add(l->pool, malloc(strlen(l->p) * 4 + 1)); /* an escape never writes more than it reads */
    size_t n = 0;
    if (!o) return bad(l, "out of memory");
    while (*l->p != q) {
        if (!*l->p) return bad(l, "unterminated string");
        if (*l->p == '\\') { l->p++; if (escape(l, o, &n)) return -1; continue; }
        o[n++] = *l->p++;
    }
    l->p++;
    o[n] = 0;
    if (n > INT32_MAX) return bad(l, "a string of more than 2**31 bytes");
    if (!utf8_valid(o, n)) return bad(l, "a string that is not valid UTF-8");
    out->kind = KILN_STR; out->n = (int32_t)n; out->v.s = o;
    return 0;
}

static int value(LP *l, kiln_value *out) {
    ws(l);
    if (*l->p == '\'' || *l->p == '"') return string_value(l, out);
    memset(out, 0, sizeof *out);
    if (*l->p == '@' && l->depth > 0) return npy_item(l, out);
    if (word(l, "True")) { *out = kiln_bool(1); return 0; }
    if (word(l, "False")) { *out = kiln_bool(0); return 0; }
    if (word(l, "None")) { *out = kiln_none(); return 0; }
    if (!strncmp(l->p, "np.", 3) || !strncmp(l->p, "numpy.", 6)) {
        l->p += l->p[1] == 'p' ? 3 : 6;
        return np_call(l, out);
    }
    if (word(l, "float")) {
        ws(l);
        if (*l->p++ != '(') return bad(l, "expected '('");
        ws(l);
        char q = *l->p;
        if (q == '\'' || q == '"') {
            const char *s = ++l->p;
            while (*l->p && *l->p != q) l->p++;
            if (*l->p != q) return bad(l, "unterminated string");
            char buf[32];
            snprintf(buf, sizeof buf, "%.*s", (int)(l->p - s), s);
            l->p++;
            LP sub = {l->s, buf, l->pool, l->err, false, false, l->depth, false};
            int64_t i; double f; bool isint;
            if (real(&sub, &i, &f, &isint)) return -1;
            *out = kiln_float(isint ? (double)i : f);
        } else {
            kiln_value v;
            if (value(l, &v) || v.kind != KILN_SCALAR) return bad(l, "float() needs a number");
            *out = kiln_float(v.dtype == KILN_FLOAT64 ? v.v.f : (double)v.v.i);
        }
        ws(l);
        if (*l->p++ != ')') return bad(l, "expected ')'");
        return 0;
    }
    if (word(l, "list")) { /* list([...]): a Python list whatever the parameter */
        ws(l);
        if (*l->p++ != '(') return bad(l, "expected '('");
        ws(l);
        bool was = l->lists;
        l->lists = true;
        int rc = *l->p == '[' ? list_value(l, out) : bad(l, "list() takes a [...] literal here");
        l->lists = was;
        if (rc) return -1;
        ws(l);
        if (*l->p++ != ')') return bad(l, "expected ')'");
        return 0;
    }
    if (word(l, "set")) { /* set() or set([...]) */
        ws(l);
        if (*l->p++ != '(') return bad(l, "expected '('");
        ws(l);
        if (*l->p == ')') { l->p++; *out = kiln_list(NULL, 0); out->kind = KILN_SET; return 0; }
        bool was = l->lists;
        l->lists = true;
        int rc = *l->p == '[' ? list_value(l, out) : bad(l, "set() takes a [...] literal here");
        l->lists = was;
        if (rc) return -1;
        out->kind = KILN_SET;
        ws(l);
        if (*l->p++ != ')') return bad(l, "expected ')'");
        return 0;
    }
    if (*l->p == '{') { /* a set or a dict: its items (and values) are what a list holds */
        bool was = l->lists;
        l->lists = true;
        int rc = list_value(l, out);
        l->lists = was;
        return rc;
    }
    if (*l->p == '[' && !l->lists) { /* an array, but a list of strings (or of lists of them) is a list */
        const char *at = l->p;
        int rc = array_value(l, -1, out);
        if (rc != LIST_OF_TEXT) return rc;
        l->p = at;
        l->lists = true;
        rc = list_value(l, out);
        l->lists = false;
        return rc;
    }
    if (*l->p == '[') return list_value(l, out);
    if (*l->p == '(') {
        if (++l->depth > CLI_NEST_MAX) return bad(l, "tuples nested too deeply (more than 32)");
        l->p++;
        kiln_value items[CLI_TUPLE_MAX];
        int n = 0;
        bool comma = false;
        for (;;) {
            ws(l);
            if (*l->p == ')') { l->p++; l->depth--; break; }
            if (n == CLI_TUPLE_MAX) return bad(l, "tuple too long");
            if (value(l, &items[n])) return -1;
            n++;
            ws(l);
            if (*l->p == ',') { l->p++; comma = true; continue; }
            if (*l->p == '+' || *l->p == '-') { /* (re+imj) */
                if (n != 1 || items[0].kind != KILN_SCALAR) return bad(l, "malformed complex number");
                kiln_value im;
                if (value(l, &im) || im.kind != KILN_SCALAR || im.dtype != KILN_COMPLEX128 || im.v.c[0] != 0)
                    return bad(l, "malformed complex number");
                double re = items[0].dtype == KILN_FLOAT64 ? items[0].v.f : (double)items[0].v.i;
                items[0] = re_plus_im(re, im);
                continue;
            }
            if (*l->p != ')') return bad(l, "expected ',' or ')'");
        }
        if (n == 1 && !comma) { *out = items[0]; return 0; }
        kiln_value *it = cli_pool_add(l->pool, calloc((size_t)(n ? n : 1), sizeof *it));
        if (!it) return bad(l, "out of memory");
        memcpy(it, items, sizeof(kiln_value) * (size_t)n);
        out->kind = KILN_TUPLE; out->n = n; out->v.items = it;
        return 0;
    }
    int64_t i; double f; bool isint;
    const char *start = l->p;
    if (real(l, &i, &f, &isint)) return -1;
    if (*l->p == 'j' || *l->p == 'J') {
        l->p++;
        double im = isint ? (double)i : f;
        if (*start == '-' && im == 0) im = -0.0;
        *out = kiln_complex(*start == '-' ? -0.0 : 0.0, im); /* -1j is -(1j): complex(-0.0, -1.0) */
        return 0;
    }
    /* re + imj written without parentheses (inside a list or tuple) */
    const char *save = l->p;
    ws(l);
    if (*l->p == '+' || *l->p == '-') {
        kiln_value im;
        const char *at = l->p;
        if (value(l, &im) == 0 && im.kind == KILN_SCALAR && im.dtype == KILN_COMPLEX128 && im.v.c[0] == 0 &&
            (at[1] != '+' && at[1] != '-')) {
            *out = re_plus_im(isint ? (double)i : f, im);
            return 0;
        }
        memset(l->err, 0, sizeof *l->err);
    }
    l->p = save;
    *out = isint ? kiln_int(i) : kiln_float(f);
    return 0;
}

int cli_value(const char *text, kiln_value *out, ValPool *pool, kiln_error *err, bool lists) {
    if (text[0] == '@') {
        kiln_array *a = cli_pool_add(pool, calloc(1, sizeof *a));
        if (!a) { err_set(err, KILN_ERR_USAGE, "", "out of memory"); return -1; }
        if (kiln_npy_load(text + 1, a, err)) return -1;
        if (!cli_pool_add(pool, a->data)) { err_set(err, KILN_ERR_USAGE, "", "too many arrays"); return -1; }
        *out = kiln_arr(a);
        return 0;
    }
    LP l = {text, text, pool, err, false, false, 0, lists};
    if (value(&l, out)) return -1;
    ws(&l);
    if (*l.p) return bad(&l, "unexpected text after the value");
    return 0;
}

int cli_parse_common(int argc, char **argv, CliArgs *a, const char *cmd, bool (*extra)(const char *opt, CliArgs *a)) {
    memset(a, 0, sizeof *a);
    a->boundscheck = true;
    a->tier = KILN_TIER_AUTO;
    a->pos = calloc((size_t)argc + 1, sizeof *a->pos);
    a->kwname = calloc((size_t)argc + 1, sizeof *a->kwname);
    a->kwval = calloc((size_t)argc + 1, sizeof *a->kwval);
    a->out_arg = calloc((size_t)argc + 1, sizeof *a->out_arg);
    a->fixes = calloc((size_t)argc + 1, sizeof *a->fixes);
    if (!a->pos || !a->kwname || !a->kwval || !a->out_arg || !a->fixes) { fprintf(stderr, "kiln %s: out of memory\n", cmd); cli_args_free(a); return -1; }
    int nplain = 0;
    for (int i = 1; i < argc; i++) {
        const char *s = argv[i];
        if ((!strncmp(s, "--", 2) && s[2]) || !strcmp(s, "-O3")) {
            if (!strcmp(s, "--tier") && i + 1 < argc) s = argv[++i];
            else if (!strncmp(s, "--tier=", 7)) s += 7;
            else if (!strcmp(s, "--no-boundscheck")) { a->boundscheck = false; continue; }
            else if (!strcmp(s, "--fastmath")) { a->fastmath = true; continue; }
            else if (!strcmp(s, "--parallel")) { a->parallel = true; continue; }
            else if (!strcmp(s, "-O3") || !strcmp(s, "--O3")) { a->opt_level = 3; continue; }
            else if (!strcmp(s, "--out") && i + 1 < argc) { a->out = argv[++i]; continue; }
            else if (!strncmp(s, "--out=", 6)) { a->out = s + 6; continue; }
            else if (!strcmp(cmd, "run") && !strcmp(s, "--out-arg") && i + 1 < argc) { a->out_arg[a->nout_arg++] = argv[++i]; continue; }
            else if (!strcmp(cmd, "run") && !strncmp(s, "--out-arg=", 10)) { a->out_arg[a->nout_arg++] = s + 10; continue; }
            else if (!strcmp(cmd, "run") && !strcmp(s, "--print-args")) { a->print_args = true; continue; }
            else if (!strcmp(cmd, "run") && !strcmp(s, "--device") && i + 1 < argc) { a->device = argv[++i]; continue; }
            else if (!strcmp(cmd, "run") && !strncmp(s, "--device=", 9)) { a->device = s + 9; continue; }
            else if (!strcmp(cmd, "run") && !strcmp(s, "--grid") && i + 1 < argc) { a->grid = argv[++i]; continue; }
            else if (!strcmp(cmd, "run") && !strncmp(s, "--grid=", 7)) { a->grid = s + 7; continue; }
            else if (!strcmp(s, "--static") && i + 1 < argc) { cli_fix_option(s, argv[++i], a); continue; }
            else if (cli_fix_option(s, NULL, a)) continue;
            else if (extra && extra(s, a)) continue;
            else { fprintf(stderr, "kiln %s: unknown option '%s' (see kiln %s --help)\n", cmd, s, cmd); cli_args_free(a); return -1; }
            if (!strcmp(s, "interp")) a->tier = KILN_TIER_INTERP;
            else if (!strcmp(s, "baseline")) a->tier = KILN_TIER_BASELINE;
            else if (!strcmp(s, "opt")) a->tier = KILN_TIER_OPT;
            else if (!strcmp(s, "auto")) a->tier = KILN_TIER_AUTO;
            else { fprintf(stderr, "kiln %s: unknown tier '%s' (interp, baseline, opt, auto)\n", cmd, s); cli_args_free(a); return -1; }
            continue;
        }
        if (nplain == 0) a->file = s;
        else if (nplain == 1) a->func = s;
        else {
            const char *eq = strchr(s, '=');
            bool kw = eq && eq > s && (isalpha((unsigned char)s[0]) || s[0] == '_');
            for (const char *q = s; kw && q < eq; q++) if (!isalnum((unsigned char)*q) && *q != '_') kw = false;
            if (kw && strncmp(s, "np.", 3) != 0) {
                a->kwname[a->nkw] = s; a->kwval[a->nkw++] = eq + 1;
            } else {
                a->pos[a->npos++] = s;
            }
        }
        nplain++;
    }
    if (!a->file || !a->func) { fprintf(stderr, "kiln %s: expected FILE FUNC [ARG ...] (see kiln %s --help)\n", cmd, cmd); cli_args_free(a); return -1; }
    return 0;
}

/* the options are kept in one spelling, "--static=NAMES", "--static-shapes" or "--static-shapes=NAMES": what
 * cli_apply_fixes reads and what kiln bench hands its fresh processes */
bool cli_fix_option(const char *opt, const char *names, CliArgs *a) {
    const char *what = NULL;
    if (!strcmp(opt, "--static") && names) what = "--static=";
    else if (!strncmp(opt, "--static=", 9)) { what = "--static="; names = opt + 9; }
    else if (!strcmp(opt, "--static-shapes")) { what = "--static-shapes"; names = ""; }
    else if (!strncmp(opt, "--static-shapes=", 16)) { what = "--static-shapes="; names = opt + 16; }
    if (!what) return false;
    size_t n = strlen(what) + strlen(names) + 1;
    char *keep = malloc(n);
    if (!keep) return false;
    snprintf(keep, n, "%s%s", what, names);
    a->fixes[a->nfix++] = keep;
    return true;
}

static int fix_one(kiln_func *fn, const char *name, size_t len, bool shapes) {
    char nm[256];
    snprintf(nm, sizeof nm, "%.*s", (int)(len < 255 ? len : 255), name);
    int i = !strcmp(nm, "*") ? -1 : kiln_func_param_index(fn, nm);
    if (i < 0 && strcmp(nm, "*")) {
        fprintf(stderr, "error: %s: %s() has no parameter '%s'\n", shapes ? "--static-shapes" : "--static", kiln_func_name(fn), nm);
        return -1;
    }
    return shapes ? kiln_func_set_static_shape(fn, i, KILN_ALL_AXES) : kiln_func_set_static(fn, i, 1);
}

int cli_apply_fixes(const CliArgs *a, kiln_func *fn) {
    for (int k = 0; k < a->nfix; k++) {
        bool shapes = !strncmp(a->fixes[k], "--static-shapes", 15);
        const char *names = a->fixes[k] + (shapes ? 15 : 9), *p = names + (*names == '=');
        if (!*p && shapes) { if (fix_one(fn, "*", 1, true)) return -1; continue; }
        if (!*p) { fprintf(stderr, "error: --static needs parameter names (NAME,NAME or '*')\n"); return -1; }
        while (*p) {
            size_t len = strcspn(p, ",");
            if (!len || fix_one(fn, p, len, shapes)) {
                if (!len) fprintf(stderr, "error: %s: an empty parameter name in '%s'\n", shapes ? "--static-shapes" : "--static", names + (*names == '='));
                return -1;
            }
            p += len + (p[len] == ',');
        }
    }
    return 0;
}

int cli_prepare(kiln_ctx *ctx, CliArgs *a, kiln_func **fn, kiln_value **args, int *nargs, ValPool *pool) {
    kiln_error err;
    kiln_module *m = kiln_load_file(ctx, a->file, &err);
    if (!m) { cli_print_error(&err); return -1; }
    return cli_bind(m, a, fn, args, nargs, pool);
}

int cli_bind(kiln_module *m, CliArgs *a, kiln_func **fn, kiln_value **argp, int *nargs, ValPool *pool) {
    kiln_error err;
    *fn = kiln_lookup(m, a->func);
    if (!*fn) { fprintf(stderr, "error: %s has no function '%s'\n", a->file, a->func); return -1; }
    if (cli_apply_fixes(a, *fn)) return -1;
    int np = kiln_func_nparams(*fn);
    if (kiln_func_kwonly(*fn) >= 0) { /* *args or keyword-only parameters: by position, kiln_call binds them */
        if (a->nkw) {
            fprintf(stderr, "error: %s() has *args or keyword-only parameters: the command line passes its arguments by position "
                            "(the keyword-only ones take their defaults)\n", a->func);
            return -1;
        }
        np = a->npos;
    } else if (a->npos > np) {
        fprintf(stderr, "error: %s() takes %d argument%s but %d were given\n", a->func, np, np == 1 ? "" : "s", a->npos);
        return -1;
    }
    kiln_value *args = *argp = cli_pool_add(pool, calloc((size_t)np + 1, sizeof *args));
    bool *set = cli_pool_add(pool, calloc((size_t)np + 1, sizeof *set));
    if (!args || !set) { fprintf(stderr, "error: out of memory\n"); return -1; }
    for (int i = 0; i < a->npos; i++) {
        const char *t = a->pos[i];
        if (t[0] == '@' && t[1] == '=') { /* @=K: the same object as argument K (one array passed twice) */
            char *end;
            long k = strtol(t + 2, &end, 10);
            if (*end || k < 1 || k > i) { fprintf(stderr, "error: argument %d: '%s' names an earlier argument: @=1 ... @=%d\n", i + 1, t, i); return -1; }
            if (args[k - 1].kind == KILN_LIST) { fprintf(stderr, "error: argument %d: @=%ld: a list cannot be passed twice (kiln copies lists in)\n", i + 1, k); return -1; }
            args[i] = args[k - 1];
            set[i] = true;
            continue;
        }
        if (cli_value(t, &args[i], pool, &err, kiln_func_param_is_list(*fn, i))) { cli_print_error(&err); return -1; }
        set[i] = true;
    }
    for (int k = 0; k < a->nkw; k++) {
        size_t len = (size_t)(strchr(a->kwname[k], '=') - a->kwname[k]);
        int i = 0;
        while (i < np && (strlen(kiln_func_param(*fn, i)) != len || strncmp(kiln_func_param(*fn, i), a->kwname[k], len))) i++;
        if (i == np) { fprintf(stderr, "error: %s() got an unexpected keyword argument '%.*s'\n", a->func, (int)len, a->kwname[k]); return -1; }
        if (set[i]) { fprintf(stderr, "error: %s() got multiple values for argument '%.*s'\n", a->func, (int)len, a->kwname[k]); return -1; }
        if (cli_value(a->kwval[k], &args[i], pool, &err, kiln_func_param_is_list(*fn, i))) { cli_print_error(&err); return -1; }
        set[i] = true;
    }
    /* a parameter left out before one given by keyword takes its default */
    int n = np;
    while (n > 0 && !set[n - 1]) n--;
    for (int i = 0; i < n; i++) {
        if (set[i]) continue;
        if (kiln_func_default(*fn, i, &args[i]) != 0) {
            fprintf(stderr, "error: %s() missing required argument '%s'\n", a->func, kiln_func_param(*fn, i));
            return -1;
        }
        if (args[i].kind == KILN_TUPLE) cli_pool_add(pool, args[i].v.items);
    }
    *nargs = n;
    return 0;
}
