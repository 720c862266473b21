/*
 * diag.c — building kiln_error records for compile, runtime and usage errors,
 * and formatting them the way the CLI prints them.
 */
#include "diag.h"
#include <stdio.h>
#include <string.h>

const char *diag_line(const char *src, size_t len, int line, size_t *n) {
    *n = 0;
    if (!src || line <= 0) return NULL;
    size_t i = 0;
    for (int l = 1; l < line && i < len; i++)
        if (src[i] == '\n') l++;
    size_t j = i;
    while (j < len && src[j] != '\n' && src[j] != '\r') j++;
    *n = j - i;
    return src + i;
}

static void copy_line(kiln_error *e, const char *src, size_t len, int line) {
    size_t n;
    const char *p = diag_line(src, len, line, &n);
    if (n >= sizeof e->source) n = sizeof e->source - 1;
    if (p) memcpy(e->source, p, n);
    e->source[n] = 0;
}

void diag_vset(kiln_error *e, const char *file, const char *src, size_t len,
               int line, int col, const char *fmt, va_list ap) {
    memset(e, 0, sizeof *e);
    e->kind = KILN_ERR_COMPILE;
    snprintf(e->file, sizeof e->file, "%s", file ? file : "");
    e->line = line; e->col = col;
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    copy_line(e, src, len, line);
}

void diag_set(Diag *d, int line, int col, const char *fmt, ...) {
    va_list ap; va_start(ap, fmt);
    diag_vset(d->err, d->file, d->src, d->len, line, col, fmt, ap);
    va_end(ap);
}

void diag_fail(Diag *d, int line, int col, const char *fmt, ...) {
    va_list ap; va_start(ap, fmt);
    diag_vset(d->err, d->file, d->src, d->len, line, col, fmt, ap);
    va_end(ap);
    longjmp(*d->jb, 1);
}

void err_set(kiln_error *e, kiln_errkind kind, const char *ename, const char *fmt, ...) {
    if (!e) return;
    memset(e, 0, sizeof *e);
    e->kind = kind;
    snprintf(e->ename, sizeof e->ename, "%s", ename ? ename : "");
    va_list ap; va_start(ap, fmt);
    vsnprintf(e->message, sizeof e->message, fmt, ap);
    va_end(ap);
}

int kiln_error_format(const kiln_error *e, char *buf, size_t cap) {
    switch (e->kind) {
    case KILN_OK: return snprintf(buf, cap, "no error");
    case KILN_ERR_COMPILE: {
        int n = snprintf(buf, cap, "%s:%d:%d: error: %s\n", e->file, e->line, e->col, e->message);
        if (!e->source[0] || n < 0 || (size_t)n >= cap) return n;
        int m = snprintf(buf + n, cap - (size_t)n, "    %s\n    %*s^", e->source,
                         e->col > 1 ? e->col - 1 : 0, "");
        return m < 0 ? n : n + m;
    }
    case KILN_ERR_RUNTIME:
        if (e->file[0] && e->line > 0)
            return snprintf(buf, cap, "%s:%d: %s%s%s", e->file, e->line, e->ename, e->message[0] ? ": " : "", e->message);
        return snprintf(buf, cap, "%s%s%s", e->ename, e->message[0] ? ": " : "", e->message);
    case KILN_ERR_USAGE:
        return snprintf(buf, cap, "error: %s", e->message);
    }
    return 0;
}
