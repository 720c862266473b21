/*
 * opt.h — the pass pipeline over typed IR.
 */
#ifndef KILN_OPT_H
#define KILN_OPT_H

#include "../ir/ir.h"

typedef struct Pass {
    const char *name;
    bool (*run)(Func *f);   /* returns false on allocation failure */
    const char *contract;
} Pass;

extern const Pass opt_passes[];
extern const int opt_npasses;

bool opt_inline(Func *f);
bool opt_recurse(Func *f);
bool opt_fold(Func *f);
bool opt_dce(Func *f);
bool opt_merge(Func *f);
bool opt_select(Func *f);
bool opt_cse(Func *f);
bool opt_bce(Func *f);
bool opt_strfree(Func *f);
bool opt_arrfree(Func *f);
bool opt_dominators(Func *f, uint32_t *idom);
bool opt_dominates(const uint32_t *idom, uint32_t a, uint32_t b); /* a dominates b, by opt_dominators' idom */
/* run the pipeline; if trace, print the IR after each pass (or only after
 * the pass named only) */
bool opt_run(Func *f, FILE *trace, const char *only, char *err, size_t cap);

#endif
