/*
 * aot.c — `kiln aot FILE.py --sig 'saxpy(float, f64[::1], f64[::1])' [...] -o NAME`:
 * tier-2 code exported as NAME.o and NAME.h, plain C functions a program
 * links with no JIT, no LLVM and no libkiln at run time.
 *
 * Each signature is compiled by tier 2 as for the disk cache; the object LLVM
 * emitted is taken as it is (the AOT sink of the context), its symbols
 * renamed per signature (objcopy), and linked (ld -r) with a generated C file
 * that holds what kiln's runtime would otherwise provide: the table of call
 * records the code hands to the error helpers (kiln_xc), those helpers
 * (raising sets a kiln_aot_error; fh_lib only for NEP 50's OverflowError), and one typed wrapper per signature that
 * builds the frame, calls the code and converts the result. Then every
 * symbol but the wrappers is made local.
 *
 * What it exports: kernels whose tier-2 code needs no runtime helper besides
 * raising errors (loops, arithmetic, math functions, array reads and writes,
 * calls that LLVM inlined or that recurse); arguments scalars (not complex)
 * and arrays; results None, a scalar, or an array (necessarily one of the
 * arguments: making a new one needs the allocator). Allocation, generic helpers (complex
 * arithmetic, powers), calls LLVM did not inline, tuples and array results
 * are refused with a message naming what is missing.
 * Needs a C compiler ($CC, default cc), objcopy and ld (binutils) at export time.
 */
#include "cli.h"
#include "../back/frame.h"
#include "../jit/jit.h"
#include "../ir/lib.h"
#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

typedef struct Cap { Spec *s; uint8_t *obj; size_t n; char sym[128]; XCall *tab; int ntab; } Cap;
enum { AOT_CAPS_MAX = 512 }; /* tier-2 objects one kiln aot run may capture (a --sig's kernel and its callees) */
typedef struct Caps { Cap v[AOT_CAPS_MAX]; int n; } Caps;

static void sink(void *cx, Spec *s, const uint8_t *obj, size_t n, const char *sym, const void *tab, int ntab) {
    Caps *c = cx;
    if (c->n == AOT_CAPS_MAX) return;
    Cap *k = &c->v[c->n];
    k->obj = malloc(n ? n : 1);
    k->tab = malloc(sizeof(XCall) * (size_t)(ntab ? ntab : 1));
    if (!k->obj || !k->tab) { free(k->obj); free(k->tab); return; }
    memcpy(k->obj, obj, n);
    memcpy(k->tab, tab, sizeof(XCall) * (size_t)ntab);
    k->s = s; k->n = n; k->ntab = ntab;
    snprintf(k->sym, sizeof k->sym, "%s", sym);
    c->n++;
}

/* run argv, 0 if it exited 0 */
static int run_tool(char *const argv[]) {
    pid_t pid = fork();
    if (pid < 0) return -1;
    if (pid == 0) { execvp(argv[0], argv); fprintf(stderr, "kiln aot: cannot run %s: %s\n", argv[0], strerror(errno)); _exit(127); }
    int st;
    if (waitpid(pid, &st, 0) < 0) return -1;
    if (!WIFEXITED(st) || WEXITSTATUS(st)) { fprintf(stderr, "kiln aot: %s failed\n", argv[0]); return -1; }
    return 0;
}

/* ---- what the exported C sees ---- */

static const char *ctype(const Type *t) {
    if (t->weak) return t->dtype == KILN_FLOAT64 ? "double" : t->dtype == KILN_BOOL ? "int" : "int64_t";
    switch (t->dtype) {
    case KILN_BOOL: return "int";
    case KILN_INT8: return "int8_t"; case KILN_INT16: return "int16_t"; case KILN_INT32: return "int32_t"; case KILN_INT64: return "int64_t";
    case KILN_UINT8: return "uint8_t"; case KILN_UINT16: return "uint16_t"; case KILN_UINT32: return "uint32_t"; case KILN_UINT64: return "uint64_t";
    case KILN_FLOAT32: return "float";
    case KILN_FLOAT64: return "double";
    default: return NULL;
    }
}

