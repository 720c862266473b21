/*
 * fmt.c — floats printed as CPython's repr() prints them.
 *
 * CPython prints the shortest digit string that reads back to the same double
 * (David Gay's mode 0), then lays it out in fixed notation when the decimal
 * exponent is in (-4, 16] and in scientific notation otherwise.
 * We find the shortest length by binary search over correctly rounded
 * printf("%.*e") outputs (round-tripping is monotone in the digit count), and
 * at exact powers of two, where the rounding interval below the value is half
 * as wide as above, we also try the neighbouring digit strings one length
 * shorter, which mode 0 may pick although they are not the nearest.
 */
#include "base.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

/* digits of x (x > 0, finite) rounded to p significant digits; returns decpt
 * such that x ~= 0.DIGITS * 10^decpt. */
static int digits_at(double x, int p, char *dig) {
    char tmp[64];
    snprintf(tmp, sizeof tmp, "%.*e", p - 1, x);
    int n = 0;
    char *s = tmp;
    for (; *s && *s != 'e'; s++)
        if (*s >= '0' && *s <= '9') dig[n++] = *s;
    dig[n] = 0;
    return atoi(s + 1) + 1;
}

/* the digits read back as a double, or as a float32 (strtof: no double rounding through a double) */
static double read_digits(const char *dig, int decpt, bool f32) {
    char tmp[80];
    snprintf(tmp, sizeof tmp, "0.%se%d", dig, decpt);
    return f32 ? (double)strtof(tmp, NULL) : strtod(tmp, NULL);
}

/* add delta (+1/-1) to the last digit of dig, keeping its length; decpt may move */
static bool bump(char *dig, int *decpt, int delta) {
    int n = (int)strlen(dig);
    for (int i = n - 1; i >= 0; i--) {
        int d = dig[i] - '0' + delta;
        if (d >= 0 && d <= 9) { dig[i] = (char)('0' + d); goto norm; }
        dig[i] = delta > 0 ? '0' : '9';
    }
    if (delta < 0) return false;          /* 000… underflow: not a candidate */
    memmove(dig + 1, dig, (size_t)n);     /* 999… + 1 = 1000… */
    dig[0] = '1'; dig[n] = 0; (*decpt)++;
norm:
    if (dig[0] == '0') return false;      /* lost a leading digit */
    return true;
}

static bool round_trips(double x, int p, bool f32) {
    char d[40];
    int e = digits_at(x, p, d);
    return read_digits(d, e, f32) == x;
}

void fmt_shortest(double x, bool f32, char *dig, int *decpt) {
    /* computed doubles mostly need 16 or 17 digits: ask 15 first, search below it only when it suffices
     * (2-3 printf/strtod pairs for most values instead of 5); a float32 needs at most 9 */
    int lo = 1, hi = f32 ? 9 : 15;
    if (!f32 && !round_trips(x, 15, false)) lo = hi = round_trips(x, 16, false) ? 16 : 17;
    while (lo < hi) {
        int mid = (lo + hi) / 2;
        char d[40]; int e = digits_at(x, mid, d);
        if (read_digits(d, e, f32) == x) hi = mid; else lo = mid + 1;
    }
    *decpt = digits_at(x, lo, dig);
    int ex; double m = frexp(x, &ex);
    if (m != 0.5 || lo == 1) return;      /* not a power of two */
    char base[40]; int be = digits_at(x, lo - 1, base);
    for (int delta = -1; delta <= 1; delta += 2) {
        char c[40]; int ce = be;
        memcpy(c, base, sizeof c);
        if (bump(c, &ce, delta) && strlen(c) == (size_t)(lo - 1) && read_digits(c, ce, f32) == x) {
            strcpy(dig, c); *decpt = ce; return;
        }
    }
}

