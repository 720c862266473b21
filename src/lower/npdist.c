/*
 * npdist.c — NumPy's legacy continuous distributions (np.random.exponential, lognormal, laplace, ...), written in
 * Python and lowered at the call.
 *
 * RandomState draws each of these from the same two streams kiln already reproduces — random_sample's doubles and
 * standard_normal's legacy Gauss pairs (random.c) — through a formula in C (NumPy's legacy-distributions.c and
 * distributions.c), whose libm calls are math's: exponential is scale * -log(1 - u), lognormal exp(mean + sigma * g),
 * laplace, logistic and gumbel draw again where u is 0 (1), gamma (and chisquare, beta) Marsaglia and Tsang's method
 * with RandomState's constants ... Each formula below was checked against NumPy's own draws, 2,000 or 3,000 of each
 * after the same seed. The parameters are floats checked as RandomState checks them (its
 * messages); size None gives one Python float, an int or a tuple an array filled in C order.
 */
#include "infer.h"
#include <math.h>
#include <stdio.h>
#include <string.h>

#define U KILN_NP_NAME ".random.random_sample()"
#define G KILN_NP_NAME ".random.standard_normal()"
#define M KILN_MATH_NAME

/* RandomState's legacy standard gamma: 1 the exponential, 0 itself, below 1 Johnk-like rejection with an exponential,
 * above Marsaglia and Tsang's method on the legacy Gauss stream (its 0.0331 squeeze) */
#define GAMMA                                                                                              \
    "    def sgamma(shape):\n        if shape == 1.0:\n            return -" M ".log(1.0 - " U ")\n"        \
    "        if shape == 0.0:\n            return 0.0\n        if shape < 1.0:\n            while True:\n" \
    "                u = " U "\n                v = -" M ".log(1.0 - " U ")\n"                             \
    "                if u <= 1.0 - shape:\n                    x = " M ".pow(u, 1.0 / shape)\n"            \
    "                    if x <= v:\n                        return x\n                else:\n"             \
    "                    y = -" M ".log((1 - u) / shape)\n"                                                 \
    "                    x = " M ".pow(1.0 - shape + shape * y, 1.0 / shape)\n"                            \
    "                    if x <= v + y:\n                        return x\n"                                  \
    "        b = shape - 1.0 / 3.0\n        c = 1.0 / " M ".sqrt(9 * b)\n        while True:\n"            \
    "            x = " G "\n            v = 1.0 + c * x\n            while v <= 0.0:\n"                    \
    "                x = " G "\n                v = 1.0 + c * x\n            v = v * v * v\n"            \
    "            u = " U "\n            if u < 1.0 - 0.0331 * (x * x) * (x * x):\n"                        \
    "                return b * v\n"                                                                         \
    "            if " M ".log(u) < 0.5 * x * x + b * (1.0 - v + " M ".log(v)):\n                return b * v\n"

/* a distribution: its parameters with their defaults (NAN: required), the checks (a condition and the message
 * RandomState raises: "x < 0" where x's sign bit is set and x is no NaN, -0.0 too; "x <= 0" where x <= 0, so a NaN
 * passes both), and the body of one(params) that draws one value */
typedef struct Dist {
    const char *name;
    const char *params[3];
    double dflt[3];
    const char *bad[3][2];
    const char *body;
} Dist;

