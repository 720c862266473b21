/*
 * npy.c — NumPy .npy files: versions 1.0, 2.0 and 3.0, little-endian (or
 * byte-order-free) dtypes, C or Fortran order. The header dictionary is
 * parsed strictly; sizes are checked against the file before any data is
 * read, so a malformed file is an error, never a crash.
 */
#include "../base/base.h"
#include "../base/diag.h"
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

static const struct { const char *descr; kiln_dtype dt; } descrs[] = {
    {"b1", KILN_BOOL}, {"i1", KILN_INT8}, {"i2", KILN_INT16}, {"i4", KILN_INT32}, {"i8", KILN_INT64},
    {"u1", KILN_UINT8}, {"u2", KILN_UINT16}, {"u4", KILN_UINT32}, {"u8", KILN_UINT64},
    {"f4", KILN_FLOAT32}, {"f8", KILN_FLOAT64}, {"c8", KILN_COMPLEX64}, {"c16", KILN_COMPLEX128},
};

static const char *skip_ws(const char *p) { while (*p == ' ' || *p == '\t' || *p == '\n') p++; return p; }

static int fail(kiln_error *err, const char *path, const char *what) {
    err_set(err, KILN_ERR_USAGE, "", "%s: not a valid .npy file: %s", path, what);
    return -1;
}

/* parse {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), } */
static int parse_header(const char *h, kiln_array *a, bool *fortran, const char *path, kiln_error *err) {
    bool got_d = false, got_f = false, got_s = false;
    const char *p = skip_ws(h);
    if (*p++ != '{') return fail(err, path, "header is not a dictionary");
    for (;;) {
        p = skip_ws(p);
        if (*p == '}') break;
        char q = *p;
        if (q != '\'' && q != '"') return fail(err, path, "bad key in header");
        const char *k = ++p;
        while (*p && *p != q) p++;
        if (!*p) return fail(err, path, "unterminated key");
        size_t kl = (size_t)(p - k);
        p = skip_ws(p + 1);
        if (*p++ != ':') return fail(err, path, "expected ':' in header");
        p = skip_ws(p);
        if (kl == 5 && !strncmp(k, "descr", 5)) {
            char vq = *p;
            if (vq != '\'' && vq != '"') return fail(err, path, "descr must be a simple type string");
            const char *v = ++p;
            while (*p && *p != vq) p++;
            if (!*p) return fail(err, path, "unterminated descr");
            size_t vl = (size_t)(p - v);
            p++;
            if (vl < 2 || (v[0] != '<' && v[0] != '|' && v[0] != '=' && v[0] != '>'))
                return fail(err, path, "unsupported dtype");
            int found = -1;
            for (size_t i = 0; i < NELEM(descrs); i++)
                if (strlen(descrs[i].descr) == vl - 1 && !strncmp(descrs[i].descr, v + 1, vl - 1)) found = (int)i;
            if (found < 0) {
                err_set(err, KILN_ERR_USAGE, "", "%s: unsupported array dtype '%.*s'", path, (int)vl, v);
                return -1;
            }
            if (v[0] == '>' && kiln_dtype_size(descrs[found].dt) > 1) {
                err_set(err, KILN_ERR_USAGE, "", "%s: big-endian arrays are not supported", path);
                return -1;
            }
            a->dtype = descrs[found].dt;
            got_d = true;
        } else if (kl == 13 && !strncmp(k, "fortran_order", 13)) {
            if (!strncmp(p, "True", 4)) { *fortran = true; p += 4; }
            else if (!strncmp(p, "False", 5)) { *fortran = false; p += 5; }
            else return fail(err, path, "fortran_order must be True or False");
            got_f = true;
        } else if (kl == 5 && !strncmp(k, "shape", 5)) {
            if (*p++ != '(') return fail(err, path, "shape must be a tuple");
            a->ndim = 0;
            for (;;) {
                p = skip_ws(p);
                if (*p == ')') { p++; break; }
                if (*p < '0' || *p > '9') return fail(err, path, "bad shape");
                if (a->ndim >= KILN_MAXDIM) {
                    err_set(err, KILN_ERR_USAGE, "", "%s: arrays of more than %d dimensions are not supported", path, KILN_MAXDIM);
                    return -1;
                }
                errno = 0;
                char *e;
                long long v = strtoll(p, &e, 10);
                if (errno || v < 0) return fail(err, path, "bad shape");
                a->shape[a->ndim++] = v;
                p = skip_ws(e);
                if (*p == 'L') p = skip_ws(p + 1);
                if (*p == ',') p++;
                else if (*p != ')') return fail(err, path, "bad shape");
            }
            got_s = true;
        } else {
            return fail(err, path, "unknown key in header");
        }
        p = skip_ws(p);
        if (*p == ',') p++;
        else if (*p != '}') return fail(err, path, "expected ',' or '}' in header");
    }
    if (!got_d || !got_f || !got_s) return fail(err, path, "header misses descr, fortran_order or shape");
    return 0;
}

