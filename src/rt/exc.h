/*
 * exc.h — the Python exception classes kernels raise and catch, with their
 * bases (CPython's hierarchy, the part kiln can raise), and the run's pending
 * exception as a try statement sees it (lower/try.c, OP_LIB LIB_EXC).
 */
#ifndef KILN_EXC_H
#define KILN_EXC_H

#include "run.h"

enum { EXC_MAX = 32 }; /* classes fit the bits of an except clause's mask (uint32) */

int rt_exc_lookup(const char *name);         /* the class named name, or -1 */
const char *rt_exc_name(int cls);
bool rt_exc_raisable(int cls);               /* `raise C(...)` may name it (not BaseException, not KeyboardInterrupt) */
bool rt_exc_matches(int cls, uint32_t mask); /* cls or one of its bases is in mask */
int rt_exc_pending(const Run *r);            /* the class of the exception r holds */
void rt_exc_clear(Run *r);                   /* r holds no exception (it was caught) */
/* a finally clause on an exception's way out: the exception set aside (r holds none while the clause runs; a record
 * the call owns, NULL when out of memory) and put back after it */
struct RtExc *rt_exc_save(Run *r);
void rt_exc_restore(Run *r, struct RtExc *e);
/* an except clause with a bare `raise`: one record per clause and call (NULL when out of memory), the exception
 * being handled kept in it while the clause runs (r holds none), and put back by the `raise` */
struct RtExc *rt_exc_new(Run *r);
/* an except clause's `as` name in print: str(e) (repr false) or repr(e), as CPython writes them */
void rt_exc_text(const struct RtExc *e, bool repr, char *buf, size_t cap);
void rt_exc_stash(Run *r, struct RtExc *e);
void rt_exc_unstash(Run *r, const struct RtExc *e);

#endif
