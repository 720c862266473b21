/*
 * gpu.c — CUDA kernels on the GPU: the driver opened on first use (rt/cuda.c),
 * a specialization compiled to PTX by the LLVM tier (back/llvm/nvptx.c), to
 * the GPU's binary by the driver, kept on the Spec and in the disk cache (a
 * warm process loads the binary without LLVM or the PTX JIT), launched with
 * its argument slots as parameters, and its error record read back.
 *
 * Errors: a kernel that raised (an index out of range, a division by zero)
 * claimed the context's error record and saved the slots its call record's
 * helper reads; the helper is replayed here on those slots, so the exception
 * and its message are exactly what the CPU tiers raise. The launch waits for
 * the kernel (cuStreamSynchronize), so a launch is synchronous, as a call is.
 */
#include "gpu.h"
#include "cache.h"
#include "../rt/cuda.h"
#include "../back/llvm/host.h"
#include <dirent.h>
#include <glob.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

typedef struct GpuCode {
    void *module, *function;
    XCall *tab;                /* the raises' call records (in the spec's arena) */
    int ntab;
    struct GpuCode *next;      /* the context's list */
} GpuCode;

/* ---- the driver and libdevice ---- */

/* the LLVM tier and its NVPTX target, loaded and warmed up while the program does other things (copies to the
 * GPU): a kernel's first compile then starts at once. A compile that comes first simply waits on the lock. */
static void *preload(void *arg) {
    kiln_ctx *ctx = arg;
    kiln_error err;
    pthread_mutex_lock(&ctx->llvm_lock);
    if (!atomic_load(&ctx->tier.stop) && jit_llvm_backend(ctx, &err))
        ((const LlvmTier *)ctx->llvm_tier)->compile_ptx(NULL, NULL, rt_cuda_arch(ctx->cuda), NULL, NULL, NULL, NULL, &err);
    pthread_mutex_unlock(&ctx->llvm_lock);
    return NULL;
}

static RtCuda *driver(kiln_ctx *ctx, kiln_error *err) {
    pthread_mutex_lock(&ctx->gpu_lock);
    char why[512] = "";
    if (!ctx->cuda) {
        ctx->cuda = rt_cuda_open(why, sizeof why);
        if (ctx->cuda && ctx->tune[TUNE_CUDA_PRELOAD] && !ctx->llvm_tier)
            ctx->gpu_preloading = !pthread_create(&ctx->gpu_preload, NULL, preload, ctx);
    }
    RtCuda *c = ctx->cuda;
    pthread_mutex_unlock(&ctx->gpu_lock);
    if (!c) err_set(err, KILN_ERR_USAGE, "", "%s", why);
    return c;
}

static bool file_exists(const char *p) {
    struct stat st;
    return p && !stat(p, &st) && S_ISREG(st.st_mode);
}

/* NVIDIA's libdevice (math functions as LLVM bitcode): KILN_LIBDEVICE, CUDA_HOME, CUDA_PATH, the usual
 * installation paths; NULL with where it looked in `looked` */
static const char *libdevice(char *buf, size_t cap, char *looked, size_t lcap) {
    const char *env = getenv("KILN_LIBDEVICE");
    if (env && *env) { snprintf(buf, cap, "%s", env); snprintf(looked, lcap, "KILN_LIBDEVICE=%s", env); return file_exists(buf) ? buf : NULL; }
    snprintf(looked, lcap, "KILN_LIBDEVICE, $CUDA_HOME and $CUDA_PATH/nvvm/libdevice, /usr/local/cuda*/nvvm/libdevice, "
             "/usr/lib/cuda/nvvm/libdevice, /opt/cuda, /usr/lib/nvidia-cuda-toolkit/libdevice");
    const char *homes[] = {getenv("CUDA_HOME"), getenv("CUDA_PATH"), "/usr/local/cuda", "/usr/lib/cuda", "/opt/cuda"};
    for (size_t i = 0; i < sizeof homes / sizeof *homes; i++) {
        if (!homes[i] || !*homes[i]) continue;
        snprintf(buf, cap, "%s/nvvm/libdevice/libdevice.10.bc", homes[i]);
        if (file_exists(buf)) return buf;
    }
    glob_t g;
    if (!glob("/usr/local/cuda-*/nvvm/libdevice/libdevice.10.bc", 0, NULL, &g) && g.gl_pathc) {
        snprintf(buf, cap, "%s", g.gl_pathv[g.gl_pathc - 1]); /* the newest by name */
        globfree(&g);
        return buf;
    }
    globfree(&g);
    snprintf(buf, cap, "/usr/lib/nvidia-cuda-toolkit/libdevice/libdevice.10.bc"); /* Debian's nvidia-cuda-toolkit */
    return file_exists(buf) ? buf : NULL;
}

