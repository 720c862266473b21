/*
 * interp.c — tier 0: the reference interpreter.
 *
 * The typed IR is lowered once per specialization into a register-machine
 * code: each instruction names its handler (direct threading with computed
 * goto), a destination slot and operand slots in a flat frame of 8-byte
 * slots. Constants live in the frame from a template, hot scalar ops
 * (int64/float64/float32 arithmetic, compares fused with branches, 1-D and
 * 2-D loads and stores) have their own handlers, and every other scalar op
 * runs through rt/eval.c, the same code the constant folder uses.
 * Block arguments become parallel moves on their edges.
 */
#include "frame.h"
#include "../rt/eval.h"
#include "../ir/mathfn.h"
#include <stdio.h>
#include <stdlib.h>

#define VM_OPS(X) \
    X(MOV) X(MOV2) X(MOVN) \
    X(ADD_I) X(SUB_I) X(MUL_I) X(AND_I) X(OR_I) X(XOR_I) X(NEG_I) X(NOT_B) X(WRAP) \
    X(ADD_F) X(SUB_F) X(MUL_F) X(DIV_F) X(NEG_F) \
    X(ADD_S) X(SUB_S) X(MUL_S) X(DIV_S) X(NEG_S) \
    X(EQ_I) X(NE_I) X(LT_I) X(LE_I) X(GT_I) X(GE_I) \
    X(EQ_F) X(NE_F) X(LT_F) X(LE_F) X(GT_F) X(GE_F) \
    X(EQ_S) X(NE_S) X(LT_S) X(LE_S) X(GT_S) X(GE_S) \
    X(BEQ_I) X(BNE_I) X(BLT_I) X(BLE_I) X(BGT_I) X(BGE_I) \
    X(BEQ_F) X(BNE_F) X(BLT_F) X(BLE_F) X(BGT_F) X(BGE_F) \
    X(I2F) X(F2S) X(S2F) X(GENERIC) X(SELECT) \
    X(BOUND) X(BOUND_NW) X(BOUND_NC) \
    X(LD1_F64) X(LD1_F32) X(LD1_I64) X(LD1_I32) X(LD1_GEN) X(LD2_F64) X(LD2_F32) X(LDN) \
    X(ST1_F64) X(ST1_F32) X(ST1_I64) X(ST1_GEN) X(ST2_F64) X(ST2_F32) X(STN) \
    X(VIEW) X(MKVIEW) X(LIB) X(ALLOC) X(FILL) X(ACOPY) X(CALL) X(LVIEW) X(FRAME) \
    X(JMP) X(JT) X(JF) X(RET) X(RAISE) X(RERAISE) X(VLOOP)

enum {
#define X(n) V_##n,
    VM_OPS(X)
#undef X
    V_COUNT
};

static const char *vm_names[] = {
#define X(n) #n,
    VM_OPS(X)
#undef X
};

typedef struct VI {
    const void *h;
    int32_t d, a, b, c;
    int64_t imm;     /* jump target, dtype, or pointer to an Extra */
} VI;

static int vm_exec(const Code *c, Slot *s, Slot *ret, Run *run, const void *const **labels_out);

/* ---- chunked loops ----
 * The innermost loop of a fused elementwise nest (Block.independent: its iterations write distinct
 * elements and carry nothing but the index) runs op-major, like numexpr: each VM instruction of the
 * body for CHUNK iterations at once, over per-lane copies of the values the body defines, so the
 * dispatch is paid per chunk instead of per element. Only bodies of straight-line instructions that
 * cannot raise qualify; anything else, and short trip counts, run the ordinary scalar code. The
 * results are the scalar code's bit for bit: every lane does the same operations in the same order. */
enum { CHUNK = 256, VMIN = 16 };

typedef struct VLoop {
    uint32_t body, end;      /* the body's instructions [body, end), the index increment left out */
    int32_t iv, n;           /* the index's slot and the bound's */
    uint32_t nlane;          /* values with per-lane copies */
    int16_t *lane;           /* per slot: its lane copy, or -1 (loop-invariant: read from the frame) */
    const struct VI *code;
    const uint16_t *vop;
} VLoop;

static int vloop_run(const VLoop *v, Slot *s);

static int raise_at(Run *run, const Code *c, const VI *pc, RtErr e) {
    return run_raise(run, e, (int)c->lines[pc - c->code], c->file);
}

#define LINE ((int)c->lines[pc - c->code])
#define EXTRA ((const Extra *)(intptr_t)pc->imm)

int fr_exec_interp(const Code *c, Slot *frame, Slot *ret, Run *run) { return vm_exec(c, frame, ret, run, NULL); }

/* ---- the machine ---- */

#define NEXT goto *(++pc)->h
/* a backward jump is a loop's back edge: the place to notice kiln_interrupt */
#define JUMP(t) do { \
        uint32_t to_ = (uint32_t)(t); \
        if (UNLIKELY(to_ <= (uint32_t)(pc - c->code)) && UNLIKELY(run_interrupted(run))) /* at the loop's line, as tiers 1 and 2 */ \
            return raise_at(run, c, &c->code[to_], RE_INTERRUPT); \
        pc = &c->code[to_]; goto *pc->h; \
    } while (0)
#define S(k) s[pc->k]
#define FAIL(e) do { (void)(e); goto fail; } while (0)

