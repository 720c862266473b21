/*
 * cache.h — the persistent code cache (docs/cache.md): tier-2 objects keyed
 * by a hash of everything that decides their code, one file per key, loaded
 * by kiln's own ELF loader without LLVM.
 */
#ifndef KILN_CACHE_H
#define KILN_CACHE_H

#include "rt.h"
#include "../back/frame.h"
#include <time.h>

#define CACHE_KEY_BYTES 32
#define CACHE_FORMAT 1
#define CACHE_MAGIC "KILNCODE"

/* an entry: this header, the metadata (function symbol, call records), the object */
typedef struct CacheHdr {
    char magic[8];
    uint32_t format;
    uint32_t hdr_bytes;
    uint8_t key[CACHE_KEY_BYTES];
    uint64_t meta_bytes, obj_bytes;
    uint8_t sum[CACHE_KEY_BYTES]; /* BLAKE2b-256 of metadata and object */
} CacheHdr;

/* cachekey.c */
int rt_cache_key(kiln_ctx *ctx, Spec *s, int32_t header, uint8_t key[CACHE_KEY_BYTES]);
int rt_cache_specs(Spec *s, Spec **list, int cap);
void rt_cache_hex(const uint8_t key[CACHE_KEY_BYTES], char hex[2 * CACHE_KEY_BYTES + 1]);
void rt_cache_cpu(uint32_t words[16], char name[49]);
const char *rt_cache_build_id(void);
const char *rt_cache_llvm_version(void);

/* cache.c */
void rt_cache_init(kiln_ctx *ctx);                /* the directory, from options and environment */
/* tier-2 code for s from the cache: 0 and *out (installed like a fresh compile), or -1: a miss */
int rt_cache_fetch(kiln_ctx *ctx, Spec *s, int32_t header, NativeFn *out);
/* keep a fresh compile (admission by compile time and size); failures are logged, never fatal */
void rt_cache_store(kiln_ctx *ctx, Spec *s, int32_t header, const uint8_t *obj, size_t n, const char *sym, const XCall *tab,
                    int ntab, uint64_t ns_compile);

/* claim the compile of a missing key (<entry>.lock, O_EXCL): 1 held (rt_cache_unlock after the
 * compile), 0 another process stored it meanwhile (fetch again), -1 compile without a lock
 * (cache off, no directory, or waited cache_lock_wait_ms); correctness never depends on it */
int rt_cache_lock(kiln_ctx *ctx, Spec *s, int32_t header, char *lock, size_t cap);
void rt_cache_unlock(const char *lock);

/* for `kiln cache`: every entry of dir, checked (header, key in the name, checksum, object) when verify */
typedef struct CacheInfo {
    char hex[2 * CACHE_KEY_BYTES + 1];
    char sym[128];
    uint64_t bytes;
    time_t mtime;
    bool ok, lock;
    char why[160];
} CacheInfo;
int rt_cache_walk(const char *dir, bool verify, void (*each)(const CacheInfo *, const char *path, void *), void *cx);
/* remove entries (and stray temporary files), oldest use first, until at most max_bytes remain; returns removed count */
long rt_cache_prune(const char *dir, uint64_t max_bytes);
int rt_cache_default_dir(char *buf, size_t cap);
/* an entry's bytes checked without a spec: header, checksum, metadata, the object loads */
int rt_cache_check_bytes(const uint8_t *buf, size_t n, const char *hex, char *sym, size_t symcap, char *why, size_t whycap);

#endif
