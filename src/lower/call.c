/*
 * call.c — names, attributes and calls: module constants, kernels of the
 * module (specialized for the argument types at each call site), builtins,
 * math.*, numpy constructors and dtypes, and methods of values.
 */
#include "infer.h"
#include "starnames.h"
#include "../ir/lib.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

enum {
    BI_RANGE, BI_LEN, BI_ABS, BI_MIN, BI_MAX, BI_INT, BI_FLOAT, BI_COMPLEX, BI_BOOL, BI_ROUND,
    BI_ENUMERATE, BI_ZIP, BI_PRINT, BI_SUM, BI_ALL, BI_ANY, BI_LIST, BI_SORTED, BI_SET, BI_STR, BI_REPR, BI_ASCII, BI_FORMAT, BI_REVERSED, BI_ORD, BI_CHR,
    BI_DIVMOD, BI_POW, BI_ISINSTANCE, BI_DICT, BI_BIN, BI_OCT, BI_HEX, BI_NEXT, BI_HASH, BI_DEFAULTDICT, BI_COUNTER, BI_DEQUE /* collections' */, BI_TUPLE,
    BI_NP_ARRAY, BI_NP_ASARRAY,
    BI_NP_EMPTY, BI_NP_ZEROS, BI_NP_ONES, BI_NP_FULL,
    BI_NP_EMPTY_LIKE, BI_NP_ZEROS_LIKE, BI_NP_ONES_LIKE, BI_NP_FULL_LIKE,
    BI_NP_DOT, BI_NP_MATMUL, BI_NP_EINSUM, BI_NP_NONZERO,
    BI_NP_ARANGE, BI_NP_LINSPACE, BI_NP_EYE, BI_NP_COPY, BI_NP_CONCATENATE, BI_NP_STACK, BI_NP_ROLL, BI_NP_DIFF,
    BI_NP_TILE, BI_NP_REPEAT, BI_NP_COUNT_NONZERO, BI_NP_TRANSPOSE, BI_NP_ROUND, BI_NP_COPYTO, BI_NP_DIAGONAL, BI_NP_TRACE, BI_NP_NORM, BI_NP_SOLVE, BI_NP_INV, BI_NP_DET, BI_NP_CHOLESKY, BI_NP_EIGVALSH, BI_NP_EIGH, BI_NP_EIGVALS, BI_NP_EIG, BI_NP_SVD, BI_NP_QR, BI_NP_LSTSQ, BI_NP_PINV, BI_NP_SLOGDET, BI_NP_SPLIT, BI_NP_ARRAY_SPLIT, BI_NP_NDINDEX, BI_NP_NDENUMERATE, BI_NP_DTYPE, BI_NP_ERRSTATE,
    BI_MATH = 100, /* + MF_* */
    BI_REDUCE = 300, /* + index in reduction.c's table */
    BI_SORT = 400, /* + index in sorting.c's table */
    BI_RANDOM = 500, /* + index in random.c's table */
    BI_CUDA = 600,   /* + CU_* of cuda.c */
    BI_ITERTOOLS = 700, /* + IT_* of itertools.c (functools.reduce too) */
    BI_MATHINT = 800,   /* + math's integer functions of mathint.c */
    BI_HEAPQ = 1000,    /* + heapq.c's functions */
    BI_CLOCK = 1100,    /* + clock.c's clocks of the time module */
    BI_MATHPY = 1200,   /* + mathpy.c's math functions written in Python */
    BI_NPDIST = 1300,   /* + npdist.c's legacy np.random distributions */
    BI_BISECT = 1400,   /* + bisect.c's functions */
    BI_NBTYPED = 1500,  /* + NB_* of nbtyped.c: numba.typed.List and Dict */
    BI_CMATH = 1600,    /* + cmath.c's functions of the cmath module */
    BI_NPUFUNC = 1700,  /* + npufunc.c's NumPy ufuncs written in Python (NU_MAX of them at most) */
    BI_NPINDEX = 1800,  /* + npindex.c's index-making functions (NX_MAX at most) */
    BI_NPWRAP = 1900,   /* + npwrap.c's NumPy wrappers of other functions (NW_MAX at most) */
    BI_NPPOLY = 1950,   /* + nppoly.c's polynomial functions (PL_MAX at most) */
    BI_NPMISC = 2000,   /* + npmisc.c's NumPy functions (NM_MAX of them at most) */
    BI_UFUNC = BI_NPMISC + NM_MAX, /* + index in ewise.c's ufunc table (UF_MAX of them at most: the last range) */
};

int cl_itertools(int id) { return id >= BI_ITERTOOLS && id < BI_ITERTOOLS + 100 ? id - BI_ITERTOOLS : -1; }

static const struct { const char *name; int id; } builtins[] = {
    {"range", BI_RANGE}, {"len", BI_LEN}, {"abs", BI_ABS}, {"min", BI_MIN}, {"max", BI_MAX},
    {"int", BI_INT}, {"float", BI_FLOAT}, {"complex", BI_COMPLEX}, {"bool", BI_BOOL}, {"round", BI_ROUND},
    {"enumerate", BI_ENUMERATE}, {"zip", BI_ZIP}, {"print", BI_PRINT}, {"sum", BI_SUM}, {"all", BI_ALL}, {"any", BI_ANY},
    {"list", BI_LIST}, {"sorted", BI_SORTED}, {"set", BI_SET}, {"str", BI_STR}, {"repr", BI_REPR}, {"ascii", BI_ASCII}, {"format", BI_FORMAT}, {"reversed", BI_REVERSED}, {"ord", BI_ORD},
    {"chr", BI_CHR}, {"divmod", BI_DIVMOD}, {"pow", BI_POW},
    {"isinstance", BI_ISINSTANCE}, {"dict", BI_DICT}, {"bin", BI_BIN}, {"oct", BI_OCT}, {"hex", BI_HEX},
    {"next", BI_NEXT}, {"hash", BI_HASH}, {"tuple", BI_TUPLE},
};

static const struct { const char *name; int id; } np_funcs[] = {
    {"empty", BI_NP_EMPTY}, {"zeros", BI_NP_ZEROS}, {"ones", BI_NP_ONES}, {"full", BI_NP_FULL},
    {"empty_like", BI_NP_EMPTY_LIKE}, {"zeros_like", BI_NP_ZEROS_LIKE}, {"ones_like", BI_NP_ONES_LIKE},
    {"full_like", BI_NP_FULL_LIKE}, {"dot", BI_NP_DOT}, {"matmul", BI_NP_MATMUL}, {"einsum", BI_NP_EINSUM}, {"nonzero", BI_NP_NONZERO},
    {"arange", BI_NP_ARANGE}, {"linspace", BI_NP_LINSPACE}, {"eye", BI_NP_EYE}, {"copy", BI_NP_COPY},
    {"concatenate", BI_NP_CONCATENATE}, {"concat", BI_NP_CONCATENATE} /* NumPy 2's array-API name */, {"stack", BI_NP_STACK}, {"roll", BI_NP_ROLL}, {"diff", BI_NP_DIFF},
    {"tile", BI_NP_TILE}, {"repeat", BI_NP_REPEAT}, {"count_nonzero", BI_NP_COUNT_NONZERO},
    {"transpose", BI_NP_TRANSPOSE}, {"permute_dims", BI_NP_TRANSPOSE}, {"round", BI_NP_ROUND}, {"around", BI_NP_ROUND}, {"array", BI_NP_ARRAY},
    {"asarray", BI_NP_ASARRAY}, {"asanyarray", BI_NP_ASARRAY} /* kiln has no subclasses */, {"copyto", BI_NP_COPYTO}, {"diagonal", BI_NP_DIAGONAL}, {"trace", BI_NP_TRACE},
    {"split", BI_NP_SPLIT}, {"array_split", BI_NP_ARRAY_SPLIT}, {"ndindex", BI_NP_NDINDEX},
    {"ndenumerate", BI_NP_NDENUMERATE}, {"dtype", BI_NP_DTYPE}, {"errstate", BI_NP_ERRSTATE},
};

static const struct { const char *name; kiln_dtype dt; } np_dtypes[] = {
    {"float64", KILN_FLOAT64}, {"float32", KILN_FLOAT32}, {"double", KILN_FLOAT64}, {"single", KILN_FLOAT32},
    {"float_", KILN_FLOAT64}, {"int64", KILN_INT64}, {"int32", KILN_INT32}, {"int16", KILN_INT16},
    {"int8", KILN_INT8}, {"int_", KILN_INT64}, {"intp", KILN_INT64}, {"uint64", KILN_UINT64},
    {"uint32", KILN_UINT32}, {"uint16", KILN_UINT16}, {"uint8", KILN_UINT8}, {"uintp", KILN_UINT64},
    {"bool_", KILN_BOOL}, {"bool", KILN_BOOL}, {"complex128", KILN_COMPLEX128}, {"complex64", KILN_COMPLEX64},
    {"cdouble", KILN_COMPLEX128}, {"csingle", KILN_COMPLEX64},
};

static Val mk(Inf *I, Ref r) { return val_of(I, r); }
static Val stat(Inf *I, const Type *t) { Val v = mk(I, inf_static(I, t)); return v; }
static const Type *i64w(Inf *I) { return ty_scalar(I->tt, KILN_INT64, true); }
static const Type *f64w(Inf *I) { return ty_scalar(I->tt, KILN_FLOAT64, true); }
static const Type *boolw(Inf *I) { return ty_scalar(I->tt, KILN_BOOL, true); }
static Val unknown(Inf *I) { return stat(I, &I->tt->unknown); }

static Val builtin(Inf *I, int id) {
    const Type *t = ty_func(I->tt, T_BUILTIN, id);
    if (!t) inf_oom(I);
    return stat(I, t);
}

static Val fcst(Inf *I, double x) { return mk(I, inf_const_f(I, f64w(I), x)); }

/* a module array constant: one fresh copy per call, made in the entry block (so every use is
 * dominated by it, and a loop reading it does not copy it again), filled by stores marked as its own;
 * a write into it is refused once the function is built (frozen_check) */
static Val list_of_lit(Inf *I, Lit *l);

static Val frozen_array(Inf *I, Lit *l) {
    for (uint32_t i = 0; i < I->frozen.n; i++)
        if (I->frozen.v[i].lit == l) return val_of(I, I->frozen.v[i].r);
    uint32_t save = I->cur;
    I->cur = 0;
    const Type *i64 = ty_scalar(I->tt, KILN_INT64, true), *et = ty_scalar(I->tt, l->ty->dtype, false);
    int nd = l->ty->ndim;
    Ref dims[KILN_MAXDIM], iv[KILN_MAXDIM];
    for (int k = 0; k < nd; k++) dims[k] = inf_const_i(I, i64, l->shape[k]);
    Ref a = inf_emit(I, OP_ALLOC, l->ty, dims, (uint32_t)nd, 0);
    I->f->ins.v[a].flags |= ALLOC_UNINIT | ALLOC_FROZEN;
    int64_t idx[KILN_MAXDIM] = {0};
    for (int64_t e = 0; e < l->count; e++) {
        for (int k = 0; k < nd; k++) iv[k] = inf_const_i(I, i64, idx[k]);
        Ref v = ir_const(I->f, I->cur, et, l->data[e], (uint32_t)I->line);
        if (!v) inf_oom(I);
        Ref ops[2 + KILN_MAXDIM] = {a, v};
        for (int k = 0; k < nd; k++) ops[2 + k] = iv[k];
        Ref st = inf_emit(I, OP_STORE, NULL, ops, (uint32_t)(2 + nd), 0);
        I->f->ins.v[st].flags |= STORE_INIT;
        for (int k = nd - 1; k >= 0 && ++idx[k] == l->shape[k]; k--) idx[k] = 0; /* the next index, C order */
    }
    I->cur = save;
    struct Frozen fz = {l, a};
    if (!vec_push(I->a, I->frozen, fz)) inf_oom(I);
    return val_of(I, a);
}

/* a module list constant: built in the entry block, once per kernel call (its changes stay in the call) */
static Val frozen_list(Inf *I, Lit *l) {
    for (uint32_t i = 0; i < I->frozen.n; i++)
        if (I->frozen.v[i].lit == l) return val_of(I, I->frozen.v[i].r);
    uint32_t save = I->cur;
    I->cur = 0;
    Val v = list_of_lit(I, l);
    I->cur = save;
    struct Frozen fz = {l, v.r};
    if (!vec_push(I->a, I->frozen, fz)) inf_oom(I);
    return v;
}

/* the list a list Lit holds (inner lists: lists of their own) */
static Val list_of_lit(Inf *I, Lit *l) {
    Node *n = arena_alloc(I->a, sizeof *n);
    Node **kids = arena_alloc(I->a, sizeof(Node *) * (size_t)(l->count ? l->count : 1));
    Val *vals = arena_alloc(I->a, sizeof(Val) * (size_t)(l->count ? l->count : 1));
    if (!n || !kids || !vals) inf_oom(I);
    memset(n, 0, sizeof *n);
    n->kind = N_LIST; n->line = I->line; n->id = -1; n->kids = kids; n->nkids = (int32_t)l->count;
    for (int64_t i = 0; i < l->count; i++) {
        kids[i] = n;
        vals[i] = l->elems[i].ty->kind == T_LIST ? list_of_lit(I, &l->elems[i]) : cl_lit(I, &l->elems[i]);
    }
    return ls_display_of(I, n, vals);
}

Val cl_lit(Inf *I, Lit *l) {
    if (l->ty->kind == T_ARRAY) return frozen_array(I, l);
    if (l->ty->kind == T_LIST) return frozen_list(I, l);
    if (l->ty->kind == T_TUPLE) {
        Val r = {0};
        r.ty = l->ty; r.str = -1;
        r.el = arena_alloc(I->a, sizeof(Val) * l->ty->n);
        if (!r.el) inf_oom(I);
        for (int i = 0; i < l->ty->n; i++) r.el[i] = cl_lit(I, &l->elems[i]);
        return r;
    }
    if (l->ty->kind == T_STR) { /* a string constant: a literal, as if written here */
        Val v = stat(I, &I->tt->str);
        if ((v.str = ir_str(I->f, l->ty->text)) < 0) inf_oom(I);
        return v;
    }
    if (ex_is_static(l->ty)) return stat(I, l->ty);
    Ref r = ir_const(I->f, I->cur, l->ty, l->v, (uint32_t)I->line);
    if (!r) inf_oom(I);
    return mk(I, r);
}