static int vm_exec(const Code *c, Slot *s, Slot *ret, Run *run, const void *const **labels_out) {
    static const void *const labels[] = {
#define X(n) &&L_##n,
        VM_OPS(X)
#undef X
    };
    if (labels_out) { *labels_out = labels; return 0; }
    const VI *pc = c->code;
    goto *pc->h;
L_MOV: S(d) = S(a); NEXT;
L_MOV2: s[pc->d] = s[pc->a]; s[pc->d + 1] = s[pc->a + 1]; NEXT;
L_MOVN: memmove(&S(d), &S(a), sizeof(Slot) * (size_t)pc->b); NEXT;
L_ADD_I: S(d).i = (int64_t)((uint64_t)S(a).i + (uint64_t)S(b).i); NEXT;
L_SUB_I: S(d).i = (int64_t)((uint64_t)S(a).i - (uint64_t)S(b).i); NEXT;
L_MUL_I: S(d).i = (int64_t)((uint64_t)S(a).i * (uint64_t)S(b).i); NEXT;
L_AND_I: S(d).i = S(a).i & S(b).i; NEXT;
L_OR_I: S(d).i = S(a).i | S(b).i; NEXT;
L_XOR_I: S(d).i = S(a).i ^ S(b).i; NEXT;
L_NEG_I: S(d).i = (int64_t)(0 - (uint64_t)S(a).i); NEXT;
L_NOT_B: S(d).i = !S(a).i; NEXT;
L_WRAP: S(d).i = rt_wrap(S(a).i, (int)pc->imm); NEXT;
L_ADD_F: S(d).f = S(a).f + S(b).f; NEXT;
L_SUB_F: S(d).f = S(a).f - S(b).f; NEXT;
L_MUL_F: S(d).f = S(a).f * S(b).f; NEXT;
L_DIV_F:
    if (UNLIKELY(S(b).f == 0) && !(pc->imm & INS_NUMPY)) FAIL(raise_at(run, c, pc, pc->imm & DIV_INTS ? RE_ZDIV : RE_ZDIV_FLOAT));
    S(d).f = S(a).f / S(b).f; NEXT;
L_NEG_F: S(d).f = -S(a).f; NEXT;
L_ADD_S: S(d).f32 = S(a).f32 + S(b).f32; NEXT;
L_SUB_S: S(d).f32 = S(a).f32 - S(b).f32; NEXT;
L_MUL_S: S(d).f32 = S(a).f32 * S(b).f32; NEXT;
L_DIV_S:
    if (UNLIKELY(S(b).f32 == 0) && !(pc->imm & INS_NUMPY)) FAIL(raise_at(run, c, pc, RE_ZDIV_FLOAT));
    S(d).f32 = S(a).f32 / S(b).f32; NEXT;
L_NEG_S: S(d).f32 = -S(a).f32; NEXT;
#define CMPS(sfx, fld) \
    L_EQ_##sfx: S(d).i = S(a).fld == S(b).fld; NEXT; \
    L_NE_##sfx: S(d).i = S(a).fld != S(b).fld; NEXT; \
    L_LT_##sfx: S(d).i = S(a).fld < S(b).fld; NEXT; \
    L_LE_##sfx: S(d).i = S(a).fld <= S(b).fld; NEXT; \
    L_GT_##sfx: S(d).i = S(a).fld > S(b).fld; NEXT; \
    L_GE_##sfx: S(d).i = S(a).fld >= S(b).fld; NEXT;
    CMPS(I, i) CMPS(F, f) CMPS(S, f32)
#define BCMPS(sfx, fld) \
    L_BEQ_##sfx: if (S(a).fld == S(b).fld) JUMP(pc->imm); NEXT; \
    L_BNE_##sfx: if (S(a).fld != S(b).fld) JUMP(pc->imm); NEXT; \
    L_BLT_##sfx: if (S(a).fld < S(b).fld) JUMP(pc->imm); NEXT; \
    L_BLE_##sfx: if (S(a).fld <= S(b).fld) JUMP(pc->imm); NEXT; \
    L_BGT_##sfx: if (S(a).fld > S(b).fld) JUMP(pc->imm); NEXT; \
    L_BGE_##sfx: if (S(a).fld >= S(b).fld) JUMP(pc->imm); NEXT;
    BCMPS(I, i) BCMPS(F, f)
L_I2F: S(d).f = (double)S(a).i; NEXT;
L_F2S: S(d).f32 = (float)S(a).f; NEXT;
L_S2F: S(d).f = (double)S(a).f32; NEXT;
L_GENERIC: { RtErr e = fr_generic(s, pc->d, EXTRA); if (UNLIKELY(e)) FAIL(raise_at(run, c, pc, e)); NEXT; }
L_SELECT: /* one slot (what if-conversion makes: opt/select.c) without a call to memmove */
    if (pc->imm == 1) S(d) = S(a).i ? S(b) : S(c);
    else memmove(&S(d), S(a).i ? &S(b) : &S(c), sizeof(Slot) * (size_t)pc->imm);
    NEXT;
L_BOUND: {
    int64_t i = S(b).i, n = s[pc->a + 1 + pc->c].i;
    int64_t j = i < 0 ? i + n : i;
    if (UNLIKELY((uint64_t)j >= (uint64_t)n)) FAIL(fr_index_error(run, LINE, c->file, i, pc->c, n));
    S(d).i = j;
    NEXT;
}
L_BOUND_NW: {
    int64_t i = S(b).i, n = s[pc->a + 1 + pc->c].i;
    if (UNLIKELY((uint64_t)i >= (uint64_t)n)) FAIL(fr_index_error(run, LINE, c->file, i, pc->c, n));
    S(d).i = i;
    NEXT;
}
L_BOUND_NC: {
    int64_t i = S(b).i;
    S(d).i = i < 0 ? i + s[pc->a + 1 + pc->c].i : i;
    NEXT;
}
#define LD1(p) ((char *)S(a).p + S(b).i * s[pc->a + 2].i)
#define LD2(p) ((char *)S(a).p + S(b).i * s[pc->a + 3].i + S(c).i * s[pc->a + 4].i)
L_LD1_F64: memcpy(&S(d).f, LD1(p), 8); NEXT;
L_LD1_F32: memcpy(&S(d).f32, LD1(p), 4); NEXT;
L_LD1_I64: memcpy(&S(d).i, LD1(p), 8); NEXT;
L_LD1_I32: { int32_t v; memcpy(&v, LD1(p), 4); S(d).i = v; NEXT; }
L_LD1_GEN: {
    const char *p = LD1(p);
    if (pc->imm == KILN_COMPLEX128) memcpy(&S(d), p, 16);
    else S(d) = rt_load_elem(p, (int)pc->imm);
    NEXT;
}
L_LD2_F64: memcpy(&S(d).f, LD2(p), 8); NEXT;
L_LD2_F32: memcpy(&S(d).f32, LD2(p), 4); NEXT;
L_LDN: fr_ldn(s, pc->d, pc->a, EXTRA); NEXT;
#define ST1(p) ((char *)s[pc->d].p + S(b).i * s[pc->d + 2].i)
#define ST2(p) ((char *)s[pc->d].p + S(b).i * s[pc->d + 3].i + S(c).i * s[pc->d + 4].i)
L_ST1_F64: memcpy(ST1(p), &S(a).f, 8); NEXT;
L_ST1_F32: memcpy(ST1(p), &S(a).f32, 4); NEXT;
L_ST1_I64: memcpy(ST1(p), &S(a).i, 8); NEXT;
L_ST1_GEN: rt_store_elem(ST1(p), (int)pc->imm, &S(a)); NEXT;
L_ST2_F64: memcpy(ST2(p), &S(a).f, 8); NEXT;
L_ST2_F32: memcpy(ST2(p), &S(a).f32, 4); NEXT;
L_STN: fr_stn(s, pc->d, pc->a, EXTRA); NEXT;
L_VIEW: fr_view(s, pc->d, pc->a, EXTRA); NEXT;
L_MKVIEW: fr_mkview(s, pc->d, pc->a, EXTRA); NEXT;
L_LIB: if (fr_lib(run, s, pc->d, pc->a, EXTRA, LINE, c->file)) FAIL(0); NEXT;
L_ALLOC: if (fr_alloc(run, s, pc->d, EXTRA, LINE, c->file)) FAIL(0); NEXT;
L_FILL: fr_fill(s, pc->d, pc->a, EXTRA); NEXT;
L_ACOPY: if (fr_acopy(run, s, pc->d, pc->a, EXTRA, LINE, c->file)) FAIL(0); NEXT;
L_LVIEW: memcpy(&S(d), S(a).p, 3 * sizeof(Slot)); NEXT; /* an RtList starts with its view */
L_CALL: if (fr_call(run, s, pc->d, EXTRA, LINE, c->file)) FAIL(0); NEXT;
L_FRAME: /* a call opt/inline.c inlined: the depth fr_invoke would have checked */
    if (run->depth + 1 + pc->imm > run->tune[TUNE_MAX_RECURSION]) { raise_at(run, c, pc, RE_RECURSION); FAIL(0); }
    NEXT;
L_JMP: JUMP(pc->imm);
L_JT: if (S(a).i) JUMP(pc->imm); NEXT;
L_JF: if (!S(a).i) JUMP(pc->imm); NEXT;
L_RET: {
    const Extra *x = (const Extra *)(intptr_t)pc->imm;
    Slot *o = ret;
    for (int k = 0; k < x->n; k++) {
        const Slot *from = &s[x->slot[2 * k]];
        for (int32_t j = 0; j < x->slot[2 * k + 1]; j++) *o++ = from[j];
    }
    return 0;
}
L_VLOOP: { /* an independent loop's header: the body op by op over chunks, or one scalar iteration */
    const VLoop *v = (const VLoop *)(intptr_t)pc->imm;
    if (S(a).i < S(b).i) {
        if (vloop_run(v, s)) JUMP(v->body);
    }
    NEXT;
}
L_RAISE:
    raise_at(run, c, pc, RE_RAISE);
    run->ename = c->strs[pc->a];
    snprintf(run->msg, sizeof run->msg, "%s", c->strs[pc->b]);
    if (pc->c) NEXT; /* in a try body: on to its handlers (the edge's moves and jump follow) */
    return -1;
L_RERAISE:
    return -1;
fail: { /* a raise: where a try statement's body raised, on at its landing */
    uint32_t at = (uint32_t)(pc - c->code);
    for (uint32_t k = 0; k < c->ncatch; k++)
        if (at >= c->catch_[3 * k] && at < c->catch_[3 * k + 1]) { pc = &c->code[c->catch_[3 * k + 2]]; goto *pc->h; }
    return -1;
}
}

