/*
 * symbols.c — the one table of names tier-2 code may refer to: the frame
 * helpers, the C library's math functions (those kernels call and those
 * LLVM's optimizer may substitute, like sincos), and the memory functions
 * LLVM lowers its intrinsics to. An object (fresh from LLVM or from the disk
 * cache) that needs anything else does not load.
 */
#include "elfload.h"
#include "../back/frame.h"
#include <math.h>
#include <string.h>

void sincos(double x, double *s, double *c);
void sincosf(float x, float *s, float *c);
double exp10(double x);

typedef struct RtSym { const char *name; void *addr; } RtSym;

#define H(f) {#f, (void *)f}
static const RtSym syms[] = {
    H(fh_generic), H(fh_view), H(fh_alloc), H(fh_acopy), H(fh_fill), H(fh_ldn), H(fh_stn), H(fh_call),
    H(fh_error), H(fh_index), H(fh_raise), H(fh_lib),
    H(exp), H(log), H(log2), H(log10), H(log1p), H(expm1), H(sin), H(cos), H(tan), H(asin), H(acos),
    H(atan), H(sinh), H(cosh), H(tanh), H(fabs), H(floor), H(ceil), H(trunc), H(sqrt), H(atan2), H(hypot),
    H(copysign), H(fmod), H(pow), H(round), H(rint), H(nearbyint), H(fmin), H(fmax), H(exp2), H(exp10),
    H(sincos), H(ldexp), H(cbrt), H(erf), H(erfc),
    H(expf), H(logf), H(log2f), H(log10f), H(sinf), H(cosf), H(tanf), H(sqrtf), H(fabsf), H(floorf), H(ceilf),
    H(truncf), H(powf), H(fmodf), H(exp2f), H(sincosf), H(roundf), H(rintf), H(fminf), H(fmaxf),
    H(memcpy), H(memmove), H(memset), H(memcmp),
};
#undef H

void *rt_sym_lookup(const char *name) {
    for (size_t i = 0; i < sizeof syms / sizeof *syms; i++)
        if (!strcmp(syms[i].name, name)) return syms[i].addr;
    return NULL;
}