static Val module_attr(Inf *I, int mod, const char *name, Node *at) {
    if (mod >= MOD_CUDA && mod <= MOD_CUDA_ATOMIC) {
        int sub = cu_submodule(mod, name), fn = cu_lookup(mod, name);
        Val v;
        if (sub >= 0) return stat(I, &I->tt->module[sub]);
        if (mod == MOD_CUDA && cu_module_value(I, name, &v)) return v;
        if (fn >= 0) return builtin(I, BI_CUDA + fn);
        if (mod >= MOD_CUDA_TID && mod <= MOD_CUDA_NCTAID) return cu_register(I, mod, name, at);
        inf_fail(I, at, "cuda%s.%s is not supported in kernels%s", mod == MOD_CUDA_SHARED ? ".shared" : mod == MOD_CUDA_LOCAL ? ".local"
                 : mod == MOD_CUDA_ATOMIC ? ".atomic" : "", name, I->star_note);
    }
    if (mod == MOD_ITERTOOLS || mod == MOD_FUNCTOOLS) {
        int k = it_lookup(mod, name);
        if (k < 0) inf_fail(I, at, "%s.%s is not supported in kernels (itertools' product, permutations, combinations, "
                            "combinations_with_replacement, chain, pairwise, accumulate and groupby, and functools.reduce are)%s",
                            mod == MOD_ITERTOOLS ? "itertools" : "functools", name, I->star_note);
        return builtin(I, BI_ITERTOOLS + k);
    }
    if (mod == MOD_TIME) {
        int k = ck_lookup(name);
        if (k < 0) inf_fail(I, at, "time.%s is not supported in kernels (time, perf_counter, monotonic, process_time and "
                            "their _ns forms are)%s", name, I->star_note);
        return builtin(I, BI_CLOCK + k);
    }
    if (mod == MOD_HEAPQ) {
        int k = hq_lookup(name);
        if (k < 0) inf_fail(I, at, "heapq.%s is not supported in kernels (heappush, heappop, heapify, heappushpop and "
                            "heapreplace are)%s", name, I->star_note);
        return builtin(I, BI_HEAPQ + k);
    }
    if (mod == MOD_BISECT) {
        int k = bs_lookup(name);
        if (k < 0) inf_fail(I, at, "bisect.%s is not supported in kernels (bisect_left, bisect_right, bisect, insort_left, "
                            "insort_right and insort are)%s", name, I->star_note);
        return builtin(I, BI_BISECT + k);
    }
    if (mod == MOD_RANDOM || mod == MOD_NP_RANDOM) {
        int k = rn_lookup(mod, name);
        if (k < 0 && mod == MOD_NP_RANDOM && (k = nd_lookup(name)) >= 0) return builtin(I, BI_NPDIST + k);
        if (k < 0) inf_fail(I, at, "%s.%s is not supported%s", mod == MOD_RANDOM ? "random" : "numpy.random", name, I->star_note);
        return builtin(I, BI_RANDOM + k);
    }
    if (mod == MOD_CMATH) {
        int k = cm_lookup(name);
        if (k >= 0) return builtin(I, BI_CMATH + k);
        if (!strcmp(name, "infj") || !strcmp(name, "nanj"))
            return mk(I, inf_op2(I, OP_CPLX, ty_scalar(I->tt, KILN_COMPLEX128, true), fcst(I, 0.0).r, fcst(I, name[0] == 'i' ? INFINITY : NAN).r));
        if (strcmp(name, "pi") && strcmp(name, "e") && strcmp(name, "tau") && strcmp(name, "inf") && strcmp(name, "nan"))
            inf_fail(I, at, "module 'cmath' has no attribute '%s'%s", name, I->star_note);
    }
    if (mod == MOD_COLLECTIONS) {
        if (!strcmp(name, "defaultdict")) return builtin(I, BI_DEFAULTDICT);
        if (!strcmp(name, "Counter")) return builtin(I, BI_COUNTER);
        if (!strcmp(name, "deque")) return builtin(I, BI_DEQUE);
        inf_fail(I, at, "collections.%s is not supported in kernels (defaultdict, Counter and deque are; namedtuple makes classes at "
                        "module level)%s", name, I->star_note);
    }
    if (mod == MOD_NUMBA) { /* numba.typed, numba.types, numba.core (numba.core.types), numba's scalar types */
        if (!strcmp(name, "typed")) return stat(I, &I->tt->module[MOD_NB_TYPED]);
        if (!strcmp(name, "types")) return stat(I, &I->tt->module[MOD_NB_TYPES]);
        if (!strcmp(name, "core")) return stat(I, &I->tt->module[MOD_NUMBA]);
        if (nb_scalar(name) >= 0) return stat(I, &I->tt->dtype[nb_scalar(name)]);
        inf_fail(I, at, "numba.%s is not supported in kernels (numba.typed.List and Dict, numba.types and numba's scalar "
                        "types are)%s", name, I->star_note);
    }
    if (mod == MOD_NB_TYPED) {
        if (!strcmp(name, "List") || !strcmp(name, "Dict")) return builtin(I, BI_NBTYPED + (name[0] == 'L' ? NB_LIST : NB_DICT));
        inf_fail(I, at, "numba.typed.%s is not supported in kernels (List and Dict are)%s", name, I->star_note);
    }
    if (mod == MOD_NB_TYPES) { /* a scalar type converts (types.float64(x)); the others are read as a container's types */
        if (nb_scalar(name) >= 0) return stat(I, &I->tt->dtype[nb_scalar(name)]);
        inf_fail(I, at, "numba.types.%s is read only as List.empty_list's and Dict.empty's type argument here%s", name, I->star_note);
    }
    if (mod == MOD_NUMPY && !strcmp(name, "random")) return stat(I, &I->tt->module[MOD_NP_RANDOM]);
    if (mod == MOD_NUMPY && !strcmp(name, "linalg")) return stat(I, &I->tt->module[MOD_NP_LINALG]);
    if (mod == MOD_NP_LINALG) {
        if (!strcmp(name, "norm")) return builtin(I, BI_NP_NORM);
        if (!strcmp(name, "solve")) return builtin(I, BI_NP_SOLVE);
        if (!strcmp(name, "inv")) return builtin(I, BI_NP_INV);
        if (!strcmp(name, "det")) return builtin(I, BI_NP_DET);
        if (!strcmp(name, "cholesky")) return builtin(I, BI_NP_CHOLESKY);
        if (!strcmp(name, "eigvalsh")) return builtin(I, BI_NP_EIGVALSH);
        if (!strcmp(name, "eigh")) return builtin(I, BI_NP_EIGH);
        if (!strcmp(name, "eigvals")) return builtin(I, BI_NP_EIGVALS);
        if (!strcmp(name, "eig")) return builtin(I, BI_NP_EIG);
        if (!strcmp(name, "svd")) return builtin(I, BI_NP_SVD);
        if (!strcmp(name, "qr")) return builtin(I, BI_NP_QR);
        if (!strcmp(name, "lstsq")) return builtin(I, BI_NP_LSTSQ);
        if (!strcmp(name, "pinv")) return builtin(I, BI_NP_PINV);
        if (!strcmp(name, "slogdet")) return builtin(I, BI_NP_SLOGDET);
        int u = nm_lookup(name);
        if (u >= 0 && nm_linalg(u)) return builtin(I, BI_NPMISC + u); /* matrix_power, matrix_rank, cond */
        inf_fail(I, at, "numpy.linalg.%s is not supported (numpy.linalg.norm, solve, inv, det, cholesky, eigvalsh, eigh, eigvals, eig, svd, qr, lstsq, pinv, slogdet, matrix_rank, cond and matrix_power are)%s", name,
                 I->star_note);
    }
    static const struct { const char *n; double v; } consts[] = {
        {"pi", M_PI}, {"e", M_E}, {"tau", 2 * M_PI}, {"inf", INFINITY}, {"nan", NAN},
    };
    for (size_t i = 0; i < NELEM(consts); i++)
        if (strcmp(name, consts[i].n) == 0) return fcst(I, consts[i].v);
    if (mod == MOD_MATH) {
        int fn = ir_mathfn_lookup(name);
        if (fn >= 0) return builtin(I, BI_MATH + fn);
        if ((fn = mi_lookup(name)) >= 0) return builtin(I, BI_MATHINT + fn);
        if ((fn = mp_lookup(name)) >= 0) return builtin(I, BI_MATHPY + fn);
        inf_fail(I, at, "module 'math' has no attribute '%s' (or it is not supported)%s", name, I->star_note);
    }
    if (strcmp(name, "newaxis") == 0) return stat(I, &I->tt->none);
    for (size_t i = 0; i < NELEM(np_dtypes); i++)
        if (strcmp(name, np_dtypes[i].name) == 0) return stat(I, &I->tt->dtype[np_dtypes[i].dt]);
    for (size_t i = 0; i < NELEM(np_funcs); i++)
        if (strcmp(name, np_funcs[i].name) == 0) return builtin(I, np_funcs[i].id);
    int u = ew_ufunc_lookup(name);
    if (u >= 0) return builtin(I, BI_UFUNC + u);
    if ((u = nu_lookup(name)) >= 0) return builtin(I, BI_NPUFUNC + u);
    if ((u = nx_lookup(name)) >= 0) return builtin(I, BI_NPINDEX + u);
    if ((u = nw_lookup(name)) >= 0) return builtin(I, BI_NPWRAP + u);
    if ((u = pl_lookup(name)) >= 0) return builtin(I, BI_NPPOLY + u);
    if ((u = nm_lookup(name)) >= 0 && !nm_linalg(u)) return builtin(I, BI_NPMISC + u); /* np.linalg's are not np's */
    int rd = rd_lookup(name);
    if (rd >= 0) return builtin(I, BI_REDUCE + rd);
    int so = so_lookup(name);
    if (so >= 0) return builtin(I, BI_SORT + so);
    inf_fail(I, at, "numpy.%s is not supported%s", name, I->star_note);
}

/* whether a star import of module mod ("numpy", "math") binds name: the module's own list
 * (starnames.h, generated from NumPy 2 and CPython), so that a name it does not bind stays a
 * builtin (len, range) and one it does shadows the builtin (max, sum, abs, round), as in CPython */
static int cmp_name(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }
static bool in_table(const char *const *t, size_t n, const char *name) { return bsearch(&name, t, n, sizeof *t, cmp_name) != NULL; }
static bool star_binds(const char *mod, const char *name) {
    if (!strcmp(mod, "numpy")) return in_table(star_numpy, NELEM(star_numpy), name);
    if (!strcmp(mod, "math")) return in_table(star_math, NELEM(star_math), name);
    if (!strcmp(mod, "cmath")) return in_table(star_cmath, NELEM(star_cmath), name);
    if (!strcmp(mod, "random")) return in_table(star_random, NELEM(star_random), name);
    if (!strcmp(mod, "itertools")) return in_table(star_itertools, NELEM(star_itertools), name);
    if (!strcmp(mod, "functools")) return in_table(star_functools, NELEM(star_functools), name);
    return false;
}

/* a module whose star import kiln resolves names through */
static bool star_compiled(const char *mod) {
    static const char *const mods[] = {"numpy", "math", "cmath", "random", "itertools", "functools"};
    for (size_t i = 0; i < NELEM(mods); i++)
        if (!strcmp(mod, mods[i])) return true;
    return false;
}

bool cl_py_builtin(const char *name) { return in_table(py_builtins, NELEM(py_builtins), name); }

/* whether n calls np.ndindex or np.ndenumerate (as np.X, numpy.X or an imported X): ND_INDEX, ND_ENUMERATE or 0;
 * the name is looked at first, so that nothing is evaluated for other calls */
int cl_nd_loop(Inf *I, Node *n) {
    if (n->kind != N_CALL) return 0;
    Node *c = n->a;
    if (!(c->kind == N_ATTR || c->kind == N_NAME) || (strcmp(c->name, "ndindex") && strcmp(c->name, "ndenumerate")))
        return 0;
    Val f = ex_expr(I, c);
    if (f.ty->kind != T_BUILTIN) return 0;
    return f.ty->id == BI_NP_NDINDEX ? ND_INDEX : f.ty->id == BI_NP_NDENUMERATE ? ND_ENUMERATE : 0;
}

/* a name bound by an import: target is a module ("numpy"), a module's name ("math.sqrt"), or
 * something of a module kiln does not compile (random, time, numpy.linalg), which compiled code
 * may not use: CPython accepts the import, so kiln does, and says so only at a use */
static Val import_target(Inf *I, Node *n, const char *target, int line) {
    if (!strcmp(target, "numpy")) return stat(I, &I->tt->module[MOD_NUMPY]);
    if (!strcmp(target, "math")) return stat(I, &I->tt->module[MOD_MATH]);
    if (!strcmp(target, "random")) return stat(I, &I->tt->module[MOD_RANDOM]);
    if (!strcmp(target, "cuda")) return stat(I, &I->tt->module[MOD_CUDA]);
    if (!strcmp(target, "itertools")) return stat(I, &I->tt->module[MOD_ITERTOOLS]);
    if (!strcmp(target, "functools")) return stat(I, &I->tt->module[MOD_FUNCTOOLS]);
    if (!strcmp(target, "heapq")) return stat(I, &I->tt->module[MOD_HEAPQ]);
    if (!strcmp(target, "time")) return stat(I, &I->tt->module[MOD_TIME]);
    if (!strcmp(target, "bisect")) return stat(I, &I->tt->module[MOD_BISECT]);
    if (!strcmp(target, "collections")) return stat(I, &I->tt->module[MOD_COLLECTIONS]);
    if (!strcmp(target, "cmath")) return stat(I, &I->tt->module[MOD_CMATH]);
    if (!strncmp(target, "cmath.", 6) && !strchr(target + 6, '.')) return module_attr(I, MOD_CMATH, target + 6, n);
    if (!strncmp(target, "collections.", 12) && !strchr(target + 12, '.')) return module_attr(I, MOD_COLLECTIONS, target + 12, n);
    if (!strncmp(target, "numba", 5) && (!target[5] || target[5] == '.')) { /* numba, numba.typed.List, numba.core.types ... */
        Val v = stat(I, &I->tt->module[MOD_NUMBA]);
        for (const char *p = target + 5; *p == '.'; ) {
            const char *q = strchr(p + 1, '.');
            size_t len = q ? (size_t)(q - p - 1) : strlen(p + 1);
            char part[64];
            snprintf(part, sizeof part, "%.*s", (int)(len < 63 ? len : 63), p + 1);
            if (v.ty->kind != T_MODULE) inf_fail(I, n, "'%s' is '%s', which kernels may not use", n->name, target);
            v = module_attr(I, v.ty->id, part, n);
            p += 1 + len;
        }
        return v;
    }
    if (!strncmp(target, "bisect.", 7) && !strchr(target + 7, '.')) return module_attr(I, MOD_BISECT, target + 7, n);
    if (!strncmp(target, "time.", 5) && !strchr(target + 5, '.')) return module_attr(I, MOD_TIME, target + 5, n);
    if (!strncmp(target, "heapq.", 6) && !strchr(target + 6, '.')) return module_attr(I, MOD_HEAPQ, target + 6, n);
    if (!strncmp(target, "itertools.", 10) && !strchr(target + 10, '.')) return module_attr(I, MOD_ITERTOOLS, target + 10, n);
    if (!strncmp(target, "functools.", 10) && !strchr(target + 10, '.')) return module_attr(I, MOD_FUNCTOOLS, target + 10, n);
    if (!strncmp(target, "cuda.", 5) && !strchr(target + 5, '.')) return module_attr(I, MOD_CUDA, target + 5, n);
    if (!strcmp(target, "numpy.random")) return stat(I, &I->tt->module[MOD_NP_RANDOM]);
    if (!strcmp(target, "numpy.linalg")) return stat(I, &I->tt->module[MOD_NP_LINALG]);
    if (!strncmp(target, "numpy.linalg.", 13) && !strchr(target + 13, '.')) return module_attr(I, MOD_NP_LINALG, target + 13, n);
    if (!strncmp(target, "random.", 7) && !strchr(target + 7, '.')) return module_attr(I, MOD_RANDOM, target + 7, n);
    if (!strncmp(target, "numpy.random.", 13) && !strchr(target + 13, '.')) return module_attr(I, MOD_NP_RANDOM, target + 13, n);
    if (!strcmp(target, "operator") || !strncmp(target, "operator.", 9)) /* what front/opfuncs.c did not rewrite */
        inf_fail(I, n, "this use of the operator module is not supported: kernels take its arithmetic, comparison, "
                 "getitem and contains functions and itemgetter(), attrgetter() and methodcaller(), as values or called");
    const char *dot = strrchr(target, '.');
    if (dot && !strchr(dot + 1, '.') && (size_t)(dot - target) == 5 && !strncmp(target, "numpy", 5))
        return module_attr(I, MOD_NUMPY, dot + 1, n);
    if (dot && (size_t)(dot - target) == 4 && !strncmp(target, "math", 4)) return module_attr(I, MOD_MATH, dot + 1, n);
    (void)line; /* not in the message: the Python package writes imports on lines of its own */
    bool module = !strchr(target, '.');
    inf_fail(I, n, "'%s' is %s'%s', %s kernels may not use: kernels may use math, cmath, random, numpy, "
             "numpy.linalg.norm, itertools, functools.reduce, heapq, bisect, collections, operator, sys's constants and time's clocks only; importing other modules is fine where kernels do not use them", n->name,
             module ? "the module " : "", target, module ? "which" : "from a module");
}

/* the latest import binding of n's name, if any (true with *out) */
static bool imported(Inf *I, Node *n, Val *out) {
    Ast *ast = I->env->ast;
    for (int i = ast->nfrom - 1; i >= 0; i--) {
        const char *bound = ast->from_names[i], *target = ast->from_targets[i];
        if (!strcmp(bound, "*")) {
            if (!star_binds(target, n->name)) continue;
            size_t len = strlen(target) + strlen(n->name) + 2;
            char *full = arena_alloc(I->a, len);
            if (!full) inf_oom(I);
            snprintf(full, len, "%s.%s", target, n->name);
            char note[160];
            snprintf(note, sizeof note, " (the name '%s' is %s's here: 'from %s import *' at line %d)", n->name, target,
                     target, ast->from_lines[i]);
            I->star_note = note;
            *out = import_target(I, n, full, ast->from_lines[i]);
            I->star_note = "";
            return true;
        }
        if (strcmp(bound, n->name)) continue;
        *out = import_target(I, n, target, ast->from_lines[i]);
        return true;
    }
    return false;
}