/* ---- chunked loops: running one ---- */

typedef struct Lanes { const VLoop *v; Slot *s, *buf; int n; } Lanes;

/* operand slot k: its lane copies (step 1) or the frame's one value (step 0) */
static inline Slot *op_at(const Lanes *z, int32_t k, int *step) {
    int16_t i = z->v->lane[k];
    if (i < 0) { *step = 0; return &z->s[k]; }
    *step = 1;
    return z->buf + (size_t)i * CHUNK;
}

#define LANES(body)                                                                                        \
    do {                                                                                                   \
        int sa_, sb_, sc_;                                                                                 \
        Slot *A = op_at(z, vi->a, &sa_), *B = op_at(z, vi->b, &sb_), *C = op_at(z, vi->c, &sc_);           \
        Slot *D = z->buf + (size_t)z->v->lane[vi->d] * CHUNK;                                              \
        (void)A; (void)B; (void)C; (void)D;                                                                \
        for (int l = 0; l < z->n; l++) { body; }                                                           \
    } while (0)
#define AL A[l * sa_]
#define BL B[l * sb_]
#define CL C[l * sc_]

/* one instruction for every lane; the opcodes are the ones vloop_ok admits */
static void lane_op(const Lanes *z, const VI *vi, int op) {
    switch (op) {
    case V_MOV: LANES(D[l] = AL); return;
    case V_ADD_I: LANES(D[l].i = (int64_t)((uint64_t)AL.i + (uint64_t)BL.i)); return;
    case V_SUB_I: LANES(D[l].i = (int64_t)((uint64_t)AL.i - (uint64_t)BL.i)); return;
    case V_MUL_I: LANES(D[l].i = (int64_t)((uint64_t)AL.i * (uint64_t)BL.i)); return;
    case V_AND_I: LANES(D[l].i = AL.i & BL.i); return;
    case V_OR_I: LANES(D[l].i = AL.i | BL.i); return;
    case V_XOR_I: LANES(D[l].i = AL.i ^ BL.i); return;
    case V_NEG_I: LANES(D[l].i = (int64_t)(0 - (uint64_t)AL.i)); return;
    case V_NOT_B: LANES(D[l].i = !AL.i); return;
    case V_WRAP: LANES(D[l].i = rt_wrap(AL.i, (int)vi->imm)); return;
    case V_ADD_F: LANES(D[l].f = AL.f + BL.f); return;
    case V_SUB_F: LANES(D[l].f = AL.f - BL.f); return;
    case V_MUL_F: LANES(D[l].f = AL.f * BL.f); return;
    case V_DIV_F: LANES(D[l].f = AL.f / BL.f); return;
    case V_NEG_F: LANES(D[l].f = -AL.f); return;
    case V_ADD_S: LANES(D[l].f32 = AL.f32 + BL.f32); return;
    case V_SUB_S: LANES(D[l].f32 = AL.f32 - BL.f32); return;
    case V_MUL_S: LANES(D[l].f32 = AL.f32 * BL.f32); return;
    case V_DIV_S: LANES(D[l].f32 = AL.f32 / BL.f32); return;
    case V_NEG_S: LANES(D[l].f32 = -AL.f32); return;
#define VCMP(sfx, fld)                                                                                     \
    case V_EQ_##sfx: LANES(D[l].i = AL.fld == BL.fld); return;                                             \
    case V_NE_##sfx: LANES(D[l].i = AL.fld != BL.fld); return;                                             \
    case V_LT_##sfx: LANES(D[l].i = AL.fld < BL.fld); return;                                              \
    case V_LE_##sfx: LANES(D[l].i = AL.fld <= BL.fld); return;                                             \
    case V_GT_##sfx: LANES(D[l].i = AL.fld > BL.fld); return;                                              \
    case V_GE_##sfx: LANES(D[l].i = AL.fld >= BL.fld); return;
    VCMP(I, i) VCMP(F, f) VCMP(S, f32)
#undef VCMP
    case V_I2F: LANES(D[l].f = (double)AL.i); return;
    case V_F2S: LANES(D[l].f32 = (float)AL.f); return;
    case V_S2F: LANES(D[l].f = (double)AL.f32); return;
    case V_SELECT: LANES(D[l] = AL.i ? BL : CL); return; /* one-slot values only (vloop_ok) */
    case V_GENERIC: {
        const Extra *x = (const Extra *)(intptr_t)vi->imm;
        Slot *D = z->buf + (size_t)z->v->lane[vi->d] * CHUNK, *in[8];
        int st[8];
        Slot *base[8];
        for (int k = 0; k < x->n; k++) base[k] = op_at(z, x->slot[k], &st[k]);
        for (int l = 0; l < z->n; l++) {
            for (int k = 0; k < x->n; k++) in[k] = base[k] + l * st[k];
            (void)ev_op(x->op, x->flags, x->aux, x->rt, x->at, in, x->n, &D[l]);
        }
        return;
    }
    }
    /* loads and stores: the array descriptor is loop-invariant (vloop_ok) */
    const Slot *s = z->s;
    switch (op) {
#define LD1L(p) ((char *)s[vi->a].p + BL.i * s[vi->a + 2].i)
#define LD2L(p) ((char *)s[vi->a].p + BL.i * s[vi->a + 3].i + CL.i * s[vi->a + 4].i)
#define ST1L(p) ((char *)s[vi->d].p + BL.i * s[vi->d + 2].i)
#define ST2L(p) ((char *)s[vi->d].p + BL.i * s[vi->d + 3].i + CL.i * s[vi->d + 4].i)
    case V_LD1_F64: LANES(memcpy(&D[l].f, LD1L(p), 8)); return;
    case V_LD1_F32: LANES(memcpy(&D[l].f32, LD1L(p), 4)); return;
    case V_LD1_I64: LANES(memcpy(&D[l].i, LD1L(p), 8)); return;
    case V_LD1_I32: LANES(int32_t t; memcpy(&t, LD1L(p), 4); D[l].i = t); return;
    case V_LD1_GEN: LANES(D[l] = rt_load_elem(LD1L(p), (int)vi->imm)); return; /* not complex128 (vloop_ok) */
    case V_LD2_F64: LANES(memcpy(&D[l].f, LD2L(p), 8)); return;
    case V_LD2_F32: LANES(memcpy(&D[l].f32, LD2L(p), 4)); return;
    }
    /* stores write no lane copy: their d is the array */
    int sa, sb, sc;
    Slot *A = op_at(z, vi->a, &sa), *B = op_at(z, vi->b, &sb), *C = op_at(z, vi->c, &sc);
    for (int l = 0; l < z->n; l++) {
        const Slot a = A[l * sa], b = B[l * sb], cc = C[l * sc];
        (void)cc;
        switch (op) {
        case V_ST1_F64: memcpy((char *)s[vi->d].p + b.i * s[vi->d + 2].i, &a.f, 8); break;
        case V_ST1_F32: memcpy((char *)s[vi->d].p + b.i * s[vi->d + 2].i, &a.f32, 4); break;
        case V_ST1_I64: memcpy((char *)s[vi->d].p + b.i * s[vi->d + 2].i, &a.i, 8); break;
        case V_ST1_GEN: rt_store_elem((char *)s[vi->d].p + b.i * s[vi->d + 2].i, (int)vi->imm, &a); break;
        case V_ST2_F64: memcpy((char *)s[vi->d].p + b.i * s[vi->d + 3].i + cc.i * s[vi->d + 4].i, &a.f, 8); break;
        case V_ST2_F32: memcpy((char *)s[vi->d].p + b.i * s[vi->d + 3].i + cc.i * s[vi->d + 4].i, &a.f32, 4); break;
        }
    }
#undef LD1L
#undef LD2L
#undef ST1L
#undef ST2L
}

