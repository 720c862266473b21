/*
 * check.c — where a failed ir_check (ir/ir.h) stops a debug build. A file of its own because the
 * LLVM tier's object links it too (it may not need libkiln's symbols).
 */
#include "ir.h"
#include <stdio.h>
#include <stdlib.h>

void ir_check_failed(const char *file, int line, const char *msg) {
    fprintf(stderr, "kiln: internal check failed at %s:%d: %s\n", file, line, msg);
    abort();
}
