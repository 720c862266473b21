/*
 * cuda.c — the CUDA driver API through dlopen (rt/cuda.h): the few entry
 * points kiln needs, resolved by name from libcuda.so.1 (KILN_CUDA_DRIVER
 * names another file: tests point it at nothing to check the error path).
 * Every call makes device 0's primary context current on the calling thread
 * first, so any thread may launch.
 */
#include "cuda.h"
#include "../../include/kiln.h"
#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef int CUresult;
typedef unsigned long long CUdeviceptr;

#define CUDA_FNS(X) \
    X(cuInit, (unsigned)) \
    X(cuDriverGetVersion, (int *)) \
    X(cuDeviceGetCount, (int *)) \
    X(cuDeviceGet, (int *, int)) \
    X(cuDeviceGetName, (char *, int, int)) \
    X(cuDeviceGetAttribute, (int *, int, int)) \
    X(cuDevicePrimaryCtxRetain, (void **, int)) \
    X(cuDevicePrimaryCtxRelease_v2, (int)) \
    X(cuCtxSetCurrent, (void *)) \
    X(cuLinkCreate_v2, (unsigned, int *, void **, void **)) \
    X(cuLinkAddData_v2, (void *, int, void *, size_t, const char *, unsigned, int *, void **)) \
    X(cuLinkComplete, (void *, void **, size_t *)) \
    X(cuLinkDestroy, (void *)) \
    X(cuModuleLoadData, (void **, const void *)) \
    X(cuModuleGetFunction, (void **, void *, const char *)) \
    X(cuModuleUnload, (void *)) \
    X(cuLaunchKernel, (void *, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, unsigned, void *, void **, void **)) \
    X(cuStreamSynchronize, (void *)) \
    X(cuMemAlloc_v2, (CUdeviceptr *, size_t)) \
    X(cuMemFree_v2, (CUdeviceptr)) \
    X(cuMemcpyHtoD_v2, (CUdeviceptr, const void *, size_t)) \
    X(cuMemcpyDtoH_v2, (void *, CUdeviceptr, size_t)) \
    X(cuMemcpyDtoD_v2, (CUdeviceptr, CUdeviceptr, size_t)) \
    X(cuMemHostAlloc, (void **, size_t, unsigned)) \
    X(cuMemHostGetDevicePointer_v2, (CUdeviceptr *, void *, unsigned)) \
    X(cuMemFreeHost, (void *)) \
    X(cuPointerGetAttribute, (void *, int, CUdeviceptr)) \
    X(cuGetErrorName, (CUresult, const char **)) \
    X(cuGetErrorString, (CUresult, const char **))

enum { ATTR_CC_MAJOR = 75, ATTR_CC_MINOR = 76, JIT_ERROR_LOG = 5, JIT_ERROR_LOG_SIZE = 6, JIT_INPUT_PTX = 1,
       HOSTALLOC_DEVICEMAP = 2, PTR_MEMORY_TYPE = 2 };

struct RtCuda {
    void *dl;
#define X(name, args) CUresult (*name) args;
    CUDA_FNS(X)
#undef X
    int dev, version;
    void *ctx;
    char arch[16], name[128];
    int64_t *record;        /* host memory the GPU maps: the error record */
    CUdeviceptr record_dev;
    pthread_mutex_t lock;
};

static int fail(RtCuda *c, CUresult r, const char *what, char *why, size_t cap) {
    const char *n = NULL, *s = NULL;
    if (c && c->cuGetErrorName) c->cuGetErrorName(r, &n);
    if (c && c->cuGetErrorString) c->cuGetErrorString(r, &s);
    snprintf(why, cap, "CUDA: %s failed: %s (%s)", what, n ? n : "error", s ? s : "?");
    return -1;
}

#define CALL(c, what, expr, why, cap) do { CUresult r_ = (expr); if (r_) return fail(c, r_, what, why, cap); } while (0)

static int current(RtCuda *c, char *why, size_t cap) {
    CALL(c, "cuCtxSetCurrent", c->cuCtxSetCurrent(c->ctx), why, cap);
    return 0;
}