/* the whole remaining loop in chunks; 1 when it declines (few iterations, no memory): run scalar */
static int vloop_run(const VLoop *v, Slot *s) {
    int64_t i0 = s[v->iv].i, n = s[v->n].i;
    if (n - i0 < VMIN) return 1;
    Slot *buf = malloc(sizeof(Slot) * CHUNK * v->nlane);
    if (!buf) return 1;
    Slot *ivl = buf + (size_t)v->lane[v->iv] * CHUNK;
    for (int64_t base = i0; base < n; base += CHUNK) {
        Lanes z = {v, s, buf, (int)(n - base < CHUNK ? n - base : CHUNK)};
        for (int l = 0; l < z.n; l++) ivl[l].i = base + l;
        for (uint32_t k = v->body; k < v->end; k++) lane_op(&z, &v->code[k], v->vop[k]);
    }
    free(buf);
    s[v->iv].i = n; /* where the scalar loop leaves its index */
    return 0;
}

/* ---- lowering IR to VM code ---- */

typedef struct Low {
    Func *f;
    Arena *a;
    const void *const *labels;
    VEC(VI) code;
    VEC(uint16_t) vop;
    VEC(uint32_t) lines;
    int32_t *slot;          /* per Ref */
    uint32_t *uses;         /* per Ref */
    uint32_t nslots;
    uint32_t *blk_pc;       /* VI index of each block */
    VEC(uint32_t) fix;      /* VI indices whose imm is a block id to patch */
    VEC(uint32_t) heads;    /* VI indices of independent loops' headers (Block.independent) */
    VEC(uint32_t) catch_;   /* Code.catch_'s triples */
    uint32_t last_pc;       /* the code of the block being lowered: where its last instruction starts */
    uint32_t line;
} Low;

static bool emit(Low *L, int op, int32_t d, int32_t a, int32_t b, int32_t c, int64_t imm) {
    VI v = {L->labels[op], d, a, b, c, imm};
    return vec_push(L->a, L->code, v) && vec_push(L->a, L->vop, (uint16_t)op) && vec_push(L->a, L->lines, L->line);
}

static Extra *extra(Low *L, int n) {
    Extra *x = arena_alloc(L->a, sizeof(Extra) + sizeof(int32_t) * (size_t)(n > 0 ? n : 1));
    if (x) x->n = n;
    return x;
}

static int cls_of(const Type *t) {
    switch (t->dtype) {
    case KILN_FLOAT64: return 'F';
    case KILN_FLOAT32: return 'S';
    case KILN_UINT64: return 'U';
    case KILN_COMPLEX64: case KILN_COMPLEX128: return 'C';
    default: return 'I';
    }
}

static bool narrow(const Type *t) {
    return t && t->kind == T_SCALAR && dt_is_int(t->dtype) && t->dtype != KILN_INT64 && t->dtype != KILN_UINT64;
}

static bool emit_generic(Low *L, Ref r) {
    Func *f = L->f;
    Ins *in = &f->ins.v[r];
    Extra *x = extra(L, (int)in->n);
    if (!x) return false;
    x->op = in->op; x->flags = in->flags; x->aux = in->aux; x->rt = in->ty;
    x->at = in->n ? f->ins.v[ir_arg(f, r, 0)].ty : in->ty;
    if (in->op == OP_SELECT) x->at = in->ty;
    for (uint32_t k = 0; k < in->n; k++) x->slot[k] = L->slot[ir_arg(f, r, k)];
    return emit(L, V_GENERIC, L->slot[r], 0, 0, 0, (int64_t)(intptr_t)x);
}

static int cmp_index(int op) { return op - OP_EQ; } /* EQ NE LT LE GT GE */