/* the slot field a scalar of t lives in */
static const char *field(const Type *t) {
    if (t->dtype == KILN_FLOAT64) return "f";
    if (t->dtype == KILN_FLOAT32) return "f32";
    if (t->dtype == KILN_UINT64 || t->dtype == KILN_UINT32 || t->dtype == KILN_UINT16 || t->dtype == KILN_UINT8) return "u";
    return "i";
}

typedef struct Exp { Cap *cap; char cname[160]; const char *sig; } Exp;

/* the one library routine an export may call: NEP 50's OverflowError (b: the dtype, value at a) */
static bool int_bounds(const XCall *k) { return k->x->op == OP_LIB && (k->x->aux & 0xff) == LIB_INT_BOUNDS; }

static int check_export(const Exp *e, char *why, size_t cap) {
    Spec *s = e->cap->s;
    for (int i = 0; i < e->cap->ntab; i++)
        if (e->cap->tab[i].x && (e->cap->tab[i].x->flags & INS_PAR) && e->cap->tab[i].x->op == OP_CALL)
            return snprintf(why, cap, "a parallel loop (line %d) runs on kiln's thread pool, which kiln aot does not provide "
                            "yet (export it with range, or call it through libkiln)", e->cap->tab[i].line), -1;
        else if (e->cap->tab[i].x && e->cap->tab[i].x->op == OP_LIB && (e->cap->tab[i].x->aux & 0xff) == LIB_EXC)
            return snprintf(why, cap, "a try statement (line %d) catches exceptions through kiln's runtime, which kiln aot does not "
                            "provide yet (call it through libkiln)", e->cap->tab[i].line), -1;
        else if (e->cap->tab[i].x && !int_bounds(&e->cap->tab[i]))
            return snprintf(why, cap, "its code calls a runtime helper (%s at line %d) that kiln aot does not provide yet",
                            ir_ops[e->cap->tab[i].x->op].name, e->cap->tab[i].line), -1;
    for (int i = 0; i < s->u.nargs; i++) {
        const Type *t = s->u.args[i];
        if (t->kind == T_ARRAY) continue;
        if (t->kind != T_SCALAR || !ctype(t)) return snprintf(why, cap, "argument %d: only scalars (not complex) and arrays", i + 1), -1;
    }
    if (s->u.ret->kind != T_NONE && s->u.ret->kind != T_ARRAY && (s->u.ret->kind != T_SCALAR || !ctype(s->u.ret)))
        return snprintf(why, cap, "it returns %s; kiln aot returns None, a scalar (not complex) or an array", ty_name(s->u.ret)), -1;
    const Code *c = s->u.code;
    if (c->nslots > 100000) return snprintf(why, cap, "its frame is too large"), -1;
    return 0;
}

/* what the specialization fixes of parameter i (a static value, static lengths), or NULL */
static const LeafFix *fixed(const Spec *s, int i) {
    int leaf = 0;
    for (int j = 0; j < i; j++) leaf += (int)s->u.args[j]->nleaves;
    return s->u.fix && ty_is_leaf(s->u.args[i]) && leaf < s->u.nfix ? &s->u.fix[leaf] : NULL;
}

static void params(FILE *f, const Exp *e) {
    Spec *s = e->cap->s;
    for (int i = 0; i < s->u.nargs; i++) {
        const Type *t = s->u.args[i];
        const char *nm = s->fn->def->names[i];
        const LeafFix *x = fixed(s, i);
        if (x && x->value) continue; /* compiled in */
        if (t->kind == T_ARRAY) fprintf(f, "const kiln_aot_array *%s, ", nm);
        else fprintf(f, "%s %s, ", ctype(t), nm);
    }
    if (s->u.ret->kind == T_SCALAR) fprintf(f, "%s *result, ", ctype(s->u.ret));
    if (s->u.ret->kind == T_ARRAY) fprintf(f, "kiln_aot_array *result, ");
    fprintf(f, "kiln_aot_error *err)");
}

/* text from the user (a path, a signature) inside a C comment: a star-slash would end the comment
 * early and let the rest be code, and a newline or control character is not text: both are defused */
