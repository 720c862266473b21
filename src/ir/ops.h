/*
 * ops.h — the one op table of kiln's typed IR.
 *
 * OP(name, arity, flags, type rule, semantics). arity -1: variadic. Operands of binary
 * arithmetic have the result's type (inference inserts CASTs); comparisons
 * take two operands of one type and give bool. Integers wrap; float ops are
 * IEEE with no reassociation; errors carry the instruction's source line.
 * The enum, the printer, the verifier (the type rule), dce (F_WRITES,
 * F_RAISES), cse (F_CSE, F_COMM), the folder (F_FOLD) and the interpreter's
 * selection all come from this table.
 */
#ifndef KILN_OPS_H
#define KILN_OPS_H

/* flags */
#define F_PURE   1   /* no side effect, no error: removable when unused */
#define F_FOLD   2   /* constant-foldable through rt/arith */
#define F_RAISES 4   /* may raise a Python exception */
#define F_READS  8   /* reads array memory */
#define F_WRITES 16  /* writes array memory */
#define F_COMM   32  /* commutative: cse takes op(a, b) and op(b, a) as one value */
#define F_CSE    64  /* two with equal operands (type, flags, aux) are one value: cse may merge them */

/* type rules the verifier checks */
enum {
    R_ANY,    /* checked elsewhere, or nothing to check */
    R_ARITH,  /* two operands of the result's type */
    R_CMP,    /* two operands of one type; the result is bool */
    R_ARRAY,  /* operand 0 is an array (LIB's int_bounds: an int scalar) */
};