Val cl_global(Inf *I, Node *n, bool *found) {
    *found = true;
    const char *name = n->name;
    const LowerEnv *env = I->env;
    for (int i = 0; i < env->nkernels; i++)
        if (strcmp(env->kernel(env->cx, i).name, name) == 0) {
            const Type *t = ty_func(I->tt, T_FUNC, i);
            if (!t) inf_oom(I);
            return stat(I, t);
        }
    Lit *l = env->constant(env->cx, name);
    if (l) return cl_lit(I, l);
    Val v;
    if (imported(I, n, &v)) return v;
    if (!strcmp(name, KILN_NP_NAME)) return stat(I, &I->tt->module[MOD_NUMPY]); /* what kiln's own Python (npmisc.c) calls numpy */
    if (!strcmp(name, KILN_MATH_NAME)) return stat(I, &I->tt->module[MOD_MATH]);  /* and math (npdist.c) */
    if (!strcmp(name, KILN_COLLECTIONS_NAME)) return stat(I, &I->tt->module[MOD_COLLECTIONS]); /* and collections (dict.c) */
    if (!strcmp(name, KILN_RANDOM_NAME)) return stat(I, &I->tt->module[MOD_RANDOM]); /* and random (random.c) */
    for (size_t i = 0; i < NELEM(builtins); i++)
        if (strcmp(builtins[i].name, name) == 0) return builtin(I, builtins[i].id);
    if (strcmp(name, "math") == 0 || strcmp(name, "np") == 0 || strcmp(name, "numpy") == 0)
        inf_fail(I, n, "name '%s' is not defined (missing 'import %s'?)", name, strcmp(name, "math") == 0 ? "math" : "numpy as np");
    Ast *ast = env->ast;
    for (int i = 0; i < ast->nfrom; i++)
        if (!strcmp(ast->from_names[i], "*") && !star_compiled(ast->from_targets[i]))
            inf_fail(I, n, "name '%s' is not defined (if it comes from 'from %s import *' at line %d: kernels may use "
                     "names of math, random, numpy, itertools and functools only)", name, ast->from_targets[i], ast->from_lines[i]);
    *found = false;
    Val none = {0};
    return none;
}

/* a.shape (op OP_DIM) or a.strides (OP_STRIDE, in bytes): a tuple of Python ints */
static Val shape_tuple(Inf *I, Val a, int op) {
    Val r = {0};
    int n = a.ty->ndim;
    const Type *ts[KILN_MAXDIM];
    r.el = arena_alloc(I->a, sizeof(Val) * (size_t)(n ? n : 1));
    if (!r.el) inf_oom(I);
    for (int k = 0; k < n; k++) {
        r.el[k] = mk(I, inf_emit(I, op, i64w(I), &a.r, 1, k));
        ts[k] = i64w(I);
    }
    r.ty = ty_tuple(I->tt, ts, n);
    if (!r.ty) inf_oom(I);
    r.str = -1;
    return r;
}

/* x.dtype.type (the scalar type, which kiln's dtype values already are: `x.dtype.type(0)` is the zero of x's
 * type), .itemsize, .name ("float64") and .kind ("f"), constants as in NumPy */
static Val dtype_attr(Inf *I, int dt, const char *a, Node *n) {
    if (strcmp(a, "type") == 0) return stat(I, &I->tt->dtype[dt]);
    if (strcmp(a, "itemsize") == 0) return mk(I, inf_const_i(I, i64w(I), (int64_t)kiln_dtype_size((kiln_dtype)dt)));
    const char *name = kiln_dtype_name((kiln_dtype)dt);
    const char *kind = dt == KILN_BOOL ? "b" : dt_is_complex(dt) ? "c" : dt_is_float(dt) ? "f" : dt_is_signed(dt) ? "i" : "u";
    if (strcmp(a, "name") == 0 || strcmp(a, "kind") == 0) {
        Val v = mk(I, inf_static(I, &I->tt->str));
        v.str = ir_str(I->f, a[0] == 'n' ? name : kind);
        if (v.str < 0) inf_oom(I);
        return v;
    }
    inf_fail(I, n, "dtype attribute '%s' is not supported (type, itemsize, name and kind are)", a);
}

/* np.finfo(t).a and np.iinfo(t).a: NumPy's machine limits of dtype t, as constants (a float's in t's type; a complex
 * type's its parts'; the integer ones Python ints, uint64's max a NumPy uint64) */
__attribute__((noinline)) static Val info_attr(Inf *I, Node *call, bool fl, const char *a, Node *n) {
    const char *fn = fl ? "finfo" : "iinfo";
    if (call->nkids != 1 || call->nkids2) inf_fail(I, call, "np.%s() takes one dtype here", fn);
    int dt = cl_dtype_arg(I, call->kids[0]);
    if (fl) {
        if (!dt_is_float(dt) && !dt_is_complex(dt))
            inf_fail(I, call->kids[0], "data type <class 'numpy.%s'> not inexact", kiln_dtype_name((kiln_dtype)dt));
        bool f32 = dt == KILN_FLOAT32 || dt == KILN_COMPLEX64;
        static const struct { const char *name; double f64, f32; } fv[] = {
            {"eps", 2.220446049250313e-16, 1.1920928955078125e-07}, {"epsneg", 1.1102230246251565e-16, 5.960464477539063e-08},
            {"max", 1.7976931348623157e+308, 3.4028234663852886e+38}, {"min", -1.7976931348623157e+308, -3.4028234663852886e+38},
            {"tiny", 2.2250738585072014e-308, 1.1754943508222875e-38},
            {"smallest_normal", 2.2250738585072014e-308, 1.1754943508222875e-38},
            {"smallest_subnormal", 5e-324, 1.401298464324817e-45}, {"resolution", 1e-15, (double)1e-06f},
        };
        static const struct { const char *name; int f64, f32; } iv[] = {
            {"precision", 15, 6}, {"bits", 64, 32}, {"maxexp", 1024, 128}, {"minexp", -1022, -126}, {"nmant", 52, 23},
            {"nexp", 11, 8}, {"iexp", 11, 8}, {"machep", -52, -23}, {"negep", -53, -24},
        };
        for (size_t i = 0; i < NELEM(fv); i++)
            if (!strcmp(a, fv[i].name))
                return mk(I, inf_const_f(I, ty_scalar(I->tt, f32 ? KILN_FLOAT32 : KILN_FLOAT64, false), f32 ? fv[i].f32 : fv[i].f64));
        for (size_t i = 0; i < NELEM(iv); i++)
            if (!strcmp(a, iv[i].name)) return mk(I, inf_const_i(I, i64w(I), f32 ? iv[i].f32 : iv[i].f64));
        if (!strcmp(a, "dtype")) return stat(I, &I->tt->dtype[f32 ? KILN_FLOAT32 : KILN_FLOAT64]);
        inf_fail(I, n, "np.finfo() attribute '%s' is not supported (eps, epsneg, max, min, tiny, smallest_normal, "
                 "smallest_subnormal, resolution, precision, bits, maxexp, minexp, nmant, nexp, iexp, machep, negep, dtype)", a);
    }
    if (!dt_is_intlike(dt) || dt == KILN_BOOL) /* NumPy names the type's kind */
        inf_fail(I, call->kids[0], "Invalid integer data type '%s'.", dt == KILN_BOOL ? "b" : dt_is_complex(dt) ? "c" : "f");
    int bits = (int)kiln_dtype_size((kiln_dtype)dt) * 8;
    bool sig = dt_is_signed(dt);
    if (!strcmp(a, "bits")) return mk(I, inf_const_i(I, i64w(I), bits));
    if (!strcmp(a, "dtype")) return stat(I, &I->tt->dtype[dt]);
    if (!strcmp(a, "min")) return mk(I, inf_const_i(I, i64w(I), sig ? (int64_t)((uint64_t)-1 << (bits - 1)) : 0));
    if (!strcmp(a, "max")) {
        if (bits == 64 && !sig) return mk(I, inf_const_i(I, ty_scalar(I->tt, KILN_UINT64, false), -1));
        return mk(I, inf_const_i(I, i64w(I), sig ? (int64_t)(((uint64_t)1 << (bits - 1)) - 1) : (int64_t)(((uint64_t)1 << bits) - 1)));
    }
    inf_fail(I, n, "np.iinfo() attribute '%s' is not supported (min, max, bits, dtype)", a);
}

/* NumPy's contiguity of a in C order (fortran: Fortran order) from its strides: every axis longer than 1 steps
 * over the later (earlier) axes' items exactly, or a has no items */
static Ref contiguous(Inf *I, Val a, bool fortran) {
    int nd = a.ty->ndim;
    Ref step = inf_const_i(I, i64w(I), (int64_t)kiln_dtype_size((kiln_dtype)a.ty->dtype)), ok = inf_const_i(I, inf_bool(I), 1);
    Ref empty = inf_const_i(I, inf_bool(I), 0), one = inf_const_i(I, i64w(I), 1), zero = inf_const_i(I, i64w(I), 0);
    for (int j = 0; j < nd; j++) {
        int k = fortran ? j : nd - 1 - j;
        Ref d = inf_emit(I, OP_DIM, i64w(I), &a.r, 1, k), st = inf_emit(I, OP_STRIDE, i64w(I), &a.r, 1, k);
        Ref fits = inf_op2(I, OP_OR, inf_bool(I), inf_op2(I, OP_EQ, inf_bool(I), d, one), inf_op2(I, OP_EQ, inf_bool(I), st, step));
        ok = inf_op2(I, OP_AND, inf_bool(I), ok, fits);
        empty = inf_op2(I, OP_OR, inf_bool(I), empty, inf_op2(I, OP_EQ, inf_bool(I), d, zero));
        step = inf_op2(I, OP_MUL, i64w(I), step, d);
    }
    return inf_op2(I, OP_OR, inf_bool(I), ok, empty);
}

/* a.flags.NAME, a.flags['KEY']: contiguity, computed from the strides as NumPy computes it */
Val cl_flag(Inf *I, Val a, const char *name, Node *at) {
    static const char *const c[] = {"c_contiguous", "contiguous", "C_CONTIGUOUS", "CONTIGUOUS"};
    static const char *const f[] = {"f_contiguous", "fortran", "F_CONTIGUOUS", "FORTRAN"};
    for (size_t i = 0; i < NELEM(c); i++) {
        if (!strcmp(name, c[i])) return mk(I, contiguous(I, a, false));
        if (!strcmp(name, f[i])) return mk(I, contiguous(I, a, true));
    }
    inf_fail(I, at, "a.flags.%s is not supported (c_contiguous, f_contiguous, contiguous: the strides tell)", name);
}

/* a.flags.NAME: a evaluated here, anything but an array an error */
static Val flags_attr(Inf *I, Node *n) {
    Val a = ex_attr_array(I, n->a);
    return a.ty->kind == T_UNKNOWN ? unknown(I) : cl_flag(I, a, n->name, n);
}

Val cl_attr(Inf *I, Node *n) {
    if (n->a->kind == N_ATTR && !strcmp(n->a->name, "flags")) return flags_attr(I, n);
    if (n->a->kind == N_CALL && n->a->a->kind == N_ATTR && (!strcmp(n->a->a->name, "finfo") || !strcmp(n->a->a->name, "iinfo"))) {
        Val m = ex_expr(I, n->a->a->a); /* np.finfo(t).eps */
        if (m.ty->kind == T_MODULE && m.ty->id == MOD_NUMPY) return info_attr(I, n->a, n->a->a->name[0] == 'f', n->name, n);
    }
    Val o = ex_expr(I, n->a);
    const char *a = n->name;
    if (o.ty->kind == T_MODULE) return module_attr(I, o.ty->id, a, n);
    if (o.ty->kind == T_UNKNOWN) return unknown(I);
    if (o.ty->kind == T_ARRAY) {
        if (strcmp(a, "shape") == 0) return shape_tuple(I, o, OP_DIM);
        if (strcmp(a, "strides") == 0) return shape_tuple(I, o, OP_STRIDE);
        if (strcmp(a, "ndim") == 0) return mk(I, inf_const_i(I, i64w(I), o.ty->ndim));
        if (strcmp(a, "dtype") == 0) return stat(I, &I->tt->dtype[o.ty->dtype]);
        if (strcmp(a, "T") == 0) return vw_transpose(I, o, n);
        if (strcmp(a, "real") == 0 || strcmp(a, "imag") == 0) /* a view of an array's parts; a lazy value's fuse */
            return o.ew ? ew_part(I, o, a[0] == 'r' ? OP_REAL : OP_IMAG, n) : vw_part(I, o, a[0] == 'i', n);
        int64_t item = (int64_t)kiln_dtype_size((kiln_dtype)o.ty->dtype);
        if (strcmp(a, "itemsize") == 0) return mk(I, inf_const_i(I, i64w(I), item));
        if (strcmp(a, "size") == 0 || strcmp(a, "nbytes") == 0) { /* the dimensions' product (times the item's size) */
            Ref r = inf_const_i(I, i64w(I), a[0] == 'n' ? item : 1);
            for (int k = 0; k < o.ty->ndim; k++) {
                Ref ops[2] = {r, inf_emit(I, OP_DIM, i64w(I), &o.r, 1, k)};
                r = inf_emit(I, OP_MUL, i64w(I), ops, 2, 0);
            }
            return mk(I, r);
        }
        if (!strcmp(a, "flags"))
            inf_fail(I, n, "a.flags is supported as a.flags.c_contiguous, a.flags.f_contiguous or a.flags['C_CONTIGUOUS'] "
                     "(a flags object kept in a variable is not)");
        if (!strcmp(a, "flat"))
            inf_fail(I, n, "a.flat is supported as the iterable of a for statement or a comprehension, and indexed by an "
                     "integer (a.flat[i], a.flat[i] = v)");
        inf_fail(I, n, "array attribute '%s' is not supported", a);
    }
    if (o.ty->kind == T_DTYPE) return dtype_attr(I, o.ty->dtype, a, n);
    if (o.ty->kind == T_TUPLE && o.ty->names) return nt_attr(I, o, a, n);
    if (o.ty->kind == T_CLASS) return nt_class_attr(I, o.ty, a, n);
    if (ty_is_deque(o.ty) && !strcmp(a, "maxlen")) return dq_maxlen(I, o, n);
    if (o.ty->kind == T_SCALAR && (strcmp(a, "real") == 0 || strcmp(a, "imag") == 0)) {
        bool re = a[0] == 'r';
        if (dt_is_complex(o.ty->dtype)) {
            const Type *ft = ty_scalar(I->tt, o.ty->dtype == KILN_COMPLEX64 ? KILN_FLOAT32 : KILN_FLOAT64, o.ty->weak);
            return mk(I, inf_emit(I, re ? OP_REAL : OP_IMAG, ft, &o.r, 1, 0));
        }
        const Type *t = o.ty->dtype == KILN_BOOL && o.ty->weak ? i64w(I) : o.ty;
        if (re) return ex_coerce(I, o, t, n);
        Scalar z = SCALAR_ZERO;
        Ref r = ir_const(I->f, I->cur, t, z, (uint32_t)I->line);
        if (!r) inf_oom(I);
        return mk(I, r);
    }
    if (o.ty->kind == T_SCALAR && !o.ty->weak) { /* a NumPy scalar's array-like attributes */
        if (!strcmp(a, "dtype")) return stat(I, &I->tt->dtype[o.ty->dtype]);
        if (!strcmp(a, "itemsize") || !strcmp(a, "nbytes")) return mk(I, inf_const_i(I, i64w(I), (int64_t)kiln_dtype_size((kiln_dtype)o.ty->dtype)));
        if (!strcmp(a, "ndim")) return mk(I, inf_const_i(I, i64w(I), 0));
        if (!strcmp(a, "size")) return mk(I, inf_const_i(I, i64w(I), 1));
        if (!strcmp(a, "shape")) return inf_tuple(I, NULL, 0);
    }
    inf_fail(I, n, "'%s' object has no attribute '%s'", inf_tyname(I, o.ty), a);
}

/* leaves of v that exist at run time, depth first */
int cl_flatten(Inf *I, Val v, Ref *out, int cap) {
    if (v.ty->kind == T_TUPLE) {
        int n = 0;
        for (int i = 0; i < v.ty->n; i++) n += cl_flatten(I, v.el[i], out + n, cap - n);
        return n;
    }
    if (ex_is_static(v.ty) && v.ty->kind != T_UNKNOWN) return 0;
    if (cap <= 0) inf_fail(I, NULL, "too many values in one tuple");
    out[0] = v.r;
    return 1;
}

static Val rebuild(Inf *I, const Type *t, Ref call, uint32_t *leaf) {
    if (t->kind == T_TUPLE) {
        Val r = {0};
        r.ty = t; r.str = -1;
        r.el = arena_alloc(I->a, sizeof(Val) * t->n);
        if (!r.el) inf_oom(I);
        for (int i = 0; i < t->n; i++) r.el[i] = rebuild(I, t->elems[i], call, leaf);
        return r;
    }
    if (ex_is_static(t)) return stat(I, t);
    return mk(I, inf_emit(I, OP_EXTRACT, t, &call, 1, (*leaf)++));
}