static void c_comment(FILE *f, const char *s) {
    for (; *s; s++) {
        if ((unsigned char)*s < 32 || *s == 127) fputc('?', f);
        else if (*s == '*' && s[1] == '/') fputs("* ", f);
        else fputc(*s, f);
    }
}

static void write_header(FILE *f, const char *name, const char *file, Exp *ex, int n) {
    fprintf(f, "/* %s.h — generated by kiln %s (kiln aot) from ", name, KILN_VERSION);
    c_comment(f, file);
    fprintf(f, ".\n"
               " * Link %s.o with -lm; no JIT, LLVM or libkiln is needed at run time. */\n"
               "#ifndef KILN_AOT_%s_H\n#define KILN_AOT_%s_H\n#include <stdint.h>\n\n"
               "#ifndef KILN_AOT_TYPES\n#define KILN_AOT_TYPES\n"
               "/* an array argument: its data and, per axis, its length and its stride in bytes (as NumPy's) */\n"
               "typedef struct kiln_aot_array { void *data; int64_t shape[8]; int64_t strides[8]; } kiln_aot_array;\n"
               "/* the Python exception a kernel raised: class, message, kernel file and line */\n"
               "typedef struct kiln_aot_error { char ename[32]; char message[256]; const char *file; int line; } kiln_aot_error;\n"
               "#endif\n\n"
               "/* interrupt every call of these functions running now (any thread, or a signal handler): each\n"
               " * returns -1 with KeyboardInterrupt at its next loop check, as kiln_interrupt does in kiln */\n"
               "void %s_interrupt(void);\n\n",
            name, name, name, name);
    for (int i = 0; i < n; i++) {
        Spec *s = ex[i].cap->s;
        fputs("/* ", f);
        c_comment(f, ex[i].sig);
        fprintf(f, " -> %s: 0, or -1 with *err filled (err may be NULL)", ty_name(s->u.ret));
        for (int a = 0; a < s->u.nargs; a++)
            if (s->u.args[a]->kind == T_ARRAY)
                fprintf(f, "\n * %s: %d-d %s%s", s->fn->def->names[a], s->u.args[a]->ndim, kiln_dtype_name((kiln_dtype)s->u.args[a]->dtype),
                        s->u.args[a]->layout == LAYOUT_C ? ", C-contiguous (checked)" : ", any strides");
        fprintf(f, " */\nint %s(", ex[i].cname);
        params(f, &ex[i]);
        fprintf(f, ";\n\n");
    }
    fprintf(f, "#endif\n");
}

static void c_string(FILE *f, const char *s) {
    if (!s) { fputs("0", f); return; }
    fputc('"', f);
    for (; *s; s++) {
        if (*s == '"' || *s == '\\' || *s == '?') fprintf(f, "\\%c", *s); /* \? : no trigraph (??/) survives */
        else if ((unsigned char)*s < 32) fprintf(f, "\\%03o", (unsigned char)*s);
        else fputc(*s, f);
    }
    fputc('"', f);
}

