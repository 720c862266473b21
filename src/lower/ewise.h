/*
 * ewise.h — internal to lower/: the lazy elementwise expression tree (Ew) that ewise.c builds
 * from operators and ufuncs over arrays and fuse.c lowers into one loop nest where its value is
 * needed (docs/language.md 12a; the two halves of what DESIGN.md called "fusion").
 */
#ifndef KILN_EWISE_H
#define KILN_EWISE_H

#include "infer.h"

enum { EW_LEAF, EW_BIN, EW_CMP, EW_NEG, EW_ABS, EW_MATH, EW_FLOATTEST, EW_SQUARE, EW_WHERE, EW_MAXMIN, EW_SIGN, EW_PART,
       EW_ROUNDING, EW_TAKE, EW_INVERT, EW_LOGIC, EW_CLIP };

struct Ew {
    int kind;
    int tok;             /* EW_BIN / EW_CMP: the operator token; EW_MATH, EW_FLOATTEST: the MF_* function */
    const Type *ty;      /* type of one element of this node's value */
    struct Ew *k[3];
    Val leaf;            /* EW_LEAF: an array or a scalar; EW_TAKE: the 1-d array read at k[0]'s indices */
    int ndim;            /* rank of this subtree's broadcast shape */
    Node *at;
    bool ufunc;          /* EW_BIN, EW_NEG, EW_INVERT, EW_ABS made by np.power, np.negative & co. rather than an operator */
    bool trunc;          /* EW_BIN %: np.fmod of integers (the remainder's sign is the dividend's) */
    bool tie_first;      /* EW_MAXMIN: of equal values (0.0 and -0.0) the first, as np.clip with scalar bounds */
};

/* one element's type of a tree: strong (a NumPy scalar), whatever its leaves were */
static inline const Type *ew_strong(Inf *I, const Type *t) { return ty_scalar(I->tt, t->dtype, false); }

typedef struct Leaf Leaf; /* fuse.c: an array operand of the loop nest */
enum { MAX_LEAVES = 32 }; /* array operands of one tree */

Ew *ew_of(Inf *I, Val v, Node *at);  /* ewise.c: a leaf, or the tree a lazy value carries */
/* fuse.c: the value of tree e at loop indices iv (nd of them) over the leaves lv */
Val ew_elem(Inf *I, Ew *e, Leaf *lv, int nl, const Ref *iv, int nd);

#endif
