/*
 * diag.h — user-facing diagnostics. A Diag collects the first error of a
 * phase as a kiln_error (file, line, column, source line, message) and
 * longjmps back to the phase entry, which returns failure. Compile phases
 * only allocate from arenas, so unwinding leaks nothing.
 */
#ifndef KILN_DIAG_H
#define KILN_DIAG_H

#include <setjmp.h>
#include <stdarg.h>
#include "../../include/kiln.h"

typedef struct Diag {
    kiln_error *err;
    const char *file;
    const char *src; size_t len;
    jmp_buf *jb;      /* where diag_fail jumps; NULL: just record */
} Diag;

#if defined(__GNUC__)
#define PRINTF_LIKE(a, b) __attribute__((format(printf, a, b)))
#define NORETURN __attribute__((noreturn))
#else
#define PRINTF_LIKE(a, b)
#define NORETURN
#endif

/* record a compile error at line:col and jump out */
NORETURN void diag_fail(Diag *d, int line, int col, const char *fmt, ...) PRINTF_LIKE(4, 5);
void diag_set(Diag *d, int line, int col, const char *fmt, ...) PRINTF_LIKE(4, 5);
void diag_vset(kiln_error *e, const char *file, const char *src, size_t len,
               int line, int col, const char *fmt, va_list ap);
/* the text of line (1-based) of src, without its end: a pointer to it and its length in *n; NULL past the end */
const char *diag_line(const char *src, size_t len, int line, size_t *n);
/* fill a runtime or usage error */
void err_set(kiln_error *e, kiln_errkind kind, const char *ename, const char *fmt, ...) PRINTF_LIKE(4, 5);

#endif