/* what besides the IR decides the binary: the architecture, the driver (its PTX compiler), libdevice */
static void target_of(RtCuda *c, const char *arch, const char *ld, char *buf, size_t cap) {
    struct stat st;
    long long size = 0, mtime = 0;
    if (ld && !stat(ld, &st)) { size = (long long)st.st_size; mtime = (long long)st.st_mtime; }
    snprintf(buf, cap, "%s driver %d libdevice %s %lld %lld", arch, c ? rt_cuda_driver_version(c) : 0, ld ? ld : "-", size, mtime);
}

/* ---- compile ---- */

/* the PTX of s for arch, through the LLVM tier (loaded now if it was not); looked: where libdevice was sought
 * when ld is NULL (said if the kernel needs it) */
static int compile_ptx(kiln_ctx *ctx, Spec *s, const char *arch, const char *ld, const char *looked, char **ptx, XCall ***pool,
                       int *npool, kiln_error *err) {
    pthread_mutex_lock(&ctx->llvm_lock);
    const Backend *be = jit_llvm_backend(ctx, err);
    int rc = -1;
    if (be) {
        const LlvmTier *t = (const LlvmTier *)ctx->llvm_tier;
        BackEnv env;
        jit_back_env(ctx, s, &env);
        env.state = ctx->llvm_state;
        rc = t->compile_ptx(&env, &s->u, arch, ld, ptx, pool, npool, err);
    }
    pthread_mutex_unlock(&ctx->llvm_lock);
    if (rc && err->kind == KILN_ERR_COMPILE) snprintf(err->file, sizeof err->file, "%s", s->fn->mod->file);
    if (rc && !ld && strstr(err->message, "libdevice")) {
        size_t l = strlen(err->message);
        snprintf(err->message + l, sizeof err->message - l, " (looked in: %s)", looked);
    }
    return rc;
}

static GpuCode *load(kiln_ctx *ctx, RtCuda *c, Spec *s, const void *bin, XCall *tab, int ntab, kiln_error *err) {
    GpuCode *g = calloc(1, sizeof *g);
    char why[512], name[160];
    snprintf(name, sizeof name, "kiln_%s", s->u.name);
    if (!g) { err_set(err, KILN_ERR_RUNTIME, "MemoryError", "out of memory"); return NULL; }
    if (rt_cuda_load(c, bin, name, &g->module, &g->function, why, sizeof why)) {
        free(g);
        err_set(err, KILN_ERR_USAGE, "", "%s", why);
        return NULL;
    }
    g->tab = tab; g->ntab = ntab;
    g->next = ctx->gpu_codes;
    ctx->gpu_codes = g;
    return g;
}

/* s's kernel on the GPU: from memory, the disk cache, or compiled now */
static GpuCode *code_of(kiln_ctx *ctx, RtCuda *c, Spec *s, kiln_error *err) {
    GpuCode *g = atomic_load_explicit(&s->gpu, memory_order_acquire);
    if (g) return g;
    pthread_mutex_lock(&ctx->gpu_lock);
    g = atomic_load(&s->gpu);
    if (!g) {
        char ldbuf[4096], looked[512] = "", target[4400];
        const char *ld = libdevice(ldbuf, sizeof ldbuf, looked, sizeof looked);
        const char *arch = rt_cuda_arch(c);
        target_of(c, arch, ld, target, sizeof target);
        uint64_t t0 = clock_ns();
        uint8_t *bin = NULL;
        size_t n = 0;
        XCall *tab = NULL;
        int ntab = 0;
        if (!jit_cache_fetch_gpu(ctx, s, target, &bin, &n, &tab, &ntab)) {
            g = load(ctx, c, s, bin, tab, ntab, err);
            if (g && (ctx->opt.log & KILN_LOG_TIERS))
                jit_log(ctx, "kiln: %s: the GPU binary (%zu bytes) from the disk cache, loaded in %.2f ms\n", s->fn->name, n, (double)(clock_ns() - t0) / 1e6);
        } else {
            char *ptx = NULL;
            XCall **pool = NULL;
            int npool = 0;
            if (!compile_ptx(ctx, s, arch, ld, looked, &ptx, &pool, &npool, err)) {
                uint64_t t1 = clock_ns();
                char why[4600];
                tab = arena_alloc(&s->u.arena, sizeof(XCall) * (size_t)(npool ? npool : 1));
                for (int i = 0; tab && i < npool; i++) tab[i] = *pool[i];
                if (!tab) err_set(err, KILN_ERR_RUNTIME, "MemoryError", "out of memory");
                else if (rt_cuda_link(c, ptx, (void **)&bin, &n, why, sizeof why)) err_set(err, KILN_ERR_USAGE, "", "%s", why);
                else if ((g = load(ctx, c, s, bin, tab, npool, err))) {
                    char sym[160];
                    snprintf(sym, sizeof sym, "kiln_%s", s->u.name);
                    jit_cache_store_gpu(ctx, s, target, bin, n, sym, tab, npool);
                    if (ctx->opt.log & KILN_LOG_TIERS)
                        jit_log(ctx, "kiln: %s compiled for the GPU (%s): PTX in %.2f ms, the driver's binary in %.2f ms\n", s->fn->name,
                                arch, (double)(t1 - t0) / 1e6, (double)(clock_ns() - t1) / 1e6);
                }
            }
            free(ptx);
            free(pool);
        }
        free(bin);
        if (g) atomic_store_explicit(&s->gpu, g, memory_order_release);
    }
    pthread_mutex_unlock(&ctx->gpu_lock);
    return g;
}

