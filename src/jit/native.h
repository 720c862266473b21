/*
 * native.h — tier-2 objects into running code (native.c: kiln's ELF loader with the call
 * records bound) and the symbols such code may call (symbols.c).
 */
#ifndef KILN_NATIVE_H
#define KILN_NATIVE_H

#include "jit.h"
#include "../back/frame.h"

/* load obj (LLVM's, or the disk cache's) for s with its call records and publish it as s's code
 * (header: the loop header of an OSR entry, -1 for the function's entry) */
int jit_native_install(void *cx, Unit *u, int32_t header, const uint8_t *obj, size_t n, const char *sym, XCall **pool,
                       int npool, uint64_t ns_compile, NativeFn *out, kiln_error *err);
int jit_native_load(Spec *s, int32_t header, const uint8_t *obj, size_t n, const char *sym, XCall *tab, NativeFn *out,
                    kiln_error *err);
/* the runtime functions and frame helpers generated code may call, by name */
void *jit_sym_lookup(const char *name);

#endif
