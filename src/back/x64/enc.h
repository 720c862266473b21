/*
 * enc.h — kiln's x86-64 encoder: a growable code buffer, labels with rel32
 * fix-ups (rel8 where a backward target is near), and one small function per
 * instruction form the baseline tier uses. Memory operands are [base + disp]
 * with any base (rsp/r12 need a SIB byte, rbp/r13 a displacement).
 */
#ifndef KILN_X64_ENC_H
#define KILN_X64_ENC_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

enum { RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R10, R11, R12, R13, R14, R15 };
/* condition codes, as in Jcc/SETcc/CMOVcc */
enum { CC_O, CC_NO, CC_B, CC_AE, CC_E, CC_NE, CC_BE, CC_A, CC_S, CC_NS, CC_P, CC_NP, CC_L, CC_GE, CC_LE, CC_G };
/* two-operand integer ALU ops: the /digit of 81/83 and the reg<-r/m opcode */
enum { ALU_ADD, ALU_OR, ALU_AND, ALU_SUB, ALU_XOR, ALU_CMP };
/* SSE scalar arithmetic opcodes (F2 0F xx for double, F3 0F xx for single) */
enum { SSE_SQRT = 0x51, SSE_ADD = 0x58, SSE_MUL = 0x59, SSE_SUB = 0x5C, SSE_DIV = 0x5E };
/* load/store widths for integer memory moves */
enum { W8, W16, W32, W64 };

typedef struct XBuf {
    uint8_t *p;
    size_t n, cap;
    bool oom;
    int32_t *labels;   /* position of each label, -1 while unbound */
    int nlabels, caplabels;
    struct { size_t at; int label; } *fix;
    int nfix, capfix;
} XBuf;

void xb_init(XBuf *b);
void xb_free(XBuf *b);
int xb_label(XBuf *b);                 /* a new unbound label */
void xb_bind(XBuf *b, int label);      /* bind it here */
bool xb_finish(XBuf *b);               /* patch every rel32; false if a label is unbound */

/* moves */
void x_mov_rm(XBuf *b, int r, int base, int32_t disp);      /* mov r64, [base+disp] */
void x_mov_mr(XBuf *b, int base, int32_t disp, int r);      /* mov [base+disp], r64 */
void x_mov_rr(XBuf *b, int dst, int src);                   /* mov r64, r64 */
void x_mov_ri(XBuf *b, int r, int64_t imm);                 /* mov r64, imm (shortest form) */
void x_mov_mi(XBuf *b, int base, int32_t disp, int32_t imm); /* mov qword [base+disp], simm32 */
void x_load(XBuf *b, int r, int base, int32_t disp, int width, bool sign); /* movzx/movsx/mov from memory */
void x_store(XBuf *b, int base, int32_t disp, int r, int width);           /* mov [m], r8/16/32/64 */
void x_ext(XBuf *b, int r, int width, bool sign);           /* extend the low width bits of r to 64 */
void x_lea(XBuf *b, int r, int base, int32_t disp);
/* integer arithmetic */
void x_alu_rm(XBuf *b, int op, int r, int base, int32_t disp); /* op r64, [m] */
void x_alu_rr(XBuf *b, int op, int dst, int src);
void x_alu_ri(XBuf *b, int op, int r, int32_t imm);
void x_alu_mi(XBuf *b, int op, int base, int32_t disp, int32_t imm); /* op qword [m], imm */
void x_imul_rm(XBuf *b, int r, int base, int32_t disp);
void x_imul_rr(XBuf *b, int dst, int src);
void x_neg(XBuf *b, int r);
void x_not(XBuf *b, int r);
void x_div(XBuf *b, int r);   /* rdx:rax / r, unsigned: quotient rax, remainder rdx */
void x_idiv(XBuf *b, int r);  /* the same, signed (after cqo) */
void x_cqo(XBuf *b);          /* rdx = rax's sign */
void x_test_rr(XBuf *b, int a, int c);
void x_setcc(XBuf *b, int cc, int r);          /* r must be rax..rbx (al..bl) */
void x_cmov_rm(XBuf *b, int cc, int r, int base, int32_t disp);
void x_btc_ri(XBuf *b, int r, int bit);
void x_btr_ri(XBuf *b, int r, int bit);
/* control */
void x_jcc(XBuf *b, int cc, int label);
void x_jmp(XBuf *b, int label);
void x_call_r(XBuf *b, int r);
void x_call_l(XBuf *b, int label);        /* call rel32 to a label of this buffer */
void x_lea_l(XBuf *b, int r, int label);  /* lea r, [rip + label] */
void x_push(XBuf *b, int r);
void x_pop(XBuf *b, int r);
void x_ret(XBuf *b);
/* SSE scalar */
void x_movs_xm(XBuf *b, bool dbl, int x, int base, int32_t disp);  /* movsd/movss xmm, [m] */
void x_movs_mx(XBuf *b, bool dbl, int base, int32_t disp, int x);  /* movsd/movss [m], xmm */
void x_sse_xm(XBuf *b, int op, bool dbl, int x, int base, int32_t disp); /* addsd xmm, [m] … */
void x_sse_xx(XBuf *b, int op, bool dbl, int dst, int src);
void x_ucomis_xm(XBuf *b, bool dbl, int x, int base, int32_t disp);
void x_ucomis_xx(XBuf *b, bool dbl, int a, int c);
void x_cvtsi2s_xm(XBuf *b, bool dbl, int x, int base, int32_t disp); /* from int64 in memory */
void x_cvts2s_xm(XBuf *b, bool to_dbl, int x, int base, int32_t disp); /* cvtss2sd / cvtsd2ss */
void x_xorp_xx(XBuf *b, int dst, int src);
void x_movap_xx(XBuf *b, int dst, int src);                       /* movaps: whole-register copy */

#endif