/* ---- arguments ---- */

/* a call of def as Python binds *args and keyword-only parameters: the positional arguments past the ones before
 * *args become one tuple, passed by the vararg's name (so the binders below see one argument per parameter); past a
 * bare *, a positional argument is an error, and so is a keyword-only parameter left without a value or default */
Node *cl_pack_varargs(Inf *I, Node *call, const Node *def, const char *fname) {
    int va = ast_vararg(def), kw = ast_kwonly(def);
    if (kw < 0) return call;
    int npos = va >= 0 ? va : kw; /* the parameters that take positional arguments */
    for (int k = 0; k < call->nkids2; k++)
        if (va >= 0 && !strcmp(call->names[k], def->names[va]))
            inf_fail(I, call->kids2[k], "%s() got an unexpected keyword argument '%s'", fname, call->names[k]);
    if (va < 0 && call->nkids > npos)
        inf_fail(I, call, "%s() takes %d positional argument%s but %d were given", fname, npos, npos == 1 ? "" : "s", call->nkids);
    for (int i = kw; i < def->nnames; i++) {
        bool given = false;
        for (int k = 0; k < call->nkids2 && !given; k++) given = !strcmp(call->names[k], def->names[i]);
        if (!given && !(def->kids2 && i < def->nkids2 && def->kids2[i]))
            inf_fail(I, call, "%s() missing 1 required keyword-only argument: '%s'", fname, def->names[i]);
    }
    if (va < 0) return call;
    Node *c = inf_node(I, N_CALL, call), *t = inf_node(I, N_TUPLE, call);
    int extra = call->nkids > npos ? call->nkids - npos : 0;
    Node **kids2 = arena_alloc(I->a, sizeof(Node *) * (size_t)(call->nkids2 + 1));
    const char **names = arena_alloc(I->a, sizeof(char *) * (size_t)(call->nkids2 + 1));
    if (!kids2 || !names) inf_oom(I);
    t->kids = extra ? call->kids + npos : NULL; t->nkids = extra; /* (a, b, ...) of the extra ones, in order */
    if (call->nkids2) {
        memcpy(kids2, call->kids2, sizeof(Node *) * (size_t)call->nkids2);
        memcpy(names, call->names, sizeof(char *) * (size_t)call->nkids2);
    }
    kids2[call->nkids2] = t; names[call->nkids2] = def->names[va];
    *c = *call;
    c->nkids = call->nkids - extra;
    c->kids2 = kids2; c->names = names; c->nkids2 = call->nkids2 + 1; c->nnames = c->nkids2;
    return c;
}

typedef struct Args { Val v[16]; Node *n[16]; int count; } Args;

static Args bind_args(Inf *I, Node *call, const char *fname, const char **params, int np, Lit **defaults) {
    Args A;
    memset(&A, 0, sizeof A);
    if (np > 16) inf_fail(I, call, "functions of more than 16 parameters are not supported");
    bool set[16] = {0};
    if (call->nkids > np)
        inf_fail(I, call, "%s() takes %d positional argument%s but %d were given", fname, np, np == 1 ? "" : "s", call->nkids);
    for (int i = 0; i < call->nkids; i++) { A.v[i] = ex_expr(I, call->kids[i]); A.n[i] = call->kids[i]; set[i] = true; }
    for (int k = 0; k < call->nkids2; k++) {
        int i = 0;
        while (i < np && strcmp(params[i], call->names[k]) != 0) i++;
        if (i == np) inf_fail(I, call->kids2[k], "%s() got an unexpected keyword argument '%s'", fname, call->names[k]);
        if (set[i]) inf_fail(I, call->kids2[k], "%s() got multiple values for argument '%s'", fname, call->names[k]);
        A.v[i] = ex_expr(I, call->kids2[k]); A.n[i] = call->kids2[k]; set[i] = true;
    }
    for (int i = 0; i < np; i++) {
        if (set[i]) continue;
        if (defaults && defaults[i]) { A.v[i] = cl_lit(I, defaults[i]); A.n[i] = call; continue; }
        int missing = 0;
        for (int j = i; j < np; j++) if (!set[j] && !(defaults && defaults[j])) missing++;
        inf_fail(I, call, "%s() missing %d required positional argument%s: '%s'", fname, missing, missing == 1 ? "" : "s",
                 params[i]);
    }
    A.count = np;
    return A;
}

/* an empty list passed to a kernel that fills it (push(h, x) appending to h = []): the callee learned its item type,
 * so the caller's variable learns it too (the round restarts), as if the appends had been written here; without it
 * the caller kept a list whose items it could not read. An empty dict or set the callee stored into likewise (without
 * it the caller read the callee's entries as an untyped table: garbage, or a MemoryError building the result) */
static void learn_from_callee(Inf *I, const Unit *s, const Node *def, const Args *A) {
    if (s->state == UNIT_BUILDING) return;
    for (int i = 0; i < A->count && i < def->nnames; i++) {
        const Type *t = A->v[i].ty;
        bool box = t->kind == T_LIST || t->kind == T_DICT || t->kind == T_SET;
        /* a list of empty lists ([[]] or one a callee appended [] to) learns its inner items the same way */
        bool open = box && (t->kind == T_LIST ? inf_untyped_inside(t->elems[0]) : t->elems[0]->kind == T_UNKNOWN);
        if (!box || !open || !A->n[i] || A->n[i]->kind != N_NAME) continue;
        for (int v = 0; v < s->nvars; v++) {
            const Type *vt = s->var_types[v];
            if (strcmp(s->var_names[v], def->names[i]) || vt->kind != t->kind || vt->elems[0]->kind == T_UNKNOWN || vt == t) continue;
            if (t->kind == T_LIST) inf_list_learn(I, A->n[i], ty_item(vt), A->n[i]);
            else inf_dict_learn(I, A->n[i], vt, A->n[i]); /* an empty dict or set the callee stored into */
        }
    }
}

static Val call_kernel(Inf *I, Node *call, int idx) {
    Kernel fn = I->env->kernel(I->env->cx, idx);
    if (nf_is_generator(fn.def))
        inf_fail(I, call, "%s() is a generator: kiln runs a generator only as the iterable of a for statement", fn.name);
    if (nf_passes_closure(I, call)) return nf_kernel_with_closure(I, call, fn.def);
    call = cl_pack_varargs(I, call, fn.def, fn.name);
    Args A = bind_args(I, call, fn.name, fn.def->names, fn.def->nnames, fn.defaults);
    const Type *types[16];
    for (int i = 0; i < A.count; i++) {
        if (A.v[i].ty->kind == T_UNKNOWN) return unknown(I);
        if (A.v[i].ty->kind == T_CLOSURE)
            inf_fail(I, A.n[i], "a lambda or an inner function cannot be passed to another kernel yet (call it where it is defined)");
        A.v[i] = tx_value(I, A.v[i]); /* a string literal passed: made at run time */
        if (A.v[i].ty->kind == T_MODULE || A.v[i].ty->kind == T_FUNC ||
            A.v[i].ty->kind == T_BUILTIN)
            inf_fail(I, A.n[i], "a %s cannot be passed to a kernel", ty_name(A.v[i].ty));
        types[i] = A.v[i].ty;
    }
    Unit *s = I->env->callee(I->env->cx, idx, types, A.count, I->d.err);
    if (!s) longjmp(*I->d.jb, 1);
    const Type *ret = s->ret;
    /* a guess of another unit's: the caller's types rest on it until that unit is done. Its own return type a
     * recursive kernel guesses is settled by its own rounds (lower_unit retries until the guess holds): counted
     * as resting on a guess, every recursive callee was thrown away and compiled again whenever its caller's
     * inference started a round over (quicksort compiled twice for sort_check, at every tier) */
    if (s != I->unit && (s->state == UNIT_BUILDING || s->on_guess)) I->unit->on_guess = true;
    if (s->state == UNIT_BUILDING) {
        s->used_guess = true;
        if (!ret || ret->kind == T_UNKNOWN) return unknown(I);
    }
    learn_from_callee(I, s, fn.def, &A);
    Ref ops[TY_LEAVES_MAX];
    int n = 0;
    for (int i = 0; i < A.count; i++) n += cl_flatten(I, A.v[i], ops + n, TY_LEAVES_MAX - n);
    if (!vec_push(I->a, I->f->callees, s)) inf_oom(I);
    I->line = call->line;
    Ref r = inf_emit(I, OP_CALL, ret, ops, (uint32_t)n, I->f->callees.n - 1);
    if (ret->kind == T_TUPLE) { uint32_t leaf = 0; return rebuild(I, ret, r, &leaf); }
    if (ex_is_static(ret)) return stat(I, ret);
    return mk(I, r);
}

/* ---- NumPy's parameters, bound as NumPy binds them ---- */

/* the arguments of a NumPy call after its first `skip` positional ones, bound to the parameter
 * names of NumPy's signature (params, in order; the first npos may be given by position, the rest
 * only by keyword): out[i] is the node for params[i], or NULL. More positional arguments than npos,
 * an unknown keyword or a parameter given twice are NumPy's TypeErrors, at compile time. */
void cl_np_bind(Inf *I, Node *call, const char *fname, int skip, const char *const *params, int npos, Node **out) {
    int np = 0;
    while (params[np]) out[np++] = NULL;
    int given = call->nkids - skip;
    if (given > npos)
        inf_fail(I, call->kids[skip + npos], "%s() takes at most %d positional argument%s (%d given)", fname,
                 npos + skip, npos + skip == 1 ? "" : "s", call->nkids);
    for (int i = 0; i < given; i++) out[i] = call->kids[skip + i];
    for (int k = 0; k < call->nkids2; k++) {
        int j = 0;
        while (j < np && strcmp(params[j], call->names[k])) j++;
        if (j == np) inf_fail(I, call->kids2[k], "%s() got an unexpected keyword argument '%s'", fname, call->names[k]);
        if (out[j]) inf_fail(I, call->kids2[k], "%s() got multiple values for argument '%s'", fname, params[j]);
        out[j] = call->kids2[k];
    }
}

/* a NumPy parameter kiln takes only at its default (out=None, where=True ...): absent, or that default */
/* an integer written as a literal (or a negated one), where its value decides the code built */
/* whether k is a constant int, into *v: a literal (or its negation), or a name bound to one — a static argument, a
 * module constant, a variable assigned one outside any loop (looking a name up emits nothing of its own) */
bool cl_int_const(Inf *I, Node *k, int64_t *v) {
    if (k->kind == N_INT) { *v = k->v.i; return true; }
    if (k->kind == N_UNARY && k->op == TK_MINUS && k->a->kind == N_INT) { *v = -k->a->v.i; return true; }
    if (k->kind != N_NAME) return false;
    Val x = ex_expr(I, k);
    if (x.ty->kind != T_SCALAR || !dt_is_int(x.ty->dtype) || !x.r || ir_ins(I->f, x.r)->op != OP_CONST) return false;
    *v = I->f->cst.v[ir_ins(I->f, x.r)->aux].i;
    return true;
}

int64_t cl_const_int(Inf *I, Node *k, const char *what, const char *why) {
    int64_t v;
    if (cl_int_const(I, k, &v)) return v;
    inf_fail(I, k, "%s must be an integer constant here%s", what, why);
}

/* np.array(x) of a number: a 0-d array of its NumPy type (a Python int int64, a Python float float64) */
Val cl_zero_d(Inf *I, Val o, Node *at) {
    const Type *t = ty_array(I->tt, o.ty->weak ? ty_promote(I->tt, o.ty, o.ty)->dtype : o.ty->dtype, 0, LAYOUT_C);
    Val a = mk(I, inf_emit(I, OP_ALLOC, t, NULL, 0, 0));
    inf_store(I, a.r, ex_coerce(I, o, ty_scalar(I->tt, t->dtype, false), at).r, NULL, 0);
    return a;
}

/* a C-order copy of array o (np.copy, a.copy(), np.round of integers) */
Val cl_acopy(Inf *I, Val o) {
    return mk(I, inf_emit(I, OP_ACOPY, ty_array(I->tt, o.ty->dtype, o.ty->ndim, LAYOUT_C), &o.r, 1, 0));
}

/* a copy of array o in order 'K' (np.copy, np.array): laid out as o is, as NumPy lays it out */
static Val keep_copy(Inf *I, Val o, Node *at) {
    return o.ty->ndim < 2 || o.ty->layout == LAYOUT_C ? cl_acopy(I, o) : la_cast(I, o, o.ty->dtype, at);
}

void cl_np_default(Inf *I, Node *arg, const char *fname, const char *param, int dflt_kind) {
    if (arg && arg->kind != dflt_kind)
        inf_fail(I, arg, "%s(): %s= other than its default is not supported", fname, param);
}

/* a with statement's context manager (front/parse.c with_stmt): np.errstate(...) whose settings keep what kiln's
 * NumPy arithmetic does anyway, computing infinities and NaNs and raising nothing ('ignore', 'warn', 'print', 'log':
 * kiln prints no RuntimeWarning; None leaves a setting as it is); 'raise' and 'call' it cannot honour */
static Val with_manager(Inf *I, Node *cm) {
    Val f = cm->kind == N_CALL ? ex_expr(I, cm->a) : val_of(I, 0);
    if (cm->kind != N_CALL || f.ty->kind != T_BUILTIN || f.ty->id != BI_NP_ERRSTATE)
        inf_fail(I, cm, "a with statement's context manager must be np.errstate(...) here (kernels run no other)");
    if (cm->nkids) inf_fail(I, cm->kids[0], "errstate() takes keyword arguments only (all, divide, over, under, invalid)");
    static const char *const keys[] = {"all", "divide", "over", "under", "invalid"};
    for (int k = 0; k < cm->nkids2; k++) {
        bool known = false;
        for (size_t j = 0; j < NELEM(keys); j++) known |= !strcmp(cm->names[k], keys[j]);
        if (!known) inf_fail(I, cm->kids2[k], "np.errstate(): '%s' is not supported here (all, divide, over, under and invalid are)", cm->names[k]);
        Node *v = cm->kids2[k];
        if (v->kind == N_NONE) continue;
        if (v->kind != N_STR) inf_fail(I, v, "np.errstate(): %s= must be a string written in the call", cm->names[k]);
        if (!strcmp(v->name, "raise") || !strcmp(v->name, "call"))
            inf_fail(I, v, "np.errstate(%s='%s') is not supported: kiln's NumPy arithmetic gives inf and nan and raises no "
                           "FloatingPointError", cm->names[k], v->name);
        if (strcmp(v->name, "ignore") && strcmp(v->name, "warn") && strcmp(v->name, "print") && strcmp(v->name, "log"))
            inf_fail(I, v, "invalid error handling '%s' for np.errstate()", v->name);
    }
    return stat(I, &I->tt->none);
}

/* ---- builtins ---- */

static Val real_arg(Inf *I, Node *n, Val v, const char *fname) {
    if (v.ty->kind == T_UNKNOWN) return v;
    if (v.ty->kind != T_SCALAR || dt_is_complex(v.ty->dtype))
        inf_fail(I, n, "%s() argument must be a real number, not %s", fname, inf_tyname(I, v.ty));
    return ex_coerce(I, v, f64w(I), n);
}

static void nargs(Inf *I, Node *call, const char *name, int lo, int hi) {
    if (call->nkids2) inf_fail(I, call, "%s() takes no keyword arguments here", name);
    if (call->nkids < lo || call->nkids > hi) {
        if (lo == hi) inf_fail(I, call, "%s() takes exactly %d argument%s (%d given)", name, lo, lo == 1 ? "" : "s", call->nkids);
        inf_fail(I, call, "%s() takes from %d to %d arguments (%d given)", name, lo, hi, call->nkids);
    }
}

static Ref emit1(Inf *I, int op, const Type *t, Ref a, int64_t aux) { return inf_emit(I, op, t, &a, 1, aux); }

/* math.isnan / isinf / isfinite (fn) of float x as a bool of type bt; also np.isnan & co. per element */
Ref cl_float_test(Inf *I, int fn, Val x, const Type *bt) {
    if (fn == MF_ISNAN) return inf_op2(I, OP_NE, bt, x.r, x.r);
    Ref ab = emit1(I, OP_ABS, x.ty, x.r, 0);
    return inf_op2(I, fn == MF_ISINF ? OP_EQ : OP_LT, bt, ab, inf_const_f(I, x.ty, INFINITY));
}