/* fixed: 1 fixed notation, 0 scientific, -1 CPython's choice by the decimal exponent */
static int layout(double x, bool add_dot0, bool force_sign, bool f32, int fixed, char *buf, size_t cap) {
    const char *sign = signbit(x) ? "-" : (force_sign ? "+" : "");
    if (isnan(x)) return snprintf(buf, cap, "%snan", force_sign ? "+" : "");
    if (isinf(x)) return snprintf(buf, cap, "%sinf", sign);
    if (x == 0) return snprintf(buf, cap, "%s0%s", sign, add_dot0 ? ".0" : "");
    char dig[40]; int decpt;
    fmt_shortest(fabs(x), f32, dig, &decpt);
    int n = (int)strlen(dig);
    char out[128]; int k = 0;
    if (fixed > 0 || (fixed < 0 && decpt > -4 && decpt <= 16)) {
        if (decpt <= 0) {
            k += sprintf(out + k, "0.");
            for (int i = 0; i < -decpt; i++) out[k++] = '0';
            k += sprintf(out + k, "%s", dig);
        } else if (decpt < n) {
            k += sprintf(out + k, "%.*s.%s", decpt, dig, dig + decpt);
        } else {
            k += sprintf(out + k, "%s", dig);
            for (int i = n; i < decpt; i++) out[k++] = '0';
            if (add_dot0) k += sprintf(out + k, ".0");
        }
    } else {
        out[k++] = dig[0];
        if (n > 1) k += sprintf(out + k, ".%s", dig + 1);
        int e = decpt - 1;
        k += sprintf(out + k, "e%c%02d", e < 0 ? '-' : '+', e < 0 ? -e : e);
    }
    out[k] = 0;
    return snprintf(buf, cap, "%s%s", sign, out);
}

int fmt_double(double x, char *buf, size_t cap) { return layout(x, true, false, false, -1, buf, cap); }

/* str(np.float32(x)): a float32's own shortest digits, laid out as CPython lays out a float's ("1.0" for
 * integral values) but in fixed notation only from float32(1e-4) up to 1e6, NumPy 2's cutoff for float32
 * (10 ** its precision) */
static int f32_fixed(float x) { float a = fabsf(x); return a == 0 || ((double)a >= 1e-4 && a < 1e6f); } /* below 10**6 */

int fmt_float32(float x, char *buf, size_t cap) { return layout(x, true, false, true, f32_fixed(x), buf, cap); }

/* a complex's repr; a complex64's parts laid out as float32s are */
static int complex_text(double re, double im, bool f32, char *buf, size_t cap) {
    char a[64], b[64];
    if (re == 0 && !signbit(re)) {
        layout(im, false, false, f32, f32 ? f32_fixed((float)im) : -1, b, sizeof b);
        return snprintf(buf, cap, "%sj", b);
    }
    layout(re, false, false, f32, f32 ? f32_fixed((float)re) : -1, a, sizeof a);
    layout(im, false, true, f32, f32 ? f32_fixed((float)im) : -1, b, sizeof b);
    return snprintf(buf, cap, "(%s%sj)", a, b);
}

int fmt_complex(double re, double im, char *buf, size_t cap) { return complex_text(re, im, false, buf, cap); }
int fmt_complex64(float re, float im, char *buf, size_t cap) { return complex_text(re, im, true, buf, cap); }

/* round(x, nd) as CPython: correctly rounded (half-even on the exact binary
 * value) to nd decimal places, nd possibly negative. */
double fmt_round_ndigits(double x, int64_t nd) {
    if (!isfinite(x) || x == 0) return x;
    if (nd > 323) return x;
    if (nd < -308) return 0.0 * x;
    char tmp[400];
    if (nd >= 0) {
        snprintf(tmp, sizeof tmp, "%.*f", (int)nd, x);
        return strtod(tmp, NULL);
    }
    snprintf(tmp, sizeof tmp, "%.20e", x);
    int decpt = atoi(strchr(tmp, 'e') + 1) + 1;
    int sig = decpt + (int)nd;  /* significant digits kept */
    if (sig < 0) return 0.0 * x;
    if (sig == 0) {
        /* result is 0 or 10^-nd: compare |x| against 5*10^(-nd-1), tie -> 0 (even) */
        char h[64]; snprintf(h, sizeof h, "5e%d", (int)(-nd - 1));
        double half = strtod(h, NULL);
        double r = fabs(x) > half ? half * 2 : 0.0;
        return copysign(r, x);
    }
    snprintf(tmp, sizeof tmp, "%.*e", sig - 1, x);
    return strtod(tmp, NULL);
}
