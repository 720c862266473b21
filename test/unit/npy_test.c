/* npy_test.c — .npy reading and writing, and every malformed-file path. */
#include "check.h"
#include "../../include/kiln.h"
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static char dir[] = "/tmp/kiln-npy-XXXXXX";

static const char *path(const char *name) {
    static char buf[256];
    snprintf(buf, sizeof buf, "%s/%s", dir, name);
    return buf;
}

static void write_raw(const char *name, const void *hdr, size_t n, const void *data, size_t dn) {
    FILE *f = fopen(path(name), "wb");
    fwrite(hdr, 1, n, f);
    if (data) fwrite(data, 1, dn, f);
    fclose(f);
}

/* a v1 file with the given dictionary text and data */
static void write_npy(const char *name, const char *dict, const void *data, size_t dn) {
    unsigned char buf[512];
    size_t hl = strlen(dict);
    memcpy(buf, "\x93NUMPY\x01\x00", 8);
    buf[8] = (unsigned char)(hl & 255); buf[9] = (unsigned char)(hl >> 8);
    memcpy(buf + 10, dict, hl);
    write_raw(name, buf, 10 + hl, data, dn);
}

static int load_fails(const char *name, const char *needle) {
    kiln_array a;
    kiln_error e;
    int r = kiln_npy_load(path(name), &a, &e);
    if (r == 0) { kiln_array_free_data(&a); return 0; }
    if (needle && !strstr(e.message, needle)) { printf("  message was: %s\n", e.message); return 0; }
    return 1;
}

int main(void) {
    if (!mkdtemp(dir)) return 1;
    /* round trip */
    double d[6] = {1, 2, 3, 4, 5, 6.5};
    kiln_array a = {d, KILN_FLOAT64, 2, {2, 3}, {24, 8}};
    kiln_error e;
    CHECK(kiln_npy_save(path("a.npy"), &a, &e) == 0);
    kiln_array b;
    CHECK(kiln_npy_load(path("a.npy"), &b, &e) == 0);
    CHECK(b.ndim == 2 && b.shape[0] == 2 && b.shape[1] == 3 && b.dtype == KILN_FLOAT64);
    CHECK(memcmp(b.data, d, sizeof d) == 0);
    CHECK(b.strides[0] == 24 && b.strides[1] == 8);
    kiln_array_free_data(&b);
    /* the header is padded so that data starts at a multiple of 64 */
    FILE *f = fopen(path("a.npy"), "rb");
    fseek(f, 0, SEEK_END);
    CHECK((ftell(f) - (long)sizeof d) % 64 == 0);
    fclose(f);
    /* Fortran order gives column-major strides */
    int32_t col[6] = {1, 4, 2, 5, 3, 6};
    write_npy("f.npy", "{'descr': '<i4', 'fortran_order': True, 'shape': (2, 3), }", col, sizeof col);
    CHECK(kiln_npy_load(path("f.npy"), &b, &e) == 0);
    CHECK(b.strides[0] == 4 && b.strides[1] == 8 && b.dtype == KILN_INT32);
    CHECK(!kiln_array_is_c_contiguous(&b));
    CHECK(((int32_t *)b.data)[1] == 4);
    kiln_array_free_data(&b);
    /* every dtype's descr */
    const char *descr[] = {"|b1", "|i1", "<i2", "<i4", "<i8", "|u1", "<u2", "<u4", "<u8", "<f4", "<f8", "<c8", "<c16"};
    for (int t = 0; t < KILN_NDTYPE; t++) {
        char dict[128];
        snprintf(dict, sizeof dict, "{'descr': '%s', 'fortran_order': False, 'shape': (1,), }", descr[t]);
        char z[16] = {0};
        write_npy("t.npy", dict, z, kiln_dtype_size((kiln_dtype)t));
        CHECK(kiln_npy_load(path("t.npy"), &b, &e) == 0 && b.dtype == (kiln_dtype)t);
        if (b.data) kiln_array_free_data(&b);
    }
    /* a 0-d array and an empty one */
    write_npy("s.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (), }", d, 8);
    CHECK(kiln_npy_load(path("s.npy"), &b, &e) == 0 && b.ndim == 0);
    kiln_array_free_data(&b);
    write_npy("e.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 5), }", NULL, 0);
    CHECK(kiln_npy_load(path("e.npy"), &b, &e) == 0 && b.shape[0] == 0);
    kiln_array_free_data(&b);
    /* malformed files: each a clear error */
    write_raw("m1.npy", "NOTNUMPY", 8, NULL, 0);
    CHECK(load_fails("m1.npy", "missing magic"));
    write_raw("m2.npy", "\x93NUMPY\x01\x00\x50\x00{'descr'", 17, NULL, 0);
    CHECK(load_fails("m2.npy", "truncated header"));
    write_npy("m3.npy", "{'descr': '<f2', 'fortran_order': False, 'shape': (1,), }", d, 2);
    CHECK(load_fails("m3.npy", "unsupported array dtype"));
    write_npy("m4.npy", "{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }", d, 8);
    CHECK(load_fails("m4.npy", "big-endian"));
    write_npy("m5.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (10,), }", d, 16);
    CHECK(load_fails("m5.npy", "shorter than its shape"));
    write_npy("m6.npy", "{'descr': '<f8', 'fortran_order': maybe, 'shape': (1,), }", d, 8);
    CHECK(load_fails("m6.npy", "fortran_order"));
    write_npy("m7.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (1,1,1,1,1,1,1,1,1), }", d, 8);
    CHECK(load_fails("m7.npy", "more than 8 dimensions"));
    write_npy("m8.npy", "{'descr': '<f8', 'shape': (1,), }", d, 8);
    CHECK(load_fails("m8.npy", "misses"));
    write_npy("m9.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }", d, 8);
    CHECK(load_fails("m9.npy", "bad shape"));
    write_npy("m10.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (99999999999, 99999999999), }", d, 8);
    CHECK(load_fails("m10.npy", "too large"));
    /* empty, but its other extents would overflow the strides (a 20 s fuzz run in CI found it) */
    write_npy("m10e.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 4611686018427387904, 4611686018427387904), }", d, 8);
    CHECK(load_fails("m10e.npy", "too large"));
    write_npy("m10f.npy", "{'descr': '<f8', 'fortran_order': True, 'shape': (4611686018427387904, 4611686018427387904, 0), }", d, 8);
    CHECK(load_fails("m10f.npy", "too large"));
    write_raw("m11.npy", "\x93NUMPY\x09\x00", 8, NULL, 0);
    CHECK(load_fails("m11.npy", NULL));
    write_npy("m12.npy", "[1, 2]", d, 8);
    CHECK(load_fails("m12.npy", "not a dictionary"));
    write_npy("m13.npy", "{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'extra': 1}", d, 8);
    CHECK(load_fails("m13.npy", "unknown key"));
    CHECK(load_fails("does-not-exist.npy", "cannot open"));
    write_raw("m14.npy", "", 0, NULL, 0);
    CHECK(load_fails("m14.npy", "missing magic"));
    char cmd[300];
    snprintf(cmd, sizeof cmd, "rm -rf %s", dir);
    if (system(cmd) != 0) printf("could not clean %s\n", dir);
    return DONE();
}
