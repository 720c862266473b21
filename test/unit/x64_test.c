/* x64_test.c — the x86-64 encoder checked by an independent disassembler:
 * every instruction form, over a spread of registers (r8-r15, xmm8-xmm15,
 * the rsp/r12 and rbp/r13 addressing quirks) and of immediates and
 * displacements of every width, is written to a file, disassembled with
 * objdump (Intel syntax) and compared with the intended instruction.
 * Also: generated code never sits in a writable and executable mapping. */
#include "check.h"
#include "back/x64/enc.h"
#include "back/x64/objdump.h"
#include "rt/codemem.h"
#include "../../include/kiln.h"
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const char *r64[] = {"rax", "rcx", "rdx", "rbx", "rsp", "rbp", "rsi", "rdi", "r8", "r9", "r10", "r11", "r12", "r13", "r14", "r15"};
static const char *r32[] = {"eax", "ecx", "edx", "ebx", "esp", "ebp", "esi", "edi", "r8d", "r9d", "r10d", "r11d", "r12d", "r13d", "r14d", "r15d"};
static const char *r16[] = {"ax", "cx", "dx", "bx", "sp", "bp", "si", "di", "r8w", "r9w", "r10w", "r11w", "r12w", "r13w", "r14w", "r15w"};
static const char *r8n[] = {"al", "cl", "dl", "bl", "spl", "bpl", "sil", "dil", "r8b", "r9b", "r10b", "r11b", "r12b", "r13b", "r14b", "r15b"};
static const char *ccs[] = {"o", "no", "b", "ae", "e", "ne", "be", "a", "s", "ns", "p", "np", "l", "ge", "le", "g"};

#define MAXI 16384
static char *want[MAXI];
static int nwant;

static void expect(const char *fmt, ...) {
    char buf[128];
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(buf, sizeof buf, fmt, ap);
    va_end(ap);
    want[nwant++] = strdup(buf);
}

static const char *mem(const char *size, int base, int32_t disp) {
    static char bufs[8][64];
    static int k;
    char *b = bufs[k++ % 8];
    const char *sp = size[0] ? " PTR " : "";
    if (disp == 0 && (base & 7) != 5) snprintf(b, 64, "%s%s[%s]", size, sp, r64[base]);
    else if (disp < 0) snprintf(b, 64, "%s%s[%s-0x%x]", size, sp, r64[base], (unsigned)-disp);
    else snprintf(b, 64, "%s%s[%s+0x%x]", size, sp, r64[base], (unsigned)disp);
    return b;
}

static const char *hex(int64_t v) {
    static char bufs[4][32];
    static int k;
    char *b = bufs[k++ % 4];
    snprintf(b, 32, "0x%llx", (unsigned long long)v);
    return b;
}

#define N(a) ((int)(sizeof(a) / sizeof((a)[0])))

/* run objdump on the buffer; returns the instruction texts (whitespace collapsed) */
static int disassemble(XBuf *b, char **got, int cap) {
    int fd;
    FILE *p = x64_objdump_open(b->p, b->n, &fd);
    if (!p) return -1;
    char line[512];
    int n = 0;
    while (fgets(line, sizeof line, p) && n < cap) {
        /* "  1c:	48 8b 43 08          	mov    rax,QWORD PTR [rbx+0x8]" */
        char *t1 = strchr(line, '\t');
        if (!t1 || !strchr(line, ':')) continue;
        char *t2 = strchr(t1 + 1, '\t');
        if (!t2) continue; /* continuation line of a long encoding */
        char out[256];
        int k = 0;
        bool sp = false;
        for (char *c = t2 + 1; *c && *c != '\n' && k < 250; c++) {
            if (*c == ' ' || *c == '\t') { sp = true; continue; }
            if (sp && k) out[k++] = ' ';
            sp = false;
            out[k++] = *c;
        }
        out[k] = 0;
        got[n++] = strdup(out);
    }
    x64_objdump_close(p, fd);
    return n;
}

