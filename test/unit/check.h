/*
 * check.h — the tiny assertion kit of the unit tests: CHECK counts, a failed
 * check prints where, DONE prints "N passed, N failed" and sets the status.
 */
#ifndef KILN_CHECK_H
#define KILN_CHECK_H
#include <libgen.h>
#include <stdio.h>
#include <stdlib.h>

static int check_passed, check_failed;
#define CHECK(cond) \
    do { \
        if (cond) check_passed++; \
        else { check_failed++; printf("FAIL %s:%d: %s\n", __FILE__, __LINE__, #cond); } \
    } while (0)
#define CHECK_STR(a, b) \
    do { \
        const char *a_ = (a), *b_ = (b); \
        if (!strcmp(a_, b_)) check_passed++; \
        else { check_failed++; printf("FAIL %s:%d: \"%s\" != \"%s\"\n", __FILE__, __LINE__, a_, b_); } \
    } while (0)
/* the LLVM tier next to this build's libkiln (build/test/x -> build/libkiln-llvm.so), unless KILN_LLVM_LIB says */
static inline void check_llvm_next_to(const char *argv0) {
    if (getenv("KILN_LLVM_LIB") || !argv0) return;
    static char path[4096];
    char tmp[4096];
    snprintf(tmp, sizeof tmp, "%s", argv0);
    snprintf(path, sizeof path, "%s/../libkiln-llvm.so", dirname(tmp));
    setenv("KILN_LLVM_LIB", path, 1);
}
#define DONE() (printf("%d passed, %d failed\n", check_passed, check_failed), check_failed ? 1 : 0)
#endif
