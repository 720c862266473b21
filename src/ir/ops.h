/*
 * ops.h — the one op table of kiln's typed IR.
 *
 * OP(name, arity, flags, semantics). arity -1: variadic. Operands of binary
 * arithmetic have the result's type (inference inserts CASTs); comparisons
 * take two operands of one type and give bool. Integers wrap; float ops are
 * IEEE with no reassociation; errors carry the instruction's source line.
 * The enum, the printer, the verifier, the folder and the interpreter's
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
#define F_COMM   32  /* commutative */

#define IR_OPS(OP) \
    OP(CONST,    0, F_PURE,               "constant f->cst[aux] (static types: no value)") \
    OP(ARG,      0, F_PURE,               "flattened function argument aux") \
    OP(PARAM,    0, F_PURE,               "block parameter aux: the value its predecessors pass") \
    OP(ADD,      2, F_PURE|F_FOLD|F_COMM, "a + b") \
    OP(SUB,      2, F_PURE|F_FOLD,        "a - b") \
    OP(MUL,      2, F_PURE|F_FOLD|F_COMM, "a * b") \
    OP(DIV,      2, F_RAISES|F_FOLD,      "a / b on floats/complex; ZeroDivisionError when b == 0") \
    OP(FLOORDIV, 2, F_RAISES|F_FOLD,      "a // b, rounding toward -inf (Python); b == 0 raises") \
    OP(MOD,      2, F_RAISES|F_FOLD,      "a % b with the sign of b (Python); b == 0 raises") \
    OP(POW,      2, F_RAISES|F_FOLD,      "a ** b (Python rules; ints: negative b raises ValueError)") \
    OP(NEG,      1, F_PURE|F_FOLD,        "-a") \
    OP(ABS,      1, F_RAISES|F_FOLD,      "abs(a); complex gives its float magnitude") \
    OP(INV,      1, F_PURE|F_FOLD,        "~a on integers") \
    OP(NOT,      1, F_PURE|F_FOLD,        "not a, a bool") \
    OP(AND,      2, F_PURE|F_FOLD|F_COMM, "a & b on ints and bools") \
    OP(OR,       2, F_PURE|F_FOLD|F_COMM, "a | b") \
    OP(XOR,      2, F_PURE|F_FOLD|F_COMM, "a ^ b") \
    OP(SHL,      2, F_RAISES|F_FOLD,      "a << b; negative b raises ValueError; b >= 64 gives 0") \
    OP(SHR,      2, F_RAISES|F_FOLD,      "a >> b, arithmetic for signed; negative b raises") \
    OP(EQ,       2, F_PURE|F_FOLD|F_COMM, "a == b -> bool") \
    OP(NE,       2, F_PURE|F_FOLD|F_COMM, "a != b -> bool") \
    OP(LT,       2, F_PURE|F_FOLD,        "a < b -> bool (NaN compares false)") \
    OP(LE,       2, F_PURE|F_FOLD,        "a <= b -> bool") \
    OP(GT,       2, F_PURE|F_FOLD,        "a > b -> bool") \
    OP(GE,       2, F_PURE|F_FOLD,        "a >= b -> bool") \
    OP(CAST,     1, F_RAISES|F_FOLD,      "a converted to the result type; float->int truncates, NaN/inf raise") \
    OP(SELECT,   3, F_PURE|F_FOLD,        "a ? b : c") \
    OP(MATH,    -1, F_RAISES|F_FOLD,      "math function aux (ir/mathfn.h) of the operands, CPython's errors") \
    OP(CPLX,     2, F_PURE|F_FOLD,        "complex(a, b) from two floats of the component type") \
    OP(REAL,     1, F_PURE|F_FOLD,        "a.real") \
    OP(IMAG,     1, F_PURE|F_FOLD,        "a.imag") \
    OP(CONJ,     1, F_PURE|F_FOLD,        "a.conjugate()") \
    OP(DIM,      1, F_PURE,               "a.shape[aux] of an array") \
    OP(STRIDE,   1, F_PURE,               "a.strides[aux] of an array, in bytes") \
    OP(DATA,     1, F_PURE,               "the address of a's first element, an int (overlap tests)") \
    OP(BOUND,    2, F_RAISES,             "index b normalized for axis aux of array a: wraps negatives, IndexError if out of range") \
    OP(LOAD,    -1, F_READS,              "element a[i0, i1, …] at normalized indices (one per axis)") \
    OP(STORE,   -1, F_WRITES,             "a[i0, …] = v; operands a, v, indices; v has the element type") \
    OP(VIEW,    -1, F_PURE,               "a[i0, …]: view of the trailing axes at normalized leading indices") \
    OP(MKVIEW,  -1, F_PURE,               "view of a's memory: data a.data + b bytes, then the result's shape and strides") \
    OP(ALLOC,   -1, F_RAISES,             "new zeroed array of the result type; operands: the shape") \
    OP(FILL,     2, F_WRITES,             "set every element of a to b") \
    OP(ACOPY,    1, F_RAISES|F_READS,     "a fresh C-contiguous copy of a") \
    OP(LIB,     -1, F_RAISES|F_READS,     "runtime library routine aux & 0xff (rt/lib.h): reductions, scans, matmul; array operands") \
    OP(CALL,    -1, F_RAISES|F_READS|F_WRITES, "call specialization f->callees[aux] with flattened operands") \
    OP(EXTRACT,  1, F_PURE,               "leaf aux of a tuple-typed CALL result")

enum {
#define OP(n, ar, fl, doc) OP_##n,
    IR_OPS(OP)
#undef OP
    OP_COUNT
};

typedef struct OpInfo { const char *name; int arity; unsigned flags; const char *doc; } OpInfo;
extern const OpInfo ir_ops[OP_COUNT];

#endif
