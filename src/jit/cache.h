/*
 * cache.h — the persistent code cache (docs/cache.md): tier-2 objects keyed
 * by a hash of everything that decides their code, one file per key, loaded
 * by kiln's own ELF loader without LLVM.
 */
#ifndef KILN_CACHE_H
#define KILN_CACHE_H

#include "jit.h"
#include "../back/frame.h"
#include <sys/stat.h>
#include <time.h>

#define CACHE_KEY_BYTES 32
#define CACHE_FORMAT 2 /* 2: the checksum covers the whole header, the key included */
#define CACHE_MAGIC "KILNCODE"

/* an entry: this header, the metadata (function symbol, call records), the object */
typedef struct CacheHdr {
    char magic[8];
    uint32_t format;
    uint32_t hdr_bytes;
    uint8_t key[CACHE_KEY_BYTES];
    uint64_t meta_bytes, obj_bytes;
    uint8_t sum[CACHE_KEY_BYTES]; /* BLAKE2b-256 of this header (sum zeroed), metadata and object */
} CacheHdr;

/* an entry's checksum: the header with its sum field zeroed, then the metadata and the object */
void jit_cache_sum(const CacheHdr *h, const uint8_t *meta, size_t nm, const uint8_t *obj, size_t no, uint8_t out[CACHE_KEY_BYTES]);

/* cachekey.c */
int jit_cache_key(kiln_ctx *ctx, Spec *s, int32_t header, uint8_t key[CACHE_KEY_BYTES]);
int jit_cache_key_gpu(kiln_ctx *ctx, Spec *s, const char *target, uint8_t key[CACHE_KEY_BYTES]); /* a CUDA kernel's */
void jit_cache_machine(void); /* the process-wide part of every key (build, tier library, CPU), hashed once */
int jit_cache_specs(Spec *s, Spec **list, int cap);
void jit_cache_hex(const uint8_t key[CACHE_KEY_BYTES], char hex[2 * CACHE_KEY_BYTES + 1]);
void jit_cache_cpu(uint32_t words[16], char name[49]);
const char *jit_cache_build_id(void);
const char *jit_cache_llvm_version(void);

/* cachedir.c: the directory as a trust boundary (owner, modes, links, kiln's marker, kiln's names) */
typedef struct CacheDir { int fd; bool ours; /* ours: has kiln's marker, so it may be written, pruned, cleared */ } CacheDir;
enum { CNAME_OTHER, CNAME_ENTRY, CNAME_LOCK, CNAME_TEMP }; /* what a name in a subdirectory is */
/* open (create: make it, marked; make_parent: and the directory above, as for ~/.cache) and check the top
 * directory; 0 (d->ours says whether kiln may write; why says why not) or -1 with why */
int jit_cdir_open(const char *path, int make_parent, bool create, CacheDir *d, char *why, size_t cap);
void jit_cdir_close(CacheDir *d);
/* the subdirectory of hex's first two digits, checked (and created when asked): a descriptor or -1 */
int jit_cdir_sub(const CacheDir *d, const char *hex, bool create, char *why, size_t cap);
/* a file to read: regular, the user's, writable by no one else, one link; never follows a link, never blocks */
int jit_cdir_open_file(int dirfd, const char *name, struct stat *st, char *why, size_t cap);
/* write parts to dirfd/name atomically (a temporary file, fsync, rename) */
int jit_cdir_publish(int dirfd, const char *name, const void *const *parts, const size_t *sizes, int nparts, char *why, size_t cap);
int jit_cdir_classify(const char *name, const char *sub);
bool jit_cache_hexname(const char *s); /* exactly 64 lowercase hex digits */

/* cache.c */
void jit_cache_init(kiln_ctx *ctx);                /* the directory, from options and environment */
/* tier-2 code for s from the cache: 0 and *out (installed like a fresh compile), or -1: a miss */
int jit_cache_fetch(kiln_ctx *ctx, Spec *s, int32_t header, NativeFn *out);
/* keep a fresh compile (admission by compile time and size); failures are logged, never fatal */
void jit_cache_store(kiln_ctx *ctx, Spec *s, int32_t header, const uint8_t *obj, size_t n, const char *sym, const XCall *tab,
                    int ntab, uint64_t ns_compile);
/* a CUDA kernel's entry (the GPU's binary, its raises' call records): its symbol starts with CACHE_GPU_SYM and its
 * key adds target (the GPU's architecture, the driver's version, libdevice): same trust rules, same directory.
 * fetch: 0 with *bin (malloc'd) and the records (in s's arena), or -1: a miss */
#define CACHE_GPU_SYM "cuda:"
int jit_cache_fetch_gpu(kiln_ctx *ctx, Spec *s, const char *target, uint8_t **bin, size_t *n, XCall **tab, int *ntab);
void jit_cache_store_gpu(kiln_ctx *ctx, Spec *s, const char *target, const uint8_t *bin, size_t n, const char *sym, const XCall *tab,
                         int ntab);

/* claim the compile of a missing key (<entry>.lock, O_EXCL): 1 held (jit_cache_unlock after the
 * compile), 0 another process stored it meanwhile (fetch again), -1 compile without a lock
 * (cache off, no directory, or waited cache_lock_wait_ms); correctness never depends on it */
int jit_cache_lock(kiln_ctx *ctx, Spec *s, int32_t header, char *lock, size_t cap);
void jit_cache_unlock(const char *lock);
/* a whole entry file through jit_cdir_open_file's checks, at most 64 MiB; NULL with why (*absent: no such file) */
uint8_t *jit_cache_read(int dirfd, const char *name, size_t *n, char *why, size_t cap, bool *absent);

/* for `kiln cache`: each name under the subdirectories of dir, entries checked (header, key in the name,
 * checksum, object) when verify; d stays open for the caller (jit_cdir_close) */
typedef struct CacheInfo {
    char name[80], sub[3];      /* the name within subdirectory sub */
    char hex[2 * CACHE_KEY_BYTES + 1];
    char sym[128];
    int kind, dirfd;            /* CNAME_*; the subdirectory's descriptor during the callback (-1: untrusted subdirectory) */
    uint64_t bytes;
    time_t mtime;
    bool ok;
    char why[160];
} CacheInfo;
int jit_cache_walk(const char *dir, bool verify, void (*each)(const CacheInfo *, void *), void *cx, CacheDir *d, char *why, size_t cap);
/* delete one of kiln's names (never another's) during a walk's callback */
int jit_cache_remove(const CacheInfo *ci);
/* remove entries (and stale temporary files and locks), oldest use first, until at most max_bytes remain;
 * only in a directory kiln created; the count removed, or -1 with why */
long jit_cache_prune(const char *dir, uint64_t max_bytes, char *why, size_t cap);
/* the default directory; *make_parent: the one above it may be created too (~/.cache); -1 none, -2 too long */
int jit_cache_default_dir(char *buf, size_t cap, int *make_parent);
/* an entry's bytes checked without a spec: header, checksum, metadata, the object loads */
int jit_cache_check_bytes(const uint8_t *buf, size_t n, const char *hex, char *sym, size_t symcap, char *why, size_t whycap);

#endif
