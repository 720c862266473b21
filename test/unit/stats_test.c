/* stats_test.c — bench's statistics and its SVG writer. */
#include "check.h"
#include "base/stats.h"
#include <math.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
    double x[] = {5, 1, 4, 2, 3};
    TimeStats t = stats_summarize(x, 5);
    CHECK(t.n == 5 && t.min == 1 && t.max == 5 && t.median == 3 && t.mean == 3);
    CHECK(fabs(t.p10 - 1.4) < 1e-12 && fabs(t.p90 - 4.6) < 1e-12); /* NumPy's linear interpolation */
    double y[] = {7};
    t = stats_summarize(y, 1);
    CHECK(t.median == 7 && t.p10 == 7 && t.p90 == 7);
    t = stats_summarize(NULL, 0);
    CHECK(t.n == 0 && t.median == 0);
    double z[] = {1, 2, 3, 4};
    CHECK(stats_percentile(z, 4, 50) == 2.5 && stats_percentile(z, 4, 0) == 1 && stats_percentile(z, 4, 100) == 4);
    /* the SVG: well formed (balanced tags, escaped text), with axes, a line and the marks */
    double lat[50];
    for (int i = 0; i < 50; i++) lat[i] = i == 0 ? 0.03 : 0.002 + 1e-5 * (i % 7);
    SvgMark m[2] = {{0, "first call <compile & run>"}, {3.5, "warm-up ends"}};
    const char *path = "/tmp/kiln-stats-test.svg";
    CHECK(svg_plot(path, "a \"title\" & more", "call", "latency", lat, 50, m, 2) == 0);
    FILE *f = fopen(path, "r");
    char buf[65536];
    size_t n = f ? fread(buf, 1, sizeof buf - 1, f) : 0;
    if (f) fclose(f);
    buf[n] = 0;
    CHECK(strstr(buf, "<?xml") == buf);
    CHECK(strstr(buf, "<svg ") && strstr(buf, "</svg>"));
    CHECK(strstr(buf, "<polyline") != NULL);
    CHECK(strstr(buf, "first call &lt;compile &amp; run&gt;") != NULL);
    CHECK(strstr(buf, "a &quot;title&quot; &amp; more") != NULL);
    CHECK(strstr(buf, ">1 ms<") && strstr(buf, ">100 ms<")); /* the log axis' decades */
    int open = 0, close = 0;
    for (char *p = buf; (p = strstr(p, "<text")); p++) open++;
    for (char *p = buf; (p = strstr(p, "</text>")); p++) close++;
    CHECK(open == close && open > 5);
    /* no raw ampersand or angle bracket outside markup in text nodes */
    int bad = 0;
    for (char *p = buf; (p = strchr(p, '&')); p++) if (strncmp(p, "&lt;", 4) && strncmp(p, "&gt;", 4) && strncmp(p, "&amp;", 5) && strncmp(p, "&quot;", 6)) bad++;
    CHECK(bad == 0);
    remove(path);
    return DONE();
}
