/*
 * blas.c — which BLAS and LAPACK kiln calls (matmul.c's products, linalg.c's factorizations), and one call at a time.
 *
 * The library, chosen once a process: KILN_BLAS="0" none, KILN_BLAS=path that one; else an OpenBLAS this process
 * has already loaded — inside Python, NumPy's own (its wheel's libscipy_openblas64_, Debian's NumPy the system's) —
 * so that np.linalg in a kernel computes with the very kernels NumPy computes with and returns its bits (Debian 12's
 * OpenBLAS 0.3.21 and the wheel's 0.3.31 solved a third of random 2-7 x 2-7 systems differently in the last bit);
 * else Debian's libopenblas.so.0, else the caller's fallback (the reference libcblas/liblapack).
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

/* the first loaded object whose path names OpenBLAS (dl_iterate_phdr's walk, the main program first) */
static int find_loaded(struct dl_phdr_info *info, size_t size, void *data) {
    (void)size;
    if (!info->dlpi_name || !strstr(info->dlpi_name, "openblas")) return 0;
    snprintf(data, 4096, "%s", info->dlpi_name);
    return 1;
}

bool rt_blas_symbols(const char *fallback, const char *const *syms, void **addr, int n, bool *wide) {
    const char *env = getenv("KILN_BLAS");
    if (env && !strcmp(env, "0")) return false;
    char loaded[4096] = "";
    if (!(env && *env)) dl_iterate_phdr(find_loaded, loaded);
    const char *libs[] = {env && *env ? env : loaded, "libopenblas.so.0", "libopenblas.so", fallback};
    for (size_t i = 0; i < sizeof libs / sizeof *libs; i++) {
        if (!*libs[i]) continue;
        /* a loaded library: RTLD_NOLOAD gives its handle without loading a second copy */
        void *h = dlopen(libs[i], RTLD_NOW | RTLD_LOCAL | (libs[i] == loaded ? RTLD_NOLOAD : 0));
        if (!h) continue;
        int k = resolve(h, syms, addr, n);
        if (k >= 0) {
            *wide = namings[k].wide;
            return true;
        }
        dlclose(h);
    }
    return false;
}

int64_t rt_blas_int(int64_t v, bool wide) {
    return wide ? v : (int64_t)(int32_t)v;
}
