/*
 * native.c — installing tier-2 code: the object LLVM emitted (or the disk
 * cache kept) is loaded by kiln's ELF loader with its call records bound
 * (kiln_xc: the table of XCall records the code passes to the frame
 * helpers) and the runtime's symbols; the image stays with the spec's Code
 * until the spec is freed.
 */
#include "cache.h"
#include "native.h"
#include <stdio.h>

static void *resolve(void *cx, const char *name) {
    if (!strcmp(name, "kiln_xc")) return cx;
    return jit_sym_lookup(name);
}

/* load obj with the call records tab[0..n); the image goes to the spec's
 * whole-function slot (header < 0) or a free OSR slot */
int jit_native_load(Spec *s, int32_t header, const uint8_t *obj, size_t n, const char *sym, XCall *tab, NativeFn *out,
                   kiln_error *err) {
    Code *c = s->u.code;
    ElfImage *slot = header < 0 ? &c->image : NULL;
    for (int i = 0; !slot && i < OSR_MAX; i++) if (!c->osr_image[i].base) slot = &c->osr_image[i];
    if (!slot || slot->base) { err_set(err, KILN_ERR_USAGE, "", "no room for more tier-2 code for %s", s->fn->name); return -1; }
    char msg[256];
    ElfImage im;
    if (elf_load(obj, n, resolve, tab, &im, msg, sizeof msg)) { err_set(err, KILN_ERR_USAGE, "", "%s", msg); return -1; }
    NativeFn fn = (NativeFn)elf_symbol(&im, sym);
    if (!fn) {
        elf_free(&im);
        err_set(err, KILN_ERR_USAGE, "", "the object has no function %s", sym);
        return -1;
    }
    *slot = im;
    *out = fn;
    return 0;
}

/* from the LLVM tier (host table; cx: the context, BackEnv.cx): the records become one table in the spec's arena */
int jit_native_install(void *cx, Unit *u, int32_t header, const uint8_t *obj, size_t n, const char *sym, XCall **pool,
                      int npool, uint64_t ns_compile, NativeFn *out, kiln_error *err) {
    kiln_ctx *ctx = cx;
    Spec *s = jit_spec_of(u);
    XCall *tab = arena_alloc(&s->u.arena, sizeof(XCall) * (size_t)(npool ? npool : 1));
    if (!tab) { err_set(err, KILN_ERR_USAGE, "", "out of memory"); return -1; }
    for (int i = 0; i < npool; i++) tab[i] = *pool[i];
    if (jit_native_load(s, header, obj, n, sym, tab, out, err)) return -1;
    jit_cache_store(ctx, s, header, obj, n, sym, tab, npool, ns_compile); /* only what loaded */
    if (ctx->aot_sink && header < 0) ctx->aot_sink(ctx->aot_cx, s, obj, n, sym, tab, npool);
    return 0;
}