int kiln_npy_load(const char *path, kiln_array *a, kiln_error *err) {
    kiln_error dummy;
    if (!err) err = &dummy;
    if (!path || !a) return err_set(err, KILN_ERR_USAGE, "", "kiln_npy_load: %s", !path ? "no path (NULL)" : "no array to fill (NULL)"), -1;
    memset(a, 0, sizeof *a);
    FILE *fp = fopen(path, "rb");
    if (!fp) { err_set(err, KILN_ERR_USAGE, "", "cannot open %s: %s", path, strerror(errno)); return -1; }
    unsigned char pre[12];
    int r = -1;
    char *h = NULL;
    if (fread(pre, 1, 10, fp) != 10 || memcmp(pre, "\x93NUMPY", 6) != 0) { fail(err, path, "missing magic"); goto out; }
    size_t hlen;
    if (pre[6] == 1) hlen = (size_t)pre[8] | (size_t)pre[9] << 8;
    else if (pre[6] == 2 || pre[6] == 3) {
        if (fread(pre + 10, 1, 2, fp) != 2) { fail(err, path, "truncated header"); goto out; }
        hlen = (size_t)pre[8] | (size_t)pre[9] << 8 | (size_t)pre[10] << 16 | (size_t)pre[11] << 24;
    } else { fail(err, path, "unsupported format version"); goto out; }
    if (hlen > (1u << 20)) { fail(err, path, "header too large"); goto out; }
    h = malloc(hlen + 1);
    if (!h) { err_set(err, KILN_ERR_USAGE, "", "out of memory"); goto out; }
    if (fread(h, 1, hlen, fp) != hlen) { fail(err, path, "truncated header"); goto out; }
    h[hlen] = 0;
    if (strlen(h) != hlen) { fail(err, path, "header contains a null byte"); goto out; }
    bool fortran = false;
    if (parse_header(h, a, &fortran, path, err)) goto out;
    size_t item = kiln_dtype_size(a->dtype);
    /* the bound is on the product of the nonzero extents, as NumPy's: an empty array
       of shape (0, 2**62, 2**62) would still overflow its strides */
    unsigned __int128 span = item;
    bool empty = false;
    for (int k = 0; k < a->ndim; k++) {
        if (a->shape[k] == 0) { empty = true; continue; }
        span *= (uint64_t)a->shape[k];
        if (span > ((unsigned __int128)1 << 46)) { fail(err, path, "array too large"); goto out; }
    }
    unsigned __int128 total = empty ? 0 : span;
    long here = ftell(fp);
    if (fseek(fp, 0, SEEK_END) != 0) { fail(err, path, "cannot seek"); goto out; }
    long end = ftell(fp);
    if (here < 0 || end < 0 || (unsigned __int128)(end - here) < total) { fail(err, path, "file is shorter than its shape says"); goto out; }
    fseek(fp, here, SEEK_SET);
    a->data = malloc((size_t)total ? (size_t)total : 1);
    if (!a->data) { err_set(err, KILN_ERR_USAGE, "", "out of memory reading %s", path); goto out; }
    if (fread(a->data, 1, (size_t)total, fp) != (size_t)total) { free(a->data); a->data = NULL; fail(err, path, "truncated data"); goto out; }
    int64_t s = (int64_t)item;
    if (fortran) for (int k = 0; k < a->ndim; k++) { a->strides[k] = s; s *= a->shape[k]; }
    else for (int k = a->ndim - 1; k >= 0; k--) { a->strides[k] = s; s *= a->shape[k]; }
    r = 0;
out:
    free(h);
    fclose(fp);
    return r;
}

void kiln_array_free_data(kiln_array *a) { if (a) { free(a->data); a->data = NULL; } }

static void write_elems(FILE *fp, const kiln_array *a, const char *p, int axis) {
    if (axis == a->ndim) { fwrite(p, 1, kiln_dtype_size(a->dtype), fp); return; }
    for (int64_t i = 0; i < a->shape[axis]; i++) write_elems(fp, a, p + i * a->strides[axis], axis + 1);
}

int kiln_npy_save(const char *path, const kiln_array *a, kiln_error *err) {
    kiln_error dummy;
    if (!err) err = &dummy;
    if (!path || !a) return err_set(err, KILN_ERR_USAGE, "", "kiln_npy_save: %s", !path ? "no path (NULL)" : "no array (NULL)"), -1;
    static const char *names[] = {"|b1", "|i1", "<i2", "<i4", "<i8", "|u1", "<u2", "<u4", "<u8", "<f4", "<f8", "<c8", "<c16"};
    _Static_assert(NELEM(names) == KILN_NDTYPE, "a .npy descr for every dtype");
    char shape[256] = "";
    size_t k = 0;
    for (int i = 0; i < a->ndim; i++) k += (size_t)snprintf(shape + k, sizeof shape - k, "%lld,%s", (long long)a->shape[i], i + 1 < a->ndim ? " " : "");
    if (a->ndim > 1) shape[k - 1] = 0;
    char hdr[512];
    int n = snprintf(hdr, sizeof hdr, "{'descr': '%s', 'fortran_order': False, 'shape': (%s), }", names[a->dtype], shape);
    int total = 10 + n + 1;
    int pad = (64 - total % 64) % 64;
    FILE *fp = fopen(path, "wb");
    if (!fp) { err_set(err, KILN_ERR_USAGE, "", "cannot write %s: %s", path, strerror(errno)); return -1; }
    unsigned hl = (unsigned)(n + pad + 1);
    unsigned char pre[10] = {0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0, (unsigned char)(hl & 255), (unsigned char)(hl >> 8)};
    fwrite(pre, 1, 10, fp);
    fwrite(hdr, 1, (size_t)n, fp);
    for (int i = 0; i < pad; i++) fputc(' ', fp);
    fputc('\n', fp);
    write_elems(fp, a, a->data, 0);
    if (fclose(fp) != 0) { err_set(err, KILN_ERR_USAGE, "", "cannot write %s", path); return -1; }
    return 0;
}