static Val math_call(Inf *I, Node *call, int fn) {
    const MathFn *m = &ir_mathfns[fn];
    if (fn == MF_HYPOT && call->nkids != 2) return mp_hypot(I, call); /* CPython's takes any number of values */
    nargs(I, call, m->name, m->arity, fn == MF_LOG ? 2 : m->arity);
    Val a = ex_expr(I, call->kids[0]);
    if (a.ty->kind == T_UNKNOWN) return a;
    if ((fn == MF_FLOOR || fn == MF_CEIL || fn == MF_TRUNC) && a.ty->kind == T_SCALAR && dt_is_intlike(a.ty->dtype))
        return ex_coerce(I, a, i64w(I), call);
    Val x = real_arg(I, call->kids[0], a, m->name);
    if (fn == MF_ISNAN || fn == MF_ISINF || fn == MF_ISFINITE) return mk(I, cl_float_test(I, fn, x, boolw(I)));
    Ref ops[2] = {x.r, 0};
    if (m->arity == 2 || call->nkids == 2) {
        Val y = ex_expr(I, call->kids[1]);
        if (y.ty->kind == T_UNKNOWN) return y;
        ops[1] = real_arg(I, call->kids[1], y, m->name).r;
    }
    if (fn == MF_LOG && call->nkids == 2) { /* log(x, base) = log(x) / log(base) */
        Ref num = inf_emit(I, OP_MATH, f64w(I), ops, 1, MF_LOG);
        Ref den = inf_emit(I, OP_MATH, f64w(I), &ops[1], 1, MF_LOG);
        return mk(I, inf_op2(I, OP_DIV, f64w(I), num, den));
    }
    Ref r = inf_emit(I, OP_MATH, f64w(I), ops, (uint32_t)m->arity, fn);
    if (m->kind == 'i') r = emit1(I, OP_CAST, i64w(I), r, 0);
    return mk(I, r);
}

/* max(iterable, default=d[, key=f]) (and min): d when the iterable is empty, else max(its items[, key=f]); a text
 * lowered at the call, the iterable walked into a list once */
static Val minmax_default(Inf *I, Node *call, const char *nm, Node *dflt, Node *key) {
    if (call->nkids != 1)
        inf_fail(I, call, "Cannot specify a default for %s() with multiple positional arguments", nm);
    char buf[512];
    ItText t = {buf, sizeof buf, 0, I, call, nm};
    Val items = ls_iterable(I, call->kids[0]);
    if (items.ty->kind == T_UNKNOWN) return items;
    if (ty_item(items.ty)->kind == T_UNKNOWN) return ex_expr(I, dflt); /* nothing ever in it */
    Node *args[3] = {it_held(I, call, 0, items), dflt, key};
    it_put(&t, "def %s_default(items, d%s):\n    if len(items) == 0:\n        return d\n    return %s(items%s)\n", nm,
           key ? ", f" : "", nm, key ? ", key=f" : "");
    return it_inline(I, call, t.buf, t.n, "<max/min with a default>", args, key ? 3 : 2);
}

static Val minmax(Inf *I, Node *call, bool ismax) {
    const char *nm = ismax ? "max" : "min";
    Node *dflt = NULL, *key = NULL;
    for (int i = 0; i < call->nkids2; i++) {
        if (!strcmp(call->names[i], "default")) dflt = call->kids2[i];
        else if (!strcmp(call->names[i], "key")) key = call->kids2[i];
        else inf_fail(I, call->kids2[i], "'%s' is an invalid keyword argument for %s()", call->names[i], nm);
    }
    if (dflt) return minmax_default(I, call, nm, dflt, key);
    if (call->nkids2 == 1 && !strcmp(call->names[0], "key") && call->nkids == 1) { /* max(iterable, key=f) */
        Node *it = call->kids[0];
        if (it->kind == N_GENEXP || st_is_builtin_call(I, it, "range") || st_is_builtin_call(I, it, "zip") ||
            st_is_builtin_call(I, it, "enumerate") || nf_is_generator_call(I, it))
            return gx_call(I, call, nm);
        Val t = ex_expr(I, it);
        if (t.ty->kind == T_UNKNOWN) return t;
        if (t.ty->kind == T_ARRAY || t.ty->kind == T_LIST || t.ty->kind == T_DICT || t.ty->kind == T_SET) return gx_call_value(I, call, nm, t);
        inf_fail(I, call, "%s(key=...) of %s is not supported (an iterable: a list, an array, a generator)", nm, inf_tyname(I, t.ty));
    }
    if (call->nkids2) inf_fail(I, call, "%s() keyword arguments are not supported here", nm);
    Val vals[TY_TUPLE_MAX];
    memset(vals, 0, sizeof vals);
    int n = 0;
    if (call->nkids == 1) {
                Node *it = call->kids[0]; /* range/zip/enumerate exist only as a for loop's iterables */
        if (it->kind == N_GENEXP || st_is_builtin_call(I, it, "range") || st_is_builtin_call(I, it, "zip") ||
            st_is_builtin_call(I, it, "enumerate") || nf_is_generator_call(I, it))
            return gx_call(I, call, nm);
        Val t = ex_expr(I, call->kids[0]);
        if (t.ty->kind == T_UNKNOWN) return t;
        if (t.ty->kind == T_ARRAY || t.ty->kind == T_LIST || t.ty->kind == T_DICT || t.ty->kind == T_SET) return gx_call_value(I, call, nm, t);
        if (t.ty->kind != T_TUPLE) inf_fail(I, call, "'%s' object is not iterable", inf_tyname(I, t.ty));
        if (t.ty->n == 0) inf_fail(I, call, "%s() arg is an empty sequence", nm);
        for (int i = 0; i < t.ty->n && i < TY_TUPLE_MAX; i++) vals[n++] = t.el[i];
    } else {
        if (call->nkids == 0) inf_fail(I, call, "%s expected at least 1 argument, got 0", nm);
        if (call->nkids > TY_TUPLE_MAX) inf_fail(I, call, "%s() of more than %d arguments is not supported", nm, TY_TUPLE_MAX);
        for (int i = 0; i < call->nkids && i < TY_TUPLE_MAX; i++) vals[n++] = ex_expr(I, call->kids[i]);
    }
    bool texts = true;
    for (int i = 0; i < n; i++) texts &= tx_is(vals[i].ty);
    if (texts) { /* strings: the first extreme, as CPython keeps it */
        Val r = tx_value(I, vals[0]);
        for (int i = 1; i < n; i++) {
            Val x = tx_value(I, vals[i]);
            Ref better = tx_compare(I, ismax ? TK_GT : TK_LT, x, r, call).r;
            r = mk(I, inf_sel(I, r.ty, better, x.r, r.r));
        }
        return r;
    }
    bool strong_int = false;
    for (int i = 0; i < n; i++) {
        if (vals[i].ty->kind == T_UNKNOWN) return vals[i];
        if (vals[i].ty->kind != T_SCALAR) inf_fail(I, call, "%s() of %s is not supported", nm, inf_tyname(I, vals[i].ty));
        if (dt_is_complex(vals[i].ty->dtype)) inf_fail(I, call, "'%s' not supported between instances of 'complex'", ismax ? ">" : "<");
        strong_int |= !vals[i].ty->weak && dt_is_int(vals[i].ty->dtype);
    }
    /* Python compares the true values and returns one of them: a Python int beside a NumPy integer
     * counts as int64 here, so max(np.uint8(7), 300) is 300, not 300 wrapped into uint8 */
    const Type *t = NULL;
    for (int i = 0; i < n; i++) {
        const Type *vt = vals[i].ty;
        if (strong_int && vt->weak && vt->dtype == KILN_INT64) vt = ty_scalar(I->tt, KILN_INT64, false);
        t = t ? ty_promote(I->tt, t, vt) : vt;
    }
    /* Python keeps the first extreme: r = v if v > r else r, so NaNs propagate only from the left */
    Ref r = ex_coerce(I, vals[0], t, call).r;
    for (int i = 1; i < n; i++) {
        Ref v = ex_coerce(I, vals[i], t, call).r;
        Ref c = inf_op2(I, ismax ? OP_GT : OP_LT, boolw(I), v, r);
        Ref ops[3] = {c, v, r};
        r = inf_emit(I, OP_SELECT, t, ops, 3, 0);
    }
    return mk(I, r);
}

static bool parse_float_str(const char *s, double *out) { return num_py_float(s, strlen(s), out) == 0; }

static Val scalar_ctor_of(Inf *I, Node *call, const Type *to, const char *name, Val v);

/* int(s, base) (base= too): a string's digits in base 0 or 2..36, CPython's ValueErrors where it runs */
static Val int_base(Inf *I, Node *call) {
    Node *sn = call->nkids ? call->kids[0] : NULL, *bn = call->nkids > 1 ? call->kids[1] : NULL;
    for (int i = 0; i < call->nkids2; i++) {
        if (strcmp(call->names[i], "base") || bn) inf_fail(I, call->kids2[i], "'%s' is an invalid keyword argument for int()", call->names[i]);
        bn = call->kids2[i];
    }
    if (call->nkids > 2) inf_fail(I, call, "int() takes at most 2 arguments (%d given)", call->nkids);
    if (!sn) inf_fail(I, call, "int() missing string argument");
    Val s = ex_expr(I, sn), b = ex_expr(I, bn);
    if (s.ty->kind == T_UNKNOWN || b.ty->kind == T_UNKNOWN) return s.ty->kind == T_UNKNOWN ? s : b;
    if (!tx_is(s.ty)) inf_fail(I, sn, "int() can't convert non-string with explicit base");
    if (b.ty->kind != T_SCALAR || !dt_is_intlike(b.ty->dtype)) inf_fail(I, bn, "'%s' object cannot be interpreted as an integer", inf_tyname(I, b.ty));
    return tx_int_base(I, s, ex_coerce(I, b, i64w(I), bn).r);
}

static Val scalar_ctor(Inf *I, Node *call, const Type *to, const char *name) {
    if (!strcmp(name, "int") && to->weak && (call->nkids == 2 || call->nkids2)) return int_base(I, call);
    if (call->nkids2) inf_fail(I, call, "%s() keyword arguments are not supported", name);
    if (call->nkids > 1) inf_fail(I, call, "%s() takes at most 1 argument (%d given)", name, call->nkids);
    if (call->nkids == 0) { Scalar z = SCALAR_ZERO; Ref r = ir_const(I->f, I->cur, to, z, (uint32_t)I->line); if (!r) inf_oom(I); return mk(I, r); }
    return scalar_ctor_of(I, call, to, name, ex_expr(I, call->kids[0]));
}

/* the conversion of v, the call's argument, evaluated already */
static Val scalar_ctor_of(Inf *I, Node *call, const Type *to, const char *name, Val v) {
    Node *an = call->kids[0];
    if (v.ew) v = ew_force(I, v, an);
    if (v.ty->kind == T_UNKNOWN) return v;
    if (v.ty->kind == T_STR) { /* folded when it parses; else parsed where it runs, which raises CPython's ValueError */
        double d;
        const char *s = tx_text(I, v);
        if (dt_is_float(to->dtype) && parse_float_str(s, &d)) return mk(I, inf_const_f(I, to, d));
        v = tx_value(I, v);
    }
    if (v.ty->kind == T_STRING) { /* parsed where it runs: ValueError as CPython's */
        if (to->dtype == KILN_BOOL) return ex_coerce(I, mk(I, tx_truth(I, v)), to, an);
        if (dt_is_complex(to->dtype)) inf_fail(I, an, "%s() of a string is not supported", name);
        v = tx_number(I, v, dt_is_intlike(to->dtype));
    }
    v = inf_item0(I, v); /* float(np.array(2.5)): its item, as NumPy's __float__ */
    if (v.ty->kind != T_SCALAR) inf_fail(I, an, "%s() argument must be a number, not %s", name, inf_tyname(I, v.ty));
    if (to->dtype == KILN_BOOL) {
        Ref t = ex_truth(I, v, an);
        return ex_coerce(I, mk(I, t), to, an);
    }
    if (dt_is_complex(v.ty->dtype) && !dt_is_complex(to->dtype))
        inf_fail(I, an, "%s() argument must be a real number, not complex", name);
    if (to->weak && to->dtype == KILN_INT64 && v.ty->dtype == KILN_UINT64) { /* Python's int would hold it: no wrap */
        Ref big = inf_op2(I, OP_GT, ty_scalar(I->tt, KILN_BOOL, true), v.r, inf_const_i(I, v.ty, INT64_MAX));
        st_raise_if(I, big, "OverflowError", "uint64 too large to convert to int64 (kiln's ints are 64-bit)");
    }
    /* np.uint8(x) of a Python number: int(x) first (NaN and inf raise), then NEP 50's range test */
    if (v.ty->weak && dt_is_float(v.ty->dtype) && dt_is_int(to->dtype) && !to->weak) v = ex_coerce(I, v, i64w(I), an);
    return ex_adopt(I, v, to, an);
}

static Val complex_ctor(Inf *I, Node *call) {
    nargs(I, call, "complex", 0, 2);
    const Type *c = ty_scalar(I->tt, KILN_COMPLEX128, true);
    if (call->nkids == 0) return mk(I, inf_const_f(I, c, 0));
    Val re = ex_expr(I, call->kids[0]);
    if (re.ty->kind == T_UNKNOWN) return re;
    if (call->nkids == 1) re = inf_item0(I, re); /* complex(np.array(x)): its item's */
    if (call->nkids == 1 && re.ty->kind == T_SCALAR && dt_is_complex(re.ty->dtype)) return ex_coerce(I, re, c, call);
    Val a = real_arg(I, call->kids[0], re, "complex");
    Ref b = fcst(I, 0.0).r;
    if (call->nkids == 2) {
        Val im = ex_expr(I, call->kids[1]);
        if (im.ty->kind == T_UNKNOWN) return im;
        b = real_arg(I, call->kids[1], im, "complex").r;
    }
    return mk(I, inf_op2(I, OP_CPLX, c, a.r, b));
}

static Val round_call(Inf *I, Node *call) {
    nargs(I, call, "round", 1, 2);
    Val x = ex_expr(I, call->kids[0]);
    if (x.ty->kind == T_UNKNOWN) return x;
    if (x.ty->kind != T_SCALAR || dt_is_complex(x.ty->dtype))
        inf_fail(I, call, "type %s doesn't define __round__ method", inf_tyname(I, x.ty));
    bool isint = dt_is_intlike(x.ty->dtype);
    if (call->nkids == 1) {
        if (isint) return ex_coerce(I, x, x.ty->dtype == KILN_BOOL ? i64w(I) : x.ty, call);
        Val f = ex_coerce(I, x, f64w(I), call);
        Ref r = inf_emit(I, OP_MATH, f64w(I), &f.r, 1, MF_ROUND);
        return mk(I, emit1(I, OP_CAST, i64w(I), r, 0));
    }
    Val nd = ex_expr(I, call->kids[1]);
    if (nd.ty->kind == T_UNKNOWN) return nd;
    if (nd.ty->kind != T_SCALAR || !dt_is_intlike(nd.ty->dtype))
        inf_fail(I, call->kids[1], "'%s' object cannot be interpreted as an integer", inf_tyname(I, nd.ty));
    if (isint) {
        Val xi = ex_coerce(I, x, x.ty->dtype == KILN_BOOL ? i64w(I) : x.ty, call);
        Ref ops[2] = {ex_coerce(I, xi, i64w(I), call).r, ex_coerce(I, nd, i64w(I), call).r};
        Ref r = inf_emit(I, OP_MATH, i64w(I), ops, 2, MF_ROUNDI);
        return ex_coerce(I, mk(I, r), xi.ty, call);
    }
    Ref ops[2] = {ex_coerce(I, x, f64w(I), call).r, ex_coerce(I, nd, f64w(I), call).r};
    Ref r = inf_emit(I, OP_MATH, f64w(I), ops, 2, MF_ROUNDN);
    return ex_coerce(I, mk(I, r), x.ty->weak ? f64w(I) : x.ty, call);
}

/* reversed(x) as a value, for what consumes it (list(), sorted(), join, for, comprehensions): a list's items or a
 * string's characters in a new list, an array's first axis as a view walking backwards, a tuple reversed, a dict's
 * keys, a range's items (for i in reversed(range(...)) itself is a loop counting down: stmt.c) */
