/*
 * elfload.c — a loader for relocatable x86-64 ELF objects (ET_REL), the
 * form tier 2's code takes whether it comes from LLVM a moment ago or from
 * the disk cache, where it is untrusted input: every offset, size, index and
 * name is checked against the buffer before use.
 *
 * Layout, one mapping in three page-aligned parts: executable sections and
 * call stubs (read-execute), read-only sections and the GOT (read-only),
 * writable sections (read-write). Everything is written while the mapping is
 * read-write, then each part gets its final protection: never writable and
 * executable at once. The small code model's 32-bit PC-relative references
 * reach anything inside the mapping; what lives outside (runtime helpers,
 * libm, the spec's call records) is reached through the GOT (GOTPCREL*) or
 * a stub that jumps through it (PLT32 to an undefined symbol).
 */
#include "elfload.h"
#include <elf.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

enum { PART_X, PART_R, PART_W, PART_NONE };
#define STUB 8 /* jmp *[rip+disp32] (6 bytes), padded */

typedef struct Ld {
    const uint8_t *obj;
    size_t n;
    const Elf64_Ehdr *eh;
    const Elf64_Shdr *sh;
    int nsh;
    const Elf64_Sym *sym;
    size_t nsym;
    const char *str;
    size_t nstr;
    uint64_t *sec_off;   /* each section's offset in the mapping, or UINT64_MAX */
    int *part;
    int64_t *got, *stub; /* per symbol: its GOT slot / stub, -1 none */
    uint64_t *addr;      /* per symbol: its address */
    char *err;
    size_t cap;
} Ld;

static int fail(Ld *L, const char *fmt, ...) {
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(L->err, L->cap, fmt, ap);
    va_end(ap);
    return -1;
}

static bool in_buf(const Ld *L, uint64_t off, uint64_t size) { return off <= L->n && size <= L->n - off; }

/* a NUL-terminated name inside a string table */
static const char *name_at(const char *tab, size_t ntab, uint64_t off) {
    if (!tab || off >= ntab) return NULL;
    return memchr(tab + off, 0, ntab - off) ? tab + off : NULL;
}

static int check_header(Ld *L) {
    if (L->n < sizeof(Elf64_Ehdr)) return fail(L, "too short for an ELF header");
    const Elf64_Ehdr *eh = (const Elf64_Ehdr *)L->obj;
    if (memcmp(eh->e_ident, ELFMAG, SELFMAG)) return fail(L, "not an ELF file");
    if (eh->e_ident[EI_CLASS] != ELFCLASS64 || eh->e_ident[EI_DATA] != ELFDATA2LSB) return fail(L, "not 64-bit little-endian ELF");
    if (eh->e_type != ET_REL || eh->e_machine != EM_X86_64) return fail(L, "not a relocatable x86-64 object");
    if (eh->e_shentsize != sizeof(Elf64_Shdr) || !eh->e_shnum || eh->e_shnum > 4096) return fail(L, "bad section header table");
    if (!in_buf(L, eh->e_shoff, (uint64_t)eh->e_shnum * sizeof(Elf64_Shdr))) return fail(L, "section headers past the end");
    if (eh->e_shoff % 8) return fail(L, "misaligned section headers");
    L->eh = eh;
    L->sh = (const Elf64_Shdr *)(L->obj + eh->e_shoff);
    L->nsh = eh->e_shnum;
    for (int i = 0; i < L->nsh; i++) {
        const Elf64_Shdr *s = &L->sh[i];
        if (s->sh_type != SHT_NOBITS && s->sh_type != SHT_NULL && !in_buf(L, s->sh_offset, s->sh_size))
            return fail(L, "section %d past the end", i);
        if (s->sh_addralign > 4096) return fail(L, "section %d alignment %llu", i, (unsigned long long)s->sh_addralign);
        if (s->sh_size > ((uint64_t)1 << 30)) return fail(L, "section %d too large", i);
    }
    return 0;
}

static const char *sec_name(Ld *L, int i) {
    int k = L->eh->e_shstrndx;
    if (k <= 0 || k >= L->nsh) return "";
    const Elf64_Shdr *st = &L->sh[k];
    const char *nm = st->sh_type == SHT_STRTAB ? name_at((const char *)L->obj + st->sh_offset, st->sh_size, L->sh[i].sh_name) : NULL;
    return nm ? nm : "";
}