static bool lower_scalar(Low *L, Ref r) {
    Func *f = L->f;
    Ins *in = &f->ins.v[r];
    int d = L->slot[r];
    int a = in->n > 0 ? L->slot[ir_arg(f, r, 0)] : 0, b = in->n > 1 ? L->slot[ir_arg(f, r, 1)] : 0;
    const Type *at = in->n ? f->ins.v[ir_arg(f, r, 0)].ty : in->ty;
    int k = at->kind == T_SCALAR ? cls_of(at) : 0;
    bool ok;
    switch (in->op) {
    case OP_ADD: case OP_SUB: case OP_MUL:
        if (k == 'I' || k == 'U') { ok = emit(L, in->op == OP_ADD ? V_ADD_I : in->op == OP_SUB ? V_SUB_I : V_MUL_I, d, a, b, 0, 0); break; }
        if (k == 'F') { ok = emit(L, in->op == OP_ADD ? V_ADD_F : in->op == OP_SUB ? V_SUB_F : V_MUL_F, d, a, b, 0, 0); break; }
        if (k == 'S') { ok = emit(L, in->op == OP_ADD ? V_ADD_S : in->op == OP_SUB ? V_SUB_S : V_MUL_S, d, a, b, 0, 0); break; }
        return emit_generic(L, r);
    case OP_DIV:
        if (k == 'F') { ok = emit(L, V_DIV_F, d, a, b, 0, in->flags & (DIV_INTS | INS_NUMPY)); break; }
        if (k == 'S') { ok = emit(L, V_DIV_S, d, a, b, 0, in->flags & INS_NUMPY); break; }
        return emit_generic(L, r);
    case OP_NEG:
        if (k == 'I' || k == 'U') { ok = emit(L, V_NEG_I, d, a, 0, 0, 0); break; }
        if (k == 'F') { ok = emit(L, V_NEG_F, d, a, 0, 0, 0); break; }
        if (k == 'S') { ok = emit(L, V_NEG_S, d, a, 0, 0, 0); break; }
        return emit_generic(L, r);
    case OP_AND: case OP_OR: case OP_XOR:
        ok = emit(L, in->op == OP_AND ? V_AND_I : in->op == OP_OR ? V_OR_I : V_XOR_I, d, a, b, 0, 0);
        break;
    case OP_NOT: ok = emit(L, V_NOT_B, d, a, 0, 0, 0); break;
    case OP_EQ: case OP_NE: case OP_LT: case OP_LE: case OP_GT: case OP_GE:
        if (k == 'I') { ok = emit(L, V_EQ_I + cmp_index(in->op), d, a, b, 0, 0); break; }
        if (k == 'F') { ok = emit(L, V_EQ_F + cmp_index(in->op), d, a, b, 0, 0); break; }
        if (k == 'S') { ok = emit(L, V_EQ_S + cmp_index(in->op), d, a, b, 0, 0); break; }
        return emit_generic(L, r);
    case OP_CAST:
        if (at->kind == T_ARRAY) return emit(L, V_MOVN, d, a, slots_of(in->ty), 0, 0);
        if (at->dtype == in->ty->dtype) return emit(L, slots_of(in->ty) == 2 ? V_MOV2 : V_MOV, d, a, 0, 0, 0);
        if (k == 'I' && at->dtype != KILN_BOOL && in->ty->dtype == KILN_FLOAT64) return emit(L, V_I2F, d, a, 0, 0, 0);
        if (k == 'F' && in->ty->dtype == KILN_FLOAT32) return emit(L, V_F2S, d, a, 0, 0, 0);
        if (k == 'S' && in->ty->dtype == KILN_FLOAT64) return emit(L, V_S2F, d, a, 0, 0, 0);
        return emit_generic(L, r);
    case OP_SELECT:
        return emit(L, V_SELECT, d, a, b, L->slot[ir_arg(f, r, 2)], slots_of(in->ty));
    default:
        return emit_generic(L, r);
    }
    if (!ok) return false;
    if (narrow(in->ty)) return emit(L, V_WRAP, d, d, 0, 0, in->ty->dtype);
    return true;
}

static bool lower_array(Low *L, Ref r) {
    Func *f = L->f;
    Ins *in = &f->ins.v[r];
    int d = L->slot[r];
    Ref arr = ir_arg(f, r, in->op == OP_ALLOC ? 0 : 0);
    const Type *at = in->n ? f->ins.v[arr].ty : in->ty;
    int a = in->n ? L->slot[arr] : 0;
    switch (in->op) {
    case OP_DIM: return emit(L, V_MOV, d, a + 1 + (int)in->aux, 0, 0, 0);
    case OP_STRIDE: return emit(L, V_MOV, d, a + 1 + at->ndim + (int)in->aux, 0, 0, 0);
    case OP_DATA: return emit(L, V_MOV, d, a, 0, 0, 0);
    case OP_BOUND: {
        int op = (in->flags & BOUND_NOCHECK) ? V_BOUND_NC : (in->flags & BOUND_NOWRAP) ? V_BOUND_NW : V_BOUND;
        if ((in->flags & BOUND_NOCHECK) && (in->flags & BOUND_NOWRAP)) return emit(L, V_MOV, d, L->slot[ir_arg(f, r, 1)], 0, 0, 0);
        return emit(L, op, d, a, L->slot[ir_arg(f, r, 1)], (int32_t)in->aux, 0);
    }
    case OP_LOAD: {
        int nd = at->ndim, dt = in->ty->dtype;
        if (nd == 1) {
            int op = dt == KILN_FLOAT64 ? V_LD1_F64 : dt == KILN_FLOAT32 ? V_LD1_F32 : (dt == KILN_INT64 || dt == KILN_UINT64) ? V_LD1_I64
                   : dt == KILN_INT32 ? V_LD1_I32 : V_LD1_GEN;
            return emit(L, op, d, a, L->slot[ir_arg(f, r, 1)], 0, dt);
        }
        if (nd == 2 && (dt == KILN_FLOAT64 || dt == KILN_FLOAT32))
            return emit(L, dt == KILN_FLOAT64 ? V_LD2_F64 : V_LD2_F32, d, a, L->slot[ir_arg(f, r, 1)], L->slot[ir_arg(f, r, 2)], 0);
        Extra *x = extra(L, nd);
        if (!x) return false;
        x->at = at; x->rt = in->ty;
        for (int k = 0; k < nd; k++) x->slot[k] = L->slot[ir_arg(f, r, (uint32_t)(1 + k))];
        return emit(L, V_LDN, d, a, 0, 0, (int64_t)(intptr_t)x);
    }
    case OP_STORE: {
        int nd = at->ndim, dt = at->dtype;
        int v = L->slot[ir_arg(f, r, 1)];
        if (nd == 1) {
            int op = dt == KILN_FLOAT64 ? V_ST1_F64 : dt == KILN_FLOAT32 ? V_ST1_F32 : (dt == KILN_INT64 || dt == KILN_UINT64) ? V_ST1_I64 : V_ST1_GEN;
            return emit(L, op, a, v, L->slot[ir_arg(f, r, 2)], 0, dt);
        }
        if (nd == 2 && (dt == KILN_FLOAT64 || dt == KILN_FLOAT32))
            return emit(L, dt == KILN_FLOAT64 ? V_ST2_F64 : V_ST2_F32, a, v, L->slot[ir_arg(f, r, 2)], L->slot[ir_arg(f, r, 3)], 0);
        Extra *x = extra(L, nd);
        if (!x) return false;
        x->at = at;
        for (int k = 0; k < nd; k++) x->slot[k] = L->slot[ir_arg(f, r, (uint32_t)(2 + k))];
        return emit(L, V_STN, a, v, 0, 0, (int64_t)(intptr_t)x);
    }
    case OP_VIEW: case OP_MKVIEW: case OP_LIB: case OP_ALLOC: {
        int from = in->op != OP_ALLOC, n = (int)in->n - from;
        Extra *x = extra(L, n);
        if (!x) return false;
        x->at = at; x->rt = in->ty;
        for (int k = 0; k < n; k++) x->slot[k] = L->slot[ir_arg(f, r, (uint32_t)(k + from))];
        int vop = in->op == OP_VIEW ? V_VIEW : in->op == OP_MKVIEW ? V_MKVIEW : in->op == OP_LIB ? V_LIB : V_ALLOC;
        x->aux = in->aux;
        return emit(L, vop, d, a, 0, 0, (int64_t)(intptr_t)x);
    }
    case OP_FILL: {
        Extra *x = extra(L, 0);
        if (!x) return false;
        x->at = at;
        return emit(L, V_FILL, a, L->slot[ir_arg(f, r, 1)], 0, 0, (int64_t)(intptr_t)x);
    }
    case OP_ACOPY: {
        Extra *x = extra(L, 0);
        if (!x) return false;
        x->at = at;
        return emit(L, V_ACOPY, d, a, 0, 0, (int64_t)(intptr_t)x);
    }
    }
    return false;
}