static Val reversed_call(Inf *I, Node *call) {
    if (call->nkids != 1 || call->nkids2) inf_fail(I, call, "reversed() takes exactly one argument (%d given)", call->nkids + call->nkids2);
    Node *arg = call->kids[0];
    Val v;
    if (st_is_builtin_call(I, arg, "range")) { /* list(range(...)) */
        Node *lc = arena_alloc(I->a, sizeof *lc), *name = arena_alloc(I->a, sizeof *name), **kids = arena_alloc(I->a, sizeof(Node *));
        if (!lc || !name || !kids) inf_oom(I);
        *lc = *call; *name = *call->a;
        name->name = "list"; kids[0] = arg;
        lc->a = name; lc->kids = kids; lc->nkids = 1;
        v = ex_expr(I, lc);
    } else {
        v = ex_expr(I, arg);
    }
    if (v.ty->kind == T_UNKNOWN) return v;
    if (v.ty->kind == T_DICT) v = dc_part(I, v, 0);
    if (tx_is(v.ty)) v = tx_chars(I, tx_value(I, v));
    if (v.ty->kind == T_LIST) {
        Val c = ls_copy(I, v);
        inf_emit(I, OP_LIB, NULL, &c.r, 1, LIB_LIST_REVERSE);
        return c;
    }
    if (v.ty->kind == T_TUPLE && !ty_is_optional(v.ty)) {
        Val t = v;
        const Type *ts[TY_TUPLE_MAX];
        if (!(t.el = arena_alloc(I->a, sizeof(Val) * (size_t)(v.ty->n ? v.ty->n : 1)))) inf_oom(I);
        for (int k = 0; k < v.ty->n; k++) { t.el[k] = v.el[v.ty->n - 1 - k]; ts[k] = t.el[k].ty; }
        if (!(t.ty = ty_tuple(I->tt, ts, v.ty->n))) inf_oom(I);
        return t;
    }
    if (v.ty->kind == T_ARRAY && v.ty->ndim >= 1) { /* the view v[::-1] */
        int nd = v.ty->ndim;
        Ref dims[KILN_MAXDIM], strides[KILN_MAXDIM];
        for (int k = 0; k < nd; k++) {
            dims[k] = inf_emit(I, OP_DIM, inf_i64(I), &v.r, 1, k);
            strides[k] = inf_emit(I, OP_STRIDE, inf_i64(I), &v.r, 1, k);
        }
        Ref zero = inf_k64(I, 0), last = inf_op2(I, OP_SUB, inf_i64(I), dims[0], inf_k64(I, 1));
        Ref ops[3] = {inf_op2(I, OP_GT, inf_bool(I), dims[0], zero), inf_op2(I, OP_MUL, inf_i64(I), last, strides[0]), zero};
        Ref off = inf_emit(I, OP_SELECT, inf_i64(I), ops, 3, 0);
        strides[0] = inf_op2(I, OP_SUB, inf_i64(I), zero, strides[0]);
        return vw_make(I, v, off, dims, strides, nd, LAYOUT_ANY, call);
    }
    inf_fail(I, arg, "'%s' object is not reversible", inf_tyname(I, v.ty));
}

/* what hash() takes: numbers and tuples of them (a str's hash is salted per run in CPython, None's is its address) */
static void hashable(Inf *I, const Type *t, Node *at) {
    if (t->kind == T_SCALAR) return;
    if (t->kind == T_TUPLE && !ty_is_optional(t)) { for (int i = 0; i < t->n; i++) hashable(I, t->elems[i], at); return; }
    if (t->kind == T_STRING || t->kind == T_STR)
        inf_fail(I, at, "hash() of a str is not supported: CPython's changes from run to run (PYTHONHASHSEED)");
    if (t->kind == T_NONE || ty_is_optional(t))
        inf_fail(I, at, "hash() of None is not supported: CPython 3.11's is its object's address");
    inf_fail(I, at, "unhashable type: '%s'", ty_name(t));
}

/* hash(x): Python's hash of a number or a tuple of them (rt/set.c's, the one sets and dicts use) */
static Val hash_call(Inf *I, Node *call) {
    if (call->nkids2) inf_fail(I, call, "hash() takes no keyword arguments");
    if (call->nkids != 1) inf_fail(I, call, "hash() takes exactly one argument (%d given)", call->nkids);
    Val v = ex_expr(I, call->kids[0]);
    if (v.ew) v = ew_force(I, v, call->kids[0]);
    if (v.ty->kind == T_UNKNOWN) return v;
    hashable(I, v.ty, call->kids[0]);
    const Type *fmt = ty_format(I->tt, &v.ty, 1, FORMAT_GROUP);
    if (!fmt) inf_oom(I);
    Ref ops[1 + TY_LEAVES_MAX];
    ops[0] = inf_static(I, fmt);
    int n = 1 + cl_flatten(I, v, ops + 1, TY_LEAVES_MAX);
    return mk(I, inf_emit(I, OP_LIB, i64w(I), ops, (uint32_t)n, LIB_PYHASH));
}

static Val len_call(Inf *I, Node *call) {
    nargs(I, call, "len", 1, 1);
    if (st_is_builtin_call(I, call->kids[0], "range")) return st_range_len(I, call->kids[0]);
    Val v = ex_expr(I, call->kids[0]);
    if (v.ty->kind == T_UNKNOWN) return v;
    if (v.ty->kind == T_TUPLE) return mk(I, inf_const_i(I, i64w(I), v.ty->n));
    if (v.ty->kind == T_LIST) return mk(I, ls_len(I, v));
    if (v.ty->kind == T_DICT) return mk(I, dc_len(I, v));
    if (v.ty->kind == T_SET) return mk(I, se_len_of(I, v, call->kids[0]));
    if (tx_is(v.ty)) return mk(I, tx_len(I, v));
    if (v.ty->kind == T_ARRAY) {
        if (v.ty->ndim == 0) inf_fail(I, call, "len() of unsized object");
        return mk(I, emit1(I, OP_DIM, i64w(I), v.r, 0));
    }
    inf_fail(I, call, "object of type '%s' has no len()", inf_tyname(I, v.ty));
}

static Val abs_call(Inf *I, Node *call) {
    nargs(I, call, "abs", 1, 1);
    Val v = ex_value(I, call->kids[0]);
    if (v.ty->kind == T_UNKNOWN) return v;
    if (ew_is_array(v)) return ew_abs(I, v, call);
    if (v.ty->kind != T_SCALAR) inf_fail(I, call, "bad operand type for abs(): '%s'", inf_tyname(I, v.ty));
    const Type *t = v.ty;
    if (t->dtype == KILN_BOOL && !t->weak) return v; /* a NumPy bool's absolute value is itself */
    if (t->dtype == KILN_BOOL) { v = ex_coerce(I, v, ty_scalar(I->tt, KILN_INT64, true), call); t = v.ty; }
    if (dt_is_complex(t->dtype)) t = ty_scalar(I->tt, t->dtype == KILN_COMPLEX64 ? KILN_FLOAT32 : KILN_FLOAT64, t->weak);
    return mk(I, emit1(I, OP_ABS, t, v.r, 0));
}

/* shape argument of np.zeros & co: an int or a tuple of ints */
int cl_shape_arg(Inf *I, Node *n, Ref *dims) {
    Val v = ex_expr(I, n);
    if (v.ty->kind == T_SCALAR && dt_is_int(v.ty->dtype)) { dims[0] = ex_coerce(I, v, i64w(I), n).r; return 1; }
    if (v.ty->kind == T_TUPLE) {
        if (v.ty->n > KILN_MAXDIM) inf_fail(I, n, "arrays of more than %d dimensions are not supported", KILN_MAXDIM);
        for (int i = 0; i < v.ty->n; i++) {
            Val e = v.el[i];
            if (e.ty->kind != T_SCALAR || !dt_is_int(e.ty->dtype))
                inf_fail(I, n, "'%s' object cannot be interpreted as an integer", inf_tyname(I, e.ty));
            dims[i] = ex_coerce(I, e, i64w(I), n).r;
        }
        return v.ty->n;
    }
    inf_fail(I, n, "an array shape must be an int or a tuple of ints, not %s", inf_tyname(I, v.ty));
}

int cl_dtype_arg(Inf *I, Node *n) {
    Val v = ex_expr(I, n);
    if (v.ty->kind == T_DTYPE) return v.ty->dtype;
    if (v.ty->kind == T_BUILTIN) {
        switch (v.ty->id) {
        case BI_FLOAT: return KILN_FLOAT64;
        case BI_INT: return KILN_INT64;
        case BI_BOOL: return KILN_BOOL;
        case BI_COMPLEX: return KILN_COMPLEX128;
        }
    }
    if (v.ty->kind == T_STR) {
        const char *s = tx_text(I, v);
        for (size_t i = 0; i < NELEM(np_dtypes); i++) if (strcmp(s, np_dtypes[i].name) == 0) return np_dtypes[i].dt;
        /* NumPy's other spellings: Python's type names, array-protocol codes (a byte order this machine's, or none),
         * one-letter type characters */
        static const struct { const char *code; kiln_dtype dt; } codes[] = {
            {"bool", KILN_BOOL}, {"float", KILN_FLOAT64}, {"int", KILN_INT64}, {"complex", KILN_COMPLEX128}, {"uint", KILN_UINT64},
            {"f8", KILN_FLOAT64}, {"f4", KILN_FLOAT32}, {"i8", KILN_INT64}, {"i4", KILN_INT32}, {"i2", KILN_INT16},
            {"i1", KILN_INT8}, {"u8", KILN_UINT64}, {"u4", KILN_UINT32}, {"u2", KILN_UINT16}, {"u1", KILN_UINT8},
            {"c16", KILN_COMPLEX128}, {"c8", KILN_COMPLEX64}, {"b1", KILN_BOOL}, {"?", KILN_BOOL}, {"d", KILN_FLOAT64},
            {"f", KILN_FLOAT32}, {"l", KILN_INT64}, {"q", KILN_INT64}, {"i", KILN_INT32}, {"h", KILN_INT16}, {"b", KILN_INT8},
            {"L", KILN_UINT64}, {"Q", KILN_UINT64}, {"I", KILN_UINT32}, {"H", KILN_UINT16}, {"B", KILN_UINT8},
            {"D", KILN_COMPLEX128}, {"F", KILN_COMPLEX64},
        };
        const char *c = (s[0] == '<' || s[0] == '=' || s[0] == '|') && s[1] ? s + 1 : s;
        for (size_t i = 0; i < NELEM(codes); i++) if (!strcmp(c, codes[i].code)) return codes[i].dt;
    }
    inf_fail(I, n, "data type not understood (use np.float64, np.int32, … or float/int/bool/complex)");
}

static Val np_ctor(Inf *I, Node *call, int id) {
    static const char *names[] = {"empty", "zeros", "ones", "full", "empty_like", "zeros_like", "ones_like", "full_like"};
    const char *nm = names[id - BI_NP_EMPTY];
    bool like = id >= BI_NP_EMPTY_LIKE, full = id == BI_NP_FULL || id == BI_NP_FULL_LIKE;
    /* NumPy's signatures: zeros(shape, dtype, order), full(shape, fill_value, dtype, order),
     * zeros_like(a, dtype, order, subok, shape), full_like(a, fill_value, dtype, order, subok, shape) */
    static const char *const plain[] = {"shape", "dtype", "order", NULL}, *const fullp[] = {"shape", "fill_value", "dtype", "order", NULL};
    static const char *const likep[] = {"a", "dtype", "order", "subok", "shape", NULL};
    static const char *const flikep[] = {"a", "fill_value", "dtype", "order", "subok", "shape", NULL};
    const char *const *params = like ? (full ? flikep : likep) : full ? fullp : plain;
    Node *arg[6];
    char fname[32];
    snprintf(fname, sizeof fname, "np.%s", nm);
    int npos = 0;
    while (params[npos]) npos++;
    cl_np_bind(I, call, fname, 0, params, npos, arg);
    Node *pos[2] = {arg[0], full ? arg[1] : NULL}, *dt = arg[full ? 2 : 1], *order = arg[full ? 3 : 2];
    if (order && (order->kind != N_STR || strcmp(order->name, "C") != 0)) inf_fail(I, order, "only order='C' is supported");
    if (like && arg[npos - 2]) cl_np_default(I, arg[npos - 2], fname, "subok", N_BOOL);
    if (like && arg[npos - 1]) inf_fail(I, arg[npos - 1], "%s(): shape= is not supported", fname);
    if (!pos[0] || (full && !pos[1])) inf_fail(I, call, "np.%s() is missing a required argument", nm);
    Ref dims[KILN_MAXDIM];
    int nd;
    int dtype = KILN_FLOAT64;
    Val proto = {0};
    if (like) {
        Val a = proto = ex_expr(I, pos[0]);
        if (a.ty->kind != T_ARRAY) inf_fail(I, pos[0], "np.%s() needs an array, not %s", nm, inf_tyname(I, a.ty));
        nd = a.ty->ndim;
        for (int k = 0; k < nd; k++) dims[k] = emit1(I, OP_DIM, i64w(I), a.r, k);
        dtype = a.ty->dtype;
    } else {
        nd = cl_shape_arg(I, pos[0], dims);
    }
    Val fill = {0};
    if (full) {
        fill = ex_expr(I, pos[1]);
        if (fill.ty->kind != T_SCALAR) inf_fail(I, pos[1], "fill_value must be a scalar, not %s", inf_tyname(I, fill.ty));
        if (!like) dtype = fill.ty->weak ? (int)ty_promote(I->tt, fill.ty, fill.ty)->dtype : fill.ty->dtype;
    }
    if (dt) dtype = cl_dtype_arg(I, dt);
    const Type *at = ty_array(I->tt, (kiln_dtype)dtype, nd, LAYOUT_C);
    const Type *et = ty_scalar(I->tt, (kiln_dtype)dtype, false);
    Ref a;
    if (like && !order && proto.ty->ndim >= 2 && proto.ty->layout != LAYOUT_C) { /* order 'K': laid out as the prototype */
        a = ew_new_like(I, proto, dtype, call).r;
        if (id != BI_NP_ONES_LIKE && !full) { /* zeros (np.empty_like's too: kiln's are never garbage) */
            Ref ops[2] = {a, inf_const_i(I, et, 0)};
            inf_emit(I, OP_FILL, NULL, ops, 2, 0);
        }
    } else {
        a = inf_emit(I, OP_ALLOC, at, dims, (uint32_t)nd, 0);
    }
    if (id == BI_NP_ONES || id == BI_NP_ONES_LIKE) {
        Ref one = inf_const_i(I, et, 1);
        Ref ops[2] = {a, one};
        inf_emit(I, OP_FILL, NULL, ops, 2, 0);
    } else if (full) {
        if (dt_is_complex(fill.ty->dtype) && !dt_is_complex(dtype)) inf_fail(I, pos[1], "cannot fill a real array with a complex value");
        Ref ops[2] = {a, ex_adopt(I, fill, et, pos[1]).r};
        inf_emit(I, OP_FILL, NULL, ops, 2, 0);
    }
    return mk(I, a);
}

/* np.array(object, dtype=None, *, copy=True, ...) / np.asarray(a, dtype=None): of a list (its items, nested
 * lists as axes), a tuple of numbers, an array (a copy for np.array), a number (a 0-d array) */
static Val np_array(Inf *I, Node *call, bool copy) {
    const char *fname = copy ? "np.array" : "np.asarray";
    static const char *const params[] = {"object", "dtype", NULL}, *const aparams[] = {"a", "dtype", NULL};
    Node *arg[2];
    cl_np_bind(I, call, fname, 0, copy ? params : aparams, 2, arg);
    if (!arg[0]) inf_fail(I, call, "%s() missing required argument '%s' (pos 0)", fname, copy ? "object" : "a");
    Val o;
    if (arg[0]->kind == N_LIST && arg[0]->nkids && arg[0]->nkids <= 32) { /* np.array([a, b]) of arrays: stacked */
        Val items[32];
        bool arrays = false;
        for (int i = 0; i < arg[0]->nkids; i++) arrays |= (items[i] = ex_value(I, arg[0]->kids[i])).ty->kind == T_ARRAY || items[i].ew;
        if (arrays) {
            for (int i = 0; i < arg[0]->nkids; i++) {
                items[i] = ew_force(I, items[i], arg[0]->kids[i]);
                if (items[i].ty->kind == T_LIST) items[i] = ls_to_array(I, items[i], arg[0]->kids[i]);
                if (items[i].ty->kind != T_ARRAY) inf_fail(I, arg[0]->kids[i], "%s() of a list of arrays and %s is not supported", fname, inf_tyname(I, items[i].ty));
            }
            Val a = ar_join(I, call, items, arg[0]->nkids, true, NULL);
            return arg[1] ? la_cast(I, a, cl_dtype_arg(I, arg[1]), call) : a;
        }
        for (int i = 0; i < arg[0]->nkids; i++) items[i] = ew_force(I, items[i], arg[0]->kids[i]);
        o = ls_display_of(I, arg[0], items);
    } else if (ls_walked(I, arg[0])) { /* np.array(range(n)), of a generator...: the items walked into a list */
        o = ls_iterable(I, arg[0]);
    } else {
        o = ex_expr(I, arg[0]);
    }
    if (o.ty->kind == T_UNKNOWN) return o;
    int dt = arg[1] ? cl_dtype_arg(I, arg[1]) : -1;
    Val a;
    if (o.ty->kind == T_LIST) a = ls_to_array(I, o, arg[0]);
    else if (o.ty->kind == T_ARRAY) a = copy && dt < 0 ? keep_copy(I, o, call) : o;
    else if (o.ty->kind == T_TUPLE) a = ls_to_array(I, ls_list_call(I, &(Node){.kind = N_CALL, .line = call->line, .col = call->col,
                                                               .id = call->id, .kids = &arg[0], .nkids = 1}), arg[0]);
    else if (o.ty->kind == T_SCALAR) a = cl_zero_d(I, o, call);
    else inf_fail(I, arg[0], "%s() of %s is not supported", fname, inf_tyname(I, o.ty));
    if (dt >= 0 && dt != a.ty->dtype) a = la_cast(I, a, dt, call);
    return a;
}