static int find_symtab(Ld *L) {
    for (int i = 0; i < L->nsh; i++) {
        const Elf64_Shdr *s = &L->sh[i];
        if (s->sh_type != SHT_SYMTAB) continue;
        if (L->sym) return fail(L, "two symbol tables");
        if (s->sh_entsize != sizeof(Elf64_Sym) || s->sh_offset % 8 || s->sh_link >= (uint32_t)L->nsh ||
            L->sh[s->sh_link].sh_type != SHT_STRTAB)
            return fail(L, "bad symbol table");
        L->sym = (const Elf64_Sym *)(L->obj + s->sh_offset);
        L->nsym = s->sh_size / sizeof(Elf64_Sym);
        L->str = (const char *)L->obj + L->sh[s->sh_link].sh_offset;
        L->nstr = L->sh[s->sh_link].sh_size;
    }
    if (!L->sym) return fail(L, "no symbol table");
    if (L->nsym > 1000000) return fail(L, "too many symbols");
    return 0;
}

/* which part each section goes to; .eh_frame is not loaded (nothing unwinds through kernels) */
static void classify(Ld *L) {
    for (int i = 0; i < L->nsh; i++) {
        const Elf64_Shdr *s = &L->sh[i];
        L->part[i] = PART_NONE;
        if (s->sh_type == SHT_NULL || !(s->sh_flags & SHF_ALLOC) || !strcmp(sec_name(L, i), ".eh_frame")) continue;
        L->part[i] = s->sh_flags & SHF_EXECINSTR ? PART_X : s->sh_flags & SHF_WRITE ? PART_W : PART_R;
    }
}

static bool is_rela_of_loaded(Ld *L, int i) {
    const Elf64_Shdr *s = &L->sh[i];
    return s->sh_type == SHT_RELA && s->sh_info < (uint32_t)L->nsh && L->part[s->sh_info] != PART_NONE;
}

static bool got_type(uint32_t t) { return t == R_X86_64_GOTPCREL || t == R_X86_64_GOTPCRELX || t == R_X86_64_REX_GOTPCRELX; }

/* GOT slots and stubs the relocations need; counts into *ngot, *nstub */
static int plan_indirect(Ld *L, size_t *ngot, size_t *nstub) {
    for (int i = 0; i < L->nsh; i++) {
        if (!is_rela_of_loaded(L, i)) continue;
        const Elf64_Shdr *s = &L->sh[i];
        if (s->sh_entsize != sizeof(Elf64_Rela) || s->sh_offset % 8) return fail(L, "bad relocation section %d", i);
        const Elf64_Rela *r = (const Elf64_Rela *)(L->obj + s->sh_offset);
        for (size_t k = 0; k < s->sh_size / sizeof(Elf64_Rela); k++) {
            uint32_t t = ELF64_R_TYPE(r[k].r_info);
            uint64_t si = ELF64_R_SYM(r[k].r_info);
            if (si >= L->nsym) return fail(L, "relocation against symbol %llu of %zu", (unsigned long long)si, L->nsym);
            bool undef = L->sym[si].st_shndx == SHN_UNDEF;
            if ((got_type(t) || (t == R_X86_64_PLT32 && undef)) && L->got[si] < 0) L->got[si] = (int64_t)(*ngot)++;
            if (t == R_X86_64_PLT32 && undef && L->stub[si] < 0) L->stub[si] = (int64_t)(*nstub)++;
        }
    }
    return 0;
}

static uint64_t align_up(uint64_t x, uint64_t a) { return a > 1 ? (x + a - 1) / a * a : x; }

/* section offsets; the stubs after the code, the GOT after the constants */
static size_t layout(Ld *L, size_t ngot, size_t nstub, size_t *stub_off, size_t *got_off, size_t part_end[3]) {
    size_t page = (size_t)sysconf(_SC_PAGESIZE), off = 0;
    for (int p = PART_X; p <= PART_W; p++) {
        for (int i = 0; i < L->nsh; i++) {
            if (L->part[i] != p) continue;
            off = align_up(off, L->sh[i].sh_addralign);
            L->sec_off[i] = off;
            off += L->sh[i].sh_size;
        }
        if (p == PART_X) { off = align_up(off, 16); *stub_off = off; off += STUB * nstub; }
        if (p == PART_R) { off = align_up(off, 8); *got_off = off; off += 8 * ngot; }
        off = align_up(off, page);
        part_end[p] = off;
    }
    return off ? off : page;
}

static int bind_symbols(Ld *L, uint8_t *base, ElfResolve resolve, void *cx) {
    for (size_t i = 1; i < L->nsym; i++) {
        const Elf64_Sym *s = &L->sym[i];
        const char *nm = name_at(L->str, L->nstr, s->st_name);
        if (!nm) return fail(L, "symbol %zu has a bad name", i);
        if (s->st_shndx == SHN_UNDEF) {
            void *a = resolve(cx, nm);
            if (!a) L->addr[i] = 0; /* an error only if something refers to it */
            else L->addr[i] = (uint64_t)(uintptr_t)a;
        } else if (s->st_shndx == SHN_ABS) {
            L->addr[i] = s->st_value;
        } else if (s->st_shndx < L->nsh && L->sec_off[s->st_shndx] != UINT64_MAX) {
            if (s->st_value > L->sh[s->st_shndx].sh_size) return fail(L, "symbol %s outside its section", nm);
            L->addr[i] = (uint64_t)(uintptr_t)base + L->sec_off[s->st_shndx] + s->st_value;
        } else if (s->st_shndx >= SHN_LORESERVE) {
            return fail(L, "symbol %s in an unsupported section (COMMON?)", nm);
        } else {
            L->addr[i] = 0; /* in a section that is not loaded */
        }
    }
    return 0;
}

