/*
 * npdist.c — NumPy's legacy continuous distributions (np.random.exponential, lognormal, laplace, ...), written in
 * Python and lowered at the call.
 *
 * RandomState draws each of these from the same two streams kiln already reproduces — random_sample's doubles and
 * standard_normal's legacy Gauss pairs (random.c) — through a formula in C (NumPy's legacy-distributions.c and
 * distributions.c), whose libm calls are math's: exponential is scale * -log(1 - u), lognormal exp(mean + sigma * g),
 * laplace, logistic and gumbel draw again where u is 0 (1), ... Each formula below was checked against NumPy's own
 * draws, 2,000 of each after the same seed. The parameters are floats checked as RandomState checks them (its
 * messages); size None gives one Python float, an int or a tuple an array filled in C order.
 */
#include "infer.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#define U KILN_NP_NAME ".random.random_sample()"
#define G KILN_NP_NAME ".random.standard_normal()"
#define M KILN_MATH_NAME

/* a distribution: its parameters with their defaults (NAN: required), the checks (a condition and the message
 * RandomState raises), and the body of one(params) that draws one value */
typedef struct Dist {
    const char *name;
    const char *params[3];
    double dflt[3];
    const char *bad[3][2];
    const char *body;
} Dist;

static const Dist dists[] = {
    {"standard_exponential", {NULL}, {0}, {{NULL}}, "    return -" M ".log(1.0 - " U ")\n"},
    {"exponential", {"scale"}, {1.0}, {{"scale < 0", "scale < 0"}}, "    return scale * -" M ".log(1.0 - " U ")\n"},
    {"lognormal", {"mean", "sigma"}, {0.0, 1.0}, {{"sigma < 0", "sigma < 0"}},
     "    return " M ".exp(mean + sigma * " G ")\n"},
    {"standard_cauchy", {NULL}, {0}, {{NULL}}, "    return " G " / " G "\n"},
    {"laplace", {"loc", "scale"}, {0.0, 1.0}, {{"scale < 0", "scale < 0"}},
     "    while True:\n        u = " U "\n        if u >= 0.5:\n            return loc - scale * " M ".log(2.0 - u - u)\n"
     "        if u > 0.0:\n            return loc + scale * " M ".log(u + u)\n"},
    {"logistic", {"loc", "scale"}, {0.0, 1.0}, {{"scale < 0", "scale < 0"}},
     "    while True:\n        u = " U "\n        if u > 0.0:\n            return loc + scale * " M ".log(u / (1.0 - u))\n"},
    {"gumbel", {"loc", "scale"}, {0.0, 1.0}, {{"scale < 0", "scale < 0"}},
     "    while True:\n        u = 1.0 - " U "\n        if u < 1.0:\n            return loc - scale * " M ".log(-" M ".log(u))\n"},
    {"weibull", {"a"}, {NAN}, {{"a < 0", "a < 0"}},
     "    if a == 0.0:\n        return 0.0\n    return " M ".pow(-" M ".log(1.0 - " U "), 1.0 / a)\n"},
    {"pareto", {"a"}, {NAN}, {{"a <= 0", "a <= 0"}}, "    return " M ".exp(-" M ".log(1.0 - " U ") / a) - 1\n"},
    {"power", {"a"}, {NAN}, {{"a <= 0", "a <= 0"}},
     "    return " M ".pow(1 - " M ".exp(-(-" M ".log(1.0 - " U "))), 1.0 / a)\n"},
    {"rayleigh", {"scale"}, {1.0}, {{"scale < 0", "scale < 0"}}, "    return scale * " M ".sqrt(-2.0 * " M ".log1p(-" U "))\n"},
    {"triangular", {"left", "mode", "right"}, {NAN, NAN, NAN},
     {{"left > mode", "left > mode"}, {"mode > right", "mode > right"}, {"left == right", "left == right"}},
     "    base = right - left\n    leftbase = mode - left\n    ratio = leftbase / base\n    leftprod = leftbase * base\n"
     "    rightprod = (right - mode) * base\n    u = " U "\n    if u <= ratio:\n"
     "        return left + " M ".sqrt(u * leftprod)\n    return right - " M ".sqrt((1.0 - u) * rightprod)\n"},
};