int main(void) {
    XBuf b;
    xb_init(&b);
    int regs[] = {RAX, RCX, RDX, RBX, RSP, RBP, RSI, RDI, R8, R9, R11, R12, R13, R15};
    int bases[] = {RAX, RBX, RSP, RBP, R8, R12, R13, R15};
    int32_t disps[] = {0, 8, -128, 127, 128, -129, 0x12345678};
    int32_t imms[] = {0, 1, -1, 127, -128, 128, 0x7fffffff, (int32_t)0x80000000};
    static const char *alu[] = {"add", "or", "and", "sub", "xor", "cmp"};
    for (int i = 0; i < N(regs); i++)
        for (int j = 0; j < N(bases); j++)
            for (int k = 0; k < N(disps); k++) {
                int r = regs[i], base = bases[j];
                int32_t d = disps[k];
                x_mov_rm(&b, r, base, d); expect("mov %s,%s", r64[r], mem("QWORD", base, d));
                x_mov_mr(&b, base, d, r); expect("mov %s,%s", mem("QWORD", base, d), r64[r]);
                if ((k + i) % 3 == 0) { x_lea(&b, r, base, d); expect("lea %s,%s", r64[r], mem("", base, d)); }
                x_alu_rm(&b, (i + k) % 6, r, base, d); expect("%s %s,%s", alu[(i + k) % 6], r64[r], mem("QWORD", base, d));
                if (k % 2 == 0) { x_imul_rm(&b, r, base, d); expect("imul %s,%s", r64[r], mem("QWORD", base, d)); }
                x_cmov_rm(&b, (i + j) % 16, r, base, d); expect("cmov%s %s,%s", ccs[(i + j) % 16], r64[r], mem("QWORD", base, d));
            }
    for (int j = 0; j < N(bases); j++)
        for (int k = 0; k < N(disps); k++) {
            int base = bases[j];
            int32_t d = disps[k];
            int r = regs[(j + k) % N(regs)];
            x_load(&b, r, base, d, W8, false); expect("movzx %s,%s", r32[r], mem("BYTE", base, d));
            x_load(&b, r, base, d, W8, true); expect("movsx %s,%s", r64[r], mem("BYTE", base, d));
            x_load(&b, r, base, d, W16, false); expect("movzx %s,%s", r32[r], mem("WORD", base, d));
            x_load(&b, r, base, d, W16, true); expect("movsx %s,%s", r64[r], mem("WORD", base, d));
            x_load(&b, r, base, d, W32, false); expect("mov %s,%s", r32[r], mem("DWORD", base, d));
            x_load(&b, r, base, d, W32, true); expect("movsxd %s,%s", r64[r], mem("DWORD", base, d));
            int sr = (j % 2) ? RCX : (j % 3 ? R9 : RAX); /* byte stores from al, cl or r9b */
            x_store(&b, base, d, sr, W8); expect("mov %s,%s", mem("BYTE", base, d), r8n[sr]);
            x_store(&b, base, d, r, W16); expect("mov %s,%s", mem("WORD", base, d), r16[r]);
            x_store(&b, base, d, r, W32); expect("mov %s,%s", mem("DWORD", base, d), r32[r]);
            x_mov_mi(&b, base, d, imms[k]); expect("mov %s,%s", mem("QWORD", base, d), hex(imms[k]));
            x_alu_mi(&b, ALU_CMP, base, d, imms[(k + 3) % N(imms)]);
            expect("cmp %s,%s", mem("QWORD", base, d), hex(imms[(k + 3) % N(imms)]));
            int x = (j * 5 + k) % 16;
            bool dbl = k % 2 == 0;
            const char *sz = dbl ? "QWORD" : "DWORD";
            x_movs_xm(&b, dbl, x, base, d); expect("%s xmm%d,%s", dbl ? "movsd" : "movss", x, mem(sz, base, d));
            x_movs_mx(&b, dbl, base, d, x); expect("%s %s,xmm%d", dbl ? "movsd" : "movss", mem(sz, base, d), x);
            static const struct { int op; const char *n; } sse[] = {{SSE_ADD, "add"}, {SSE_MUL, "mul"}, {SSE_SUB, "sub"}, {SSE_DIV, "div"}, {SSE_SQRT, "sqrt"}};
            x_sse_xm(&b, sse[k % 5].op, dbl, x, base, d); expect("%s%s xmm%d,%s", sse[k % 5].n, dbl ? "sd" : "ss", x, mem(sz, base, d));
            x_ucomis_xm(&b, dbl, x, base, d); expect("%s xmm%d,%s", dbl ? "ucomisd" : "ucomiss", x, mem(sz, base, d));
            x_cvtsi2s_xm(&b, dbl, x, base, d); expect("%s xmm%d,%s", dbl ? "cvtsi2sd" : "cvtsi2ss", x, mem("QWORD", base, d));
            x_cvts2s_xm(&b, dbl, x, base, d); expect("%s xmm%d,%s", dbl ? "cvtss2sd" : "cvtsd2ss", x, mem(dbl ? "DWORD" : "QWORD", base, d));
        }
    x_cqo(&b); expect("cqo");
    for (int i = 0; i < N(regs); i++) {
        int r = regs[i], s = regs[(i + 5) % N(regs)];
        x_mov_rr(&b, r, s); expect("mov %s,%s", r64[r], r64[s]);
        x_alu_rr(&b, i % 6, r, s); expect("%s %s,%s", alu[i % 6], r64[r], r64[s]);
        x_imul_rr(&b, r, s); expect("imul %s,%s", r64[r], r64[s]);
        x_test_rr(&b, r, s); expect("test %s,%s", r64[r], r64[s]);
        x_neg(&b, r); expect("neg %s", r64[r]);
        x_not(&b, r); expect("not %s", r64[r]);
        x_div(&b, r); expect("div %s", r64[r]);
        x_idiv(&b, r); expect("idiv %s", r64[r]);
        x_btc_ri(&b, r, 63); expect("btc %s,0x3f", r64[r]);
        for (int k = 0; k < N(imms); k++) {
            x_alu_ri(&b, (i + k) % 6, r, imms[k]); expect("%s %s,%s", alu[(i + k) % 6], r64[r], hex(imms[k]));
        }
        int64_t movs[] = {0, 1, 0xffffffffll, -1, INT32_MIN, 0x123456789ll, INT64_MIN};
        for (int k = 0; k < N(movs); k++) {
            x_mov_ri(&b, r, movs[k]);
            if (movs[k] >= 0 && movs[k] <= 0xffffffffll) expect("mov %s,%s", r32[r], hex(movs[k]));
            else if (movs[k] >= INT32_MIN && movs[k] <= INT32_MAX) expect("mov %s,%s", r64[r], hex(movs[k]));
            else expect("movabs %s,%s", r64[r], hex(movs[k]));
        }
        x_ext(&b, r, W8, true); expect("movsx %s,%s", r64[r], r8n[r]);
        x_ext(&b, r, W16, false); expect("movzx %s,%s", r32[r], r16[r]);
        x_ext(&b, r, W32, true); expect("movsxd %s,%s", r64[r], r32[r]);
        x_ext(&b, r, W32, false); expect("mov %s,%s", r32[r], r32[r]);
        x_push(&b, r); expect("push %s", r64[r]);
        x_pop(&b, r); expect("pop %s", r64[r]);
        x_call_r(&b, r); expect("call %s", r64[r]);
    }
    for (int cc = 0; cc < 16; cc++) {
        int r = cc % 2 ? RCX : RAX;
        x_setcc(&b, cc, r); expect("set%s %s", ccs[cc], r8n[r]);
    }
    for (int x = 0; x < 16; x++) {
        int y = (x * 7 + 3) % 16;
        x_sse_xx(&b, SSE_ADD, x % 2, x, y); expect("%s xmm%d,xmm%d", x % 2 ? "addsd" : "addss", x, y);
        x_ucomis_xx(&b, true, x, y); expect("ucomisd xmm%d,xmm%d", x, y);
        x_xorp_xx(&b, x, y); expect("xorpd xmm%d,xmm%d", x, y);
        x_movap_xx(&b, x, y); expect("movaps xmm%d,xmm%d", x, y);
    }
    x_ret(&b); expect("ret");
    /* branches: a backward rel8, forward rel32 to a label bound later */
    size_t before = b.n;
    int back = xb_label(&b), fwd = xb_label(&b);
    xb_bind(&b, back);
    x_jcc(&b, CC_L, back); expect("jl %s", hex((int64_t)before));
    x_jmp(&b, back); expect("jmp %s", hex((int64_t)before));
    size_t at_fwd = b.n;
    x_jcc(&b, CC_AE, fwd);
    x_jmp(&b, fwd);
    xb_bind(&b, fwd);
    expect("jae %s", hex((int64_t)(at_fwd + 6 + 5)));
    expect("jmp %s", hex((int64_t)(at_fwd + 6 + 5)));
    CHECK(xb_finish(&b));
    char **got = calloc(MAXI, sizeof *got);
    int n = disassemble(&b, got, MAXI);
    if (n < 0) { printf("objdump not found: the encoder test needs binutils\n"); return 1; }
    CHECK(n == nwant);
    int bad = 0;
    for (int i = 0; i < n && i < nwant; i++)
        if (strcmp(got[i], want[i]) != 0) {
            if (bad++ < 20) printf("FAIL instruction %d: want '%s', objdump says '%s'\n", i, want[i], got[i]);
        }
    CHECK(bad == 0);
    printf("%d instructions checked against objdump\n", n);
    for (int i = 0; i < n; i++) free(got[i]);
    for (int i = 0; i < nwant; i++) free(want[i]);
    free(got);
    /* W^X: installed code is executable and not writable; no mapping is both */
    static const uint8_t ret42[] = {0xB8, 42, 0, 0, 0, 0xC3}; /* mov eax, 42; ret */
    CodeMem cm;
    CHECK(rt_code_install(&cm, ret42, sizeof ret42) == 0);
    int (*fn)(void) = (int (*)(void))cm.p;
    CHECK(fn() == 42);
    FILE *maps = fopen("/proc/self/maps", "r");
    char line[512];
    int wx = 0, found = 0;
    while (maps && fgets(line, sizeof line, maps)) {
        unsigned long lo, hi;
        char perms[8];
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) != 3) continue;
        if (perms[1] == 'w' && perms[2] == 'x') wx++;
        if ((unsigned long)cm.p >= lo && (unsigned long)cm.p < hi) found = perms[0] == 'r' && perms[1] == '-' && perms[2] == 'x';
    }
    if (maps) fclose(maps);
    CHECK(found);
    CHECK(wx == 0);
    rt_code_free(&cm);
    /* the same while compiled kernels exist */
    kiln_options o;
    kiln_options_init(&o);
    o.tier = KILN_TIER_BASELINE;
    kiln_ctx *ctx = kiln_ctx_new(&o);
    const char *src = "def f(x):\n    s = 0.0\n    for i in range(x):\n        s += i * 0.5\n    return s\n";
    kiln_error err;
    kiln_module *m = kiln_load_source(ctx, "wx.py", src, strlen(src), &err);
    kiln_value a = kiln_int(10), r;
    CHECK(m && kiln_call(kiln_lookup(m, "f"), &a, 1, &r, &err) == 0 && r.v.f == 22.5);
    kiln_stats st;
    kiln_func_stats(kiln_lookup(m, "f"), &st);
    CHECK(st.native_bytes > 0);
    maps = fopen("/proc/self/maps", "r");
    wx = 0;
    int rx = 0;
    while (maps && fgets(line, sizeof line, maps)) {
        char perms[8];
        unsigned long lo, hi;
        if (sscanf(line, "%lx-%lx %7s", &lo, &hi, perms) != 3) continue;
        if (perms[1] == 'w' && perms[2] == 'x') wx++;
        if (perms[2] == 'x') rx++;
    }
    if (maps) fclose(maps);
    CHECK(wx == 0 && rx > 0);
    kiln_ctx_free(ctx);
    xb_free(&b);
    return DONE();
}
