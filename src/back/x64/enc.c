/*
 * enc.c — the x86-64 encoder. Every form is built from the same three
 * pieces: optional legacy prefix, REX (W for 64-bit operands; R, X, B extend
 * the ModRM reg, SIB index and base fields to r8-r15/xmm8-xmm15), opcode,
 * then ModRM (+SIB, +displacement) for [base+disp] or register operands.
 */
#include "enc.h"
#include <stdlib.h>
#include <string.h>

void xb_init(XBuf *b) { memset(b, 0, sizeof *b); }

void xb_free(XBuf *b) {
    free(b->p); free(b->labels); free(b->fix);
    memset(b, 0, sizeof *b);
}

static void put(XBuf *b, uint8_t x) {
    if (b->n == b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 4096;
        uint8_t *p = realloc(b->p, cap);
        if (!p) { b->oom = true; return; }
        b->p = p; b->cap = cap;
    }
    b->p[b->n++] = x;
}

static void put32(XBuf *b, int32_t v) { for (int i = 0; i < 4; i++) put(b, (uint8_t)((uint32_t)v >> (8 * i))); }

int xb_label(XBuf *b) {
    if (b->nlabels == b->caplabels) {
        int cap = b->caplabels ? b->caplabels * 2 : 64;
        int32_t *l = realloc(b->labels, sizeof(int32_t) * (size_t)cap);
        if (!l) { b->oom = true; return 0; }
        b->labels = l; b->caplabels = cap;
    }
    b->labels[b->nlabels] = -1;
    return b->nlabels++;
}

void xb_bind(XBuf *b, int label) { if (label < b->nlabels) b->labels[label] = (int32_t)b->n; }

/* a rel32 field at the current position that points at label */
static void rel32(XBuf *b, int label) {
    if (b->nfix == b->capfix) {
        int cap = b->capfix ? b->capfix * 2 : 64;
        void *f = realloc(b->fix, sizeof(*b->fix) * (size_t)cap);
        if (!f) { b->oom = true; return; }
        b->fix = f; b->capfix = cap;
    }
    b->fix[b->nfix].at = b->n;
    b->fix[b->nfix].label = label;
    b->nfix++;
    put32(b, 0);
}

bool xb_finish(XBuf *b) {
    if (b->oom) return false;
    for (int i = 0; i < b->nfix; i++) {
        int32_t t = b->labels[b->fix[i].label];
        if (t < 0) return false;
        int32_t rel = t - (int32_t)(b->fix[i].at + 4);
        memcpy(b->p + b->fix[i].at, &rel, 4);
    }
    return true;
}

static void rex(XBuf *b, bool w, int reg, int base) {
    uint8_t r = (uint8_t)(0x40 | (w ? 8 : 0) | ((reg & 8) ? 4 : 0) | ((base & 8) ? 1 : 0));
    if (r != 0x40) put(b, r);
}

/* ModRM (+SIB +disp) for reg, [base + disp] */
static void mem(XBuf *b, int reg, int base, int32_t disp) {
    int mod = (disp == 0 && (base & 7) != RBP) ? 0 : (disp >= -128 && disp <= 127) ? 1 : 2;
    put(b, (uint8_t)(mod << 6 | (reg & 7) << 3 | (base & 7)));
    if ((base & 7) == RSP) put(b, 0x24); /* SIB: no index, base */
    if (mod == 1) put(b, (uint8_t)(int8_t)disp);
    else if (mod == 2) put32(b, disp);
}

static void regrm(XBuf *b, int reg, int rm) { put(b, (uint8_t)(0xC0 | (reg & 7) << 3 | (rm & 7))); }

/* prefix? REX opcode... [ModRM memory] */
static void op_mem(XBuf *b, int prefix, bool w, const uint8_t *op, int nop, int reg, int base, int32_t disp) {
    if (prefix) put(b, (uint8_t)prefix);
    rex(b, w, reg, base);
    for (int i = 0; i < nop; i++) put(b, op[i]);
    mem(b, reg, base, disp);
}

