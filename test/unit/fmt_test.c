/* fmt_test.c — float repr: known CPython outputs, and a round trip against
 * strtod on a million random doubles (every bit pattern class). */
#include "check.h"
#include "base/base.h"
#include <math.h>
#include <stdlib.h>

static const char *r(double x) {
    static char buf[64];
    fmt_double(x, buf, sizeof buf);
    return buf;
}

static uint64_t rng = 0x9E3779B97F4A7C15ull;
static uint64_t next(void) { rng ^= rng << 13; rng ^= rng >> 7; rng ^= rng << 17; return rng; }

int main(void) {
    CHECK_STR(r(0.1), "0.1");
    CHECK_STR(r(1e16), "1e+16");
    CHECK_STR(r(1e15), "1000000000000000.0");
    CHECK_STR(r(1e-5), "1e-05");
    CHECK_STR(r(0.0001), "0.0001");
    CHECK_STR(r(-0.0), "-0.0");
    CHECK_STR(r(INFINITY), "inf");
    CHECK_STR(r(-INFINITY), "-inf");
    CHECK_STR(r(NAN), "nan");
    CHECK_STR(r(5e-324), "5e-324");
    CHECK_STR(r(1.7976931348623157e308), "1.7976931348623157e+308");
    CHECK_STR(r(0.1 + 0.2), "0.30000000000000004");
    CHECK_STR(r(123456789.0), "123456789.0");
    CHECK_STR(r(2.0 / 3), "0.6666666666666666");
    CHECK_STR(r(9007199254740993.0), "9007199254740992.0");
    CHECK_STR(r(1e22), "1e+22");
    CHECK_STR(r(5e-5), "5e-05");
    CHECK_STR(r(0.5), "0.5");
    CHECK_STR(r(1.0), "1.0");
    CHECK_STR(r(100.0), "100.0");
    char buf[64];
    fmt_complex(1, 2, buf, sizeof buf); CHECK_STR(buf, "(1+2j)");
    fmt_complex(0, 1, buf, sizeof buf); CHECK_STR(buf, "1j");
    fmt_complex(-0.0, 1, buf, sizeof buf); CHECK_STR(buf, "(-0+1j)");
    fmt_complex(1.5, -2.5, buf, sizeof buf); CHECK_STR(buf, "(1.5-2.5j)");
    fmt_complex(0, -0.0, buf, sizeof buf); CHECK_STR(buf, "-0j");
    fmt_complex(1, NAN, buf, sizeof buf); CHECK_STR(buf, "(1+nanj)");
    fmt_complex(INFINITY, 1, buf, sizeof buf); CHECK_STR(buf, "(inf+1j)");
    CHECK(fmt_round_ndigits(2.675, 2) == 2.67);
    CHECK(fmt_round_ndigits(1234.5678, -2) == 1200.0);
    CHECK(fmt_round_ndigits(0.5, 0) == 0.0);
    CHECK(fmt_round_ndigits(1.5, 0) == 2.0);
    CHECK(fmt_round_ndigits(15.0, -1) == 20.0);
    CHECK(fmt_round_ndigits(25.0, -1) == 20.0);
    /* a million random doubles read back exactly, in at most 17 digits */
    int bad = 0, toolong = 0;
    for (int i = 0; i < 1000000; i++) {
        uint64_t bits = next();
        double x;
        memcpy(&x, &bits, 8);
        if (i % 3 == 0) x = (double)(next() % 100000) / (double)(1 + next() % 1000);
        if (!isfinite(x)) continue;
        fmt_double(x, buf, sizeof buf);
        double y = strtod(buf, NULL);
        if (memcmp(&x, &y, 8) != 0) { if (bad++ < 5) printf("round trip failed: %.17g -> %s\n", x, buf); }
        /* significant digits: no leading zeros, no trailing zeros */
        char sig[64]; int n = 0;
        for (char *p = buf; *p && *p != 'e'; p++) if (*p >= '0' && *p <= '9' && (n || *p != '0')) sig[n++] = *p;
        while (n && sig[n - 1] == '0') n--;
        if (n > 17) toolong++;
    }
    CHECK(bad == 0);
    CHECK(toolong == 0);
    return DONE();
}
