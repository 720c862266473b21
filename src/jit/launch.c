/*
 * launch.c — kiln_launch: a CUDA kernel run over a grid of blocks of threads,
 * on the GPU (jit/gpu.c) or on the CPU (here).
 *
 * On the CPU every thread of the grid runs the kernel's specialization in turn
 * on the calling thread, with its registers in Run.gpu (back/gpu.c reads
 * them). A kernel that calls cuda.syncthreads() runs each block's threads as
 * fibers (ucontext, one stack each): a thread at the barrier switches to the
 * block's next one, and when every live thread waits there they all go on. A
 * thread that finishes leaves the barrier's count, as on the GPU since Volta.
 * The first error in thread order stops the launch and is raised. The CPU
 * launch is the reference the GPU is tested against (make test-gpu): same IR,
 * same tiers, threads in a fixed order.
 */
#include "jit.h"
#include "gpu.h"
#include "../ir/gpu.h"
#include "../ir/lib.h"
#include "../back/frame.h"
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <ucontext.h>

enum { FIBER_STACK = 256 << 10, FIBER_MARGIN = 48 << 10 }; /* a fiber's stack, and what RecursionError leaves of it */

/* AddressSanitizer follows a switch of stacks only when told (else it warns, and may report false errors) */
#if defined(__has_feature)
#if __has_feature(address_sanitizer)
#define KILN_ASAN_FIBERS 1
#endif
#endif
#if defined(__SANITIZE_ADDRESS__)
#define KILN_ASAN_FIBERS 1
#endif
#ifdef KILN_ASAN_FIBERS
#include <sanitizer/common_interface_defs.h>
#define SWITCH_START(save, bottom, size) __sanitizer_start_switch_fiber(save, bottom, size)
#define SWITCH_DONE(save, bottom, size) __sanitizer_finish_switch_fiber(save, bottom, size)
#else
#define SWITCH_START(save, bottom, size) ((void)(save), (void)(bottom), (void)(size))
#define SWITCH_DONE(save, bottom, size) ((void)(save), (void)(bottom), (void)(size))
#endif

/* whether u or a kernel it calls waits at cuda.syncthreads() (depth-limited: calls nest at most this deep) */
static bool has_barrier(Unit *u, int depth) {
    Func *f = u->ir;
    if (!f || depth > 16) return false;
    for (uint32_t r = 1; r < f->ins.n; r++) {
        Ins *in = &f->ins.v[r];
        if (in->op == OP_LIB && (in->aux & 0xff) == LIB_GPU && gpu_kind(in->aux) == GPU_SYNC) return true;
    }
    for (uint32_t i = 0; i < f->callees.n; i++)
        if (f->callees.v[i] != u && has_barrier(f->callees.v[i], depth + 1)) return true;
    return false;
}

int jit_launch_check(const kiln_launch_cfg *cfg, unsigned dims[6], kiln_error *err) {
    uint64_t threads = 1;
    for (int k = 0; k < 3; k++) {
        dims[k] = cfg->grid[k] ? cfg->grid[k] : 1;
        dims[3 + k] = cfg->block[k] ? cfg->block[k] : 1;
        threads *= dims[3 + k];
    }
    if (threads > 1024) {
        err_set(err, KILN_ERR_USAGE, "", "a block of %llu threads (%u x %u x %u): at most 1024", (unsigned long long)threads,
                dims[3], dims[4], dims[5]);
        return -1;
    }
    if (dims[4] > 1024 || dims[5] > 64 || dims[1] > 65535 || dims[2] > 65535 || dims[0] > 2147483647u) {
        err_set(err, KILN_ERR_USAGE, "", "a launch of %u x %u x %u blocks of %u x %u x %u threads is past CUDA's limits "
                "(blocks: 2^31-1 x 65535 x 65535; threads: 1024 x 1024 x 64)", dims[0], dims[1], dims[2], dims[3], dims[4], dims[5]);
        return -1;
    }
    return 0;
}

/* ---- the CPU: threads in turn ---- */

typedef struct Fiber {
    ucontext_t uc;
    Run run;
    RtGpu gpu;
    int state; /* 0 runnable, 1 at the barrier, 2 finished, 3 failed */
    int rc;
} Fiber;

