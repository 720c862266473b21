/* objdump.h — disassembly of a code buffer by objdump (objdump.c) */
#ifndef KILN_X64_OBJDUMP_H
#define KILN_X64_OBJDUMP_H

#include <stddef.h>
#include <stdio.h>

/* objdump's Intel-syntax listing of code[0..n) as a pipe to read, NULL on
 * failure; x64_objdump_close returns objdump's status (non-zero: missing) */
FILE *x64_objdump_open(const void *code, size_t n, int *fd);
int x64_objdump_close(FILE *p, int fd);

#endif
