/*
 * nvptx.c — CUDA kernels to PTX: one specialization's IR (llvm.c's GPU mode,
 * its callees inlined) in a module for nvptx64-nvidia-cuda, NVIDIA's libdevice
 * linked in where the kernel calls a math routine, LLVM's O3 pipeline (with
 * NVVMReflect: libdevice's denormals kept, as IEEE wants), and the NVPTX
 * backend's PTX text. The CUDA driver turns the PTX into the GPU's binary
 * (jit/gpu.c); nothing here needs a GPU, so `make test` checks the PTX.
 *
 * Floating point is IEEE as in the CPU tiers: no fast-math flags, so the
 * backend emits mul.rn/add.rn (never contracted into fma), div.rn and sqrt.rn,
 * and no .ftz. libdevice's transcendental functions are within its documented
 * ulps of the correctly rounded result, not glibc's bits (docs/gpu.md).
 */
#include "kernel.h"
#include <llvm-c/Analysis.h>
#include <llvm/Config/llvm-config.h>
#include <llvm-c/BitReader.h>
#include <llvm-c/Linker.h>
#include <llvm-c/Target.h>
#include <llvm-c/TargetMachine.h>
#include <llvm-c/Transforms/PassBuilder.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define TRIPLE "nvptx64-nvidia-cuda"

int kiln_llvm_link_needed(LLVMModuleRef dest, LLVMModuleRef src); /* link.cpp */

static pthread_once_t once = PTHREAD_ONCE_INIT;
static void init_target(void) {
    LLVMInitializeNVPTXTargetInfo();
    LLVMInitializeNVPTXTarget();
    LLVMInitializeNVPTXTargetMC();
    LLVMInitializeNVPTXAsmPrinter();
}

typedef struct Ptx {
    LLVMContextRef cx;
    LLVMModuleRef m;
    LLVMTargetMachineRef tm;
    char why[400];
    int line;              /* where the kernel does what stopped the compile (0: no line) */
} Ptx;

static void diagnostic(LLVMDiagnosticInfoRef d, void *arg) {
    Ptx *p = arg;
    if (LLVMGetDiagInfoSeverity(d) != LLVMDSError || p->why[0]) return;
    char *msg = LLVMGetDiagInfoDescription(d);
    snprintf(p->why, sizeof p->why, "LLVM: %s", msg);
    LLVMDisposeMessage(msg);
}

static bool target_machine(Ptx *p, const char *arch) {
    LLVMTargetRef target;
    char *msg = NULL;
    if (LLVMGetTargetFromTriple(TRIPLE, &target, &msg)) {
        snprintf(p->why, sizeof p->why, "this LLVM has no NVPTX target (%s)", msg ? msg : "?");
        LLVMDisposeMessage(msg);
        return false;
    }
    /* PTX ISA 7.8, the newest LLVM 16 writes (sm_90 needs it); the driver's JIT takes older ISAs for newer GPUs */
    p->tm = LLVMCreateTargetMachine(target, TRIPLE, arch, "+ptx78", LLVMCodeGenLevelAggressive, LLVMRelocDefault,
                                    LLVMCodeModelDefault);
    if (!p->tm) snprintf(p->why, sizeof p->why, "LLVM cannot make an NVPTX target machine for %s", arch);
    return p->tm != NULL;
}

/* the module: target, data layout, libdevice's flag (keep denormals) */
static void module(Ptx *p, const char *name) {
    p->m = LLVMModuleCreateWithNameInContext(name, p->cx);
    LLVMSetTarget(p->m, TRIPLE);
    LLVMTargetDataRef td = LLVMCreateTargetDataLayout(p->tm);
    LLVMSetModuleDataLayout(p->m, td);
    LLVMDisposeTargetData(td);
    LLVMTypeRef i32 = LLVMInt32TypeInContext(p->cx);
    LLVMAddModuleFlag(p->m, LLVMModuleFlagBehaviorOverride, "nvvm-reflect-ftz", 16, LLVMValueAsMetadata(LLVMConstInt(i32, 0, 0)));
}

/* NVVM's mark of a kernel (an entry the host launches) */
static void mark_kernel(Ptx *p, LLVMValueRef fn) {
    LLVMTypeRef i32 = LLVMInt32TypeInContext(p->cx);
    LLVMValueRef ops[3] = {fn, LLVMMDStringInContext(p->cx, "kernel", 6), LLVMConstInt(i32, 1, 0)};
    LLVMAddNamedMetadataOperand(p->m, "nvvm.annotations", LLVMMDNodeInContext(p->cx, ops, 3));
}

