/*
 * host.h — the seam between libkiln and the LLVM tier, which lives in its
 * own shared object (build/libkiln-llvm.so) so that programs that never ask
 * for tier 2 never pay libLLVM's start-up cost. libkiln dlopens it on the
 * first tier-2 compile and hands it this table; the object calls libkiln only
 * through it (generated code calls the frame helpers by address).
 */
#ifndef KILN_LLVM_HOST_H
#define KILN_LLVM_HOST_H

#include "../frame.h"
#include "../../ir/mathfn.h"
#include "../../ir/ops.h"
#include "../../ir/lib.h"
#include "../../rt/cuda.h"

/* the table's version, and the sizes of the three vocabularies the object compiles by number (the
 * IR's ops, the math functions, the library routines): an object built against other tables is refused, not
 * misread (a new math function once shifted the ids under a stale object: wrong answers, then a crash; a new
 * list routine shifted LIB_GPU under a stale gpu_test the same way) */
#define KILN_HOST_VERSION (13 * 100000000 + LIB_LAST * 1000000 + OP_COUNT * 1000 + MF_COUNT)

/* a CUDA kernel's error record (jit/gpu.c maps it; the kernel's global kiln_err points to it): word 0 the
 * raising call record's index + 1 (0: no error), then the slots of the raising frame its helper reads */
#define GPU_ERR_SLOTS RT_CUDA_RECORD_SLOTS

/* what an OSR entry returns when Run.osr_at is not a loop header it starts at (llvm.c osr_switch; jit/tier.c goes on
 * in tier 1); otherwise 0, or -1 with the error in Run */
#define OSR_NOT_HERE 2

typedef struct KilnHost {
    int version;
    int (*interp_compile)(const BackEnv *env, Unit *u, kiln_error *err); /* the frame layout */
    void *(*arena_alloc)(Arena *a, size_t n);
    size_t (*dtype_size)(kiln_dtype t);
    uint32_t (*rpo)(Func *f, bool false_first, uint32_t *order);
    int (*has_loop)(Func *f); /* ir_has_loop */
    bool (*osr_heads)(Func *f, uint32_t header, bool *heads, bool *reach); /* ir_osr_heads */
    Extra *(*extra)(Arena *a, Func *f, const int32_t *slot, Ref r, int nfixed); /* fr_extra */
    Helper generic, view, alloc, acopy, fill, ldn, stn, call, error, index, raise, lib;
    /* load the object LLVM emitted for u (the whole function, or its entry at loop
     * header >= 0; function symbol sym; call records pool[0..npool)) with kiln's
     * loader, keep it with the unit and in the disk cache; cx: BackEnv.cx; 0 with *out, or -1 */
    int (*install)(void *cx, Unit *u, int32_t header, const uint8_t *obj, size_t n, const char *sym, XCall **pool,
                   int npool, uint64_t ns_compile, NativeFn *out, kiln_error *err);
    void *(*sym)(const char *name); /* what kiln's loader binds a name to (NULL: the object would not load) */
} KilnHost;

/* the LLVM backend: compile, run, release, dump, plus per-context state */
typedef struct LlvmTier {
    Backend be;
    void *(*state_init)(kiln_error *err); /* one JIT per context: BackEnv.state */
    void (*state_free)(void *state);
    /* an entry into u's code at loop header `header` that reads the values live
     * there from the frame (on-stack replacement); 0 with *out, or -1 */
    int (*compile_osr)(const BackEnv *env, Unit *u, uint32_t header, NativeFn *out, kiln_error *err);
    /* a CUDA kernel (nvptx.c): u (with its callees inlined) as PTX for arch ("sm_90"), libdevice linked from
     * the file at libdevice (NULL: a math routine then fails the compile), into *ptx (malloc'd); the call
     * records of its raises (XCall.gpu_h set; in u's arena) into *pool[0..*npool) (malloc'd). 0, or -1 with err.
     * u NULL: only warm LLVM up for arch (an empty kernel compiled), ahead of the first real compile */
    int (*compile_ptx)(const BackEnv *env, Unit *u, const char *arch, const char *libdevice, char **ptx, XCall ***pool,
                       int *npool, kiln_error *err);
} LlvmTier;

typedef const LlvmTier *(*KilnLlvmEntry)(const KilnHost *host);
#define KILN_LLVM_ENTRY "kiln_llvm_tier"

#endif
