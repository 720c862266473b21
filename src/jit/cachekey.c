/*
 * cachekey.c — the disk cache's key: BLAKE2b-256 (libb2) of everything that
 * decides the machine code of a tier-2 compile, and nothing else:
 *   kiln's version and build id (a hash of its sources), the LLVM it was
 *   built against and the tier library it would load (path, size, mtime: a
 *   stale or rebuilt libkiln-llvm.so must not share entries), the target,
 *   the CPU (vendor, family/model/stepping and every feature word CPUID and
 *   XCR0 report, so a cache copied to another machine misses instead of
 *   running instructions it lacks), the options and tunables code depends on,
 *   the entry (whole function or the loop header of an OSR entry), and the
 *   canonical typed IR of the spec and of every spec it calls, transitively,
 *   with their signatures.
 * Never the kernel's file name or timestamps: editing a callee changes its IR and so
 * exactly the keys of the specs that call it.
 */
#include "cache.h"
#include "../back/frame.h"
#include <blake2.h>
#include <cpuid.h>
#include <stdio.h>
#include <pthread.h>
#include <stdlib.h>

#ifndef KILN_BUILD_ID
#define KILN_BUILD_ID "unknown"
#endif
#ifndef KILN_LLVM_VERSION
#define KILN_LLVM_VERSION "none"
#endif

#define CACHE_KEY_FORMAT 1

const char *jit_cache_build_id(void) { return KILN_BUILD_ID; }
const char *jit_cache_llvm_version(void) { return KILN_LLVM_VERSION; }

static void put(blake2b_state *h, const void *p, size_t n) { blake2b_update(h, p, n); }
static void put_u32(blake2b_state *h, uint32_t v) { put(h, &v, 4); }
static void put_i64(blake2b_state *h, int64_t v) { put(h, &v, 8); }
static void put_str(blake2b_state *h, const char *s) {
    uint32_t n = s ? (uint32_t)strlen(s) : UINT32_MAX;
    put_u32(h, n);
    if (s) put(h, s, n);
}

/* the CPU as CPUID describes it; name gets the brand string */
void jit_cache_cpu(uint32_t words[16], char name[49]) {
    memset(words, 0, 16 * sizeof(uint32_t));
    memset(name, 0, 49);
    unsigned a, b, c, d;
    if (__get_cpuid(0, &a, &b, &c, &d)) { words[0] = b; words[1] = d; words[2] = c; }
    if (__get_cpuid(1, &a, &b, &c, &d)) { words[3] = a; words[4] = c; words[5] = d; }
    if (__get_cpuid_count(7, 0, &a, &b, &c, &d)) { words[6] = b; words[7] = c; words[8] = d; }
    if (__get_cpuid_count(7, 1, &a, &b, &c, &d)) words[9] = a;
    if (__get_cpuid(0x80000001, &a, &b, &c, &d)) { words[10] = c; words[11] = d; }
    if (words[4] & (1u << 27)) { /* OSXSAVE: which register state the OS saves */
        uint32_t lo, hi;
        __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
        words[12] = lo; words[13] = hi;
    }
    for (unsigned k = 0; k < 3; k++)
        if (__get_cpuid(0x80000002 + k, &a, &b, &c, &d)) {
            memcpy(name + 16 * k, &a, 4); memcpy(name + 16 * k + 4, &b, 4);
            memcpy(name + 16 * k + 8, &c, 4); memcpy(name + 16 * k + 12, &d, 4);
        }
}

/* the names of every named tuple in t (its code carries only their 64-bit hash): the key holds their text */
static void put_names(blake2b_state *h, const Type *t) {
    if (!t || !(t->kind == T_TUPLE || t->kind == T_LIST || t->kind == T_SET || t->kind == T_DICT)) return;
    if (t->kind == T_TUPLE && t->names) {
        put_str(h, t->names->name);
        for (int i = 0; i < t->names->n; i++) put_str(h, t->names->fields[i]);
    }
    for (int i = 0; i < (t->kind == T_TUPLE || t->kind == T_DICT ? t->n : 1); i++) put_names(h, t->elems[i]);
}