static void write_runtime(FILE *f, const char *name) {
    char dtype_names[400] = "";
    for (int d = 0; d < KILN_NDTYPE; d++)
        snprintf(dtype_names + strlen(dtype_names), sizeof dtype_names - strlen(dtype_names), "%s\"%s\"", d ? ", " : "",
                 kiln_dtype_name((kiln_dtype)d));
    fprintf(f, "#define _GNU_SOURCE\n#include \"%s.h\"\n#include <pthread.h>\n#include <stddef.h>\n#include <stdio.h>\n#include <string.h>\n\n", name);
    fprintf(f, "typedef union kslot { int64_t i; uint64_t u; double f; float f32; void *p; } kslot;\n"
               "/* kiln's run state as the code sees it: the recursion depth, the stack floor, the interrupt count and the\n"
               " * pending error's code (a self-recursive kernel's direct entry tests it after each call) at their offsets */\n"
               "typedef struct krun { const long long *tune; int depth; uintptr_t stack_floor; const _Atomic unsigned long long *intr;\n"
               "                      unsigned long long epoch; kiln_aot_error *err; char unused_[%zu]; int code; } krun;\n"
               "_Static_assert(offsetof(krun, depth) == %zu && offsetof(krun, stack_floor) == %zu && offsetof(krun, intr) == %zu &&\n"
               "               offsetof(krun, epoch) == %zu && offsetof(krun, code) == %zu, \"kiln Run layout\");\n"
               "static _Atomic unsigned long long kintr; /* NAME_interrupt's count (kiln_interrupt's, for these functions) */\n"
               "void %s_interrupt(void) { kintr++; }\n"
               "/* RecursionError comes from the stack left (as in kiln: src/base/stack.c) */\n"
               "static uintptr_t kstack_floor(void) {\n"
               "    static _Thread_local uintptr_t floor_;\n"
               "    if (floor_) return floor_;\n"
               "    pthread_attr_t a; void *lo = 0; size_t n = 0;\n"
               "    if (!pthread_getattr_np(pthread_self(), &a)) { if (pthread_attr_getstack(&a, &lo, &n)) lo = 0; pthread_attr_destroy(&a); }\n"
               "    size_t reserve = n / 4 < ((size_t)256 << 10) ? n / 4 : (size_t)256 << 10;\n"
               "    return floor_ = lo && n ? (uintptr_t)lo + reserve : 1;\n"
               "}\n",
            offsetof(Run, code) - offsetof(Run, epoch) - 2 * sizeof(void *), offsetof(Run, depth), offsetof(Run, stack_floor),
            offsetof(Run, intr), offsetof(Run, epoch), offsetof(Run, code), name);
    fprintf(f, "/* kiln's call record (src/back/frame.h: XCall) */\n"
               "typedef struct kxcall { int32_t d, a, b, pool, ref; void *spec; int line; const char *file; const void *x;\n"
               "                        const char *ename, *emsg; int code; const void *gpu_h; } kxcall;\n"
               "_Static_assert(sizeof(kxcall) == %zu && offsetof(kxcall, line) == %zu && offsetof(kxcall, file) == %zu &&\n"
               "               offsetof(kxcall, ename) == %zu && offsetof(kxcall, code) == %zu, \"kiln XCall layout\");\n\n",
            sizeof(XCall), offsetof(XCall, line), offsetof(XCall, file), offsetof(XCall, ename), offsetof(XCall, code));
    fprintf(f, "static int kraise(krun *r, const char *ename, const char *msg, const kxcall *k) {\n"
               "    r->code = 1;\n"
               "    if (r->err) {\n"
               "        snprintf(r->err->ename, sizeof r->err->ename, \"%%s\", ename ? ename : \"RuntimeError\");\n"
               "        snprintf(r->err->message, sizeof r->err->message, \"%%s\", msg ? msg : \"\");\n"
               "        r->err->file = k ? k->file : 0; r->err->line = k ? k->line : 0;\n"
               "    }\n    return -1;\n}\n"
               "int %s_fh_error(kslot *s, krun *r, const kxcall *k) { (void)s; return kraise(r, k->ename, k->emsg, k); }\n"
               "int %s_fh_raise(kslot *s, krun *r, const kxcall *k) { (void)s; return kraise(r, k->ename, k->emsg, k); }\n"
               "int %s_fh_index(kslot *s, krun *r, const kxcall *k) {\n"
               "    char m[160];\n"
               "    snprintf(m, sizeof m, \"index %%lld is out of bounds for axis %%d with size %%lld\", (long long)s[k->d].i, k->b,\n"
               "             (long long)s[k->a + 1 + k->b].i);\n"
               "    return kraise(r, \"IndexError\", m, k);\n}\n"
               "int %s_fh_lib(kslot *s, krun *r, const kxcall *k) { /* only LIB.int_bounds: b is the dtype */\n"
               "    static const char *const dt[] = {%s};\n"
               "    char m[96];\n"
               "    snprintf(m, sizeof m, \"Python integer %%lld out of bounds for %%s\", (long long)s[k->a].i,\n"
               "             k->b >= 0 && k->b < (int)(sizeof dt / sizeof *dt) ? dt[k->b] : \"?\");\n"
               "    return kraise(r, \"OverflowError\", m, k);\n}\n"
               "static inline int kcontig(const kiln_aot_array *a, int nd, int64_t item) { /* inline: unused without C arrays */\n"
               "    for (int k = nd - 1; k >= 0; k--) { if (a->shape[k] != 1 && a->strides[k] != item) return 0; item *= a->shape[k]; }\n"
               "    return 1;\n}\n\n",
            name, name, name, name, dtype_names);
}

