/*
 * blas.c — which BLAS and LAPACK kiln calls (matmul.c's products, linalg.c's factorizations), and one call at a time.
 *
 * The library, chosen once a process: KILN_BLAS="0" none, KILN_BLAS=path that one; else the routines NumPy itself
 * calls where this process has loaded NumPy — looked up through its extension modules (_multiarray_umath for BLAS,
 * _umath_linalg for LAPACK: a handle's lookup searches the module's own dependencies, so it finds what NumPy is
 * bound to: the wheel's libscipy_openblas64_, or for Debian's NumPy the system's liblapack.so.3, which is not the
 * LAPACK inside libopenblas.so.0 and rounds otherwise on an AVX-512 Xeon) — so that np.linalg in a kernel computes
 * with the very kernels NumPy computes with and returns its bits (Debian 12's OpenBLAS 0.3.21 and the wheel's
 * 0.3.31 solved a third of random 2-7 x 2-7 systems differently in the last bit); else an OpenBLAS this process has
 * loaded; else Debian's libopenblas.so.0, else the caller's fallback (the reference libcblas/liblapack).
 *
 * Three ways a library names its routines, tried in order: the plain LP64 names (dgesv_, cblas_dgemm: 32-bit
 * integers), "64_" appended (Debian's libopenblas64: 64-bit integers), and "scipy_" before with "64_" after (the
 * wheel's: 64-bit). Callers declare every integer as int64_t, by value or by pointer, and the same call serves
 * both widths on x86-64 (kiln's only target): an int by value travels in the low half of a register or an 8-byte
 * stack slot, and an int* pointing to an int64_t reads its low 4 bytes, little-endian — the value, for values
 * under 2^31 (callers check). What a 32-bit library writes back through a pointer is only the low half:
 * rt_blas_int reads it.
 */
#include "lib.h"
#include <dlfcn.h>
#include <link.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static pthread_mutex_t blas_lock = PTHREAD_MUTEX_INITIALIZER; /* process-wide, as OpenBLAS's threads are */

void rt_blas_lock(bool on) {
    if (on) pthread_mutex_lock(&blas_lock);
    else pthread_mutex_unlock(&blas_lock);
}

/* the three namings: prefix, suffix, 64-bit integers */
static const struct { const char *pre, *suf; bool wide; } namings[] = {{"", "", false}, {"", "64_", true},
                                                                       {"scipy_", "64_", true}};

/* every one of the n routines in library h under one naming: their addresses into addr; the naming's index or -1 */
static int resolve(void *h, const char *const *syms, void **addr, int n) {
    for (int k = 0; k < (int)(sizeof namings / sizeof *namings); k++) {
        int found = 0;
        for (int i = 0; i < n; i++) {
            char name[96];
            snprintf(name, sizeof name, "%s%s%s", namings[k].pre, syms[i], namings[k].suf);
            found += (addr[i] = dlsym(h, name)) != NULL;
        }
        if (found == n) return k;
    }
    for (int i = 0; i < n; i++) addr[i] = NULL;
    return -1;
}

/* the loaded objects to look in, best first: NumPy's extension modules (their dependencies are what NumPy calls),
 * then objects whose path names OpenBLAS (dl_iterate_phdr's walk, the main program first) */
enum { LOADED_MAX = 8 };
typedef struct Loaded { char path[LOADED_MAX][4096]; int n; } Loaded;

static int find_loaded(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    Loaded *l = data;
    const char *p = info->dlpi_name;
    if (!p || l->n == LOADED_MAX) return 0;
    bool numpy = strstr(p, "numpy") && (strstr(p, "_umath_linalg") || strstr(p, "_multiarray_umath"));
    if (!numpy && !strstr(p, "openblas")) return 0;
    int at = l->n++;
    if (numpy) { /* before every OpenBLAS found so far */
        int first = 0;
        while (first < at && (strstr(l->path[first], "_umath_linalg") || strstr(l->path[first], "_multiarray_umath"))) first++;
        memmove(l->path[first + 1], l->path[first], sizeof l->path[0] * (size_t)(at - first));
        at = first;
    }
    snprintf(l->path[at], sizeof l->path[at], "%s", p);
    return 0;
}

/* every one of the n routines in the library at path (one loaded: RTLD_NOLOAD gives its handle without loading a
 * second copy) under one naming; true if found */
static bool from_library(const char *path, bool loaded, const char *const *syms, void **addr, int n, bool *wide) {
    void *h = dlopen(path, RTLD_NOW | RTLD_LOCAL | (loaded ? RTLD_NOLOAD : 0));
    if (!h) return false;
    int k = resolve(h, syms, addr, n);
    if (k >= 0) {
        *wide = namings[k].wide;
        return true; /* the handle stays open: the routines are called for the process's life */
    }
    dlclose(h);
    return false;
}

bool rt_blas_symbols(const char *fallback, const char *const *syms, void **addr, int n, bool *wide) {
    const char *env = getenv("KILN_BLAS");
    if (env && !strcmp(env, "0")) return false;
    if (env && *env) {
        if (from_library(env, false, syms, addr, n, wide)) return true;
    } else {
        Loaded loaded; /* 32 KiB, once a process for each caller (matmul.c's and linalg.c's may run at once) */
        loaded.n = 0;
        dl_iterate_phdr(find_loaded, &loaded);
        for (int i = 0; i < loaded.n; i++)
            if (from_library(loaded.path[i], true, syms, addr, n, wide)) return true;
    }
    const char *libs[] = {"libopenblas.so.0", "libopenblas.so", fallback};
    for (size_t i = 0; i < sizeof libs / sizeof *libs; i++)
        if (from_library(libs[i], false, syms, addr, n, wide)) return true;
    return false;
}

int64_t rt_blas_int(int64_t v, bool wide) {
    return wide ? v : (int64_t)(int32_t)v;
}