static void put_type(blake2b_state *h, const Type *t) {
    uint32_t codes[SIG_MAX + 2];
    uint32_t n = t ? jit_sig_encode(t, codes, 0) : 0;
    if (n > SIG_MAX) n = 0;
    put_u32(h, n);
    put(h, codes, 4 * n);
    put_u32(h, t ? (uint32_t)t->kind : UINT32_MAX);
    if (t && t->kind == T_STR && t->text) put_str(h, t->text); /* a literal's text, a print's or a format's texts */
    if (t && t->kind == T_FORMAT) for (int i = 0; i < t->n; i++) put_type(h, t->elems[i]);
    put_names(h, t);
}

/* s and the specs it calls, transitively, in a fixed order (depth first) */
int jit_cache_specs(Spec *s, Spec **list, int cap) {
    int n = 0;
    list[n++] = s;
    for (int i = 0; i < n; i++) {
        Func *f = list[i]->u.ir;
        for (uint32_t k = 0; f && k < f->callees.n; k++) {
            Spec *c = jit_spec_of(f->callees.v[k]);
            int j = 0;
            while (j < n && list[j] != c) j++;
            if (j < n) continue;
            if (n == cap) return -1;
            list[n++] = c;
        }
    }
    return n;
}

static int spec_index(Spec **list, int n, const Spec *s) {
    for (int i = 0; i < n; i++) if (list[i] == s) return i;
    return -1;
}

static void put_func(blake2b_state *h, Func *f, Spec **list, int nlist) {
    put_u32(h, f->argty.n);
    for (uint32_t i = 0; i < f->argty.n; i++) put_type(h, f->argty.v[i]);
    put_u32(h, f->nargfix); /* static values are constants in the IR already; fixed lengths are read by tier 2 itself */
    for (uint32_t i = 0; i < f->nargfix; i++) {
        put_u32(h, f->argfix[i].axes);
        for (int k = 0; k < KILN_MAXDIM; k++) if (f->argfix[i].axes >> k & 1) put_i64(h, f->argfix[i].dim[k]);
    }
    put_type(h, f->ret);
    put_u32(h, f->blocks.n);
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        put_u32(h, b->dead);
        if (b->dead) continue;
        put_u32(h, b->ins.n);
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ref r = b->ins.v[k];
            Ins *in = &f->ins.v[r];
            put_u32(h, r);
            put_u32(h, (uint32_t)in->op);
            put_u32(h, in->flags);
            put_u32(h, in->line);
            put_type(h, in->ty);
            if (in->op == OP_CALL) put_i64(h, spec_index(list, nlist, jit_spec_of(f->callees.v[in->aux])));
            else put_i64(h, in->aux);
            if (in->op == OP_CONST) { /* the bytes the constant's type uses: the rest of the union is not set */
                Scalar *c = &f->cst.v[in->aux];
                put(h, c, 8);
                if (in->ty && in->ty->kind == T_SCALAR && dt_is_complex(in->ty->dtype)) put(h, (const char *)c + 8, 8);
            }
            put_u32(h, in->n);
            for (uint32_t j = 0; j < in->n; j++) put_u32(h, ir_arg(f, r, j));
        }
        put_u32(h, b->term);
        put_u32(h, b->nsucc);
        put_u32(h, b->line);
        if (b->term == TERM_BR) put_u32(h, b->cond);
        for (int s = 0; s < b->nsucc; s++) {
            put_u32(h, b->succ[s].to);
            put_u32(h, b->succ[s].args.n);
            for (uint32_t k = 0; k < b->succ[s].args.n; k++) put_u32(h, b->succ[s].args.v[k]);
        }
        put_u32(h, b->rets.n);
        for (uint32_t k = 0; k < b->rets.n; k++) put_u32(h, b->rets.v[k]);
        if (b->term == TERM_RAISE) {
            put_str(h, f->strs.v[b->ename]);
            put_str(h, b->emsg >= 0 ? f->strs.v[b->emsg] : NULL);
        }
    }
}