typedef struct Cta { /* one block of threads (a CUDA "cooperative thread array") as fibers */
    Spec *s;
    const Slot *in;
    Fiber *f;
    int n, cur;
    ucontext_t sched;
    char *stacks;
    const void *sched_bottom;  /* the scheduler's stack, for AddressSanitizer's switches back */
    size_t sched_size;
} Cta;

/* thread t's index in its block, x fastest, into reg (the block's dimensions in reg[6..8]) */
static void thread_index(int64_t reg[12], int t) {
    reg[0] = t % reg[6];
    reg[1] = t / reg[6] % reg[7];
    reg[2] = t / (reg[6] * reg[7]);
}

/* a block's end: its shared arrays go */
static void block_end(RtGpuBlock *blk) {
    for (int i = 0; i < blk->nshared; i++) free(blk->shared[i].data);
    blk->nshared = 0;
}

static int fiber_sync(void *arg) {
    Cta *b = arg;
    Fiber *f = &b->f[b->cur];
    f->state = 1;
    void *fake = NULL;
    SWITCH_START(&fake, b->sched_bottom, b->sched_size);
    swapcontext(&f->uc, &b->sched);
    SWITCH_DONE(fake, NULL, NULL);
    return 0;
}

static __thread Cta *tls_block;

static void fiber_main(void) {
    Cta *b = tls_block;
    SWITCH_DONE(NULL, &b->sched_bottom, &b->sched_size);
    Fiber *f = &b->f[b->cur];
    Slot out[KILN_MAX_SLOTS];
    f->rc = back_interp.run(&b->s->u, b->in, out, &f->run);
    f->state = f->rc ? 3 : 2;
    SWITCH_START(NULL, b->sched_bottom, b->sched_size); /* NULL: this fiber's fake stack is done with */
    /* returning resumes uc_link: the scheduler */
}

/* one block as fibers; the first failing thread's error into err. 0, or -1 */
static int block_fibers(Cta *b, const Run *tmpl, const int64_t reg[12], RtGpuBlock *blk, kiln_error *err) {
    blk->sync = fiber_sync;
    blk->sync_arg = b;
    for (int t = 0; t < b->n; t++) {
        Fiber *f = &b->f[t];
        memcpy(f->gpu.reg, reg, sizeof f->gpu.reg);
        thread_index(f->gpu.reg, t);
        f->gpu.block = blk;
        f->run = *tmpl;
        f->run.gpu = &f->gpu;
        char *stack = b->stacks + (size_t)t * FIBER_STACK;
        f->run.stack_floor = (uintptr_t)stack + FIBER_MARGIN;
        f->state = 0;
        getcontext(&f->uc);
        f->uc.uc_stack.ss_sp = stack;
        f->uc.uc_stack.ss_size = FIBER_STACK;
        f->uc.uc_link = &b->sched;
        makecontext(&f->uc, fiber_main, 0);
    }
    int rc = 0;
    for (;;) {
        bool waiting = false;
        for (int t = 0; t < b->n && !rc; t++) {
            Fiber *f = &b->f[t];
            if (f->state != 0) { waiting |= f->state == 1; continue; }
            b->cur = t;
            tls_block = b;
            void *fake = NULL;
            SWITCH_START(&fake, b->stacks + (size_t)t * FIBER_STACK, FIBER_STACK);
            swapcontext(&b->sched, &f->uc);
            SWITCH_DONE(fake, NULL, NULL);
            if (f->state == 1) waiting = true;
            if (f->state == 3) { jit_runtime_error(&f->run, err); rc = -1; }
        }
        if (rc || !waiting) break;
        for (int t = 0; t < b->n; t++) if (b->f[t].state == 1) b->f[t].state = 0; /* everyone is at the barrier: go on */
    }
    for (int t = 0; t < b->n; t++) run_release(&b->f[t].run);
    block_end(blk);
    return rc;
}

/* one block, thread after thread on this stack */
static int block_serial(Spec *s, const Slot *in, Run *tmpl, const int64_t reg[12], RtGpuBlock *blk, int n, kiln_error *err) {
    Slot out[KILN_MAX_SLOTS];
    RtGpu g = {{0}, blk};
    memcpy(g.reg, reg, sizeof g.reg);
    int rc = 0;
    for (int t = 0; t < n && !rc; t++) {
        thread_index(g.reg, t);
        Run run = *tmpl;
        run.gpu = &g;
        if (back_interp.run(&s->u, in, out, &run)) { jit_runtime_error(&run, err); rc = -1; }
        run_release(&run);
    }
    block_end(blk);
    return rc;
}