static bool calls_libdevice(LLVMModuleRef m) {
    for (LLVMValueRef f = LLVMGetFirstFunction(m); f; f = LLVMGetNextFunction(f))
        if (LLVMIsDeclaration(f) && !strncmp(LLVMGetValueName(f), "__nv_", 5)) return true;
    return false;
}

static bool link_libdevice(Ptx *p, const char *path, const GpuBuildInfo *info) {
    if (!calls_libdevice(p->m)) return true;
    if (!path) {
        snprintf(p->why, sizeof p->why, "%s needs NVIDIA's libdevice (math functions for the GPU), which was not found",
                 info->math_name ? info->math_name : "a math function");
        p->line = info->math_line;
        return false;
    }
    LLVMMemoryBufferRef buf;
    char *msg = NULL;
    if (LLVMCreateMemoryBufferWithContentsOfFile(path, &buf, &msg)) {
        snprintf(p->why, sizeof p->why, "cannot read libdevice %s: %s", path, msg ? msg : "?");
        LLVMDisposeMessage(msg);
        return false;
    }
    /* read lazily (the buffer then belongs to the module): the linker materializes only what the kernel calls */
    LLVMModuleRef lib;
    if (LLVMGetBitcodeModuleInContext2(p->cx, buf, &lib)) {
        LLVMDisposeMemoryBuffer(buf);
        snprintf(p->why, sizeof p->why, "%s is not LLVM bitcode (libdevice)", path);
        return false;
    }
    LLVMSetTarget(lib, TRIPLE);
    LLVMSetModuleDataLayout(lib, LLVMGetModuleDataLayout(p->m));
    if (kiln_llvm_link_needed(p->m, lib)) { snprintf(p->why, sizeof p->why, "libdevice (%s) did not link", path); return false; }
    return true;
}

/* everything but the kernel internal, so the pipeline drops what it does not call (most of libdevice) */
static void internalize(LLVMModuleRef m, LLVMValueRef kernel) {
    for (LLVMValueRef f = LLVMGetFirstFunction(m); f; f = LLVMGetNextFunction(f))
        if (f != kernel && !LLVMIsDeclaration(f)) LLVMSetLinkage(f, LLVMInternalLinkage);
    for (LLVMValueRef g = LLVMGetFirstGlobal(m); g; g = LLVMGetNextGlobal(g))
        if (!LLVMIsDeclaration(g)) LLVMSetLinkage(g, LLVMInternalLinkage);
}

/* a routine the kernel calls that nothing defines: the driver could not link it */
static bool unresolved(Ptx *p) {
    for (LLVMValueRef f = LLVMGetFirstFunction(p->m); f; f = LLVMGetNextFunction(f)) {
        const char *n = LLVMGetValueName(f);
        if (!LLVMIsDeclaration(f) || !strncmp(n, "llvm.", 5) || !LLVMGetFirstUse(f)) continue;
        snprintf(p->why, sizeof p->why, "%s has no GPU version (libdevice lacks it)", !strncmp(n, "__nv_", 5) ? n + 5 : n);
        return true;
    }
    return false;
}

static bool emit(Ptx *p, char **ptx) {
    LLVMMemoryBufferRef mb;
    char *msg = NULL;
    if (LLVMTargetMachineEmitToMemoryBuffer(p->tm, p->m, LLVMAssemblyFile, &msg, &mb)) {
        snprintf(p->why, sizeof p->why, "the NVPTX backend failed: %s", msg ? msg : "?");
        LLVMDisposeMessage(msg);
        return false;
    }
    size_t n = LLVMGetBufferSize(mb);
    *ptx = malloc(n + 1);
    if (*ptx) { memcpy(*ptx, LLVMGetBufferStart(mb), n); (*ptx)[n] = 0; }
    LLVMDisposeMemoryBuffer(mb);
    if (!*ptx) snprintf(p->why, sizeof p->why, "out of memory");
    return *ptx != NULL;
}

static bool verify(Ptx *p) {
    char *msg = NULL;
    if (!LLVMVerifyModule(p->m, LLVMReturnStatusAction, &msg)) { LLVMDisposeMessage(msg); return true; }
    snprintf(p->why, sizeof p->why, "the kernel's LLVM IR does not verify: %.300s", msg ? msg : "?");
    LLVMDisposeMessage(msg);
    return false;
}

