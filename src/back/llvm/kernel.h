/*
 * kernel.h — inside the LLVM tier's object: llvm.c lowers a CUDA kernel's IR
 * into a module nvptx.c made (the NVPTX target, the kiln_err global) and turns
 * into PTX.
 */
#ifndef KILN_LLVM_KERNEL_H
#define KILN_LLVM_KERNEL_H

#include "host.h"
#include <llvm-c/Core.h>

/* the kernel u as function `name` of m, in GPU mode (its parameters: the argument slots, then the error record); its raises' call records into pool (at most 65536). 0, or
 * -1 with why */
typedef struct GpuBuildInfo {
    int line;              /* the line of what the GPU cannot run (why says what), 0 if none */
    int math_line;         /* the first line calling a libdevice routine, and the routine ("exp"); 0, NULL if none */
    const char *math_name;
} GpuBuildInfo;
int ll_gpu_build(const BackEnv *env, Unit *u, LLVMContextRef cx, LLVMModuleRef m, const char *name, XCall **pool, int *npool,
                 GpuBuildInfo *info, char *why, size_t cap);
/* the host's table (llvm.c keeps it) */
extern const KilnHost *ll_host;
/* nvptx.c: the LlvmTier's compile_ptx */
int ll_compile_ptx(const BackEnv *env, Unit *u, const char *arch, const char *libdevice, char **ptx, XCall ***pool, int *npool,
                   kiln_error *err);

#endif