/* ---- launch ---- */

/* arrays must be memory the GPU addresses; lists cannot go to a kernel */
static int check_args(RtCuda *c, kiln_func *fn, Spec *s, const kiln_value *args, int nargs, kiln_error *err) {
    for (int i = 0; i < nargs; i++) {
        const Type *t = s->u.args[i];
        if (t->kind == T_LIST || t->kind == T_DICT || t->kind == T_SET) {
            err_set(err, KILN_ERR_USAGE, "", "%s(): argument %s is a list: a CUDA kernel takes arrays and numbers", fn->name,
                    kiln_func_param(fn, i));
            return -1;
        }
        if (args[i].kind != KILN_ARRAY || !args[i].v.arr->data) continue;
        int64_t elems = 1;
        for (int k = 0; k < args[i].v.arr->ndim; k++) elems *= args[i].v.arr->shape[k];
        if (elems && !rt_cuda_is_device(c, args[i].v.arr->data)) {
            err_set(err, KILN_ERR_USAGE, "", "%s(): argument %s is not in GPU memory (copy it there first: kiln.cuda.to_device, "
                    "kiln_cuda_malloc and kiln_cuda_copy, or pass a CuPy/PyTorch array)", fn->name, kiln_func_param(fn, i));
            return -1;
        }
    }
    return 0;
}

/* the kernel's raise, replayed on the host from the record: its helper on the saved slots */
static int raised(kiln_ctx *ctx, GpuCode *g, int64_t *rec, kiln_error *err) {
    int64_t id = rec[0] - 1;
    rec[0] = 0;
    if (id < 0 || id >= g->ntab || !g->tab[id].gpu_h) {
        err_set(err, KILN_ERR_RUNTIME, "RuntimeError", "the GPU kernel reported an unknown error (%lld)", (long long)id);
        return -1;
    }
    Run run;
    run_init(&run, ctx->tune, &ctx->interrupts, 0);
    XCall *k = &g->tab[id];
    if (k->gpu_h((Slot *)(rec + 1), &run, k) == 0) /* a helper that found no error (it cannot: the GPU saw one) */
        err_set(err, KILN_ERR_RUNTIME, "RuntimeError", "the GPU kernel raised at line %d", k->line);
    else jit_runtime_error(&run, err);
    run_release(&run);
    return -1;
}

int jit_gpu_launch(kiln_func *fn, Spec *s, const kiln_launch_cfg *cfg, const unsigned dims[6], const kiln_value *args, int nargs,
                   kiln_error *err) {
    kiln_ctx *ctx = fn->mod->ctx;
    RtCuda *c = driver(ctx, err);
    if (!c || check_args(c, fn, s, args, nargs, err)) return -1;
    bool fresh = !atomic_load_explicit(&s->gpu, memory_order_acquire);
    GpuCode *g = code_of(ctx, c, s, err);
    if (!g) return -1;
    uint64_t t0 = clock_ns();
    Slot in[KILN_MAX_SLOTS];
    void *params[KILN_MAX_SLOTS + 1];
    Run run;
    run_init(&run, ctx->tune, &ctx->interrupts, 0);
    int n = jit_flatten_args(&run, s, args, nargs, in, KILN_MAX_SLOTS, err);
    run_release(&run);
    if (n < 0) return -1;
    for (int i = 0; i < n; i++) params[i] = &in[i];
    params[n] = (void *)rt_cuda_record_param(c); /* every kernel's last parameter */
    char why[512];
    pthread_mutex_lock(rt_cuda_lock(c));
    int rc = rt_cuda_launch(c, g->function, dims, cfg->shared_bytes, cfg->stream, params, why, sizeof why);
    int64_t *rec = rt_cuda_record(c);
    if (rc) err_set(err, KILN_ERR_RUNTIME, "RuntimeError", "%s() on the GPU: %s", fn->name, why);
    else if (rec[0]) rc = raised(ctx, g, rec, err);
    pthread_mutex_unlock(rt_cuda_lock(c));
    if (fresh && (ctx->opt.log & KILN_LOG_TIERS))
        jit_log(ctx, "kiln: %s: its first launch on the GPU took %.3f ms (launch, wait, error record)\n", fn->name,
                (double)(clock_ns() - t0) / 1e6);
    return rc;
}