int nd_lookup(const char *name) {
    for (int k = 0; k < (int)NELEM(dists); k++) if (!strcmp(dists[k].name, name)) return k;
    return -1;
}

/* text appended at *w of buf (cap bytes) */
static void add(Inf *I, Node *at, char *buf, size_t cap, size_t *w, const char *fmt, const char *a, const char *b) {
    int k = snprintf(buf + *w, cap - *w, fmt, a, b);
    if (k < 0 || (size_t)k >= cap - *w) inf_fail(I, at, "internal error: a numpy.random expansion is too long");
    *w += (size_t)k;
}

Val nd_call(Inf *I, Node *call, int k) {
    const Dist *d = &dists[k];
    char fname[48], buf[2048], sig[64] = "";
    snprintf(fname, sizeof fname, "np.random.%s", d->name);
    int np = 0;
    while (np < 3 && d->params[np]) np++;
    const char *names[5] = {NULL};
    for (int i = 0; i < np; i++) names[i] = d->params[i];
    names[np] = "size";
    Node *arg[4] = {NULL};
    cl_np_bind(I, call, fname, 0, names, np + 1, arg);
    Node *args[4];
    for (int i = 0; i < np; i++) { /* each parameter a float, computed once */
        Val v;
        if (arg[i] && arg[i]->kind != N_NONE) v = ex_expr(I, arg[i]);
        else if (isnan(d->dflt[i])) inf_fail(I, call, "%s() missing required argument '%s' (pos %d)", d->name, d->params[i], i + 1);
        else v = val_of(I, inf_const_f(I, ty_scalar(I->tt, KILN_FLOAT64, true), d->dflt[i]));
        if (v.ty->kind != T_SCALAR || dt_is_complex(v.ty->dtype))
            inf_fail(I, arg[i] ? arg[i] : call, "%s(): %s must be a number here, not %s", fname, d->params[i], inf_tyname(I, v.ty));
        args[i] = it_held(I, call, i, ex_coerce(I, v, ty_scalar(I->tt, KILN_FLOAT64, true), arg[i] ? arg[i] : call));
        snprintf(sig + strlen(sig), sizeof sig - strlen(sig), "%s%s", i ? ", " : "", d->params[i]);
    }
    bool sized = arg[np] && arg[np]->kind != N_NONE;
    if (sized) args[np] = it_held(I, call, np, ex_expr(I, arg[np]));
    size_t w = 0;
    add(I, call, buf, sizeof buf, &w, "def %s(%s", d->name, sig);
    add(I, call, buf, sizeof buf, &w, "%s%s):\n", sized && np ? ", " : "", sized ? "size" : "");
    add(I, call, buf, sizeof buf, &w, "    def one(%s):\n", sig, NULL);
    for (const char *q = d->body; *q;) { /* the body, indented one level more */
        size_t len = (size_t)(strchr(q, '\n') - q) + 1;
        if (w + 4 + len >= sizeof buf) inf_fail(I, call, "internal error: a numpy.random expansion is too long");
        memcpy(buf + w, "    ", 4);
        memcpy(buf + w + 4, q, len);
        w += 4 + len;
        q += len;
    }
    for (int i = 0; i < 3 && d->bad[i][0]; i++)
        add(I, call, buf, sizeof buf, &w, "    if %s:\n        raise ValueError(\"%s\")\n", d->bad[i][0], d->bad[i][1]);
    if (!sized) add(I, call, buf, sizeof buf, &w, "    return one(%s)\n", sig, NULL);
    else {
        add(I, call, buf, sizeof buf, &w, "    out = " KILN_NP_NAME ".empty(size)\n    flat = out.ravel()\n"
            "    for i in range(flat.shape[0]):\n        flat[i] = one(%s)\n    return out\n", sig, NULL);
    }
    return it_inline(I, call, buf, w, "<numpy.random>", args, np + sized);
}