static bool passes(Ptx *p) {
    LLVMPassBuilderOptionsRef po = LLVMCreatePassBuilderOptions();
    LLVMErrorRef e = LLVMRunPasses(p->m, getenv("KILN_PTX_PIPELINE") ? getenv("KILN_PTX_PIPELINE") : "globaldce,always-inline,default<O3>", p->tm, po);
    LLVMDisposePassBuilderOptions(po);
    if (!e) return true;
    char *msg = LLVMGetErrorMessage(e);
    snprintf(p->why, sizeof p->why, "the LLVM pass pipeline failed: %s", msg);
    LLVMDisposeErrorMessage(msg);
    return false;
}

/* an empty kernel through the whole pipeline: LLVM's one-time set-up (pass registration, the target's tables) done
 * ahead of the first real compile (jit/gpu.c calls it on a background thread when the driver opens) */
static int warm_up(const char *arch) {
    Ptx p;
    memset(&p, 0, sizeof p);
    if (!target_machine(&p, arch ? arch : "sm_80")) return -1;
    p.cx = LLVMContextCreate();
    LLVMContextSetDiagnosticHandler(p.cx, diagnostic, &p);
    module(&p, "kiln_warm_up");
    LLVMTypeRef ft = LLVMFunctionType(LLVMVoidTypeInContext(p.cx), NULL, 0, 0);
    LLVMValueRef fn = LLVMAddFunction(p.m, "kiln_warm_up", ft);
    LLVMBuilderRef b = LLVMCreateBuilderInContext(p.cx);
    LLVMPositionBuilderAtEnd(b, LLVMAppendBasicBlockInContext(p.cx, fn, ""));
    LLVMBuildRetVoid(b);
    LLVMDisposeBuilder(b);
    mark_kernel(&p, fn);
    char *ptx = NULL;
    bool ok = passes(&p) && emit(&p, &ptx);
    free(ptx);
    LLVMDisposeModule(p.m);
    LLVMContextDispose(p.cx);
    LLVMDisposeTargetMachine(p.tm);
    return ok ? 0 : -1;
}

int ll_compile_ptx(const BackEnv *env, Unit *u, const char *arch, const char *libdevice, char **ptx, XCall ***poolp, int *npool,
                   kiln_error *err) {
#if LLVM_VERSION_MAJOR < 15
    (void)env; (void)arch; (void)libdevice; (void)warm_up;
    if (!u) return -1;
    *ptx = NULL; *poolp = NULL; *npool = 0;
    err->kind = KILN_ERR_USAGE;
    snprintf(err->message, sizeof err->message, "the GPU target needs kiln's LLVM tier built with LLVM 15 or newer (this one: %d)",
             LLVM_VERSION_MAJOR);
    return -1;
#endif
    pthread_once(&once, init_target);
    if (!u) return warm_up(arch);
    *ptx = NULL; *poolp = NULL; *npool = 0;
    if (!u->code && ll_host->interp_compile(env, u, err)) return -1;
    Ptx p;
    memset(&p, 0, sizeof p);
    XCall **pool = malloc(sizeof(XCall *) * 65536);
    bool ok = pool && target_machine(&p, arch);
    if (!pool) snprintf(p.why, sizeof p.why, "out of memory");
    if (ok) {
        p.cx = LLVMContextCreate();
        LLVMContextSetDiagnosticHandler(p.cx, diagnostic, &p);
        char name[160];
        snprintf(name, sizeof name, "kiln_%s", u->name);
        module(&p, name);
        GpuBuildInfo info;
        ok = !ll_gpu_build(env, u, p.cx, p.m, name, pool, npool, &info, p.why, sizeof p.why);
        if (!ok) p.line = info.line;
        LLVMValueRef fn = ok ? LLVMGetNamedFunction(p.m, name) : NULL;
        if (ok) mark_kernel(&p, fn);
        ok = ok && verify(&p) && link_libdevice(&p, libdevice, &info);
        if (ok) internalize(p.m, fn);
        ok = ok && passes(&p) && !unresolved(&p) && emit(&p, ptx);
        LLVMDisposeModule(p.m);
        LLVMContextDispose(p.cx);
    }
    if (p.tm) LLVMDisposeTargetMachine(p.tm);
    if (!ok) {
        free(pool);
        *npool = 0;
        err->kind = KILN_ERR_COMPILE;
        err->line = p.line;
        snprintf(err->message, sizeof err->message, "%s cannot run on the GPU: %s", u->name, p.why[0] ? p.why : "?");
        return -1;
    }
    *poolp = pool;
    return 0;
}
