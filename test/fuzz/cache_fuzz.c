/*
 * cache_fuzz.c — libFuzzer target for what the disk cache reads from disk:
 * the entry parser (header, checksum, metadata) and kiln's ELF loader, on
 * arbitrary bytes. Both must reject bad input with a message, never crash,
 * never leak. Seeds: test/fuzz/corpus/cache (real entries and objects).
 *   make fuzz FUZZ_TIME=3600       (make test runs it for 20 seconds)
 * The checksum would stop the fuzzer at the first byte of a real entry, so
 * every input is also fed to the loader directly, and, with its checksum
 * recomputed, to the parser as an entry.
 */
#include "../../src/jit/cache.h"
#include "../../src/jit/native.h"
#include <stdlib.h>

static uint8_t records[4096];
static void *resolve(void *cx, const char *name) {
    (void)cx;
    return !strcmp(name, "kiln_xc") ? records : jit_sym_lookup(name);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    char sym[128], why[160], msg[256];
    jit_cache_check_bytes(data, size, NULL, sym, sizeof sym, why, sizeof why);
    ElfImage im;
    if (!elf_load(data, size, resolve, NULL, &im, msg, sizeof msg)) elf_free(&im);
    if (size < sizeof(CacheHdr)) return 0;
    /* the same bytes as an entry whose checksum holds */
    uint8_t *e = malloc(size);
    if (!e) return 0;
    memcpy(e, data, size);
    CacheHdr h;
    memcpy(&h, e, sizeof h);
    memcpy(h.magic, CACHE_MAGIC, 8);
    h.format = CACHE_FORMAT;
    h.hdr_bytes = sizeof h;
    uint64_t rest = size - sizeof h;
    if (h.meta_bytes > rest) h.meta_bytes = rest;
    h.obj_bytes = rest - h.meta_bytes;
    jit_cache_sum(&h, e + sizeof h, h.meta_bytes, e + sizeof h + h.meta_bytes, h.obj_bytes, h.sum);
    memcpy(e, &h, sizeof h);
    jit_cache_check_bytes(e, size, NULL, sym, sizeof sym, why, sizeof why);
    free(e);
    return 0;
}