static void op_reg(XBuf *b, int prefix, bool w, const uint8_t *op, int nop, int reg, int rm) {
    if (prefix) put(b, (uint8_t)prefix);
    rex(b, w, reg, rm);
    for (int i = 0; i < nop; i++) put(b, op[i]);
    regrm(b, reg, rm);
}

void x_mov_rm(XBuf *b, int r, int base, int32_t disp) { uint8_t o = 0x8B; op_mem(b, 0, true, &o, 1, r, base, disp); }
void x_mov_mr(XBuf *b, int base, int32_t disp, int r) { uint8_t o = 0x89; op_mem(b, 0, true, &o, 1, r, base, disp); }
void x_mov_rr(XBuf *b, int dst, int src) { uint8_t o = 0x8B; op_reg(b, 0, true, &o, 1, dst, src); }
void x_lea(XBuf *b, int r, int base, int32_t disp) { uint8_t o = 0x8D; op_mem(b, 0, true, &o, 1, r, base, disp); }

void x_mov_ri(XBuf *b, int r, int64_t imm) {
    if (imm >= 0 && imm <= 0xFFFFFFFFll) { /* mov r32, imm32 zero-extends */
        rex(b, false, 0, r);
        put(b, (uint8_t)(0xB8 + (r & 7)));
        put32(b, (int32_t)(uint32_t)imm);
    } else if (imm >= INT32_MIN && imm <= INT32_MAX) { /* mov r64, simm32 */
        rex(b, true, 0, r);
        put(b, 0xC7);
        regrm(b, 0, r);
        put32(b, (int32_t)imm);
    } else {
        rex(b, true, 0, r);
        put(b, (uint8_t)(0xB8 + (r & 7)));
        for (int i = 0; i < 8; i++) put(b, (uint8_t)((uint64_t)imm >> (8 * i)));
    }
}

void x_mov_mi(XBuf *b, int base, int32_t disp, int32_t imm) {
    uint8_t o = 0xC7;
    op_mem(b, 0, true, &o, 1, 0, base, disp);
    put32(b, imm);
}

void x_load(XBuf *b, int r, int base, int32_t disp, int width, bool sign) {
    switch (width) {
    case W8: { uint8_t o[2] = {0x0F, sign ? 0xBE : 0xB6}; op_mem(b, 0, sign, o, 2, r, base, disp); return; }
    case W16: { uint8_t o[2] = {0x0F, sign ? 0xBF : 0xB7}; op_mem(b, 0, sign, o, 2, r, base, disp); return; }
    case W32:
        if (sign) { uint8_t o = 0x63; op_mem(b, 0, true, &o, 1, r, base, disp); }
        else { uint8_t o = 0x8B; op_mem(b, 0, false, &o, 1, r, base, disp); }
        return;
    default: x_mov_rm(b, r, base, disp);
    }
}

void x_store(XBuf *b, int base, int32_t disp, int r, int width) {
    switch (width) {
    case W8: { /* spl/bpl/sil/dil would need a bare REX; the generator stores from al/cl/dl/bl */
        uint8_t o = 0x88; op_mem(b, 0, false, &o, 1, r, base, disp); return; }
    case W16: { uint8_t o = 0x89; op_mem(b, 0x66, false, &o, 1, r, base, disp); return; }
    case W32: { uint8_t o = 0x89; op_mem(b, 0, false, &o, 1, r, base, disp); return; }
    default: x_mov_mr(b, base, disp, r);
    }
}

void x_ext(XBuf *b, int r, int width, bool sign) {
    switch (width) {
    case W8: { uint8_t o[2] = {0x0F, sign ? 0xBE : 0xB6}; op_reg(b, 0, sign, o, 2, r, r); return; }
    case W16: { uint8_t o[2] = {0x0F, sign ? 0xBF : 0xB7}; op_reg(b, 0, sign, o, 2, r, r); return; }
    case W32:
        if (sign) { uint8_t o = 0x63; op_reg(b, 0, true, &o, 1, r, r); }
        else { uint8_t o = 0x8B; op_reg(b, 0, false, &o, 1, r, r); }
        return;
    default: return;
    }
}