static int launch_cpu(kiln_func *fn, Spec *s, const unsigned dims[6], unsigned dyn_bytes, const kiln_value *args, int nargs,
                      kiln_error *err) {
    kiln_ctx *ctx = fn->mod->ctx;
    Slot in[KILN_MAX_SLOTS];
    Run tmpl;
    run_init(&tmpl, ctx->tune, &ctx->interrupts, base_stack_floor());
    tmpl.print = ctx->print;
    tmpl.print_arg = ctx->print_arg;
    if (jit_flatten_args(&tmpl, s, args, nargs, in, KILN_MAX_SLOTS, err) < 0) { run_release(&tmpl); return -1; }
    int n = (int)(dims[3] * dims[4] * dims[5]), rc = 0;
    bool fibers = has_barrier(&s->u, 0);
    Cta b;
    memset(&b, 0, sizeof b);
    b.s = s; b.in = in; b.n = n;
    if (fibers) {
        b.f = calloc((size_t)n, sizeof *b.f);
        b.stacks = mmap(NULL, (size_t)n * FIBER_STACK, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
        if (!b.f || b.stacks == MAP_FAILED) {
            free(b.f);
            run_release(&tmpl);
            err_set(err, KILN_ERR_RUNTIME, "MemoryError", "no memory for the stacks of a block of %d threads", n);
            return -1;
        }
    }
    RtGpuBlock blk;
    memset(&blk, 0, sizeof blk);
    blk.dyn_bytes = dyn_bytes;
    int64_t reg[12] = {0};
    for (int k = 0; k < 3; k++) { reg[6 + k] = dims[3 + k]; reg[9 + k] = dims[k]; }
    for (uint64_t z = 0; z < dims[2] && !rc; z++)
        for (uint64_t y = 0; y < dims[1] && !rc; y++)
            for (uint64_t x = 0; x < dims[0] && !rc; x++) {
                reg[3] = (int64_t)x; reg[4] = (int64_t)y; reg[5] = (int64_t)z;
                rc = fibers ? block_fibers(&b, &tmpl, reg, &blk, err) : block_serial(s, in, &tmpl, reg, &blk, n, err);
            }
    free(blk.shared);
    if (fibers) { munmap(b.stacks, (size_t)n * FIBER_STACK); free(b.f); }
    run_release(&tmpl);
    return rc;
}

int kiln_launch(kiln_func *fn, const kiln_launch_cfg *cfg, const kiln_value *args, int nargs, kiln_error *err) {
    kiln_error dummy;
    if (!err) err = &dummy;
    if (!cfg) {
        err_set(err, KILN_ERR_USAGE, "", "kiln_launch: no launch configuration (NULL)");
        return -1;
    }
    if (cfg->device != KILN_DEVICE_CPU && cfg->device != KILN_DEVICE_CUDA) {
        err_set(err, KILN_ERR_USAGE, "", "kiln_launch: unknown device %d", (int)cfg->device);
        return -1;
    }
    unsigned dims[6];
    if (jit_launch_check(cfg, dims, err)) return -1;
    kiln_value full[KILN_MAX_PARAMS], pool[KILN_MAX_POOL];
    if (!(args = jit_api_args(fn, args, &nargs, full, pool, "kiln_launch", err))) return -1;
    if (cfg->device == KILN_DEVICE_CUDA) jit_compile_for_gpu(true);
    Spec *s = jit_find_spec(fn, args, nargs, err);
    jit_compile_for_gpu(false);
    if (!s) return -1;
    if (s->u.ret->kind != T_NONE) {
        char t[128];
        ty_str(s->u.ret, t, sizeof t);
        err_set(err, KILN_ERR_USAGE, "", "%s() returns %s: a CUDA kernel returns None (it writes its results into arrays)", fn->name, t);
        return -1;
    }
    if (cfg->device == KILN_DEVICE_CPU) return launch_cpu(fn, s, dims, cfg->shared_bytes, args, nargs, err);
    return jit_gpu_launch(fn, s, cfg, dims, args, nargs, err);
}