static bool lower_call(Low *L, Ref r) {
    Func *f = L->f;
    Ins *in = &f->ins.v[r];
    Extra *x = extra(L, 2 * (int)in->n);
    if (!x) return false;
    x->n = (int)in->n;
    x->op = OP_CALL; x->flags = in->flags; x->aux = in->aux;
    x->callee = f->callees.v[in->aux];
    for (uint32_t k = 0; k < in->n; k++) {
        Ref a = ir_arg(f, r, k);
        x->slot[2 * k] = L->slot[a];
        x->slot[2 * k + 1] = slots_of(f->ins.v[a].ty);
    }
    return emit(L, V_CALL, L->slot[r], 0, 0, 0, (int64_t)(intptr_t)x);
}

static bool lower_ins(Low *L, Ref r) {
    Ins *in = &L->f->ins.v[r];
    L->line = in->line;
    switch (in->op) {
    case OP_CONST: case OP_ARG: case OP_PARAM: case OP_EXTRACT: return true;
    case OP_DIM: case OP_STRIDE: case OP_DATA: case OP_BOUND: case OP_LOAD: case OP_STORE: case OP_VIEW: case OP_MKVIEW: case OP_LIB: case OP_ALLOC:
    case OP_FILL: case OP_ACOPY:
        return lower_array(L, r);
    case OP_CALL: return lower_call(L, r);
    case OP_LVIEW: return emit(L, V_LVIEW, L->slot[r], L->slot[ir_arg(L->f, r, 0)], 0, 0, 0);
    case OP_FRAME: return emit(L, V_FRAME, 0, 0, 0, 0, in->aux);
    default:
        if (!in->ty || !ty_is_leaf(in->ty)) return true;
        return lower_scalar(L, r);
    }
}

/* ---- edges: parallel moves of block arguments ---- */

static bool emit_move(Low *L, FrMove m) {
    if (m.n == 1) return emit(L, V_MOV, m.dst, m.src, 0, 0, 0);
    if (m.n == 2) return emit(L, V_MOV2, m.dst, m.src, 0, 0, 0);
    return emit(L, V_MOVN, m.dst, m.src, m.n, 0, 0);
}

static bool edge_moves(Low *L, uint32_t from, int succ, int32_t temp) {
    FrMove mv[FR_MAX_MOVES];
    int n = fr_edge_moves(L->f, L->slot, from, succ, temp, mv);
    for (int i = 0; i < n; i++)
        if (!emit_move(L, mv[i])) return false;
    return true;
}

static bool has_moves(Low *L, uint32_t from, int succ) {
    Edge *e = &L->f->blocks.v[from].succ[succ];
    Block *to = &L->f->blocks.v[e->to];
    for (uint32_t k = 0; k < e->args.n; k++)
        if (slots_of(L->f->ins.v[to->params.v[k]].ty) && L->slot[to->params.v[k]] != L->slot[e->args.v[k]]) return true;
    return false;
}

static bool jump_to(Low *L, int op, int32_t a, int32_t b, uint32_t blk) {
    if (!emit(L, op, 0, a, b, 0, blk)) return false;
    return vec_push(L->a, L->fix, L->code.n - 1);
}

typedef struct Stub { uint32_t from; int succ; uint32_t vi; } Stub;
typedef VEC(Stub) StubVec;

static bool lower_term(Low *L, uint32_t bi, uint32_t next, int32_t temp, StubVec *stubs) {
    Func *f = L->f;
    Block *b = &f->blocks.v[bi];
    L->line = b->line;
    switch (b->term) {
    case TERM_JMP:
        if (!edge_moves(L, bi, 0, temp)) return false;
        if (b->succ[0].to == next) return true;
        return jump_to(L, V_JMP, 0, 0, b->succ[0].to);
    case TERM_BR: {
        /* branch to the true target (through a stub if it has moves), then the false one */
        Ref c = b->cond;
        Ins *ci = &f->ins.v[c];
        bool stub_t = has_moves(L, bi, 0);
        int op = V_JT;
        int32_t a = L->slot[c], bb = 0;
        const Type *ct = ci->n == 2 ? f->ins.v[ir_arg(f, c, 0)].ty : NULL;
        if (ci->op >= OP_EQ && ci->op <= OP_GE && L->uses[c] == 1 && ci->blk == bi && ct && ct->kind == T_SCALAR &&
            (cls_of(ct) == 'I' || cls_of(ct) == 'F')) {
            op = (cls_of(ct) == 'I' ? V_BEQ_I : V_BEQ_F) + cmp_index(ci->op);
            a = L->slot[ir_arg(f, c, 0)]; bb = L->slot[ir_arg(f, c, 1)];
            /* the compare was emitted already; drop it if it is the last instruction */
            if (L->code.n && L->vop.v[L->code.n - 1] == (uint16_t)((cls_of(ct) == 'I' ? V_EQ_I : V_EQ_F) + cmp_index(ci->op)) &&
                L->code.v[L->code.n - 1].d == L->slot[c]) {
                L->code.n--; L->vop.n--; L->lines.n--;
            }
        }
        if (stub_t) {
            if (!emit(L, op, 0, a, bb, 0, 0)) return false;
            Stub s = {bi, 0, L->code.n - 1};
            if (!vec_push(L->a, *stubs, s)) return false;
        } else if (!jump_to(L, op, a, bb, b->succ[0].to)) return false;
        if (!edge_moves(L, bi, 1, temp)) return false;
        if (b->succ[1].to == next) return true;
        return jump_to(L, V_JMP, 0, 0, b->succ[1].to);
    }
    case TERM_RET: {
        Extra *x = extra(L, 2 * (int)b->rets.n);
        if (!x) return false;
        x->n = (int)b->rets.n;
        for (uint32_t k = 0; k < b->rets.n; k++) {
            x->slot[2 * k] = L->slot[b->rets.v[k]];
            x->slot[2 * k + 1] = slots_of(f->ins.v[b->rets.v[k]].ty);
        }
        return emit(L, V_RET, 0, 0, 0, 0, (int64_t)(intptr_t)x);
    }
    case TERM_RAISE:
        if (!emit(L, V_RAISE, 0, b->ename, b->emsg, b->nsucc, 0)) return false;
        if (!b->nsucc) return true;
        if (!edge_moves(L, bi, 0, temp)) return false; /* a raise in a try body: on to the handlers */
        return jump_to(L, V_JMP, 0, 0, b->succ[0].to);
    case TERM_RERAISE: return emit(L, V_RERAISE, 0, 0, 0, 0, 0);
    case TERM_TRY: { /* the block's last instruction raises at the landing, a jump to the raised edge's block (no
                      * moves); the others cannot raise */
        uint32_t first = L->last_pc, end = L->code.n;
        if (!edge_moves(L, bi, 0, temp)) return false;
        if (!jump_to(L, V_JMP, 0, 0, b->succ[0].to)) return false;
        uint32_t trip[3] = {first, end, L->code.n};
        for (int k = 0; k < 3; k++)
            if (!vec_push(L->a, L->catch_, trip[k])) return false;
        return jump_to(L, V_JMP, 0, 0, b->succ[1].to);
    }
    }
    return false;
}