static void write_export(FILE *f, const char *name, int idx, const Exp *e) {
    Cap *c = e->cap;
    Spec *s = c->s;
    const Code *code = s->u.code;
    fprintf(f, "/* %s */\nkxcall %s_xc%d[] = {\n", e->sig, name, idx);
    for (int i = 0; i < c->ntab; i++) {
        const XCall *k = &c->tab[i];
        const char *en = k->ename ? k->ename : rt_err_class(k->code), *em = k->ename ? k->emsg : rt_err_msg(k->code);
        fprintf(f, "    {%d, %d, %d, 0, 0, 0, %d, ", k->d, k->a, k->b, k->line);
        c_string(f, k->file);
        fputs(", 0, ", f);
        c_string(f, en);
        fputs(", ", f);
        c_string(f, em);
        fprintf(f, ", %d, 0},\n", (int)k->code);
    }
    if (!c->ntab) fprintf(f, "    {0},\n");
    fprintf(f, "};\nint %s_k%d(kslot *frame, kslot *ret, krun *run);\nint %s(", name, idx, e->cname);
    params(f, e);
    fprintf(f, " {\n    static const int64_t init[%u] = {", code->ninit ? code->ninit : 1);
    for (uint32_t i = 0; i < code->ninit; i++) fprintf(f, "%s%lldLL", i ? ", " : "", (long long)code->init[i].i);
    fprintf(f, "};\n    kslot frame[%u], ret[%d];\n    memset(frame, 0, sizeof frame);\n    memcpy(frame, init, sizeof(int64_t) * %u);\n",
            code->nslots ? code->nslots : 1, slots_of(s->u.ret) + 1, code->ninit);
    fprintf(f, "    krun run = {0, 1, kstack_floor(), &kintr, kintr, err};\n    kxcall where = {0, 0, 0, 0, 0, 0, %d, ", (int)s->fn->def->line);
    c_string(f, code->file);
    fprintf(f, ", 0, 0, 0, 0, 0};\n    (void)where;\n");
    for (int i = 0; i < s->u.nargs; i++) {
        const Type *t = s->u.args[i];
        const char *nm = s->fn->def->names[i];
        int sl = code->arg_slot[i];
        const LeafFix *x = fixed(s, i);
        if (x && x->value) continue; /* a static value: the code has it as a constant and never reads its slot */
        if (t->kind == T_SCALAR) {
            if (t->dtype == KILN_BOOL) fprintf(f, "    frame[%d].i = %s != 0;\n", sl, nm);
            else fprintf(f, "    frame[%d].%s = %s;\n", sl, field(t), nm);
            continue;
        }
        fprintf(f, "    if (!%s || !%s->data) return kraise(&run, \"TypeError\", \"%s: no array\", &where);\n", nm, nm, nm);
        for (int k = 0; k < t->ndim; k++) /* a negative length is bad input, as kiln_call says */
            fprintf(f, "    if (%s->shape[%d] < 0) return kraise(&run, \"ValueError\", \"%s: negative dimensions are not allowed\", &where);\n",
                    nm, k, nm);
        for (int k = 0; x && k < t->ndim; k++) /* static shapes: the lengths compiled in */
            if (x->axes >> k & 1)
                fprintf(f, "    if (%s->shape[%d] != %lld) return kraise(&run, \"ValueError\", \"%s: axis %d must have length %lld (exported for "
                           "static shapes)\", &where);\n", nm, k, (long long)x->dim[k], nm, k, (long long)x->dim[k]);
        if (t->layout == LAYOUT_C)
            fprintf(f, "    if (!kcontig(%s, %d, %zu)) return kraise(&run, \"TypeError\", \"%s must be C-contiguous (exported for %s[%s::1])\", &where);\n",
                    nm, t->ndim, kiln_dtype_size((kiln_dtype)t->dtype), nm, kiln_dtype_name((kiln_dtype)t->dtype), t->ndim > 1 ? ":, " : "");
        fprintf(f, "    frame[%d].p = %s->data;\n", sl, nm);
        for (int k = 0; k < t->ndim; k++)
            fprintf(f, "    frame[%d].i = %s->shape[%d]; frame[%d].i = %s->strides[%d];\n", sl + 1 + k, nm, k, sl + 1 + t->ndim + k, nm, k);
    }
    fprintf(f, "    if (%s_k%d(frame, ret, &run)) return -1;\n", name, idx);
    if (s->u.ret->kind == T_ARRAY) { /* an argument or a view of one: kernels that allocate are not exported */
        fprintf(f, "    if (result) {\n        memset(result, 0, sizeof *result);\n        result->data = ret[0].p;\n");
        for (int k = 0; k < s->u.ret->ndim; k++)
            fprintf(f, "        result->shape[%d] = ret[%d].i; result->strides[%d] = ret[%d].i;\n", k, 1 + k, k, 1 + s->u.ret->ndim + k);
        fprintf(f, "    }\n");
    }
    if (s->u.ret->kind == T_SCALAR) {
        if (s->u.ret->dtype == KILN_BOOL) fprintf(f, "    if (result) *result = ret[0].i != 0;\n");
        else fprintf(f, "    if (result) *result = (%s)ret[0].%s;\n", ctype(s->u.ret), field(s->u.ret));
    }
    fprintf(f, "    return 0;\n}\n\n");
}