static const Dist dists[] = {
    {"standard_exponential", {NULL}, {0}, {{NULL}}, "    return -" M ".log(1.0 - " U ")\n"},
    {"exponential", {"scale"}, {1.0}, {{"scale == scale and " M ".copysign(1.0, scale) < 0", "scale < 0"}}, "    return scale * -" M ".log(1.0 - " U ")\n"},
    {"lognormal", {"mean", "sigma"}, {0.0, 1.0}, {{"sigma == sigma and " M ".copysign(1.0, sigma) < 0", "sigma < 0"}},
     "    return " M ".exp(mean + sigma * " G ")\n"},
    {"standard_cauchy", {NULL}, {0}, {{NULL}}, "    return " G " / " G "\n"},
    {"laplace", {"loc", "scale"}, {0.0, 1.0}, {{"scale == scale and " M ".copysign(1.0, scale) < 0", "scale < 0"}},
     "    while True:\n        u = " U "\n        if u >= 0.5:\n            return loc - scale * " M ".log(2.0 - u - u)\n"
     "        if u > 0.0:\n            return loc + scale * " M ".log(u + u)\n"},
    {"logistic", {"loc", "scale"}, {0.0, 1.0}, {{"scale == scale and " M ".copysign(1.0, scale) < 0", "scale < 0"}},
     "    while True:\n        u = " U "\n        if u > 0.0:\n            return loc + scale * " M ".log(u / (1.0 - u))\n"},
    {"gumbel", {"loc", "scale"}, {0.0, 1.0}, {{"scale == scale and " M ".copysign(1.0, scale) < 0", "scale < 0"}},
     "    while True:\n        u = 1.0 - " U "\n        if u < 1.0:\n            return loc - scale * " M ".log(-" M ".log(u))\n"},
    {"weibull", {"a"}, {NAN}, {{"a == a and " M ".copysign(1.0, a) < 0", "a < 0"}},
     "    if a == 0.0:\n        return 0.0\n    return " M ".pow(-" M ".log(1.0 - " U "), 1.0 / a)\n"},
    {"pareto", {"a"}, {NAN}, {{"a <= 0", "a <= 0"}}, "    return " M ".exp(-" M ".log(1.0 - " U ") / a) - 1\n"},
    {"power", {"a"}, {NAN}, {{"a <= 0", "a <= 0"}},
     "    return " M ".pow(1 - " M ".exp(-(-" M ".log(1.0 - " U "))), 1.0 / a)\n"},
    {"rayleigh", {"scale"}, {1.0}, {{"scale == scale and " M ".copysign(1.0, scale) < 0", "scale < 0"}}, "    return scale * " M ".sqrt(-2.0 * " M ".log1p(-" U "))\n"},
    {"triangular", {"left", "mode", "right"}, {NAN, NAN, NAN},
     {{"left > mode", "left > mode"}, {"mode > right", "mode > right"}, {"left == right", "left == right"}},
     "    base = right - left\n    leftbase = mode - left\n    ratio = leftbase / base\n    leftprod = leftbase * base\n"
     "    rightprod = (right - mode) * base\n    u = " U "\n    if u <= ratio:\n"
     "        return left + " M ".sqrt(u * leftprod)\n    return right - " M ".sqrt((1.0 - u) * rightprod)\n"},
    {"standard_gamma", {"shape"}, {NAN}, {{"shape == shape and " M ".copysign(1.0, shape) < 0", "shape < 0"}}, GAMMA "    return sgamma(shape)\n"},
    {"gamma", {"shape", "scale"}, {NAN, 1.0}, {{"shape == shape and " M ".copysign(1.0, shape) < 0", "shape < 0"}, {"scale == scale and " M ".copysign(1.0, scale) < 0", "scale < 0"}},
     GAMMA "    return scale * sgamma(shape)\n"},
    {"chisquare", {"df"}, {NAN}, {{"df <= 0", "df <= 0"}}, GAMMA "    return 2.0 * sgamma(df / 2.0)\n"},
    {"beta", {"a", "b"}, {NAN, NAN}, {{"a <= 0", "a <= 0"}, {"b <= 0", "b <= 0"}},
     GAMMA "    if a <= 1.0 and b <= 1.0:\n        while True:\n            u = " U "\n            v = " U "\n"
     "            x = " M ".pow(u, 1.0 / a)\n            y = " M ".pow(v, 1.0 / b)\n            if x + y <= 1.0:\n"
     "                if x + y > 0:\n                    return x / (x + y)\n"
     "                lx = " M ".log(u) / a\n                ly = " M ".log(v) / b\n                lm = max(lx, ly)\n"
     "                lx -= lm\n                ly -= lm\n"
     "                return " M ".exp(lx - " M ".log(" M ".exp(lx) + " M ".exp(ly)))\n"
     "    ga = sgamma(a)\n    gb = sgamma(b)\n    return ga / (ga + gb)\n"},
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
    char fname[48], buf[8192], sig[64] = "";
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