static const uint8_t alu_rm_op[] = {0x03, 0x0B, 0x23, 0x2B, 0x33, 0x3B};
static const uint8_t alu_ext[] = {0, 1, 4, 5, 6, 7};

void x_alu_rm(XBuf *b, int op, int r, int base, int32_t disp) { op_mem(b, 0, true, &alu_rm_op[op], 1, r, base, disp); }
void x_alu_rr(XBuf *b, int op, int dst, int src) { op_reg(b, 0, true, &alu_rm_op[op], 1, dst, src); }

void x_alu_ri(XBuf *b, int op, int r, int32_t imm) {
    bool small = imm >= -128 && imm <= 127;
    uint8_t o = small ? 0x83 : 0x81;
    op_reg(b, 0, true, &o, 1, alu_ext[op], r);
    if (small) put(b, (uint8_t)(int8_t)imm); else put32(b, imm);
}

void x_alu_mi(XBuf *b, int op, int base, int32_t disp, int32_t imm) {
    bool small = imm >= -128 && imm <= 127;
    uint8_t o = small ? 0x83 : 0x81;
    op_mem(b, 0, true, &o, 1, alu_ext[op], base, disp);
    if (small) put(b, (uint8_t)(int8_t)imm); else put32(b, imm);
}

void x_imul_rm(XBuf *b, int r, int base, int32_t disp) { uint8_t o[2] = {0x0F, 0xAF}; op_mem(b, 0, true, o, 2, r, base, disp); }
void x_imul_rr(XBuf *b, int dst, int src) { uint8_t o[2] = {0x0F, 0xAF}; op_reg(b, 0, true, o, 2, dst, src); }
void x_neg(XBuf *b, int r) { uint8_t o = 0xF7; op_reg(b, 0, true, &o, 1, 3, r); }
void x_not(XBuf *b, int r) { uint8_t o = 0xF7; op_reg(b, 0, true, &o, 1, 2, r); }
void x_div(XBuf *b, int r) { uint8_t o = 0xF7; op_reg(b, 0, true, &o, 1, 6, r); }
void x_idiv(XBuf *b, int r) { uint8_t o = 0xF7; op_reg(b, 0, true, &o, 1, 7, r); }
void x_cqo(XBuf *b) { put(b, 0x48); put(b, 0x99); }
void x_test_rr(XBuf *b, int a, int c) { uint8_t o = 0x85; op_reg(b, 0, true, &o, 1, c, a); }
void x_setcc(XBuf *b, int cc, int r) { uint8_t o[2] = {0x0F, (uint8_t)(0x90 + cc)}; op_reg(b, 0, false, o, 2, 0, r); }
void x_cmov_rm(XBuf *b, int cc, int r, int base, int32_t disp) {
    uint8_t o[2] = {0x0F, (uint8_t)(0x40 + cc)};
    op_mem(b, 0, true, o, 2, r, base, disp);
}
void x_btc_ri(XBuf *b, int r, int bit) {
    uint8_t o[2] = {0x0F, 0xBA};
    op_reg(b, 0, true, o, 2, 7, r);
    put(b, (uint8_t)bit);
}
void x_btr_ri(XBuf *b, int r, int bit) {
    uint8_t o[2] = {0x0F, 0xBA};
    op_reg(b, 0, true, o, 2, 6, r);
    put(b, (uint8_t)bit);
}

/* backward jumps to a bound label take the 2-byte form when it reaches */
void x_jcc(XBuf *b, int cc, int label) {
    int32_t t = label < b->nlabels ? b->labels[label] : -1;
    if (t >= 0 && (int64_t)t - (int64_t)(b->n + 2) >= -128) {
        put(b, (uint8_t)(0x70 + cc));
        put(b, (uint8_t)(int8_t)(t - (int32_t)(b->n + 1)));
        return;
    }
    put(b, 0x0F); put(b, (uint8_t)(0x80 + cc));
    rel32(b, label);
}

