/*
 * exc.c — the exception classes of CPython's hierarchy that kernels raise,
 * one table: a name and its base. An except clause's classes are a bit mask
 * over it; the pending exception matches when it or one of its bases is in
 * the mask, which is isinstance() on the classes kiln knows.
 */
#include "exc.h"
#include "arith.h"
#include <stdlib.h>
#include <string.h>

static const struct { const char *name; int base; bool raisable; } classes[] = {
    {"BaseException", -1, false},       /* 0 */
    {"Exception", 0, true},             /* 1 */
    {"ArithmeticError", 1, true},       /* 2 */
    {"ZeroDivisionError", 2, true},
    {"OverflowError", 2, true},
    {"FloatingPointError", 2, true},
    {"LookupError", 1, true},           /* 6 */
    {"IndexError", 6, true},
    {"KeyError", 6, true},
    {"ValueError", 1, true},
    {"TypeError", 1, true},
    {"RuntimeError", 1, true},          /* 11 */
    {"RecursionError", 11, false},
    {"NotImplementedError", 11, true},
    {"AssertionError", 1, true},
    {"MemoryError", 1, true},
    {"StopIteration", 1, false},
    {"KeyboardInterrupt", 0, false},
    {"LinAlgError", 9, false},          /* numpy.linalg's, a ValueError (rt/linalg.c raises it) */
};

_Static_assert(sizeof classes / sizeof classes[0] <= EXC_MAX, "an except clause's mask holds every class");

int rt_exc_lookup(const char *name) {
    for (int k = 0; k < (int)(sizeof classes / sizeof classes[0]); k++)
        if (!strcmp(classes[k].name, name)) return k;
    return -1;
}

const char *rt_exc_name(int cls) { return classes[cls].name; }

bool rt_exc_raisable(int cls) { return cls >= 0 && classes[cls].raisable; }

bool rt_exc_matches(int cls, uint32_t mask) {
    for (int k = cls; k >= 0; k = classes[k].base)
        if (mask & (1u << k)) return true;
    return false;
}

int rt_exc_pending(const Run *r) {
    const char *name = r->ename ? r->ename : rt_err_class(r->code);
    int k = rt_exc_lookup(name);
    return k >= 0 ? k : 1; /* a class kiln does not list: an Exception */
}

typedef struct RtExc { RtErr code; int line; const char *file, *ename; char msg[sizeof ((Run *)0)->msg]; } RtExc;

RtExc *rt_exc_save(Run *r) {
    RtExc *e = malloc(sizeof *e);
    if (!e || !hvec_push(r->saved, e)) { free(e); return NULL; }
    e->code = r->code; e->line = r->line; e->file = r->file; e->ename = r->ename;
    memcpy(e->msg, r->msg, sizeof e->msg);
    rt_exc_clear(r);
    return e;
}

/* pending again, and the record freed (one a clause left by a raise or a return stays until the call ends) */
void rt_exc_restore(Run *r, RtExc *e) {
    r->code = e->code; r->line = e->line; r->file = e->file; r->ename = e->ename;
    memcpy(r->msg, e->msg, sizeof r->msg);
    for (uint32_t i = r->saved.n; i-- > 0;)
        if (r->saved.v[i] == e) { r->saved.v[i] = r->saved.v[--r->saved.n]; free(e); return; }
}

struct RtExc *rt_exc_new(Run *r) {
    RtExc *e = calloc(1, sizeof *e);
    if (!e || !hvec_push(r->saved, e)) { free(e); return NULL; }
    return e;
}

void rt_exc_text(const RtExc *e, bool repr, char *buf, size_t cap) {
    if (!e) { snprintf(buf, cap, "%s", repr ? "MemoryError()" : ""); return; }
    if (!repr) { snprintf(buf, cap, "%s", e->msg); return; }
    const char *name = e->ename ? e->ename : "Exception";
    if (!e->msg[0]) { snprintf(buf, cap, "%s()", name); return; }
    if (!strcmp(name, "KeyError")) { snprintf(buf, cap, "%s(%s)", name, e->msg); return; } /* its message is the key's repr */
    char q = strchr(e->msg, '\'') && !strchr(e->msg, '"') ? '"' : '\''; /* Python's repr of the message string */
    size_t k = (size_t)snprintf(buf, cap, "%s(%c", name, q);
    for (const char *p = e->msg; *p && k + 4 < cap; p++) {
        if (*p == q || *p == '\\') buf[k++] = '\\';
        if (*p == '\n') { buf[k++] = '\\'; buf[k++] = 'n'; continue; }
        buf[k++] = *p;
    }
    snprintf(buf + k, cap - k, "%c)", q);
}

void rt_exc_stash(Run *r, RtExc *e) {
    if (e) { e->code = r->code; e->line = r->line; e->file = r->file; e->ename = r->ename; memcpy(e->msg, r->msg, sizeof e->msg); }
    rt_exc_clear(r);
}

void rt_exc_unstash(Run *r, const RtExc *e) {
    if (!e) { /* the record could not be made: the clause re-raises what it can say */
        run_nomem(r, "keeping the exception a bare 'raise' re-raises", r->line, r->file);
        return;
    }
    r->code = e->code; r->line = e->line; r->file = e->file; r->ename = e->ename;
    memcpy(r->msg, e->msg, sizeof r->msg);
}

void rt_exc_clear(Run *r) {
    r->code = RE_OK;
    r->line = 0;
    r->file = NULL;
    r->ename = NULL;
    r->msg[0] = 0;
}