static int symbols(RtCuda *c, const char *lib, char *why, size_t cap) {
#define X(name, args) \
    if (!(*(void **)&c->name = dlsym(c->dl, #name))) return snprintf(why, cap, "%s has no %s (a CUDA driver too old?)", lib, #name), -1;
    CUDA_FNS(X)
#undef X
    return 0;
}

static int device(RtCuda *c, char *why, size_t cap) {
    int n = 0, major = 0, minor = 0;
    CALL(c, "cuInit", c->cuInit(0), why, cap);
    CALL(c, "cuDriverGetVersion", c->cuDriverGetVersion(&c->version), why, cap);
    CALL(c, "cuDeviceGetCount", c->cuDeviceGetCount(&n), why, cap);
    if (n < 1) return snprintf(why, cap, "CUDA: the driver sees no GPU"), -1;
    CALL(c, "cuDeviceGet", c->cuDeviceGet(&c->dev, 0), why, cap);
    CALL(c, "cuDeviceGetName", c->cuDeviceGetName(c->name, (int)sizeof c->name, c->dev), why, cap);
    CALL(c, "cuDeviceGetAttribute", c->cuDeviceGetAttribute(&major, ATTR_CC_MAJOR, c->dev), why, cap);
    CALL(c, "cuDeviceGetAttribute", c->cuDeviceGetAttribute(&minor, ATTR_CC_MINOR, c->dev), why, cap);
    snprintf(c->arch, sizeof c->arch, "sm_%d%d", major, minor);
    CALL(c, "cuDevicePrimaryCtxRetain", c->cuDevicePrimaryCtxRetain(&c->ctx, c->dev), why, cap);
    if (current(c, why, cap)) return -1;
    size_t bytes = sizeof(int64_t) * (1 + RT_CUDA_RECORD_SLOTS);
    CALL(c, "cuMemHostAlloc", c->cuMemHostAlloc((void **)&c->record, bytes, HOSTALLOC_DEVICEMAP), why, cap);
    memset(c->record, 0, bytes);
    CALL(c, "cuMemHostGetDevicePointer", c->cuMemHostGetDevicePointer_v2(&c->record_dev, c->record, 0), why, cap);
    return 0;
}

RtCuda *rt_cuda_open(char *why, size_t cap) {
    const char *lib = getenv("KILN_CUDA_DRIVER");
    if (!lib || !*lib) lib = "libcuda.so.1";
    void *dl = dlopen(lib, RTLD_NOW | RTLD_LOCAL);
    if (!dl) {
        snprintf(why, cap, "no CUDA driver: %s cannot be loaded (%s); a GPU launch needs NVIDIA's driver (the CPU device "
                 "runs the same kernels)", lib, dlerror());
        return NULL;
    }
    RtCuda *c = calloc(1, sizeof *c);
    if (!c) { dlclose(dl); snprintf(why, cap, "out of memory"); return NULL; }
    c->dl = dl;
    pthread_mutex_init(&c->lock, NULL);
    if (symbols(c, lib, why, cap) || device(c, why, cap)) { rt_cuda_close(c); return NULL; }
    return c;
}

void rt_cuda_close(RtCuda *c) {
    if (!c) return;
    if (c->record && c->cuMemFreeHost) c->cuMemFreeHost(c->record);
    if (c->ctx && c->cuDevicePrimaryCtxRelease_v2) c->cuDevicePrimaryCtxRelease_v2(c->dev);
    pthread_mutex_destroy(&c->lock);
    dlclose(c->dl);
    free(c);
}

const char *rt_cuda_arch(const RtCuda *c) { return c->arch; }
int rt_cuda_driver_version(const RtCuda *c) { return c->version; }
const char *rt_cuda_name(const RtCuda *c) { return c->name; }
int64_t *rt_cuda_record(RtCuda *c) { return c->record; }
const void *rt_cuda_record_param(const RtCuda *c) { return &c->record_dev; }

void rt_cuda_unload(RtCuda *c, void *module) {
    char why[8];
    if (module && !current(c, why, sizeof why)) c->cuModuleUnload(module);
}
pthread_mutex_t *rt_cuda_lock(RtCuda *c) { return &c->lock; }

int rt_cuda_link(RtCuda *c, const char *ptx, void **bin, size_t *n, char *why, size_t cap) {
    *bin = NULL;
    if (current(c, why, cap)) return -1;
    char log[4096] = "";
    int opts[2] = {JIT_ERROR_LOG, JIT_ERROR_LOG_SIZE};
    void *vals[2] = {log, (void *)(uintptr_t)sizeof log};
    void *st = NULL, *cubin = NULL;
    CALL(c, "cuLinkCreate", c->cuLinkCreate_v2(2, opts, vals, &st), why, cap);
    CUresult r = c->cuLinkAddData_v2(st, JIT_INPUT_PTX, (void *)ptx, strlen(ptx) + 1, "kernel.ptx", 0, NULL, NULL);
    if (!r) r = c->cuLinkComplete(st, &cubin, n);
    if (!r && !(*bin = malloc(*n))) { c->cuLinkDestroy(st); return snprintf(why, cap, "out of memory"), -1; }
    if (!r) memcpy(*bin, cubin, *n);
    c->cuLinkDestroy(st);
    if (r) {
        fail(c, r, "the PTX JIT (cuLinkAddData/cuLinkComplete)", why, cap);
        size_t l = strlen(why);
        if (log[0] && l + 3 < cap) snprintf(why + l, cap - l, ": %s", log);
        return -1;
    }
    return 0;
}

int rt_cuda_load(RtCuda *c, const void *bin, const char *name, void **module, void **function, char *why, size_t cap) {
    if (current(c, why, cap)) return -1;
    CALL(c, "cuModuleLoadData", c->cuModuleLoadData(module, bin), why, cap);
    CALL(c, "cuModuleGetFunction", c->cuModuleGetFunction(function, *module, name), why, cap);
    return 0;
}

int rt_cuda_launch(RtCuda *c, void *function, const unsigned dims[6], unsigned shared, void *stream, void **params, char *why,
                   size_t cap) {
    if (current(c, why, cap)) return -1;
    CALL(c, "cuLaunchKernel", c->cuLaunchKernel(function, dims[0], dims[1], dims[2], dims[3], dims[4], dims[5], shared, stream,
                                                 params, NULL), why, cap);
    CALL(c, "the kernel (cuStreamSynchronize after the launch)", c->cuStreamSynchronize(stream), why, cap);
    return 0;
}

int rt_cuda_malloc(RtCuda *c, size_t n, void **p, char *why, size_t cap) {
    if (current(c, why, cap)) return -1;
    CUdeviceptr d = 0;
    CALL(c, "cuMemAlloc", c->cuMemAlloc_v2(&d, n ? n : 1), why, cap);
    *p = (void *)(uintptr_t)d;
    return 0;
}

int rt_cuda_free(RtCuda *c, void *p, char *why, size_t cap) {
    if (current(c, why, cap)) return -1;
    CALL(c, "cuMemFree", c->cuMemFree_v2((CUdeviceptr)(uintptr_t)p), why, cap);
    return 0;
}

int rt_cuda_copy(RtCuda *c, void *dst, const void *src, size_t n, int kind, char *why, size_t cap) {
    if (current(c, why, cap)) return -1;
    if (!n) return 0;
    CUdeviceptr d = (CUdeviceptr)(uintptr_t)dst, s = (CUdeviceptr)(uintptr_t)src;
    switch (kind) {
    case KILN_COPY_H2D: CALL(c, "cuMemcpyHtoD", c->cuMemcpyHtoD_v2(d, src, n), why, cap); return 0;
    case KILN_COPY_D2H: CALL(c, "cuMemcpyDtoH", c->cuMemcpyDtoH_v2(dst, s, n), why, cap); return 0;
    case KILN_COPY_D2D: CALL(c, "cuMemcpyDtoD", c->cuMemcpyDtoD_v2(d, s, n), why, cap); return 0;
    default: return snprintf(why, cap, "unknown copy kind %d", kind), -1;
    }
}

int rt_cuda_is_device(RtCuda *c, const void *p) {
    char why[8];
    unsigned type = 0;
    if (current(c, why, sizeof why)) return 0;
    return !c->cuPointerGetAttribute(&type, PTR_MEMORY_TYPE, (CUdeviceptr)(uintptr_t)p) && type != 0;
}
