/*
 * symbols.c — the one table of names tier-2 code may refer to: the frame
 * helpers, CPython's cmath (rt/cmath.c), the C library's math functions (those kernels call and those
 * LLVM's optimizer may substitute, like sincos), and the memory functions
 * LLVM lowers its intrinsics to. An object (fresh from LLVM or from the disk
 * cache) that needs anything else does not load.
 *
 * Under --fastmath tier 2 also calls glibc's vector math library (libmvec:
 * _ZGVdN4v_exp is exp on four lanes of an AVX2 register); those names are
 * looked up in libmvec.so.1, opened on first use, so that processes that never
 * vectorize a math call never load it.
 */
#include "../rt/elfload.h"
#include "native.h"
#include "../back/frame.h"
#include "../rt/lib.h"
#include "../rt/arith.h"
#include "../rt/random.h"
#include <dlfcn.h>
#include <math.h>
#include <pthread.h>
#include <string.h>

void sincos(double x, double *s, double *c);
void sincosf(float x, float *s, float *c);
double exp10(double x);

typedef struct RtSym { const char *name; void *addr; } RtSym;

#define H(f) {#f, (void *)f}
static const RtSym syms[] = {
    H(fh_generic), H(fh_view), H(fh_alloc), H(fh_acopy), H(fh_fill), H(fh_ldn), H(fh_stn), H(fh_call),
    H(fh_error), H(fh_index), H(fh_raise), H(fh_lib), H(rt_set_keyn), H(rt_dict_keyn), H(rt_pycmath),
    H(rt_py_random), H(rt_py_gauss), H(rt_np_random), H(rt_np_gauss), H(rt_py_randbelow), H(rt_np_bounded),
    H(exp), H(log), H(log2), H(log10), H(log1p), H(expm1), H(sin), H(cos), H(tan), H(asin), H(acos),
    H(atan), H(sinh), H(cosh), H(tanh), H(fabs), H(floor), H(ceil), H(trunc), H(sqrt), H(atan2), H(hypot),
    H(copysign), H(fmod), H(pow), H(round), H(rint), H(nearbyint), H(fmin), H(fmax), H(exp2), H(exp10),
    H(sincos), H(ldexp), H(cbrt), H(erf), H(erfc), H(asinh), H(acosh), H(atanh), H(nextafter), H(remainder),
    H(expf), H(logf), H(log2f), H(log10f), H(sinf), H(cosf), H(tanf), H(sqrtf), H(fabsf), H(floorf), H(ceilf),
    H(truncf), H(powf), H(fmodf), H(exp2f), H(sincosf), H(roundf), H(rintf), H(fminf), H(fmaxf),
    H(memcpy), H(memmove), H(memset), H(memcmp),
};
#undef H

static void *mvec;
static pthread_once_t mvec_once = PTHREAD_ONCE_INIT;
static void mvec_open(void) { mvec = dlopen("libmvec.so.1", RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE); }

/* a libmvec routine by its vector-ABI name (_ZGV<isa><mask><lanes><args>_<name>) */
static void *mvec_lookup(const char *name) {
    pthread_once(&mvec_once, mvec_open);
    return mvec ? dlsym(mvec, name) : NULL;
}

void *jit_sym_lookup(const char *name) {
    for (size_t i = 0; i < sizeof syms / sizeof *syms; i++)
        if (!strcmp(syms[i].name, name)) return syms[i].addr;
    return !strncmp(name, "_ZGV", 4) ? mvec_lookup(name) : NULL;
}