/* rename the object's symbols for export idx, then link everything into one relocatable object */
static int link_all(const char *name, const char *tmp, const char *out, Exp *ex, int n) {
    char keep[4200], aot_c[4200], aot_o[4200];
    snprintf(keep, sizeof keep, "%s/keep.txt", tmp);
    snprintf(aot_c, sizeof aot_c, "%s/%s_aot.c", tmp, name);
    snprintf(aot_o, sizeof aot_o, "%s/%s_aot.o", tmp, name);
    FILE *kf = fopen(keep, "w");
    if (!kf) return -1;
    for (int i = 0; i < n; i++) fprintf(kf, "%s\n", ex[i].cname);
    fclose(kf);
    char *ld[520];
    int nl = 0;
    static char objs[512][4200];
    ld[nl++] = "ld"; ld[nl++] = "-r"; ld[nl++] = "-o"; ld[nl++] = (char *)out; ld[nl++] = aot_o;
    for (int i = 0; i < n; i++) {
        snprintf(objs[i], sizeof objs[i], "%s/k%d.o", tmp, i);
        FILE *of = fopen(objs[i], "wb");
        if (!of || fwrite(ex[i].cap->obj, 1, ex[i].cap->n, of) != ex[i].cap->n) { if (of) fclose(of); return -1; }
        fclose(of);
        char r0[300], r1[200], r2[200], r3[200], r4[200], r5[200];
        snprintf(r0, sizeof r0, "%s=%s_k%d", ex[i].cap->sym, name, i);
        snprintf(r1, sizeof r1, "kiln_xc=%s_xc%d", name, i);
        snprintf(r2, sizeof r2, "fh_error=%s_fh_error", name);
        snprintf(r3, sizeof r3, "fh_index=%s_fh_index", name);
        snprintf(r4, sizeof r4, "fh_raise=%s_fh_raise", name);
        snprintf(r5, sizeof r5, "fh_lib=%s_fh_lib", name);
        char *oc[] = {"objcopy", "--redefine-sym", r0, "--redefine-sym", r1, "--redefine-sym", r2, "--redefine-sym", r3,
                      "--redefine-sym", r4, "--redefine-sym", r5, objs[i], NULL};
        if (run_tool(oc)) return -1;
        ld[nl++] = objs[i];
    }
    ld[nl] = NULL;
    const char *cc = getenv("CC");
    char *ccv[] = {(char *)(cc && *cc ? cc : "cc"), "-std=c11", "-O2", "-fPIC", "-Wall", "-I", (char *)tmp, "-c", aot_c, "-o", aot_o, NULL};
    char kg[4300];
    snprintf(kg, sizeof kg, "--keep-global-symbols=%s", keep);
    char *oc2[] = {"objcopy", kg, (char *)out, NULL};
    return run_tool(ccv) || run_tool(ld) || run_tool(oc2) ? -1 : 0;
}

