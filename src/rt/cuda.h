/*
 * cuda.h — the CUDA driver, opened at run time (dlopen of libcuda.so.1): kiln
 * builds and runs where no GPU or CUDA is installed, and says "no CUDA
 * driver" only when a GPU call is made there. One device (device 0, its
 * primary context: the one CuPy, PyTorch and Numba share), one RtCuda per
 * kiln context. Errors come back as text naming the driver's error.
 */
#ifndef KILN_RT_CUDA_H
#define KILN_RT_CUDA_H

#include <pthread.h>
#include <stddef.h>
#include <stdint.h>

typedef struct RtCuda RtCuda;

/* the error record: word 0, then this many slots (a kernel whose frame is larger does not compile for the GPU) */
#define RT_CUDA_RECORD_SLOTS 4096

/* the driver and device 0, or NULL with why (no driver: KILN_CUDA_DRIVER names another library) */
RtCuda *rt_cuda_open(char *why, size_t cap);
void rt_cuda_close(RtCuda *c);
/* "sm_90"; the driver's version (13000 for 13.0); the device's name */
const char *rt_cuda_arch(const RtCuda *c);
int rt_cuda_driver_version(const RtCuda *c);
const char *rt_cuda_name(const RtCuda *c);
/* the GPU's binary of PTX text (the driver's JIT linker): malloc'd into *bin, *n; 0 or -1 with why */
int rt_cuda_link(RtCuda *c, const char *ptx, void **bin, size_t *n, char *why, size_t cap);
/* a GPU binary loaded, and its kernel `name`; 0 or -1 with why */
int rt_cuda_load(RtCuda *c, const void *bin, const char *name, void **module, void **function, char *why, size_t cap);
void rt_cuda_unload(RtCuda *c, void *module);
/* the launch, waited for; 0 or -1 with why (the driver's error: an illegal address ...) */
int rt_cuda_launch(RtCuda *c, void *function, const unsigned dims[6], unsigned shared, void *stream, void **params, char *why,
                   size_t cap);
/* the error record kernels write (host memory the GPU maps): word 0 and the slots after it; its device address
 * as a kernel parameter (every kernel's last) */
int64_t *rt_cuda_record(RtCuda *c);
const void *rt_cuda_record_param(const RtCuda *c);
/* memory: 0, or -1 with why; kind KILN_COPY_* */
int rt_cuda_malloc(RtCuda *c, size_t n, void **p, char *why, size_t cap);
int rt_cuda_free(RtCuda *c, void *p, char *why, size_t cap);
int rt_cuda_copy(RtCuda *c, void *dst, const void *src, size_t n, int kind, char *why, size_t cap);
/* whether p is memory the GPU can address (device, managed or mapped host memory) */
int rt_cuda_is_device(RtCuda *c, const void *p);
/* serializes launches (the error record is one per context) */
pthread_mutex_t *rt_cuda_lock(RtCuda *c);

#endif
