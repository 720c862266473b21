/*
 * llvm_load.c — loading the LLVM tier on first use. libLLVM adds ~10 ms to
 * the start of any process that links it, so tier 2 lives in its own shared
 * object, dlopened by the first tier-2 compile of a context: from
 * $KILN_LLVM_LIB, else next to the code of libkiln itself (the kiln binary
 * or libkiln.so). Contexts that never ask for tier 2 never load it.
 */
#include "jit.h"
#include "native.h"
#include "../back/llvm/host.h"
#include "../rt/elfload.h"
#include <dlfcn.h>
#include <libgen.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#ifndef KILN_HAVE_LLVM
#define KILN_HAVE_LLVM 0
#endif

static int interp_compile(const BackEnv *env, Unit *u, kiln_error *err) { return back_interp.compile(env, u, err); }

static const KilnHost host = {
    KILN_HOST_VERSION,
    interp_compile,
    arena_alloc, kiln_dtype_size, ir_rpo, ir_has_loop, ir_osr_heads, fr_extra,
    fh_generic, fh_view, fh_alloc, fh_acopy, fh_fill, fh_ldn, fh_stn, fh_call, fh_error, fh_index, fh_raise, fh_lib,
    jit_native_install, jit_sym_lookup,
};

/* candidate k (0, 1, 2) for the tier's shared object; false when there are no more */
static bool lib_path(int k, char *buf, size_t cap) {
    const char *env = getenv("KILN_LLVM_LIB");
    if (env && *env) { if (k) return false; snprintf(buf, cap, "%s", env); return true; }
    if (k == 2) { snprintf(buf, cap, "libkiln-llvm.so"); return true; } /* the dynamic linker's search */
    if (k > 2) return false;
    Dl_info di;
    char tmp[4096] = "";
    if (dladdr((void *)lib_path, &di) && di.dli_fname) snprintf(tmp, sizeof tmp, "%s", di.dli_fname);
    if (!strchr(tmp, '/')) { /* the main program, named without a path */
        ssize_t n = readlink("/proc/self/exe", tmp, sizeof tmp - 1);
        tmp[n > 0 ? n : 0] = 0;
    }
    /* next to libkiln's code, or in ../lib for an installed kiln binary */
    snprintf(buf, cap, k == 0 ? "%s/libkiln-llvm.so" : "%s/../lib/libkiln-llvm.so", dirname(tmp));
    return true;
}

/* which tier library a compile would load, as "path size mtime" (the disk cache's key holds it:
 * a rebuilt or replaced libkiln-llvm.so misses the entries an older one made, without loading
 * it); "" when none is found where kiln looks first */
void jit_llvm_lib_identity(char *buf, size_t cap) {
    char path[4096];
    struct stat st;
    buf[0] = 0;
    for (int k = 0; k < 2 && lib_path(k, path, sizeof path); k++)
        if (stat(path, &st) == 0) {
            snprintf(buf, cap, "%s %lld %lld.%09ld", path, (long long)st.st_size, (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
            return;
        }
}

const Backend *jit_llvm_backend(kiln_ctx *ctx, kiln_error *err) {
    if (ctx->llvm_tier) return &((const LlvmTier *)ctx->llvm_tier)->be;
    char path[4096];
    uint64_t t0 = clock_ns();
    void *dl = NULL;
    char first_err[512] = "";
    for (int k = 0; !dl && lib_path(k, path, sizeof path); k++) {
        dl = dlopen(path, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE); /* LLVM keeps process-wide state: load once */
        if (!dl && !first_err[0]) snprintf(first_err, sizeof first_err, "%s", dlerror());
    }
    if (!dl) {
        if (!KILN_HAVE_LLVM)
            err_set(err, KILN_ERR_USAGE, "", "the optimizing (LLVM) tier is not built into this kiln (built with LLVM=0)");
        else
            err_set(err, KILN_ERR_USAGE, "", "the optimizing (LLVM) tier is not available: %s", first_err);
        return NULL;
    }
    KilnLlvmEntry entry = (KilnLlvmEntry)dlsym(dl, KILN_LLVM_ENTRY);
    const LlvmTier *tier = entry ? entry(&host) : NULL;
    if (!tier) {
        err_set(err, KILN_ERR_USAGE, "", "%s is not a kiln LLVM tier of this version", path);
        dlclose(dl);
        return NULL;
    }
    memset(err, 0, sizeof *err);
    void *state = tier->state_init(err);
    if (!state) {
        if (!err->message[0]) err_set(err, KILN_ERR_USAGE, "", "cannot start the LLVM tier");
        else err->kind = KILN_ERR_USAGE;
        dlclose(dl);
        return NULL;
    }
    ctx->llvm_dl = dl; ctx->llvm_tier = tier; ctx->llvm_state = state;
    if (ctx->opt.log & KILN_LOG_TIERS)
        jit_log(ctx, "kiln: loaded the LLVM tier from %s in %.2f ms\n", path, (double)(clock_ns() - t0) / 1e6);
    return &tier->be;
}

void jit_llvm_unload(kiln_ctx *ctx) {
    if (!ctx->llvm_tier) return;
    ((const LlvmTier *)ctx->llvm_tier)->state_free(ctx->llvm_state);
    dlclose(ctx->llvm_dl);
    ctx->llvm_tier = NULL; ctx->llvm_state = NULL; ctx->llvm_dl = NULL;
}