void x_jmp(XBuf *b, int label) {
    int32_t t = label < b->nlabels ? b->labels[label] : -1;
    if (t >= 0 && (int64_t)t - (int64_t)(b->n + 2) >= -128) {
        put(b, 0xEB);
        put(b, (uint8_t)(int8_t)(t - (int32_t)(b->n + 1)));
        return;
    }
    put(b, 0xE9);
    rel32(b, label);
}

void x_call_r(XBuf *b, int r) { uint8_t o = 0xFF; op_reg(b, 0, false, &o, 1, 2, r); }
void x_call_l(XBuf *b, int label) { put(b, 0xE8); rel32(b, label); }
/* lea r, [rip + rel32]: the address of label (rel32 counts from the instruction's end, where the field ends) */
void x_lea_l(XBuf *b, int r, int label) {
    rex(b, true, r, 0);
    put(b, 0x8D);
    put(b, (uint8_t)((r & 7) << 3 | 5));
    rel32(b, label);
}
void x_push(XBuf *b, int r) { rex(b, false, 0, r); put(b, (uint8_t)(0x50 + (r & 7))); }
void x_pop(XBuf *b, int r) { rex(b, false, 0, r); put(b, (uint8_t)(0x58 + (r & 7))); }
void x_ret(XBuf *b) { put(b, 0xC3); }

void x_movs_xm(XBuf *b, bool dbl, int x, int base, int32_t disp) {
    uint8_t o[2] = {0x0F, 0x10};
    op_mem(b, dbl ? 0xF2 : 0xF3, false, o, 2, x, base, disp);
}
void x_movs_mx(XBuf *b, bool dbl, int base, int32_t disp, int x) {
    uint8_t o[2] = {0x0F, 0x11};
    op_mem(b, dbl ? 0xF2 : 0xF3, false, o, 2, x, base, disp);
}
void x_sse_xm(XBuf *b, int op, bool dbl, int x, int base, int32_t disp) {
    uint8_t o[2] = {0x0F, (uint8_t)op};
    op_mem(b, dbl ? 0xF2 : 0xF3, false, o, 2, x, base, disp);
}
void x_sse_xx(XBuf *b, int op, bool dbl, int dst, int src) {
    uint8_t o[2] = {0x0F, (uint8_t)op};
    op_reg(b, dbl ? 0xF2 : 0xF3, false, o, 2, dst, src);
}
void x_ucomis_xm(XBuf *b, bool dbl, int x, int base, int32_t disp) {
    uint8_t o[2] = {0x0F, 0x2E};
    op_mem(b, dbl ? 0x66 : 0, false, o, 2, x, base, disp);
}
void x_ucomis_xx(XBuf *b, bool dbl, int a, int c) {
    uint8_t o[2] = {0x0F, 0x2E};
    op_reg(b, dbl ? 0x66 : 0, false, o, 2, a, c);
}
void x_cvtsi2s_xm(XBuf *b, bool dbl, int x, int base, int32_t disp) {
    uint8_t o[2] = {0x0F, 0x2A};
    op_mem(b, dbl ? 0xF2 : 0xF3, true, o, 2, x, base, disp);
}
void x_cvts2s_xm(XBuf *b, bool to_dbl, int x, int base, int32_t disp) {
    uint8_t o[2] = {0x0F, 0x5A};
    op_mem(b, to_dbl ? 0xF3 : 0xF2, false, o, 2, x, base, disp);
}
void x_xorp_xx(XBuf *b, int dst, int src) {
    uint8_t o[2] = {0x0F, 0x57};
    op_reg(b, 0x66, false, o, 2, dst, src);
}

void x_movap_xx(XBuf *b, int dst, int src) {
    uint8_t o[2] = {0x0F, 0x28};
    op_reg(b, 0, false, o, 2, dst, src);
}