/* x + a - p as a 32-bit field (p = 0: absolute), range- and overflow-checked */
static int put32(Ld *L, uint8_t *p, int64_t x, int64_t a, int64_t pc, const char *what) {
    int64_t v;
    if (__builtin_add_overflow(x, a, &v) || __builtin_sub_overflow(v, pc, &v) || v < INT32_MIN || v > INT32_MAX)
        return fail(L, "%s relocation out of range", what);
    int32_t w = (int32_t)v;
    memcpy(p, &w, 4);
    return 0;
}

static int relocate(Ld *L, uint8_t *base, size_t stub_off, size_t got_off) {
    for (int i = 0; i < L->nsh; i++) {
        if (!is_rela_of_loaded(L, i)) continue;
        const Elf64_Shdr *s = &L->sh[i], *tgt = &L->sh[s->sh_info];
        const Elf64_Rela *r = (const Elf64_Rela *)(L->obj + s->sh_offset);
        uint8_t *sec = base + L->sec_off[s->sh_info];
        for (size_t k = 0; k < s->sh_size / sizeof(Elf64_Rela); k++) {
            uint32_t t = ELF64_R_TYPE(r[k].r_info);
            uint64_t si = ELF64_R_SYM(r[k].r_info);
            unsigned width = t == R_X86_64_64 ? 8 : t == R_X86_64_NONE ? 0 : 4;
            if (r[k].r_offset > tgt->sh_size || width > tgt->sh_size - r[k].r_offset) return fail(L, "relocation outside its section");
            if (tgt->sh_type == SHT_NOBITS && width) return fail(L, "relocation in a section without bytes");
            uint8_t *P = sec + r[k].r_offset;
            int64_t A = r[k].r_addend, Pv = (int64_t)(uintptr_t)P, S = (int64_t)L->addr[si];
            const char *nm = name_at(L->str, L->nstr, L->sym[si].st_name);
            if (!S && t != R_X86_64_NONE && si) return fail(L, "undefined symbol '%s'", nm ? nm : "?");
            int rc = 0;
            switch (t) {
            case R_X86_64_NONE: break;
            case R_X86_64_64: { uint64_t v = (uint64_t)S + (uint64_t)A; memcpy(P, &v, 8); break; }
            case R_X86_64_PC32: rc = put32(L, P, S, A, Pv, "PC32"); break;
            case R_X86_64_PLT32:
                if (L->stub[si] >= 0) S = (int64_t)(uintptr_t)(base + stub_off + STUB * (size_t)L->stub[si]);
                rc = put32(L, P, S, A, Pv, "PLT32");
                break;
            case R_X86_64_GOTPCREL: case R_X86_64_GOTPCRELX: case R_X86_64_REX_GOTPCRELX:
                rc = put32(L, P, (int64_t)(uintptr_t)(base + got_off + 8 * (size_t)L->got[si]), A, Pv, "GOTPCREL");
                break;
            case R_X86_64_32: {
                uint64_t v = (uint64_t)S + (uint64_t)A;
                if (v > UINT32_MAX) return fail(L, "R_X86_64_32 out of range");
                uint32_t w = (uint32_t)v;
                memcpy(P, &w, 4);
                break;
            }
            case R_X86_64_32S: rc = put32(L, P, S, A, 0, "32S"); break;
            default: return fail(L, "unsupported relocation type %u", t);
            }
            if (rc) return rc;
        }
    }
    return 0;
}

static int fill_indirect(Ld *L, uint8_t *base, size_t stub_off, size_t got_off) {
    for (size_t i = 0; i < L->nsym; i++) {
        if (L->got[i] < 0) continue;
        if (!L->addr[i]) {
            const char *nm = name_at(L->str, L->nstr, L->sym[i].st_name);
            return fail(L, "undefined symbol '%s'", nm ? nm : "?");
        }
        uint8_t *g = base + got_off + 8 * (size_t)L->got[i];
        memcpy(g, &L->addr[i], 8);
        if (L->stub[i] < 0) continue;
        uint8_t *st = base + stub_off + STUB * (size_t)L->stub[i];
        st[0] = 0xFF; st[1] = 0x25; /* jmp qword [rip + disp32] */
        int32_t d = (int32_t)((int64_t)(uintptr_t)g - (int64_t)(uintptr_t)(st + 6));
        memcpy(st + 2, &d, 4);
        st[6] = st[7] = 0xCC;
    }
    return 0;
}

