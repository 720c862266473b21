/*
 * elfload.h — kiln's loader for the relocatable x86-64 ELF objects tier 2
 * emits (and the disk cache keeps): sections laid out in one mapping, the
 * relocations of the small PIC code model applied, undefined symbols bound
 * from the runtime's table, then W^X: code read-execute, constants
 * read-only, data read-write, the GOT read-only.
 */
#ifndef KILN_ELFLOAD_H
#define KILN_ELFLOAD_H

#include <stddef.h>
#include <stdint.h>

typedef struct ElfSym { char *name; void *addr; } ElfSym;

typedef struct ElfImage {
    void *base;        /* the mapping */
    size_t size;
    size_t code_bytes; /* executable bytes (sections and stubs) */
    ElfSym *syms;      /* defined global symbols */
    int nsyms;
} ElfImage;

/* resolve an undefined symbol; NULL: unknown (the load fails) */
typedef void *(*ElfResolve)(void *cx, const char *name);

/* 0, or -1 with a message in err: any malformed or unsupported input is an
 * error, never a crash */
int elf_load(const uint8_t *obj, size_t n, ElfResolve resolve, void *cx, ElfImage *out, char *err, size_t cap);
void *elf_symbol(const ElfImage *im, const char *name);
void elf_free(ElfImage *im);


#endif
