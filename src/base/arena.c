/*
 * arena.c — bump allocator for everything a compilation builds (AST, types of
 * a compile, IR). One arena per compile; passes never free. Blocks grow
 * geometrically; allocation failure is recorded in the arena so callers can
 * check once at the end of a phase instead of at every allocation.
 */
#include "base.h"
#include <stdlib.h>
#include <time.h>

struct ArenaBlock {
    ArenaBlock *next;
    size_t cap, used;
    _Alignas(16) unsigned char mem[];
};

void arena_init(Arena *a) { memset(a, 0, sizeof *a); }

void *arena_alloc(Arena *a, size_t n) {
    n = (n + 15) & ~(size_t)15;
    ArenaBlock *b = a->head;
    if (!b || b->cap - b->used < n) {
        size_t cap = b ? b->cap * 2 : 16384;
        if (cap > (1u << 24)) cap = 1u << 24;
        if (cap < n) cap = n;
        b = malloc(sizeof *b + cap);
        if (!b) { a->failed = true; return NULL; }
        b->cap = cap; b->used = 0; b->next = a->head; a->head = b;
    }
    void *p = b->mem + b->used;
    b->used += n;
    a->used_total += n;
    memset(p, 0, n);
    return p;
}

void *arena_realloc(Arena *a, void *p, size_t old, size_t n) {
    if (n <= old) return p;
    void *q = arena_alloc(a, n);
    if (q && p) memcpy(q, p, old);
    return q;
}

char *arena_strndup(Arena *a, const char *s, size_t n) {
    char *p = arena_alloc(a, n + 1);
    if (p) { memcpy(p, s, n); p[n] = 0; }
    return p;
}

void arena_free(Arena *a) {
    for (ArenaBlock *b = a->head, *nx; b; b = nx) { nx = b->next; free(b); }
    memset(a, 0, sizeof *a);
}

bool vec_grow_(Arena *a, void **p, uint32_t *cap, uint32_t need, size_t elem) {
    if (need <= *cap) return true;
    uint32_t nc = *cap ? *cap * 2 : 8;
    while (nc < need) nc *= 2;
    void *q = arena_realloc(a, *p, (size_t)*cap * elem, (size_t)nc * elem);
    if (!q) return false;
    *p = q; *cap = nc;
    return true;
}

bool hvec_grow_(void **p, uint32_t *cap, uint32_t need, size_t elem) {
    if (need <= *cap) return true;
    uint32_t nc = *cap ? *cap * 2 : 8;
    while (nc < need) nc *= 2;
    void *q = realloc(*p, (size_t)nc * elem);
    if (!q) return false;
    *p = q; *cap = nc;
    return true;
}

uint64_t hash_bytes(const void *p, size_t n, uint64_t seed) {
    /* FNV-1a folded through a finalizer: fast for the short keys we hash
     * (names, signatures); the disk cache uses a cryptographic hash instead. */
    const unsigned char *s = p;
    uint64_t h = 0xcbf29ce484222325ULL ^ seed;
    for (size_t i = 0; i < n; i++) { h ^= s[i]; h *= 0x100000001b3ULL; }
    return hash_mix(h);
}

uint64_t clock_ns(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (uint64_t)ts.tv_sec * 1000000000ull + (uint64_t)ts.tv_nsec;
}