static int keep_symbols(Ld *L, ElfImage *out) {
    out->syms = calloc(L->nsym + 1, sizeof *out->syms);
    if (!out->syms) return fail(L, "out of memory");
    for (size_t i = 1; i < L->nsym; i++) {
        const Elf64_Sym *s = &L->sym[i];
        int bind = ELF64_ST_BIND(s->st_info);
        if (s->st_shndx == SHN_UNDEF || (bind != STB_GLOBAL && bind != STB_WEAK) || !L->addr[i]) continue;
        const char *nm = name_at(L->str, L->nstr, s->st_name);
        char *c = nm ? strdup(nm) : NULL;
        if (!c) return fail(L, "out of memory");
        out->syms[out->nsyms].name = c;
        out->syms[out->nsyms].addr = (void *)(uintptr_t)L->addr[i];
        out->nsyms++;
    }
    return 0;
}

static int load(Ld *L, ElfResolve resolve, void *cx, ElfImage *out) {
    if (check_header(L) || find_symtab(L)) return -1;
    size_t nsh = (size_t)L->nsh, ns = L->nsym ? L->nsym : 1;
    L->sec_off = malloc(sizeof(uint64_t) * nsh);
    L->part = malloc(sizeof(int) * nsh);
    L->got = malloc(sizeof(int64_t) * ns);
    L->stub = malloc(sizeof(int64_t) * ns);
    L->addr = calloc(ns, sizeof(uint64_t));
    if (!L->sec_off || !L->part || !L->got || !L->stub || !L->addr) return fail(L, "out of memory");
    for (size_t i = 0; i < nsh; i++) L->sec_off[i] = UINT64_MAX;
    for (size_t i = 0; i < ns; i++) L->got[i] = L->stub[i] = -1;
    classify(L);
    size_t ngot = 0, nstub = 0, stub_off = 0, got_off = 0, end[3] = {0, 0, 0};
    if (plan_indirect(L, &ngot, &nstub)) return -1;
    size_t size = layout(L, ngot, nstub, &stub_off, &got_off, end);
    uint8_t *base = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (base == MAP_FAILED) return fail(L, "cannot map %zu bytes", size);
    out->base = base;
    out->size = size;
    out->code_bytes = end[PART_X];
    for (int i = 0; i < L->nsh; i++)
        if (L->sec_off[i] != UINT64_MAX && L->sh[i].sh_type != SHT_NOBITS)
            memcpy(base + L->sec_off[i], L->obj + L->sh[i].sh_offset, L->sh[i].sh_size);
    if (bind_symbols(L, base, resolve, cx) || fill_indirect(L, base, stub_off, got_off) || relocate(L, base, stub_off, got_off) ||
        keep_symbols(L, out))
        return -1;
    if ((end[PART_X] && mprotect(base, end[PART_X], PROT_READ | PROT_EXEC)) ||
        (end[PART_R] > end[PART_X] && mprotect(base + end[PART_X], end[PART_R] - end[PART_X], PROT_READ)))
        return fail(L, "cannot protect the loaded code");
    return 0;
}

int elf_load(const uint8_t *obj, size_t n, ElfResolve resolve, void *cx, ElfImage *out, char *err, size_t cap) {
    Ld L;
    memset(&L, 0, sizeof L);
    memset(out, 0, sizeof *out);
    /* ELF structures are read in place, so they must be aligned: an object
     * inside a cache entry starts wherever the metadata ends */
    uint8_t *copy = NULL;
    if (obj && (uintptr_t)obj % 8) {
        if (!(copy = malloc(n ? n : 1))) return snprintf(err, cap, "out of memory"), -1;
        memcpy(copy, obj, n);
        obj = copy;
    }
    L.obj = obj; L.n = obj ? n : 0; L.err = err; L.cap = cap;
    int rc = load(&L, resolve, cx, out);
    free(L.sec_off); free(L.part); free(L.got); free(L.stub); free(L.addr);
    free(copy);
    if (rc) elf_free(out);
    return rc;
}

void *elf_symbol(const ElfImage *im, const char *name) {
    for (int i = 0; i < im->nsyms; i++)
        if (!strcmp(im->syms[i].name, name)) return im->syms[i].addr;
    return NULL;
}

void elf_free(ElfImage *im) {
    if (im->base) munmap(im->base, im->size);
    for (int i = 0; i < im->nsyms; i++) free(im->syms[i].name);
    free(im->syms);
    memset(im, 0, sizeof *im);
}