/* a.diagonal(offset=0, axis1=0, axis2=1) and a.trace(offset=0, axis1=0, axis2=1, dtype=None, out=None)
 * of a 2-d array (skip: the positional arguments before offset): NumPy's diagonal is a view (read-only
 * there: kiln's is writable), trace its sum */
static Val diagonal_call(Inf *I, Node *call, Val o, int skip, bool trace) {
    const char *nm = trace ? "trace" : "diagonal";
    Node *arg[5];
    static const char *const dparams[] = {"offset", "axis1", "axis2", NULL};
    static const char *const tparams[] = {"offset", "axis1", "axis2", "dtype", "out", NULL};
    cl_np_bind(I, call, nm, skip, trace ? tparams : dparams, trace ? 5 : 3, arg);
    if (o.ty->kind == T_UNKNOWN) return o;
    if (o.ty->kind != T_ARRAY) inf_fail(I, call, "%s() needs an array here, not %s", nm, inf_tyname(I, o.ty));
    if (o.ty->ndim != 2) inf_fail(I, call, "%s() of a %d-d array is not supported (2-d arrays only)", nm, o.ty->ndim);
    for (int i = 1; i <= 2; i++)
        if (arg[i] && cl_const_int(I, arg[i], i == 1 ? "axis1" : "axis2", "") != i - 1)
            inf_fail(I, arg[i], "%s(): axis1=0, axis2=1 only (the other order is the same diagonal of the transpose: write a.T)", nm);
    if (trace) { cl_np_default(I, arg[3], nm, "dtype", N_NONE); cl_np_default(I, arg[4], nm, "out", N_NONE); }
    Ref k = inf_k64(I, 0);
    if (arg[0]) {
        Val kv = ex_expr(I, arg[0]);
        if (kv.ty->kind != T_SCALAR || !dt_is_int(kv.ty->dtype)) inf_fail(I, arg[0], "%s(): offset must be an integer", nm);
        k = ex_coerce(I, kv, inf_i64(I), arg[0]).r;
    }
    Val d = vw_diagonal(I, o, k, call);
    return trace ? rd_whole(I, d, RK_SUM, call) : d;
}

static Val method_call(Inf *I, Node *call, Val o, const char *m) {
    if (o.ty->kind == T_UNKNOWN) return o;
    if (o.ty->kind == T_BUILTIN && o.ty->id >= BI_NBTYPED && o.ty->id < BI_CMATH) return nb_method(I, call, o.ty->id - BI_NBTYPED, m); /* List.empty_list */
    if (o.ty->kind == T_LIST) return ls_method(I, call, o, m);
    if (o.ty->kind == T_DICT) return dc_method(I, call, o, m);
    if (o.ty->kind == T_SET) return se_method(I, call, o, m);
    if (o.ty->kind == T_RNG) return gn_method(I, call, o, m);
    if (tx_is(o.ty)) return tx_method(I, call, o, m);
    if (o.ty->kind == T_TUPLE && o.ty->names && m[0] == '_') return nt_method(I, call, o, m);
    if (o.ty->kind == T_CLASS) return nt_class_method(I, call, o.ty, m);
    if ((o.ty->kind == T_ARRAY || o.ty->kind == T_SCALAR) && (!strcmp(m, "tolist") || !strcmp(m, "item")))
        return nm_tolist(I, call, o, m[0] == 'i');
    if (o.ty->kind == T_ARRAY && !strcmp(m, "copy")) {
        nargs(I, call, "copy", 0, 0);
        return cl_acopy(I, o);
    }
    int rd = o.ty->kind == T_ARRAY && strcmp(m, "amin") && strcmp(m, "amax") && strcmp(m, "average") ? rd_lookup(m) : -1; /* np.amin: functions only */
    if (rd >= 0) return rd_call(I, call, rd, &o);
    if (o.ty->kind == T_SCALAR && !o.ty->weak && strcmp(m, "amin") && strcmp(m, "amax") && strcmp(m, "average") &&
        (rd = rd_lookup(m)) >= 0) { /* a NumPy scalar's x.sum(), x.max() ...: those of the 0-d array np.asarray(x) */
        Val z = cl_zero_d(I, o, call);
        return rd_call(I, call, rd, &z);
    }
    if (o.ty->kind == T_ARRAY && (!strcmp(m, "reshape") || !strcmp(m, "ravel"))) return vw_reshape(I, call, o, m[0] == 'r' && m[1] == 'a');
    if (o.ty->kind == T_ARRAY && !strcmp(m, "flatten")) {
        if (vw_order_f(I, call, o, "flatten")) o = vw_transpose(I, o, call);
        Val c = mk(I, emit1(I, OP_ACOPY, ty_array(I->tt, o.ty->dtype, o.ty->ndim, LAYOUT_C), o.r, 0));
        return vw_ravel(I, c, call);
    }
    if (o.ty->kind == T_ARRAY && !strcmp(m, "sort")) return so_sort_method(I, call, o);
    if (o.ty->kind == T_ARRAY && !strcmp(m, "clip")) {
        nargs(I, call, "clip", 2, 2);
        return ew_clip(I, o, ex_value(I, call->kids[0]), ex_value(I, call->kids[1]), call);
    }
    if (o.ty->kind == T_ARRAY && !strcmp(m, "nonzero")) { nargs(I, call, "nonzero", 0, 0); return so_nonzero(I, call, o); }
    if (o.ty->kind == T_ARRAY && (!strcmp(m, "argsort") || !strcmp(m, "argpartition"))) return so_call(I, call, so_lookup(m), &o);
    if (o.ty->kind == T_SCALAR && !o.ty->weak && !strcmp(m, "astype")) { /* a NumPy scalar's: its item cast as an array's */
        if (call->nkids != 1 || call->nkids2) inf_fail(I, call, "astype() takes one argument (a dtype) here");
        int dt = cl_dtype_arg(I, call->kids[0]);
        if (dt_is_complex(o.ty->dtype) && !dt_is_complex(dt))
            inf_fail(I, call, "astype() of a complex number as %s is not supported (NumPy discards the imaginary part with a warning)",
                     kiln_dtype_name((kiln_dtype)dt));
        return ex_coerce(I, o, ty_scalar(I->tt, (kiln_dtype)dt, false), call);
    }
    if (o.ty->kind == T_ARRAY && !strcmp(m, "astype")) {
        if (call->nkids != 1 || call->nkids2) inf_fail(I, call, "astype() takes one argument (a dtype) here");
        return la_cast(I, o, cl_dtype_arg(I, call->kids[0]), call);
    }
    if (o.ty->kind == T_ARRAY && !strcmp(m, "view")) { /* the same bytes read as another dtype of the same size */
        nargs(I, call, "view", 0, 1);
        if (!call->nkids) return o;
        int dt = cl_dtype_arg(I, call->kids[0]);
        if (dt == KILN_BOOL && o.ty->dtype != KILN_BOOL) /* a byte other than 0 and 1 is no bool kiln can hold */
            inf_fail(I, call->kids[0], "a.view(np.bool_) of a %s array is not supported", kiln_dtype_name((kiln_dtype)o.ty->dtype));
        if (kiln_dtype_size((kiln_dtype)dt) != kiln_dtype_size((kiln_dtype)o.ty->dtype))
            inf_fail(I, call->kids[0], "a.view() as a dtype of another item size (%s from %s) is not supported yet",
                     kiln_dtype_name((kiln_dtype)dt), kiln_dtype_name((kiln_dtype)o.ty->dtype));
        Ref dims[KILN_MAXDIM], strides[KILN_MAXDIM];
        for (int k = 0; k < o.ty->ndim; k++) {
            dims[k] = inf_emit(I, OP_DIM, i64w(I), &o.r, 1, k);
            strides[k] = inf_emit(I, OP_STRIDE, i64w(I), &o.r, 1, k);
        }
        Val v = vw_make(I, o, inf_const_i(I, i64w(I), 0), dims, strides, o.ty->ndim, o.ty->layout, call);
        v.ty = ty_array(I->tt, dt, o.ty->ndim, o.ty->layout);
        I->f->ins.v[v.r].ty = v.ty;
        return v;
    }
    if (o.ty->kind == T_ARRAY && !strcmp(m, "dot")) {
        nargs(I, call, "dot", 1, 1);
        return la_matmul(I, o, ex_expr(I, call->kids[0]), call);
    }
    if (o.ty->kind == T_ARRAY && (!strcmp(m, "diagonal") || !strcmp(m, "trace"))) return diagonal_call(I, call, o, 0, m[0] == 't');
    if (o.ty->kind == T_ARRAY && !strcmp(m, "transpose")) { /* a.transpose(), a.transpose(None), a.transpose(1, 0, 2), a.transpose((1, 0, 2)) */
        if (call->nkids2) inf_fail(I, call, "transpose() takes no keyword arguments");
        if (call->nkids == 0 || (call->nkids == 1 && call->kids[0]->kind == N_NONE)) return vw_transpose(I, o, call);
        return vw_permute(I, o, call->kids, call->nkids, call);
    }
    if (o.ty->kind == T_ARRAY && !strcmp(m, "fill")) {
        nargs(I, call, "fill", 1, 1);
        Val v = ex_expr(I, call->kids[0]);
        if (v.ty->kind != T_SCALAR) inf_fail(I, call, "fill() needs a scalar");
        Ref ops[2] = {o.r, ex_adopt(I, v, ty_scalar(I->tt, o.ty->dtype, false), call).r};
        inf_emit(I, OP_FILL, NULL, ops, 2, 0);
        return stat(I, &I->tt->none);
    }
    if (o.ty->kind == T_ARRAY && (!strcmp(m, "conj") || !strcmp(m, "conjugate"))) {
        nargs(I, call, m, 0, 0);
        return ew_part(I, o, OP_CONJ, call);
    }
    if (o.ty->kind == T_TUPLE && (!strcmp(m, "index") || !strcmp(m, "count"))) { /* CPython's == item by item */
        if (m[0] == 'i' && call->nkids > 1 && !call->nkids2) inf_fail(I, call, "tuple.index(x, start, stop): start and stop are not supported yet");
        nargs(I, call, m, 1, 1);
        static const char index_text[] = "def index(t, x):\n    i = 0\n    for v in t:\n        if v == x:\n            return i\n"
                                         "        i += 1\n    raise ValueError(\"tuple.index(x): x not in tuple\")\n";
        static const char count_text[] = "def count(t, x):\n    c = 0\n    for v in t:\n        if v == x:\n            c += 1\n"
                                         "    return c\n";
        Node *args[2] = {it_held(I, call, 0, o), call->kids[0]};
        bool idx = m[0] == 'i';
        return it_inline(I, call, idx ? index_text : count_text, idx ? sizeof index_text - 1 : sizeof count_text - 1,
                         "<tuple>", args, 2);
    }
    if (o.ty->kind == T_ARRAY) {
        /* methods NumPy defines as its functions of the array: np.NAME(a, args...) */
        static const char *const as_function[] = {"squeeze", "round", "repeat", "searchsorted", "swapaxes", "take"};
        for (size_t i = 0; i < NELEM(as_function); i++)
            if (!strcmp(m, as_function[i])) return nm_method_as_function(I, call, o, m);
    }
    Val r;
    if (mp_method(I, call, o, m, &r)) return r;
    if (o.ty->kind == T_SCALAR && !strcmp(m, "conjugate")) {
        nargs(I, call, "conjugate", 0, 0);
        if (!dt_is_complex(o.ty->dtype)) return o;
        return mk(I, emit1(I, OP_CONJ, o.ty, o.r, 0));
    }
    if (o.ty->kind == T_BUILTIN && o.ty->id >= BI_UFUNC && ew_ufunc_name(o.ty->id - BI_UFUNC))
        return nm_ufunc_method(I, call, ew_ufunc_name(o.ty->id - BI_UFUNC), ew_ufunc_nargs(o.ty->id - BI_UFUNC), m);
    if (o.ty->kind == T_BUILTIN && o.ty->id >= BI_NPUFUNC && o.ty->id < BI_NPINDEX)
        return nm_ufunc_method(I, call, nu_name(o.ty->id - BI_NPUFUNC), nu_nargs(o.ty->id - BI_NPUFUNC), m);
    inf_fail(I, call, "'%s' object has no method '%s' (or it is not supported)", inf_tyname(I, o.ty), m);
}

bool cl_is_ufunc(Inf *I, Node *callee) {
    Val f = ex_expr(I, callee);
    return f.ty->kind == T_BUILTIN && f.ty->id >= BI_UFUNC;
}

/* call with each starred argument f(*t) replaced by t's items: a tuple display's own, else the tuple evaluated once
 * into a hidden variable and its items read from it (a list's or an array's count is known only when it runs) */
enum { STAR_ARGS_MAX = 64 }; /* positional arguments of a call with a starred one */

/* a literal int (or its negation), into *v */
static bool literal_int(Node *k, int64_t *v) {
    if (k->kind == N_INT) { *v = k->v.i; return true; }
    if (k->kind == N_UNARY && k->op == TK_MINUS && k->a->kind == N_INT) { *v = -k->a->v.i; return true; }
    return false;
}

/* tuple(x): a tuple's length is its type's, so x is a tuple (the same tuple back), a range of literal bounds (its
 * numbers) or nothing (()); anything whose length is known only when it runs is a compile error saying so */
static Val tuple_call(Inf *I, Node *call) {
    if (call->nkids2 || call->nkids > 1) inf_fail(I, call, "tuple() takes at most 1 argument");
    if (!call->nkids) return inf_tuple(I, NULL, 0);
    Node *x = call->kids[0];
    if (x->kind == N_CALL && x->a->kind == N_NAME && !strcmp(x->a->name, "range") && !x->nkids2 && x->nkids >= 1 &&
        x->nkids <= 3 && !st_is_var(I, "range")) {
        int64_t b[3] = {0, 0, 1};
        bool lit = true;
        for (int i = 0; i < x->nkids; i++) lit &= literal_int(x->kids[i], &b[x->nkids == 1 ? 1 : i]);
        if (lit) {
            if (b[2] == 0) inf_fail(I, x, "range() arg 3 must not be zero");
            int64_t n = b[2] > 0 ? (b[1] > b[0] ? (b[1] - b[0] + b[2] - 1) / b[2] : 0)
                                 : (b[0] > b[1] ? (b[0] - b[1] - b[2] - 1) / -b[2] : 0);
            if (n > TY_TUPLE_MAX) inf_fail(I, call, "tuples of more than %d elements are not supported", TY_TUPLE_MAX);
            Val items[TY_TUPLE_MAX];
            for (int64_t i = 0; i < n; i++) items[i] = mk(I, inf_const_i(I, i64w(I), b[0] + i * b[2]));
            return inf_tuple(I, items, (int)n);
        }
        inf_fail(I, x, "tuple(range(...)) needs literal bounds: a tuple's length is part of its type, known when compiling "
                 "(else keep a list: list(range(n)))");
    }
    Val v = ex_expr(I, x);
    if (v.ty->kind == T_UNKNOWN) return unknown(I);
    if (v.ty->kind == T_TUPLE && !ty_is_optional(v.ty)) return v;
    inf_fail(I, x, "tuple() of %s is not supported: a tuple's length is part of its type, known when compiling (a tuple, "
             "a range of literal bounds; else keep a list)", inf_tyname(I, v.ty));
}

