/*
 * gpu.h — the GPU vocabulary of OP_LIB's LIB_GPU routine: what a CUDA kernel
 * (Numba's programming model: cuda.grid, cuda.threadIdx.x, cuda.syncthreads,
 * cuda.shared.array, cuda.atomic.add ...) asks of the machine it runs on.
 *
 * One OP_LIB routine rather than new ops: every CPU tier already calls OP_LIB
 * through the frame helper with the call state (back/gpu.c reads the thread's
 * registers from Run.gpu, keeps a block's shared arrays, serializes atomics),
 * and the GPU backend (back/llvm/nvptx.c) emits each as PTX. aux packs
 * LIB_GPU | kind << 8 | site << 16 (a shared array's site: one buffer per block). A shared array of
 * shape 0 is the launch's dynamic shared memory (its shared_bytes), one buffer every such array views.
 *
 * Operands: registers, syncthreads and shared arrays take a dummy int 0 first (as LIB_RANDOM does),
 * a shared array then its constant shape; atomics take the array, the value (CAS: the expected
 * value, then the new one) and one normalized index per axis, and give the old element.
 */
#ifndef KILN_IR_GPU_H
#define KILN_IR_GPU_H

#include <stdbool.h>
#include <stdint.h>

/* X(kind, the name in Numba's cuda module, PTX special register or "" ) */
#define GPU_OPS(X) \
    X(TID_X, "threadIdx.x", "tid.x") X(TID_Y, "threadIdx.y", "tid.y") X(TID_Z, "threadIdx.z", "tid.z") \
    X(CTAID_X, "blockIdx.x", "ctaid.x") X(CTAID_Y, "blockIdx.y", "ctaid.y") X(CTAID_Z, "blockIdx.z", "ctaid.z") \
    X(NTID_X, "blockDim.x", "ntid.x") X(NTID_Y, "blockDim.y", "ntid.y") X(NTID_Z, "blockDim.z", "ntid.z") \
    X(NCTAID_X, "gridDim.x", "nctaid.x") X(NCTAID_Y, "gridDim.y", "nctaid.y") X(NCTAID_Z, "gridDim.z", "nctaid.z") \
    X(LANEID, "laneid", "laneid") \
    X(SYNC, "syncthreads", "") \
    X(FENCE, "threadfence", "") \
    X(SHARED, "shared.array", "") \
    X(DYNSHARED, "shared.array(0)", "") \
    X(ATOMIC_ADD, "atomic.add", "") X(ATOMIC_SUB, "atomic.sub", "") X(ATOMIC_MAX, "atomic.max", "") \
    X(ATOMIC_MIN, "atomic.min", "") X(ATOMIC_AND, "atomic.and_", "") X(ATOMIC_OR, "atomic.or_", "") \
    X(ATOMIC_XOR, "atomic.xor", "") X(ATOMIC_EXCH, "atomic.exch", "") X(ATOMIC_CAS, "atomic.compare_and_swap", "")

enum {
#define X(k, py, reg) GPU_##k,
    GPU_OPS(X)
#undef X
    GPU_COUNT
};

/* a thread's index register: GPU_TID_X + 3 * which + axis, which 0 threadIdx, 1 blockIdx, 2 blockDim, 3 gridDim;
 * and its lane in its warp of 32 (the block's threads numbered x fastest) */
static inline bool gpu_is_register(int k) { return k >= GPU_TID_X && k <= GPU_LANEID; }
static inline bool gpu_is_atomic(int k) { return k >= GPU_ATOMIC_ADD && k <= GPU_ATOMIC_CAS; }
static inline int gpu_kind(int64_t aux) { return (int)((aux >> 8) & 0xff); }
static inline int gpu_site(int64_t aux) { return (int)(aux >> 16); }

static inline const char *gpu_name(int k) {
    static const char *n[] = {
#define X(kk, py, reg) py,
        GPU_OPS(X)
#undef X
    };
    return k >= 0 && k < GPU_COUNT ? n[k] : "?";
}

#endif
