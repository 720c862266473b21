/*
 * print.c — the textual form of the IR, for `kiln explain` and debugging:
 *   b1(%4: float64, %5: int):
 *     %7: float64 = mul %4, %6     ; line 5
 *     br %8, b2(%7), b3
 */
#include "ir.h"
#include "mathfn.h"
#include "lib.h"
#include "gpu.h"
#include <inttypes.h>

static void print_const(Func *f, Ins *in, FILE *out) {
    Scalar *s = &f->cst.v[in->aux];
    if (!in->ty || in->ty->kind != T_SCALAR) { fprintf(out, "%s", in->ty ? ty_name(in->ty) : "?"); return; }
    int d = in->ty->dtype;
    if (dt_is_float(d)) fprintf(out, "%.17g", s->f);
    else if (dt_is_complex(d)) fprintf(out, "(%.17g%+.17gj)", s->c[0], s->c[1]);
    else if (d == KILN_UINT64) fprintf(out, "%" PRIu64, s->u);
    else if (d == KILN_BOOL) fprintf(out, "%s", s->i ? "True" : "False");
    else fprintf(out, "%" PRId64, s->i);
}

static void print_ty(const Type *t, FILE *out) {
    char buf[256];
    ty_str(t, buf, sizeof buf);
    fputs(buf, out);
}

static void print_edge(Func *f, Edge *e, FILE *out) {
    fprintf(out, "b%u", e->to);
    if (!e->args.n) return;
    fputc('(', out);
    for (uint32_t k = 0; k < e->args.n; k++) fprintf(out, "%s%%%u", k ? ", " : "", e->args.v[k]);
    fputc(')', out);
    (void)f;
}

void ir_print(Func *f, FILE *out) {
    fprintf(out, "func %s(", f->name);
    for (uint32_t i = 0; i < f->argty.n; i++) { if (i) fputs(", ", out); print_ty(f->argty.v[i], out); }
    fputs(") -> ", out);
    if (f->ret) print_ty(f->ret, out);
    fputs("\n", out);
    for (uint32_t bi = 0; bi < f->blocks.n; bi++) {
        Block *b = &f->blocks.v[bi];
        if (b->dead) continue;
        fprintf(out, "b%u", bi);
        if (b->params.n) {
            fputc('(', out);
            for (uint32_t k = 0; k < b->params.n; k++) {
                fprintf(out, "%s%%%u: ", k ? ", " : "", b->params.v[k]);
                print_ty(f->ins.v[b->params.v[k]].ty, out);
            }
            fputc(')', out);
        }
        fputs(":\n", out);
        for (uint32_t k = 0; k < b->ins.n; k++) {
            Ref r = b->ins.v[k];
            Ins *in = &f->ins.v[r];
            if (in->op == OP_PARAM) continue;
            fputs("  ", out);
            if (in->ty) { fprintf(out, "%%%u: ", r); print_ty(in->ty, out); fputs(" = ", out); }
            fprintf(out, "%s", ir_ops[in->op].name);
            for (const char *p = ir_ops[in->op].name; *p; p++) (void)p;
            if (in->op == OP_CONST) { fputc(' ', out); print_const(f, in, out); }
            else if (in->op == OP_ARG) fprintf(out, " %" PRId64, in->aux);
            else if (in->op == OP_MATH) fprintf(out, ".%s", ir_mathfns[in->aux].name);
            else if (in->op == OP_LIB && (in->aux & 0xff) == LIB_GPU) fprintf(out, ".gpu.%s", gpu_name(gpu_kind(in->aux)));
            else if (in->op == OP_LIB && (in->aux & 0xff) == LIB_STR) fprintf(out, ".str.%s", ir_str_name((int)(in->aux >> 8 & 0xff)));
            else if (in->op == OP_LIB) fprintf(out, ".%s", ir_lib_name(in->aux));
            for (uint32_t j = 0; j < in->n; j++) fprintf(out, "%s%%%u", j ? ", " : " ", ir_arg(f, r, j));
            if (in->op == OP_DIM || in->op == OP_STRIDE || in->op == OP_BOUND || in->op == OP_EXTRACT) fprintf(out, " [%" PRId64 "]", in->aux);
            if (in->op == OP_CALL) fprintf(out, " [callee %" PRId64 "]", in->aux);
            if (in->op == OP_CALL && (in->flags & INS_DEEPER)) fprintf(out, " [%d levels deeper]", ir_call_levels(in->flags));
            if (in->op == OP_FRAME && in->aux) fprintf(out, " [+%" PRId64 " inlined]", in->aux);
            if (in->op == OP_BOUND && in->flags) fprintf(out, "%s%s", in->flags & BOUND_NOWRAP ? " nowrap" : "", in->flags & BOUND_NOCHECK ? " nocheck" : "");
            if (in->line) fprintf(out, "    ; line %u", in->line);
            fputc('\n', out);
        }
        switch (b->term) {
        case TERM_JMP: fputs("  jmp ", out); print_edge(f, &b->succ[0], out); break;
        case TERM_BR:
            fprintf(out, "  br %%%u, ", b->cond);
            print_edge(f, &b->succ[0], out); fputs(", ", out); print_edge(f, &b->succ[1], out);
            break;
        case TERM_RET:
            fputs("  ret", out);
            for (uint32_t k = 0; k < b->rets.n; k++) fprintf(out, "%s%%%u", k ? ", " : " ", b->rets.v[k]);
            break;
        case TERM_RAISE:
            fprintf(out, "  raise %s(\"%s\")", f->strs.v[b->ename], b->emsg >= 0 ? f->strs.v[b->emsg] : "");
            if (b->nsucc) { fputs(" then ", out); print_edge(f, &b->succ[0], out); }
            break;
        case TERM_TRY: fputs("  try ", out); print_edge(f, &b->succ[0], out); fputs(", raised ", out); print_edge(f, &b->succ[1], out); break;
        case TERM_RERAISE: fputs("  reraise", out); break;
        default: fputs("  <no terminator>", out);
        }
        fputc('\n', out);
    }
}