static void count_uses(Low *L) {
    Func *f = L->f;
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ins *in = &f->ins.v[b->ins.v[k]];
            for (uint32_t j = 0; j < in->n; j++) L->uses[f->opnd.v[in->opnd + j]]++;
        }
        if (b->term == TERM_BR) L->uses[b->cond]++;
        for (int s = 0; s < b->nsucc; s++)
            for (uint32_t k = 0; k < b->succ[s].args.n; k++) L->uses[b->succ[s].args.v[k]]++;
        for (uint32_t k = 0; k < b->rets.n; k++) L->uses[b->rets.v[k]]++;
    }
}

/* constants first (they form the frame template), then every other value */
static void assign_slots(Low *L, Code *c) {
    Func *f = L->f;
    for (int pass = 0; pass < 2; pass++)
        for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
            Block *b = &f->blocks.v[bi];
            if (b->dead) continue;
            for (uint32_t k = 0; k < b->ins.n; k++) {
                Ref r = b->ins.v[k];
                Ins *in = &f->ins.v[r];
                if ((in->op == OP_CONST) != (pass == 0) || !in->ty || in->op == OP_EXTRACT) continue;
                L->slot[r] = (int32_t)L->nslots;
                L->nslots += (uint32_t)slots_of(in->ty);
            }
            if (pass == 0) c->ninit = L->nslots;
        }
    /* a tuple-valued call's leaves alias its result slots */
    for (uint32_t r = 1; r < f->ins.n; r++) {
        Ins *in = &f->ins.v[r];
        if (in->op != OP_EXTRACT || in->blk == UINT32_MAX) continue;
        Ref call = ir_arg(f, r, 0);
        const Type *t = f->ins.v[call].ty;
        int32_t off = 0;
        int64_t leaf = 0;
        const Type *stack[TY_TUPLE_MAX]; int sp = 0;
        stack[sp++] = t;
        while (sp) {
            const Type *x = stack[--sp];
            if (x->kind == T_TUPLE) { for (int i = x->n - 1; i >= 0 && sp < TY_TUPLE_MAX; i--) stack[sp++] = x->elems[i]; continue; }
            if (!ty_is_leaf(x)) continue;
            if (leaf++ == in->aux) break;
            off += slots_of(x);
        }
        L->slot[r] = L->slot[call] + off;
    }
}

/* ---- chunked loops: finding them ---- */

/* whether instruction k may run lane by lane: straight-line, cannot raise, one-slot values */
static bool lane_ok(const Low *L, uint32_t k) {
    const VI *vi = &L->code.v[k];
    switch (L->vop.v[k]) {
    case V_MOV: case V_ADD_I: case V_SUB_I: case V_MUL_I: case V_AND_I: case V_OR_I: case V_XOR_I: case V_NEG_I:
    case V_NOT_B: case V_WRAP: case V_ADD_F: case V_SUB_F: case V_MUL_F: case V_NEG_F: case V_ADD_S: case V_SUB_S:
    case V_MUL_S: case V_NEG_S: case V_I2F: case V_F2S: case V_S2F:
    case V_EQ_I: case V_NE_I: case V_LT_I: case V_LE_I: case V_GT_I: case V_GE_I:
    case V_EQ_F: case V_NE_F: case V_LT_F: case V_LE_F: case V_GT_F: case V_GE_F:
    case V_EQ_S: case V_NE_S: case V_LT_S: case V_LE_S: case V_GT_S: case V_GE_S:
    case V_LD1_F64: case V_LD1_F32: case V_LD1_I64: case V_LD1_I32: case V_LD2_F64: case V_LD2_F32:
    case V_ST1_F64: case V_ST1_F32: case V_ST1_I64: case V_ST2_F64: case V_ST2_F32:
        return true;
    case V_DIV_F: case V_DIV_S: return (vi->imm & INS_NUMPY) != 0; /* NumPy's division never raises */
    case V_SELECT: return vi->imm == 1;
    case V_LD1_GEN: case V_ST1_GEN: return vi->imm != KILN_COMPLEX128;
    case V_GENERIC: {
        const Extra *x = (const Extra *)(intptr_t)vi->imm;
        if (x->n > 8 || !x->rt || !x->at || slots_of(x->rt) != 1 || slots_of(x->at) != 1) return false;
        return !(ir_ops[x->op].flags & F_RAISES) || (x->flags & INS_NUMPY);
    }
    default: return false;
    }
}

static bool is_store(int op) {
    return op == V_ST1_F64 || op == V_ST1_F32 || op == V_ST1_I64 || op == V_ST1_GEN || op == V_ST2_F64 || op == V_ST2_F32;
}
static bool is_load(int op) {
    return op == V_LD1_F64 || op == V_LD1_F32 || op == V_LD1_I64 || op == V_LD1_I32 || op == V_LD1_GEN || op == V_LD2_F64 ||
           op == V_LD2_F32;
}

/* the loop whose header's branch is at h, if it has the shape of an elementwise nest's innermost
 * loop (BLT i < n into the body, the body straight-line and admissible, then i = i + 1 and a jump
 * back): its header becomes a VLOOP. false only when out of memory */
static bool vectorize(Low *L, Code *c, uint32_t h) {
    VI *code = L->code.v;
    uint16_t *vop = L->vop.v;
    uint32_t n = L->code.n, j = h + 2;
    if (h + 2 >= n || vop[h] != V_BLT_I || code[h].imm != (int64_t)(h + 2) || vop[h + 1] != V_JMP) return true;
    int32_t iv = code[h].a, lim = code[h].b;
    while (j < n && lane_ok(L, j)) j++;
    if (j >= n || j < h + 4 || vop[j] != V_JMP || code[j].imm != (int64_t)h) return true;
    const VI *inc = &code[j - 2], *mv = &code[j - 1];
    if (vop[j - 2] != V_ADD_I || inc->a != iv || inc->b >= (int32_t)c->ninit || c->init[inc->b].i != 1 ||
        vop[j - 1] != V_MOV || mv->d != iv || mv->a != inc->d)
        return true;
    int16_t *lane = arena_alloc(L->a, sizeof(int16_t) * (L->nslots ? L->nslots : 1));
    if (!lane) return false;
    for (uint32_t k = 0; k < L->nslots; k++) lane[k] = -1;
    uint32_t nlane = 0;
    lane[iv] = (int16_t)nlane++;
    for (uint32_t k = h + 2; k < j - 2; k++) {
        if (is_store(vop[k])) continue;
        int32_t d = code[k].d;
        if (d == iv || d == lim || nlane >= INT16_MAX) return true;
        if (lane[d] < 0) lane[d] = (int16_t)nlane++;
    }
    /* arrays, the bound and the increment's result stay outside the body's values */
    for (uint32_t k = h + 2; k < j - 2; k++) {
        int op = vop[k];
        int32_t arr = is_store(op) ? code[k].d : is_load(op) ? code[k].a : -1;
        if (arr >= 0 && lane[arr] >= 0) return true;
        if (code[k].a == inc->d || code[k].b == inc->d || code[k].c == inc->d) return true;
    }
    if (lane[lim] >= 0) return true;
    VLoop *v = arena_alloc(L->a, sizeof *v);
    if (!v) return false;
    *v = (VLoop){h + 2, j - 2, iv, lim, nlane, lane, code, vop};
    vop[h] = V_VLOOP;
    code[h].h = L->labels[V_VLOOP];
    code[h].imm = (int64_t)(intptr_t)v;
    return true;
}