Node *cl_unstarred(Inf *I, Node *call) {
    int n = 0;
    bool any = false;
    Val vals[STAR_ARGS_MAX];
    for (int i = 0; i < call->nkids && i < STAR_ARGS_MAX; i++) {
        Node *k = call->kids[i];
        if (k->kind != N_STARRED) { n++; continue; }
        any = true;
        if (k->a->kind == N_TUPLE || k->a->kind == N_LIST) { n += k->a->nkids; continue; } /* f(*[a, b]): a display's items */
        vals[i] = ex_expr(I, k->a);
        if (vals[i].ty->kind != T_TUPLE)
            inf_fail(I, k, "f(*x) of %s is not supported: a call's arguments are counted when it compiles (a tuple's are)",
                     inf_tyname(I, vals[i].ty));
        n += vals[i].ty->n;
    }
    if (!any) return call;
    if (call->nkids > STAR_ARGS_MAX) inf_fail(I, call, "more than %d arguments", STAR_ARGS_MAX);
    Node **kids = arena_alloc(I->a, sizeof(Node *) * (size_t)(n ? n : 1));
    Node *c = arena_alloc(I->a, sizeof *c);
    if (!kids || !c) inf_oom(I);
    int w = 0;
    for (int i = 0; i < call->nkids; i++) {
        Node *k = call->kids[i];
        if (k->kind != N_STARRED) { kids[w++] = k; continue; }
        if (k->a->kind == N_TUPLE || k->a->kind == N_LIST) {
            for (int j = 0; j < k->a->nkids; j++) kids[w++] = k->a->kids[j];
            continue;
        }
        char fmt[32];
        snprintf(fmt, sizeof fmt, "$star%d.%%d", i);
        Node *h = st_hidden(I, fmt, call);
        inf_assign(I, h, vals[i]);
        for (int j = 0; j < vals[i].ty->n; j++) {
            Node *sub = inf_node(I, N_SUBSCR, k), *ix = inf_node(I, N_INT, k), **one = arena_alloc(I->a, sizeof(Node *));
            if (!one) inf_oom(I);
            ix->v.i = j;
            one[0] = ix;
            sub->a = h; sub->kids = one; sub->nkids = 1;
            kids[w++] = sub;
        }
    }
    *c = *call;
    c->kids = kids;
    c->nkids = w;
    return c;
}

Val cl_call(Inf *I, Node *call) {
    call = cl_unstarred(I, call);
    Node *c = call->a;
    if (c->kind == N_NAME && !strcmp(c->name, "$red_init")) return pf_red_init(I, call); /* front/prange.c's, no user's */
    if (c->kind == N_NAME && !strcmp(c->name, "$with")) return with_manager(I, call->kids[0]); /* front/parse.c's */
    if (c->kind == N_NAME && !strcmp(c->name, "$blk")) return pf_block(I, call);
    if (c->kind == N_ATTR) {
        /* (a * b).sum(): a reduction method may fuse with the expression it is called on */
        Val o = ex_value(I, c->a);
        if (o.ew && rd_lookup(c->name) < 0) o = ew_force(I, o, c->a);
        bool attr = o.ty->kind == T_MODULE || (o.ty->kind == T_DTYPE && !strcmp(c->name, "type")); /* x.dtype.type(v) */
        if (!attr) return method_call(I, call, o, c->name);
    }
    Val f = ex_expr(I, c);
    I->line = call->line;
    if (f.ty->kind == T_FUNC) return call_kernel(I, call, f.ty->id);
    if (f.ty->kind == T_CLOSURE) return nf_call(I, call, f);
    if (f.ty->kind == T_DTYPE) return scalar_ctor(I, call, ty_scalar(I->tt, f.ty->dtype, false), kiln_dtype_name(f.ty->dtype));
    if (f.ty->kind == T_CLASS) return nt_new(I, call, f.ty);
    if (f.ty->kind != T_BUILTIN) inf_fail(I, call, "'%s' object is not callable", inf_tyname(I, f.ty));
    int id = f.ty->id;
    if (id >= BI_UFUNC) return ew_ufunc_call(I, call, id - BI_UFUNC);
    if (id >= BI_NPMISC) return nm_call(I, call, id - BI_NPMISC);
    if (id >= BI_NPPOLY) return pl_call(I, call, id - BI_NPPOLY);
    if (id >= BI_NPWRAP) return nw_call(I, call, id - BI_NPWRAP);
    if (id >= BI_NPINDEX) return nx_call(I, call, id - BI_NPINDEX);
    if (id >= BI_NPUFUNC) return nu_call(I, call, id - BI_NPUFUNC);
    if (id >= BI_CMATH) return cm_call(I, call, id - BI_CMATH);
    if (id >= BI_NBTYPED) return nb_call(I, call, id - BI_NBTYPED);
    if (id >= BI_BISECT) return bs_call(I, call, id - BI_BISECT);
    if (id >= BI_NPDIST) return nd_call(I, call, id - BI_NPDIST);
    if (id >= BI_MATHPY) return mp_call(I, call, id - BI_MATHPY);
    if (id >= BI_CLOCK) return ck_call(I, call, id - BI_CLOCK);
    if (id >= BI_HEAPQ) return hq_call(I, call, id - BI_HEAPQ);
    if (id >= BI_MATHINT) return mi_call(I, call, id - BI_MATHINT);
    if (id >= BI_ITERTOOLS) return it_call(I, call, id - BI_ITERTOOLS);
    if (id >= BI_CUDA) return cu_call(I, call, id - BI_CUDA);
    if (id >= BI_RANDOM) return rn_call(I, call, id - BI_RANDOM);
    if (id >= BI_SORT) return so_call(I, call, id - BI_SORT, NULL);
    if (id >= BI_REDUCE) return rd_call(I, call, id - BI_REDUCE, NULL);
    if (id >= BI_MATH) return math_call(I, call, id - BI_MATH);
    switch (id) {
    case BI_LEN: return len_call(I, call);
    case BI_ABS: return abs_call(I, call);
    case BI_MIN: return minmax(I, call, false);
    case BI_MAX: return minmax(I, call, true);
    case BI_SUM: return gx_call(I, call, "sum");
    case BI_ALL: return gx_call(I, call, "all");
    case BI_ANY: return gx_call(I, call, "any");
    case BI_LIST: return ls_list_call(I, call);
    case BI_TUPLE: return tuple_call(I, call);
    case BI_SET: return se_call(I, call);
    case BI_FORMAT: return sf_format_call(I, call);
    case BI_REVERSED: return reversed_call(I, call);
    case BI_STR: case BI_REPR: case BI_ASCII: return tx_str_call(I, call, id == BI_STR ? 's' : id == BI_REPR ? 'r' : 'a');
    case BI_ORD: case BI_CHR: return tx_chr_ord(I, call, id == BI_CHR);
    case BI_DIVMOD: return pa_divmod(I, call);
    case BI_POW: return pa_pow(I, call);
    case BI_ISINSTANCE: return tt_isinstance(I, call);
    case BI_DICT: return dc_call(I, call);
    case BI_BIN: return pa_radix(I, call, 'b');
    case BI_OCT: return pa_radix(I, call, 'o');
    case BI_HEX: return pa_radix(I, call, 'x');
    case BI_NEXT: return gx_next(I, call);
    case BI_HASH: return hash_call(I, call);
    case BI_DEFAULTDICT: return dc_defaultdict(I, call);
    case BI_COUNTER: return dc_counter(I, call);
    case BI_DEQUE: return dq_new(I, call);
    case BI_SORTED: return ls_sorted_call(I, call);
    case BI_NP_ARRAY: case BI_NP_ASARRAY: return np_array(I, call, id == BI_NP_ARRAY);
    case BI_INT: {
        if (call->nkids == 1 && !call->nkids2) {
            Val v = ex_expr(I, call->kids[0]); /* evaluated once: int(random.random() * 10) draws once */
            if (v.ty->kind == T_STR) { /* CPython's int(str): whitespace, a sign, underscores between digits */
                const char *s = tx_text(I, v);
                int64_t x;
                int rc = num_py_int(s, strlen(s), &x);
                if (rc) return tx_number(I, v, true); /* raises where it runs: ValueError, or OverflowError past int64 */
                return mk(I, inf_const_i(I, i64w(I), x));
            }
            return scalar_ctor_of(I, call, i64w(I), "int", v);
        }
        return scalar_ctor(I, call, i64w(I), "int");
    }
    case BI_FLOAT: return scalar_ctor(I, call, f64w(I), "float");
    case BI_BOOL:
        if (call->nkids == 1 && !call->nkids2) { /* bool(a list, a dict, a tuple, None): its truth */
            Val v = ex_value(I, call->kids[0]);
            if (v.ty->kind == T_LIST || v.ty->kind == T_DICT || v.ty->kind == T_SET || v.ty->kind == T_TUPLE || v.ty->kind == T_NONE ||
                tx_is(v.ty))
                return mk(I, ex_truth(I, v, call));
            return scalar_ctor_of(I, call, boolw(I), "bool", v);
        }
        return scalar_ctor(I, call, boolw(I), "bool");
    case BI_COMPLEX: return complex_ctor(I, call);
    case BI_ROUND: return round_call(I, call);
    case BI_RANGE:
        inf_fail(I, call, "range() is supported where it is walked (a for loop, a comprehension, list(), sum(), np.array()...), "
                 "in len() and in `x in range(...)`; a range object held as a value is not yet");
    case BI_ENUMERATE: case BI_ZIP: inf_fail(I, call, "enumerate() and zip() are only supported in for loops");
    case BI_PRINT: return pr_print(I, call);
    case BI_NP_DOT: return la_dot(I, call);
    case BI_NP_MATMUL: return la_matmul_call(I, call);
    case BI_NP_EINSUM: return la_einsum(I, call);
    case BI_NP_ARANGE: return ar_arange(I, call);
    case BI_NP_LINSPACE: return ar_linspace(I, call);
    case BI_NP_EYE: return ar_eye(I, call);
    case BI_NP_CONCATENATE: return ar_concatenate(I, call, false);
    case BI_NP_STACK: return ar_concatenate(I, call, true);
    case BI_NP_ROLL: return ar_roll(I, call);
    case BI_NP_DIFF: return ar_diff(I, call);
    case BI_NP_TILE: return ar_tile(I, call);
    case BI_NP_REPEAT: return ar_repeat(I, call);
    case BI_NP_COUNT_NONZERO: { /* the sum of a != 0, fused; along an axis NumPy's int64 sums of a != 0 */
        Node *arg[3] = {NULL};
        cl_np_bind(I, call, "count_nonzero", 0, (const char *const[]){"a", "axis", "keepdims", NULL}, 2, arg);
        if (!arg[0]) inf_fail(I, call, "count_nonzero() missing required argument 'a'");
        Val a = ex_value(I, arg[0]);
        if (a.ty->kind == T_UNKNOWN) return a;
        if (!ew_is_array(a)) inf_fail(I, call, "np.count_nonzero() needs an array here");
        bool keep = arg[2] && !(arg[2]->kind == N_BOOL && !arg[2]->v.i);
        if (keep && arg[2]->kind != N_BOOL) inf_fail(I, arg[2], "np.count_nonzero(): keepdims must be True or False written in the call");
        if ((arg[1] && arg[1]->kind != N_NONE) || keep) {
            int nd = a.ty->ndim;
            char text[256];
            int n = snprintf(text, sizeof text, "def count_nonzero(a):\n    return " KILN_NP_NAME ".sum(a != 0");
            if (arg[1] && arg[1]->kind != N_NONE) {
                int64_t ax = cl_const_int(I, arg[1], "axis", " (it decides the result's shape)");
                if (ax < -nd || ax >= nd) inf_fail(I, arg[1], "axis %lld is out of bounds for array of dimension %d", (long long)ax, nd);
                n += snprintf(text + n, sizeof text - (size_t)n, ", axis=%d", (int)(ax < 0 ? ax + nd : ax));
            }
            n += snprintf(text + n, sizeof text - (size_t)n, "%s)\n", keep ? ", keepdims=True" : "");
            Node *held = it_held(I, call, 0, a.ew ? ew_force(I, a, arg[0]) : a);
            return it_inline(I, call, text, (size_t)n, "<numpy>", &held, 1);
        }
        Val nz = ew_compare(I, TK_NE, a, mk(I, inf_const_i(I, boolw(I), 0)), call);
        return ew_reduce(I, nz, RK_SUM, KILN_INT64, call);
    }
    case BI_NP_COPY: {
        nargs(I, call, "np.copy", 1, 1);
        Val o = ex_expr(I, call->kids[0]);
        if (o.ty->kind != T_ARRAY) return o; /* a copy of a scalar is the scalar */
        return keep_copy(I, o, call);
    }
    case BI_NP_TRANSPOSE: { /* np.transpose(a, axes=None): a.T, or a view with the axes in that order */
        if (call->nkids < 1) inf_fail(I, call, "transpose() missing required argument 'a'");
        Node *arg[1];
        static const char *const params[] = {"axes", NULL};
        cl_np_bind(I, call, "transpose", 1, params, 1, arg);
        Val o = ex_expr(I, call->kids[0]);
        if (o.ty->kind == T_UNKNOWN) return o;
        if (o.ty->kind != T_ARRAY) inf_fail(I, call, "np.transpose() needs an array here, not %s", inf_tyname(I, o.ty));
        if (!arg[0] || arg[0]->kind == N_NONE) return vw_transpose(I, o, call);
        return vw_permute(I, o, arg, 1, call);
    }
    case BI_NP_ROUND: { /* np.round(a, decimals=0, out=None); decimals a constant (it decides the loop) */
        if (call->nkids < 1) inf_fail(I, call, "round() missing required argument 'a'");
        Node *arg[2];
        static const char *const params[] = {"decimals", "out", NULL};
        cl_np_bind(I, call, "round", 1, params, 2, arg);
        cl_np_default(I, arg[1], "round", "out", N_NONE);
        int64_t dec = arg[0] ? cl_const_int(I, arg[0], "np.round(): decimals", "") : 0;
        Val o = ex_value(I, call->kids[0]);
        if (o.ty->kind == T_UNKNOWN) return o;
        if (!ew_is_array(o) && o.ty->kind != T_SCALAR) inf_fail(I, call, "np.round() needs a number or an array, not %s", inf_tyname(I, o.ty));
        return ew_round(I, o, dec, call);
    }
    case BI_NP_NONZERO:
        if (call->nkids != 1 || call->nkids2) inf_fail(I, call, "np.nonzero() takes one array");
        return so_nonzero(I, call, ex_expr(I, call->kids[0]));
    case BI_NP_COPYTO: return cp_copyto(I, call);
    case BI_NP_NORM: return nl_norm(I, call);
    case BI_NP_SOLVE: return nl_linalg(I, call, LA_SOLVE);
    case BI_NP_INV: return nl_linalg(I, call, LA_INV);
    case BI_NP_DET: return nl_linalg(I, call, LA_DET);
    case BI_NP_CHOLESKY: return nl_linalg(I, call, LA_CHOLESKY);
    case BI_NP_EIGVALSH: return nl_linalg(I, call, LA_EIGVALSH);
    case BI_NP_EIGH: return nl_linalg(I, call, LA_EIGH);
    case BI_NP_EIGVALS: return nl_linalg(I, call, LA_EIGVALS);
    case BI_NP_EIG: return nl_linalg(I, call, LA_EIG);
    case BI_NP_SVD: return nl_svd(I, call);
    case BI_NP_QR: return nl_qr(I, call);
    case BI_NP_LSTSQ: return nl_lstsq(I, call);
    case BI_NP_PINV: return nl_pinv(I, call);
    case BI_NP_SLOGDET: return nl_slogdet(I, call);
    case BI_NP_SPLIT: case BI_NP_ARRAY_SPLIT: return ar_split(I, call, id == BI_NP_SPLIT);
    case BI_NP_DTYPE: /* np.dtype(x): the dtype x names (a dtype, a scalar type, float/int/bool/complex or a string) */
        if (call->nkids != 1 || call->nkids2) inf_fail(I, call, "np.dtype() takes one argument here (a type or its name)");
        return stat(I, &I->tt->dtype[cl_dtype_arg(I, call->kids[0])]);
    case BI_NP_NDINDEX: case BI_NP_NDENUMERATE:
        inf_fail(I, call, "np.%s() is supported as the iterable of a for statement or a comprehension",
                 id == BI_NP_NDINDEX ? "ndindex" : "ndenumerate");
    case BI_NP_ERRSTATE: inf_fail(I, call, "np.errstate() is supported as a with statement's context manager");
    case BI_NP_DIAGONAL: case BI_NP_TRACE: {
        const char *nm = id == BI_NP_TRACE ? "trace" : "diagonal";
        if (call->nkids < 1) inf_fail(I, call, "%s() missing required argument 'a'", nm);
        Val o = ex_expr(I, call->kids[0]);
        return diagonal_call(I, call, o, 1, id == BI_NP_TRACE);
    }
    default: return np_ctor(I, call, id);
    }
}
