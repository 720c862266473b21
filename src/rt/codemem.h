/*
 * codemem.h — memory for generated machine code, never writable and
 * executable at once: code is written into a fresh read-write mapping, which
 * is then flipped to read-execute before anything can run it.
 */
#ifndef KILN_CODEMEM_H
#define KILN_CODEMEM_H

#include <stddef.h>

typedef struct CodeMem { void *p; size_t size; } CodeMem;

/* copy n bytes of code into new executable memory; 0 on success */
int rt_code_install(CodeMem *cm, const void *code, size_t n);
void rt_code_free(CodeMem *cm);

#endif