static int interp_compile(const BackEnv *env, Unit *u, kiln_error *err) {
    Func *f = u->ir;
    Low L;
    memset(&L, 0, sizeof L);
    L.f = f; L.a = &u->arena;
    vm_exec(NULL, NULL, NULL, NULL, &L.labels);
    L.slot = arena_alloc(L.a, sizeof(int32_t) * f->ins.n);
    L.uses = arena_alloc(L.a, sizeof(uint32_t) * f->ins.n);
    L.blk_pc = arena_alloc(L.a, sizeof(uint32_t) * (f->blocks.n + 1));
    Code *c = arena_alloc(L.a, sizeof *c);
    if (!L.slot || !L.uses || !L.blk_pc || !c) goto oom;
    count_uses(&L);
    assign_slots(&L, c);
    int32_t temp = (int32_t)L.nslots;
    L.nslots += 1 + 2 * KILN_MAXDIM; /* parking space for cyclic moves */
    StubVec stubs = {0};
    uint32_t prev = UINT32_MAX;
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        (void)prev;
        L.blk_pc[bi] = L.code.n;
        if (b->independent && !vec_push(L.a, L.heads, L.code.n)) goto oom;
        for (uint32_t k = 0; k < b->ins.n; k++) {
            if (k + 1 == b->ins.n) L.last_pc = L.code.n; /* where a TERM_TRY block's raising instruction starts */
            if (!lower_ins(&L, b->ins.v[k])) goto oom;
        }
        if (!b->ins.n) L.last_pc = L.code.n;
        uint32_t next = UINT32_MAX;
        for (uint32_t nb = bi + 1; nb < f->blocks.n; nb++) if (!f->blocks.v[nb].dead) { next = nb; break; }
        if (!lower_term(&L, bi, next, temp, &stubs)) goto oom;
        prev = bi;
    }
    for (uint32_t i = 0; i < stubs.n; i++) { /* true edges with moves */
        Stub st = stubs.v[i];
        L.code.v[st.vi].imm = L.code.n;
        L.line = f->blocks.v[st.from].line;
        if (!edge_moves(&L, st.from, st.succ, temp)) goto oom;
        if (!jump_to(&L, V_JMP, 0, 0, f->blocks.v[st.from].succ[st.succ].to)) goto oom;
    }
    for (uint32_t i = 0; i < L.fix.n; i++) {
        VI *v = &L.code.v[L.fix.v[i]];
        v->imm = L.blk_pc[v->imm];
    }
    for (uint32_t i = 0; i < L.code.n; i++) L.code.v[i].h = L.labels[L.vop.v[i]];
    c->code = L.code.v; c->vop = L.vop.v; c->lines = L.lines.v; c->n = L.code.n;
    c->nslots = L.nslots;
    c->init = arena_alloc(L.a, sizeof(Slot) * (c->ninit ? c->ninit : 1));
    if (!c->init) goto oom;
    for (uint32_t r = 1; r < f->ins.n; r++) {
        Ins *in = &f->ins.v[r];
        if (in->op == OP_CONST && in->blk != UINT32_MAX && in->ty && (in->ty->kind == T_SCALAR) && L.slot[r] < (int32_t)c->ninit)
            ev_from_scalar(in->ty, &f->cst.v[in->aux], &c->init[L.slot[r]]);
    }
    c->nargs = f->argty.n;
    c->arg_slot = arena_alloc(L.a, sizeof(int32_t) * (c->nargs + 1));
    c->arg_size = arena_alloc(L.a, sizeof(int32_t) * (c->nargs + 1));
    if (!c->arg_slot || !c->arg_size) goto oom;
    for (uint32_t r = 1; r < f->ins.n; r++) {
        Ins *in = &f->ins.v[r];
        if (in->op != OP_ARG || in->blk == UINT32_MAX) continue;
        c->arg_slot[in->aux] = L.slot[r];
        c->arg_size[in->aux] = slots_of(in->ty);
    }
    /* arguments never read still need a place to land */
    for (uint32_t k = 0; k < c->nargs; k++) {
        bool seen = false;
        for (uint32_t r = 1; r < f->ins.n; r++)
            if (f->ins.v[r].op == OP_ARG && f->ins.v[r].aux == (int64_t)k && f->ins.v[r].blk != UINT32_MAX) seen = true;
        if (!seen) { c->arg_slot[k] = temp; c->arg_size[k] = slots_of(f->argty.v[k]); }
    }
    for (uint32_t i = 0; i < L.heads.n; i++)
        if (!vectorize(&L, c, L.heads.v[i])) goto oom;
    c->file = u->file;
    c->strs = f->strs.v;
    c->catch_ = L.catch_.v;
    c->ncatch = L.catch_.n / 3;
    c->unit = u;
    c->on_hot = env->on_hot;
    c->slot = L.slot;
    c->uses = L.uses;
    c->temp = temp;
    u->code = c;
    return 0;
oom:
    err_set(err, KILN_ERR_RUNTIME, "MemoryError", "out of memory while lowering '%s' for the interpreter", f->name);
    return -1;
}

static int interp_run(Unit *u, const Slot *args, Slot *ret, Run *run) { return fr_enter(u->code, args, ret, run); }

static void interp_release(Unit *u) {
    Code *c = u->code;
    if (c) { /* native code of higher tiers on the same frame layout */
        rt_code_free(&c->mem);
        elf_free(&c->image);
        for (int i = 0; i < OSR_MAX; i++) elf_free(&c->osr_image[i]);
    }
    u->code = NULL;            /* the rest is in the unit's arena */
}

static void interp_dump(Unit *u, FILE *out) {
    const Code *c = u->code;
    if (!c) return;
    fprintf(out, "interpreter code for %s: %u instructions, %u slots (%u constants)\n", u->name, c->n, c->nslots, c->ninit);
    for (uint32_t i = 0; i < c->n; i++) {
        const VI *v = &c->code[i];
        fprintf(out, "  %4u  %-10s d=%d a=%d b=%d c=%d", i, vm_names[c->vop[i]], v->d, v->a, v->b, v->c);
        int op = c->vop[i];
        if (op == V_JMP || op == V_JT || op == V_JF || (op >= V_BEQ_I && op <= V_BGE_F)) fprintf(out, " -> %lld", (long long)v->imm);
        fprintf(out, "  ; line %u\n", c->lines[i]);
    }
}

const Backend back_interp = {"interp", KILN_TIER_INTERP, interp_compile, interp_run, interp_release, interp_dump};
