/*
 * stats.h — summary statistics of timing samples (bench): order statistics by
 * linear interpolation between closest ranks, as NumPy's percentile does by
 * default.
 */
#ifndef KILN_STATS_H
#define KILN_STATS_H

#include <stddef.h>

typedef struct TimeStats { size_t n; double min, p10, median, p90, max, mean; } TimeStats;

/* summarize n samples (sorted in place); n == 0 gives all zeros */
TimeStats stats_summarize(double *x, size_t n);
double stats_percentile(const double *sorted, size_t n, double p); /* p in [0, 100] */

/* a small SVG writer: a log-scale line plot of y against x with marked points */
typedef struct SvgMark { double x; const char *label; } SvgMark;
int svg_plot(const char *path, const char *title, const char *xlabel, const char *ylabel, const double *y, size_t n,
             const SvgMark *marks, size_t nmarks);

#endif
