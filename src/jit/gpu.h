/*
 * gpu.h — inside the driver: CUDA kernels on the GPU (gpu.c) and the launch
 * shared with the CPU (launch.c).
 */
#ifndef KILN_JIT_GPU_H
#define KILN_JIT_GPU_H

#include "jit.h"
#include "../rt/run.h"

/* dispatch.c, for kernel launches (launch.c): the spec of these arguments (compiled now if new), the
 * arguments as slots (their count, or -1 with err), a raised error into err */
Spec *jit_find_spec(kiln_func *fn, const kiln_value *args, int nargs, kiln_error *err);
int jit_flatten_args(Run *run, const Spec *s, const kiln_value *args, int nargs, Slot *in, int cap, kiln_error *err);
void jit_runtime_error(Run *run, kiln_error *err);

/* the launch's grid and block, checked against CUDA's limits: dims = grid x, y, z, block x, y, z */
int jit_launch_check(const kiln_launch_cfg *cfg, unsigned dims[6], kiln_error *err);
/* s launched on the GPU (its code compiled, loaded or found in the disk cache first) */
int jit_gpu_launch(kiln_func *fn, Spec *s, const kiln_launch_cfg *cfg, const unsigned dims[6], const kiln_value *args, int nargs,
                   kiln_error *err);
/* compile.c: specializations found by this thread make no CPU code until switched off (GPU launches) */
void jit_compile_for_gpu(bool on);
/* the context's GPU state, freed with it */
void jit_gpu_free(kiln_ctx *ctx);

#endif