#define IR_OPS(OP) \
    OP(CONST,    0, F_PURE|F_CSE,                 R_ANY,   "constant f->cst[aux] (static types: no value)") \
    OP(ARG,      0, F_PURE,                       R_ANY,   "flattened function argument aux") \
    OP(PARAM,    0, F_PURE,                       R_ANY,   "block parameter aux: the value its predecessors pass") \
    OP(ADD,      2, F_PURE|F_FOLD|F_COMM|F_CSE,   R_ARITH, "a + b") \
    OP(SUB,      2, F_PURE|F_FOLD|F_CSE,          R_ARITH, "a - b") \
    OP(MUL,      2, F_PURE|F_FOLD|F_COMM|F_CSE,   R_ARITH, "a * b") \
    OP(DIV,      2, F_RAISES|F_FOLD|F_CSE,        R_ARITH, "a / b on floats/complex; ZeroDivisionError when b == 0") \
    OP(FLOORDIV, 2, F_RAISES|F_FOLD|F_CSE,        R_ARITH, "a // b, rounding toward -inf (Python); b == 0 raises") \
    OP(MOD,      2, F_RAISES|F_FOLD|F_CSE,        R_ARITH, "a % b with the sign of b (Python); b == 0 raises") \
    OP(POW,      2, F_RAISES|F_FOLD|F_CSE,        R_ARITH, "a ** b (Python rules; ints: negative b raises ValueError)") \
    OP(NEG,      1, F_PURE|F_FOLD|F_CSE,          R_ANY,   "-a") \
    OP(ABS,      1, F_RAISES|F_FOLD|F_CSE,        R_ANY,   "abs(a); complex gives its float magnitude") \
    OP(INV,      1, F_PURE|F_FOLD|F_CSE,          R_ANY,   "~a on integers") \
    OP(NOT,      1, F_PURE|F_FOLD|F_CSE,          R_ANY,   "not a, a bool") \
    OP(AND,      2, F_PURE|F_FOLD|F_COMM|F_CSE,   R_ARITH, "a & b on ints and bools") \
    OP(OR,       2, F_PURE|F_FOLD|F_COMM|F_CSE,   R_ARITH, "a | b") \
    OP(XOR,      2, F_PURE|F_FOLD|F_COMM|F_CSE,   R_ARITH, "a ^ b") \
    OP(SHL,      2, F_RAISES|F_FOLD|F_CSE,        R_ARITH, "a << b; negative b raises ValueError; b >= 64 gives 0") \
    OP(SHR,      2, F_RAISES|F_FOLD|F_CSE,        R_ARITH, "a >> b, arithmetic for signed; negative b raises") \
    OP(EQ,       2, F_PURE|F_FOLD|F_COMM|F_CSE,   R_CMP,   "a == b -> bool") \
    OP(NE,       2, F_PURE|F_FOLD|F_COMM|F_CSE,   R_CMP,   "a != b -> bool") \
    OP(LT,       2, F_PURE|F_FOLD|F_CSE,          R_CMP,   "a < b -> bool (NaN compares false)") \
    OP(LE,       2, F_PURE|F_FOLD|F_CSE,          R_CMP,   "a <= b -> bool") \
    OP(GT,       2, F_PURE|F_FOLD|F_CSE,          R_CMP,   "a > b -> bool") \
    OP(GE,       2, F_PURE|F_FOLD|F_CSE,          R_CMP,   "a >= b -> bool") \
    OP(CAST,     1, F_RAISES|F_FOLD|F_CSE,        R_ANY,   "a converted to the result type; float->int truncates, NaN/inf raise") \
    OP(SELECT,   3, F_PURE|F_FOLD|F_CSE,          R_ANY,   "a ? b : c") \
    OP(MATH,    -1, F_RAISES|F_FOLD|F_CSE,        R_ANY,   "math function aux (ir/mathfn.h) of the operands, CPython's errors") \
    OP(CPLX,     2, F_PURE|F_FOLD|F_CSE,          R_ANY,   "complex(a, b) from two floats of the component type") \
    OP(REAL,     1, F_PURE|F_FOLD|F_CSE,          R_ANY,   "a.real") \
    OP(IMAG,     1, F_PURE|F_FOLD|F_CSE,          R_ANY,   "a.imag") \
    OP(CONJ,     1, F_PURE|F_FOLD|F_CSE,          R_ANY,   "a.conjugate()") \
    OP(DIM,      1, F_PURE|F_CSE,                 R_ARRAY, "a.shape[aux] of an array") \
    OP(STRIDE,   1, F_PURE|F_CSE,                 R_ARRAY, "a.strides[aux] of an array, in bytes") \
    OP(DATA,     1, F_PURE|F_CSE,                 R_ARRAY, "the address of a's first element, an int (overlap tests)") \
    OP(BOUND,    2, F_RAISES|F_CSE,               R_ARRAY, "index b normalized for axis aux of array a: wraps negatives, IndexError if out of range") \
    OP(LOAD,    -1, F_READS,                      R_ARRAY, "element a[i0, i1, …] at normalized indices (one per axis)") \
    OP(STORE,   -1, F_WRITES,                     R_ARRAY, "a[i0, …] = v; operands a, v, indices; v has the element type") \
    OP(VIEW,    -1, F_PURE|F_CSE,                 R_ARRAY, "a[i0, …]: view of the trailing axes at normalized leading indices") \
    OP(MKVIEW,  -1, F_PURE|F_CSE,                 R_ARRAY, "view of a's memory: data a.data + b bytes, then the result's shape and strides") \
    OP(ALLOC,   -1, F_RAISES,                     R_ANY,   "new zeroed array of the result type; operands: the shape") \
    OP(FILL,     2, F_WRITES,                     R_ARRAY, "set every element of a to b") \
    OP(ACOPY,    1, F_RAISES|F_READS,             R_ARRAY, "a fresh C-contiguous copy of a") \
    OP(LIB,     -1, F_RAISES|F_READS,             R_ARRAY, "runtime library routine aux & 0xff (rt/lib.h): reductions, scans, matmul; array operands") \
    OP(CALL,    -1, F_RAISES|F_READS|F_WRITES,    R_ANY,   "call specialization f->callees[aux] with flattened operands") \
    OP(EXTRACT,  1, F_PURE,                       R_ANY,   "leaf aux of a tuple-typed CALL result") \
    OP(LVIEW,    1, F_READS,                      R_ANY,   "list a's items as a 1-d C array (valid until a's length or storage next changes)") \
    OP(FRAME,    0, F_RAISES,                     R_ANY,   "a call inlined here (opt/inline.c), aux more nested in it: RecursionError where they would pass max_recursion")

enum {
#define OP(n, ar, fl, rule, doc) OP_##n,
    IR_OPS(OP)
#undef OP
    OP_COUNT
};

typedef struct OpInfo { const char *name; int arity; unsigned flags; int rule; const char *doc; } OpInfo;
extern const OpInfo ir_ops[OP_COUNT];

#endif