static void help(void) {
    printf("usage: kiln aot FILE.py --sig 'FUNC(TYPE, ...)' [--sig ...] -o NAME [-O3] [--fastmath] [--parallel] [--no-boundscheck] [--static-shapes]\n"
           "\n"
           "Compiles each signature with tier 2 and writes NAME.o and NAME.h: one C function per signature,\n"
           "NAME_FUNC (NAME_FUNC_2, ... for further signatures of FUNC), linked with -lm and nothing of kiln.\n"
           "Arrays are passed as kiln_aot_array (data, shape, strides in bytes); errors come back as -1 and a\n"
           "kiln_aot_error (Python class, message, kernel line). Signature types as for kiln warm; a static\n"
           "value (k=10) is compiled in and left out of the C function's parameters; --static-shapes compiles\n"
           "the lengths a signature gives (f64[8, 8]) in, and the function refuses arrays of other shapes.\n"
           "Needs cc (or $CC), objcopy and ld. Kernels that need runtime helpers beyond raising errors\n"
           "(allocation, complex arithmetic, calls LLVM did not inline) and tuple or array results are refused.\n");
}

int cmd_aot(int argc, char **argv) {
    const char *file = NULL, *out = NULL, *sigs[CLI_SIGS_MAX];
    int nsig = 0;
    kiln_options o;
    bool static_shapes = false;
    kiln_options_init(&o);
    o.tier = KILN_TIER_OPT;
    o.disk_cache = 0; /* the objects come from this compile */
    for (int i = 1; i < argc; i++) {
        const char *a = argv[i];
        if (!strcmp(a, "--help") || !strcmp(a, "-h")) { help(); return EXIT_OK; }
        if ((!strcmp(a, "--sig") || !strncmp(a, "--sig=", 6)) && nsig == CLI_SIGS_MAX) { fprintf(stderr, "kiln aot: at most %d --sig in one run\n", CLI_SIGS_MAX); return EXIT_USAGE; }
        if (!strcmp(a, "--sig") && i + 1 < argc) sigs[nsig++] = argv[++i];
        else if (!strcmp(a, "-o") && i + 1 < argc) out = argv[++i];
        else if (!strcmp(a, "-O3")) o.opt_level = 3;
        else if (!strcmp(a, "--fastmath")) o.fastmath = 1;
        else if (!strcmp(a, "--parallel")) o.parallel = 1;
        else if (!strcmp(a, "--static-shapes")) static_shapes = true;
        else if (!strcmp(a, "--no-boundscheck")) o.boundscheck = 0;
        else if (a[0] == '-') { fprintf(stderr, "kiln aot: unknown option '%s' (see kiln aot --help)\n", a); return EXIT_USAGE; }
        else if (!file) file = a;
        else { fprintf(stderr, "kiln aot: one kernel file at a time\n"); return EXIT_USAGE; }
    }
    if (!file || !nsig || !out) { fprintf(stderr, "kiln aot: expected FILE.py, at least one --sig and -o NAME (see kiln aot --help)\n"); return EXIT_USAGE; }
    const char *base = strrchr(out, '/') ? strrchr(out, '/') + 1 : out;
    for (const char *p = base; *p; p++)
        if (!((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') || *p == '_') || (p == base && *p >= '0' && *p <= '9')) {
            fprintf(stderr, "kiln aot: NAME must be a C identifier (it prefixes the exported functions): '%s'\n", base);
            return EXIT_USAGE;
        }
    kiln_ctx *ctx = kiln_ctx_new(&o);
    if (!ctx) return EXIT_ERR;
    static Caps caps;
    caps.n = 0;
    ctx->aot_sink = sink;
    ctx->aot_cx = &caps;
    kiln_error err;
    int rc = EXIT_OK, n = 0;
    static Exp ex[CLI_SIGS_MAX];
    kiln_module *m = kiln_load_file(ctx, file, &err);
    if (!m) { cli_print_error(&err); kiln_ctx_free(ctx); return EXIT_ERR; }
    for (int i = 0; i < nsig && rc == EXIT_OK; i++) {
        char name[128], msg[256];
        kiln_value args[CLI_SIG_ARGS];
        int nargs, before = caps.n;
        ValPool pool = {0};
        kiln_func *f = NULL;
        SigExtra extra;
        if (cli_parse_sig(sigs[i], name, sizeof name, args, &nargs, &pool, msg, sizeof msg, &extra)) {
            fprintf(stderr, "kiln aot: bad signature '%s': %s\n", sigs[i], msg);
            rc = EXIT_USAGE;
        } else if (!(f = kiln_lookup(m, name))) {
            fprintf(stderr, "kiln aot: %s has no function '%s'\n", file, name);
            rc = EXIT_ERR;
        } else if (cli_sig_bind(f, args, &nargs, &extra, static_shapes, msg, sizeof msg)) {
            fprintf(stderr, "kiln aot: %s: %s\n", sigs[i], msg);
            rc = EXIT_USAGE;
        } else if (kiln_compile(f, args, nargs, &err)) {
            cli_print_error(&err);
            rc = EXIT_ERR;
        } else {
            Cap *top = NULL; /* the signature's own object: compiled last, after its callees */
            for (int k = caps.n - 1; k >= before && !top; k--) if (caps.v[k].s->fn == f) top = &caps.v[k];
            if (!top) { fprintf(stderr, "kiln aot: %s: no tier-2 code (a repeated signature, or LLVM bailed out)\n", sigs[i]); rc = EXIT_ERR; }
            else {
                int same = 0;
                for (int k = 0; k < n; k++) same += ex[k].cap->s->fn == f;
                ex[n].cap = top; ex[n].sig = sigs[i];
                if (same) snprintf(ex[n].cname, sizeof ex[n].cname, "%s_%s_%d", base, name, same + 1);
                else snprintf(ex[n].cname, sizeof ex[n].cname, "%s_%s", base, name);
                if (check_export(&ex[n], msg, sizeof msg)) { fprintf(stderr, "kiln aot: cannot export %s: %s\n", sigs[i], msg); rc = EXIT_ERR; }
                else n++;
            }
        }
        cli_pool_free(&pool);
    }
    char tmp[] = "/tmp/kiln-aot-XXXXXX", path[4200], hpath[4200], obj[4200];
    if (rc == EXIT_OK && !mkdtemp(tmp)) { fprintf(stderr, "kiln aot: cannot make a temporary directory\n"); rc = EXIT_ERR; }
    if (rc == EXIT_OK) {
        snprintf(hpath, sizeof hpath, "%s.h", out);
        snprintf(obj, sizeof obj, "%s.o", out);
        snprintf(path, sizeof path, "%s/%s.h", tmp, base);
        FILE *h = fopen(hpath, "w"), *h2 = fopen(path, "w");
        snprintf(path, sizeof path, "%s/%s_aot.c", tmp, base);
        FILE *c = fopen(path, "w");
        if (!h || !h2 || !c) { fprintf(stderr, "kiln aot: cannot write %s: %s\n", hpath, strerror(errno)); rc = EXIT_ERR; }
        else {
            write_header(h, base, file, ex, n);
            write_header(h2, base, file, ex, n);
            write_runtime(c, base);
            for (int i = 0; i < n; i++) write_export(c, base, i, &ex[i]);
        }
        if (h) fclose(h);
        if (h2) fclose(h2);
        if (c) fclose(c);
        if (rc == EXIT_OK && link_all(base, tmp, obj, ex, n)) rc = EXIT_ERR;
        if (rc != EXIT_OK) { unlink(hpath); unlink(obj); } /* nothing half-made is left behind */
        if (rc == EXIT_OK) printf("wrote %s and %s: %d function%s\n", obj, hpath, n, n == 1 ? "" : "s");
        char *rm[] = {"rm", "-rf", tmp, NULL};
        run_tool(rm);
    }
    for (int i = 0; i < caps.n; i++) { free(caps.v[i].obj); free(caps.v[i].tab); }
    kiln_ctx_free(ctx);
    return rc;
}