void jit_gpu_free(kiln_ctx *ctx) {
    if (ctx->gpu_preloading) pthread_join(ctx->gpu_preload, NULL);
    ctx->gpu_preloading = false;
    for (GpuCode *g = ctx->gpu_codes, *nx; g; g = nx) { nx = g->next; rt_cuda_unload(ctx->cuda, g->module); free(g); }
    ctx->gpu_codes = NULL;
    rt_cuda_close(ctx->cuda); /* its primary context goes with the modules loaded into it */
    ctx->cuda = NULL;
}

/* ---- the public functions ---- */

static RtCuda *api_driver(kiln_ctx *ctx, kiln_error *err) {
    if (!ctx) { err_set(err, KILN_ERR_USAGE, "", "no context (NULL)"); return NULL; }
    return driver(ctx, err);
}

int kiln_cuda_malloc(kiln_ctx *ctx, size_t bytes, void **dptr, kiln_error *err) {
    kiln_error dummy;
    if (!err) err = &dummy;
    RtCuda *c = api_driver(ctx, err);
    char why[512];
    if (!c) return -1;
    if (!dptr) { err_set(err, KILN_ERR_USAGE, "", "kiln_cuda_malloc: no result pointer (NULL)"); return -1; }
    if (rt_cuda_malloc(c, bytes, dptr, why, sizeof why)) { err_set(err, KILN_ERR_RUNTIME, "MemoryError", "%s", why); return -1; }
    return 0;
}

int kiln_cuda_free(kiln_ctx *ctx, void *dptr, kiln_error *err) {
    kiln_error dummy;
    if (!err) err = &dummy;
    RtCuda *c = api_driver(ctx, err);
    char why[512];
    if (!c) return -1;
    if (dptr && rt_cuda_free(c, dptr, why, sizeof why)) { err_set(err, KILN_ERR_USAGE, "", "%s", why); return -1; }
    return 0;
}

int kiln_cuda_copy(kiln_ctx *ctx, void *dst, const void *src, size_t bytes, int kind, kiln_error *err) {
    kiln_error dummy;
    if (!err) err = &dummy;
    RtCuda *c = api_driver(ctx, err);
    char why[512];
    if (!c) return -1;
    if (bytes && (!dst || !src)) { err_set(err, KILN_ERR_USAGE, "", "kiln_cuda_copy: a NULL pointer"); return -1; }
    if (rt_cuda_copy(c, dst, src, bytes, kind, why, sizeof why)) { err_set(err, KILN_ERR_USAGE, "", "%s", why); return -1; }
    return 0;
}

int kiln_cuda_info(kiln_ctx *ctx, char *info, size_t cap, kiln_error *err) {
    kiln_error dummy;
    if (!err) err = &dummy;
    RtCuda *c = api_driver(ctx, err);
    if (!c) return -1;
    int v = rt_cuda_driver_version(c);
    snprintf(info, cap, "%s, %s, CUDA driver %d.%d", rt_cuda_name(c), rt_cuda_arch(c), v / 1000, v % 1000 / 10);
    return 0;
}

int kiln_cuda_ptx(kiln_func *fn, const kiln_value *args, int nargs, const char *arch, char **ptx, kiln_error *err) {
    kiln_error dummy;
    if (!err) err = &dummy;
    if (!ptx) { err_set(err, KILN_ERR_USAGE, "", "kiln_cuda_ptx: no result pointer (NULL)"); return -1; }
    *ptx = NULL;
    if (arch && (strncmp(arch, "sm_", 3) || strlen(arch) > 8)) {
        err_set(err, KILN_ERR_USAGE, "", "kiln_cuda_ptx: '%s' is not a GPU architecture (sm_80, sm_90 ...)", arch);
        return -1;
    }
    kiln_value full[KILN_MAX_PARAMS], pool[KILN_MAX_POOL];
    if (!(args = jit_api_args(fn, args, &nargs, full, pool, "kiln_cuda_ptx", err))) return -1;
    Spec *s = jit_find_spec(fn, args, nargs, err);
    if (!s) return -1;
    char ldbuf[4096], looked[512];
    const char *ld = libdevice(ldbuf, sizeof ldbuf, looked, sizeof looked);
    XCall **recs = NULL;
    int nrec = 0;
    kiln_ctx *ctx = fn->mod->ctx;
    pthread_mutex_lock(&ctx->gpu_lock);
    int rc = compile_ptx(ctx, s, arch ? arch : "sm_80", ld, looked, ptx, &recs, &nrec, err);
    pthread_mutex_unlock(&ctx->gpu_lock);
    free(recs);
    return rc;
}