/* The part of every key that is the same for the whole process: the build, the tier library and the
 * CPU. Hashed once: CPUID traps to the hypervisor in a VM (tens of microseconds a leaf), and this
 * used to cost a first call a few hundred microseconds. */
static uint8_t machine[CACHE_KEY_BYTES];
static pthread_once_t machine_once = PTHREAD_ONCE_INIT;

static void machine_key(void) {
    blake2b_state h;
    blake2b_init(&h, CACHE_KEY_BYTES);
    put_u32(&h, CACHE_KEY_FORMAT);
    put_str(&h, KILN_VERSION);
    put_str(&h, KILN_BUILD_ID);
    put_str(&h, KILN_LLVM_VERSION);
    char lib[4200];
    jit_llvm_lib_identity(lib, sizeof lib);
    put_str(&h, lib);
    put_str(&h, getenv("KILN_LLVM_CODEGEN"));
    put_str(&h, getenv("KILN_LLVM_PIPELINE"));
    put_str(&h, "x86_64-linux");
    uint32_t cpu[16];
    char name[49];
    jit_cache_cpu(cpu, name);
    put(&h, cpu, sizeof cpu);
    put_str(&h, name);
    blake2b_final(&h, machine, CACHE_KEY_BYTES);
}

void jit_cache_machine(void) { pthread_once(&machine_once, machine_key); }

int jit_cache_key(kiln_ctx *ctx, Spec *s, int32_t header, uint8_t key[CACHE_KEY_BYTES]) {
    Spec *list[JIT_CACHE_SPECS];
    int n = jit_cache_specs(s, list, JIT_CACHE_SPECS);
    if (n < 0) return -1;
    pthread_once(&machine_once, machine_key);
    blake2b_state h;
    blake2b_init(&h, CACHE_KEY_BYTES);
    put_str(&h, "kiln disk cache key");
    put(&h, machine, CACHE_KEY_BYTES);
    put_u32(&h, (uint32_t)ctx->opt.opt_level);
    put_u32(&h, (uint32_t)ctx->opt.fastmath);
    put_u32(&h, (uint32_t)ctx->opt.boundscheck);
    put_i64(&h, ctx->tune[TUNE_MAX_RECURSION]);
    put_i64(&h, ctx->tune[TUNE_FRAME_STACK_BYTES]);
    put_i64(&h, header);
    put_u32(&h, (uint32_t)n);
    for (int i = 0; i < n; i++) {
        put_u32(&h, list[i]->ncodes);
        put(&h, list[i]->codes, 4 * list[i]->ncodes);
        put_str(&h, list[i]->fn->name);
        if (!list[i]->u.ir) return -1;
        put_func(&h, list[i]->u.ir, list, n);
    }
    blake2b_final(&h, key, CACHE_KEY_BYTES);
    return 0;
}

int jit_cache_key_gpu(kiln_ctx *ctx, Spec *s, const char *target, uint8_t key[CACHE_KEY_BYTES]) {
    uint8_t cpu[CACHE_KEY_BYTES];
    if (jit_cache_key(ctx, s, -1, cpu)) return -1;
    blake2b_state h;
    blake2b_init(&h, CACHE_KEY_BYTES);
    put_str(&h, "kiln CUDA kernel");
    put(&h, cpu, CACHE_KEY_BYTES);
    put_str(&h, target);
    blake2b_final(&h, key, CACHE_KEY_BYTES);
    return 0;
}

void jit_cache_hex(const uint8_t key[CACHE_KEY_BYTES], char hex[2 * CACHE_KEY_BYTES + 1]) {
    static const char dig[] = "0123456789abcdef";
    for (int i = 0; i < CACHE_KEY_BYTES; i++) { hex[2 * i] = dig[key[i] >> 4]; hex[2 * i + 1] = dig[key[i] & 15]; }
    hex[2 * CACHE_KEY_BYTES] = 0;
}
