/*
 * stats.c — timing statistics for `kiln bench`, and its SVG plot writer
 * (no dependency: the file is written by hand, with escaped text).
 */
#include "stats.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b) {
    double x = *(const double *)a, y = *(const double *)b;
    return x < y ? -1 : x > y;
}

double stats_percentile(const double *s, size_t n, double p) {
    if (!n) return 0;
    if (p <= 0) return s[0];
    if (p >= 100) return s[n - 1];
    double r = p / 100.0 * (double)(n - 1);
    size_t lo = (size_t)floor(r);
    double f = r - (double)lo;
    return lo + 1 < n ? s[lo] + f * (s[lo + 1] - s[lo]) : s[lo];
}

TimeStats stats_summarize(double *x, size_t n) {
    TimeStats t;
    memset(&t, 0, sizeof t);
    if (!n) return t;
    qsort(x, n, sizeof *x, cmp);
    double sum = 0;
    for (size_t i = 0; i < n; i++) sum += x[i];
    t.n = n; t.min = x[0]; t.max = x[n - 1]; t.mean = sum / (double)n;
    t.p10 = stats_percentile(x, n, 10); t.median = stats_percentile(x, n, 50); t.p90 = stats_percentile(x, n, 90);
    return t;
}

static void esc(FILE *f, const char *s) {
    for (; *s; s++) {
        switch (*s) {
        case '<': fputs("&lt;", f); break;
        case '>': fputs("&gt;", f); break;
        case '&': fputs("&amp;", f); break;
        case '"': fputs("&quot;", f); break;
        default: fputc(*s, f);
        }
    }
}

/* latency per call (log y) against call index; marks are vertical lines */
int svg_plot(const char *path, const char *title, const char *xlabel, const char *ylabel, const double *y, size_t n,
             const SvgMark *marks, size_t nmarks) {
    FILE *f = fopen(path, "w");
    if (!f) return -1;
    const double W = 720, H = 420, L = 80, R = 20, T = 40, B = 60;
    double lo = INFINITY, hi = -INFINITY;
    for (size_t i = 0; i < n; i++) if (y[i] > 0) { if (y[i] < lo) lo = y[i]; if (y[i] > hi) hi = y[i]; }
    if (!(lo < INFINITY)) { lo = 1e-9; hi = 1; }
    double l0 = floor(log10(lo)), l1 = ceil(log10(hi));
    if (l1 <= l0) l1 = l0 + 1;
    double xs = n > 1 ? (W - L - R) / (double)(n - 1) : 0;
#define PX(i) (L + xs * (double)(i))
#define PY(v) (T + (H - T - B) * (1 - (log10(v) - l0) / (l1 - l0)))
    fprintf(f, "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    fprintf(f, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%.0f\" height=\"%.0f\" viewBox=\"0 0 %.0f %.0f\">\n", W, H, W, H);
    fprintf(f, "<rect width=\"100%%\" height=\"100%%\" fill=\"white\"/>\n<text x=\"%.0f\" y=\"24\" font-family=\"sans-serif\" font-size=\"15\">", L);
    esc(f, title);
    fprintf(f, "</text>\n<g font-family=\"sans-serif\" font-size=\"11\" fill=\"#333\">\n");
    for (double e = l0; e <= l1; e++) { /* decades: 1 ns .. */
        double v = pow(10, e), py = PY(v);
        const char *unit = "s";
        double shown = v;
        if (v < 1e-6) { unit = "ns"; shown = v * 1e9; } else if (v < 1e-3) { unit = "us"; shown = v * 1e6; } else if (v < 1) { unit = "ms"; shown = v * 1e3; }
        fprintf(f, "<line x1=\"%.1f\" y1=\"%.1f\" x2=\"%.1f\" y2=\"%.1f\" stroke=\"#ddd\"/>\n", L, py, W - R, py);
        fprintf(f, "<text x=\"%.1f\" y=\"%.1f\" text-anchor=\"end\">%g %s</text>\n", L - 6, py + 4, shown, unit);
    }
    fprintf(f, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"black\"/>\n", L, H - B, W - R, H - B);
    fprintf(f, "<line x1=\"%.0f\" y1=\"%.0f\" x2=\"%.0f\" y2=\"%.0f\" stroke=\"black\"/>\n", L, T, L, H - B);
    fprintf(f, "<text x=\"%.0f\" y=\"%.0f\" text-anchor=\"middle\">", (L + W - R) / 2, H - 20);
    esc(f, xlabel);
    fprintf(f, "</text>\n<text x=\"16\" y=\"%.0f\" transform=\"rotate(-90 16 %.0f)\" text-anchor=\"middle\">", (T + H - B) / 2, (T + H - B) / 2);
    esc(f, ylabel);
    fprintf(f, "</text>\n");
    for (size_t i = 0; i <= 4 && n > 1; i++) {
        size_t k = (n - 1) * i / 4;
        fprintf(f, "<text x=\"%.1f\" y=\"%.0f\" text-anchor=\"middle\">%zu</text>\n", PX(k), H - B + 16, k);
    }
    fprintf(f, "</g>\n");
    for (size_t m = 0; m < nmarks; m++) {
        double px = PX(marks[m].x);
        fprintf(f, "<line x1=\"%.1f\" y1=\"%.0f\" x2=\"%.1f\" y2=\"%.0f\" stroke=\"#c33\" stroke-dasharray=\"4 3\"/>\n", px, T, px, H - B);
        fprintf(f, "<text x=\"%.1f\" y=\"%.0f\" font-family=\"sans-serif\" font-size=\"11\" fill=\"#c33\">", px + 4, T + 12 + 14 * (double)m);
        esc(f, marks[m].label);
        fprintf(f, "</text>\n");
    }
    fprintf(f, "<polyline fill=\"none\" stroke=\"#2060c0\" stroke-width=\"1.5\" points=\"");
    for (size_t i = 0; i < n; i++) if (y[i] > 0) fprintf(f, "%.1f,%.1f ", PX(i), PY(y[i]));
    fprintf(f, "\"/>\n");
    for (size_t i = 0; i < n && n <= 200; i++)
        if (y[i] > 0) fprintf(f, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"2\" fill=\"#2060c0\"/>\n", PX(i), PY(y[i]));
    fprintf(f, "</svg>\n");
#undef PX
#undef PY
    return fclose(f) == 0 ? 0 : -1;
}
