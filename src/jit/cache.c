/*
 * cache.c — the persistent code cache: one self-contained file per key,
 * <dir>/<first 2 hex digits>/<64 hex digits>, holding a header (magic,
 * format, the full key, sizes, a BLAKE2b checksum), the metadata the runtime
 * needs (the function's symbol; the call records its code hands the frame
 * helpers, stored as the IR instruction they belong to plus their operands)
 * and the relocatable object LLVM produced. Published atomically (a
 * temporary file in the same directory, fsync, rename); no shared index, so
 * any number of processes may share the directory.
 *
 * Who may have written a file is decided first (cachedir.c: owner, modes,
 * links, no symlinks, descriptors checked with fstat); only then is it
 * parsed, and a file that is short, corrupted (the checksum covers the whole
 * header, key included), of another format, for another key, or whose object
 * does not load is a miss (and removed when it is ours and broken), never a
 * crash and never wrong code. A directory that is not ours or is writable by
 * others turns the cache off for the context. Every decision is logged under
 * KILN_LOG=cache.
 */
#include "cache.h"
#include "native.h"
#include <blake2.h>
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MAX_ENTRY ((size_t)64 << 20)

int jit_cache_default_dir(char *buf, size_t cap, int *make_parent) {
    const char *d = getenv("KILN_CACHE_DIR"), *x = getenv("XDG_CACHE_HOME"), *h = getenv("HOME");
    *make_parent = 0;
    if (d && *d) return snprintf(buf, cap, "%s", d) < (int)cap ? 0 : -2;
    if (x && *x) return snprintf(buf, cap, "%s/kiln", x) < (int)cap ? 0 : -2;
    *make_parent = 1; /* ~/.cache, if HOME exists: mkdir never makes more than one level */
    if (h && *h) return snprintf(buf, cap, "%s/.cache/kiln", h) < (int)cap ? 0 : -2;
    return -1;
}

static bool logging(kiln_ctx *ctx) { return (ctx->opt.log & KILN_LOG_CACHE) != 0; }

void jit_cache_init(kiln_ctx *ctx) {
    const char *off = getenv("KILN_CACHE");
    bool on = ctx->opt.disk_cache && !(off && !strcmp(off, "0"));
    const char *why = NULL;
    ctx->cache_make_parent = 0;
    if (ctx->opt.cache_dir && *ctx->opt.cache_dir) {
        if (snprintf(ctx->cache_dir, sizeof ctx->cache_dir, "%s", ctx->opt.cache_dir) >= (int)sizeof ctx->cache_dir) why = "the cache path is too long";
    } else {
        int rc = jit_cache_default_dir(ctx->cache_dir, sizeof ctx->cache_dir, &ctx->cache_make_parent);
        if (rc == -2) why = "the cache path is too long";
        else if (rc) why = "no cache directory (KILN_CACHE_DIR, XDG_CACHE_HOME and HOME are unset)";
    }
    if (on && why && logging(ctx)) jit_log(ctx, "kiln: cache: off for this context: %s\n", why);
    atomic_store(&ctx->cache_on, on && !why);
    if (on && !why) jit_cache_machine(); /* now, not in a first call: CPUID is slow under a hypervisor */
}

static void cache_off(kiln_ctx *ctx, const char *why) {
    if (atomic_exchange(&ctx->cache_on, false) && logging(ctx)) jit_log(ctx, "kiln: cache: off for this context: %s\n", why);
}

/* the entry's subdirectory, for writing: the top directory must be kiln's (marked) and both trusted;
 * a directory someone else could write turns the cache off for the context */
static int open_for_write(kiln_ctx *ctx, const char *hex, char *why, size_t cap) {
    CacheDir d;
    int sub = -1;
    if (jit_cdir_open(ctx->cache_dir, ctx->cache_make_parent, true, &d, why, cap)) {
        if (errno == EPERM || errno == ELOOP || errno == ENOTDIR) cache_off(ctx, why);
    } else if (!d.ours) {
        /* why says it is not kiln's: read from, never written */
    } else if ((sub = jit_cdir_sub(&d, hex, true, why, cap)) < 0 && errno == EPERM) {
        cache_off(ctx, why);
    }
    jit_cdir_close(&d);
    return sub;
}

/* ---- metadata: little records, bounds-checked on the way in ---- */

typedef struct Buf { uint8_t *p; size_t n, cap; bool oom; } Buf;

static void b_put(Buf *b, const void *p, size_t n) {
    if (b->oom) return;
    if (b->n + n > b->cap) {
        size_t cap = b->cap ? b->cap * 2 : 1024;
        while (cap < b->n + n) cap *= 2;
        uint8_t *q = realloc(b->p, cap);
        if (!q) { b->oom = true; return; }
        b->p = q; b->cap = cap;
    }
    memcpy(b->p + b->n, p, n);
    b->n += n;
}
static void b_i32(Buf *b, int32_t v) { b_put(b, &v, 4); }
static void b_i64(Buf *b, int64_t v) { b_put(b, &v, 8); }
static void b_str(Buf *b, const char *s) {
    int32_t n = s ? (int32_t)strlen(s) : -1;
    b_i32(b, n);
    if (s) b_put(b, s, (size_t)n);
}

typedef struct Rd { const uint8_t *p; size_t n, off; bool bad; } Rd;

static bool r_get(Rd *r, void *out, size_t n) {
    if (r->bad || n > r->n - r->off) { r->bad = true; memset(out, 0, n); return false; }
    memcpy(out, r->p + r->off, n);
    r->off += n;
    return true;
}
static int32_t r_i32(Rd *r) { int32_t v; r_get(r, &v, 4); return v; }
static int64_t r_i64(Rd *r) { int64_t v; r_get(r, &v, 8); return v; }
/* a string into the arena (NULL for -1); at most 4096 bytes */
static const char *r_str(Rd *r, Arena *a) {
    int32_t n = r_i32(r);
    if (r->bad || n == -1) return NULL;
    if (n < 0 || n > 4096 || (size_t)n > r->n - r->off) { r->bad = true; return NULL; }
    char *s = a ? arena_alloc(a, (size_t)n + 1) : NULL;
    if (s) { memcpy(s, r->p + r->off, (size_t)n); s[n] = 0; }
    r->off += (size_t)n;
    return a ? (s ? s : (r->bad = true, NULL)) : "";
}

static int index_of(Spec **list, int n, const Spec *s) {
    for (int i = 0; i < n; i++) if (list[i] == s) return i;
    return -1;
}

static int extra_slots(const Extra *x) { return x->op == OP_CALL ? 2 * x->n : x->n; }

/* a GPU kernel's raise: the helper the host replays (XCall.gpu_h), by its number in one table */
static const Helper gpu_helpers[] = {NULL, fh_error, fh_index, fh_raise, fh_generic, fh_lib};
enum { NGPU_HELPERS = sizeof gpu_helpers / sizeof gpu_helpers[0] };
static int helper_id(Helper h) {
    for (int i = 1; i < NGPU_HELPERS; i++) if (gpu_helpers[i] == h) return i;
    return 0;
}
static Helper helper_of(int id) { return id > 0 && id < NGPU_HELPERS ? gpu_helpers[id] : NULL; }

static bool write_meta(Buf *b, Spec *s, const char *sym, const XCall *tab, int ntab, bool gpu) {
    Spec *list[JIT_CACHE_SPECS];
    int nl = jit_cache_specs(s, list, JIT_CACHE_SPECS);
    if (nl < 0) return false;
    b_str(b, sym);
    b_i32(b, ntab);
    for (int i = 0; i < ntab; i++) {
        const XCall *k = &tab[i];
        int si = index_of(list, nl, jit_spec_of(k->unit));
        if (si < 0) return false;
        b_i32(b, si); b_i32(b, k->ref);
        b_i32(b, k->d); b_i32(b, k->a); b_i32(b, k->b); b_i32(b, k->line); b_i32(b, (int32_t)k->code);
        b_str(b, k->ename); b_str(b, k->emsg);
        if (gpu) b_i32(b, helper_id(k->gpu_h));
        b_i32(b, k->x != NULL);
        if (!k->x) continue;
        b_i32(b, k->x->op); b_i32(b, (int32_t)k->x->flags); b_i64(b, k->x->aux); b_i32(b, k->x->n);
        int ns = extra_slots(k->x);
        for (int j = 0; j < ns; j++) b_i32(b, k->x->slot[j]);
    }
    return !b->oom;
}

/* one call record back, checked against the IR it names (the key says the IR is the same) */
static bool read_record(Rd *r, Spec **list, int nl, Arena *a, XCall *k, bool gpu) {
    int si = r_i32(r), ref = r_i32(r);
    if (r->bad || si < 0 || si >= nl || !list[si]->u.ir || !list[si]->u.code || ref < 0 || (uint32_t)ref >= list[si]->u.ir->ins.n) return false;
    Func *f = list[si]->u.ir;
    memset(k, 0, sizeof *k);
    k->unit = &list[si]->u; k->ref = ref;
    k->d = r_i32(r); k->a = r_i32(r); k->b = r_i32(r); k->line = r_i32(r); k->code = (RtErr)r_i32(r);
    k->file = ((Code *)list[si]->u.code)->file;
    k->ename = r_str(r, a); k->emsg = r_str(r, a);
    if (gpu && !(k->gpu_h = helper_of(r_i32(r)))) return false;
    int has_x = r_i32(r);
    if (r->bad || !has_x) return !r->bad;
    int op = r_i32(r), flags = r_i32(r);
    int64_t aux = r_i64(r);
    int xn = r_i32(r);
    Ins *in = &f->ins.v[ref];
    if (r->bad || !ref || op != in->op || (unsigned)flags != in->flags || aux != in->aux || xn < 0 || xn > 4096) return false;
    /* rebuilt as the lowering built it (fr_extra); the stored operands must match */
    int nfixed = op == OP_CALL ? 0 : (int)in->n - xn;
    if (nfixed < 0 || (op == OP_CALL && (in->aux < 0 || (uint64_t)in->aux >= f->callees.n || xn != (int)in->n))) return false;
    Extra *x = fr_extra(a, f, ((Code *)list[si]->u.code)->slot, (Ref)ref, nfixed);
    if (!x) return false;
    for (int j = 0, ns = extra_slots(x); j < ns; j++)
        if (r_i32(r) != x->slot[j]) return false;
    k->x = x;
    return !r->bad;
}

/* ---- entries ---- */

void jit_cache_sum(const CacheHdr *hdr, const uint8_t *meta, size_t nm, const uint8_t *obj, size_t no, uint8_t out[CACHE_KEY_BYTES]) {
    CacheHdr z = *hdr; /* the key, sizes and format are covered: an entry copied under another key fails */
    memset(z.sum, 0, sizeof z.sum);
    blake2b_state h;
    blake2b_init(&h, CACHE_KEY_BYTES);
    blake2b_update(&h, (const uint8_t *)&z, sizeof z);
    blake2b_update(&h, meta, nm);
    blake2b_update(&h, obj, no);
    blake2b_final(&h, out, CACHE_KEY_BYTES);
}

/* header, sizes and checksum; *meta and *obj point into buf */
static int parse_entry(const uint8_t *buf, size_t n, const uint8_t *key, Rd *meta, const uint8_t **obj, size_t *nobj, char *why, size_t cap) {
    CacheHdr h;
    if (n < sizeof h) return snprintf(why, cap, "truncated (%zu bytes)", n), -1;
    memcpy(&h, buf, sizeof h);
    if (memcmp(h.magic, CACHE_MAGIC, 8)) return snprintf(why, cap, "not a kiln cache entry"), -1;
    if (h.format != CACHE_FORMAT || h.hdr_bytes != sizeof h) return snprintf(why, cap, "format %u, not %u", h.format, CACHE_FORMAT), -1;
    if (key && memcmp(h.key, key, CACHE_KEY_BYTES)) return snprintf(why, cap, "an entry for another key"), -1;
    if (h.meta_bytes > n || h.obj_bytes > n || sizeof h + h.meta_bytes + h.obj_bytes != n)
        return snprintf(why, cap, "sizes do not match the file (truncated?)"), -1;
    uint8_t sum[CACHE_KEY_BYTES];
    jit_cache_sum(&h, buf + sizeof h, h.meta_bytes, buf + sizeof h + h.meta_bytes, h.obj_bytes, sum);
    if (memcmp(sum, h.sum, CACHE_KEY_BYTES)) return snprintf(why, cap, "checksum mismatch (corrupted)"), -1;
    meta->p = buf + sizeof h; meta->n = h.meta_bytes; meta->off = 0; meta->bad = false;
    *obj = buf + sizeof h + h.meta_bytes;
    *nobj = h.obj_bytes;
    return 0;
}

uint8_t *jit_cache_read(int dirfd, const char *name, size_t *n, char *why, size_t cap, bool *absent) {
    if (absent) *absent = false;
    struct stat st;
    int fd = jit_cdir_open_file(dirfd, name, &st, why, cap);
    if (fd < 0) {
        if (absent) *absent = errno == ENOENT;
        return NULL;
    }
    uint8_t *buf = NULL;
    if ((size_t)st.st_size > MAX_ENTRY) snprintf(why, cap, "too large (%lld bytes)", (long long)st.st_size);
    else if (!(buf = malloc((size_t)st.st_size + 1))) snprintf(why, cap, "out of memory");
    else *n = base_read_all(fd, buf, (size_t)st.st_size);
    close(fd);
    return buf;
}

/* the entry's subdirectory for reading: top and subdirectory trusted (kiln's marker is not needed to read) */
static int open_for_read(kiln_ctx *ctx, const char *hex, char *why, size_t cap, bool *absent) {
    CacheDir d;
    int sub = -1;
    *absent = false;
    if (jit_cdir_open(ctx->cache_dir, 0, false, &d, why, cap) == 0) sub = jit_cdir_sub(&d, hex, false, why, cap);
    if (sub < 0 && errno == ENOENT) *absent = true;
    jit_cdir_close(&d);
    return sub;
}

/* what a fetch does with a good entry's parts: 0, or -1 with why (the entry is then removed) */
typedef int (*UseEntry)(void *arg, Spec *s, const char *sym, XCall *tab, int ntab, const uint8_t *obj, size_t nobj, char *why, size_t cap);

/* the entry of key for s: checked, its call records rebuilt, handed to use. 0, or -1: a miss (label: for the log) */
static int fetch(kiln_ctx *ctx, Spec *s, const uint8_t key[CACHE_KEY_BYTES], bool gpu, const char *label, UseEntry use, void *arg) {
    char hex[2 * CACHE_KEY_BYTES + 1], why[256] = "";
    jit_cache_hex(key, hex);
    uint64_t t0 = clock_ns();
    size_t n = 0;
    bool absent;
    int sub = open_for_read(ctx, hex, why, sizeof why, &absent);
    uint8_t *buf = sub < 0 ? NULL : jit_cache_read(sub, hex, &n, why, sizeof why, &absent);
    if (!buf) {
        if (logging(ctx)) jit_log(ctx, "kiln: cache: miss %s(%s) %.16s: %s\n", s->fn->name, label, hex, absent ? "no entry" : why);
        if (sub >= 0) close(sub);
        return -1;
    }
    Rd meta;
    const uint8_t *obj;
    size_t nobj;
    int rc = -1;
    if (!parse_entry(buf, n, key, &meta, &obj, &nobj, why, sizeof why)) {
        Spec *list[JIT_CACHE_SPECS];
        int nl = jit_cache_specs(s, list, JIT_CACHE_SPECS);
        const char *sym = r_str(&meta, &s->u.arena);
        int ntab = r_i32(&meta);
        XCall *tab = NULL;
        if (nl < 0 || !sym || meta.bad || ntab < 0 || ntab > 65536 ||
            !(tab = arena_alloc(&s->u.arena, sizeof(XCall) * (size_t)(ntab ? ntab : 1))))
            snprintf(why, sizeof why, "bad metadata");
        else {
            int i = 0;
            while (i < ntab && read_record(&meta, list, nl, &s->u.arena, &tab[i], gpu)) i++;
            if (i < ntab || meta.off != meta.n) snprintf(why, sizeof why, "bad call record %d", i);
            else rc = use(arg, s, sym, tab, ntab, obj, nobj, why, sizeof why);
        }
    }
    free(buf);
    if (rc) {
        unlinkat(sub, hex, 0); /* ours (it passed the trust checks) and broken: the next compile writes a good one */
        if (logging(ctx)) jit_log(ctx, "kiln: cache: bad entry %s/%.2s/%s removed (%s): a miss\n", ctx->cache_dir, hex, hex, why);
        close(sub);
        return -1;
    }
    utimensat(sub, hex, NULL, AT_SYMLINK_NOFOLLOW); /* its last use, for eviction */
    close(sub);
    if (logging(ctx))
        jit_log(ctx, "kiln: cache: hit %s(%s) %.16s, %zu bytes, loaded in %.1f us\n", s->fn->name, label, hex, n,
               (double)(clock_ns() - t0) / 1e3);
    return 0;
}

typedef struct NativeUse { int32_t header; NativeFn *out; } NativeUse;
static int use_native(void *arg, Spec *s, const char *sym, XCall *tab, int ntab, const uint8_t *obj, size_t nobj, char *why, size_t cap) {
    NativeUse *u = arg;
    kiln_error err;
    (void)ntab;
    if (!jit_native_load(s, u->header, obj, nobj, sym, tab, u->out, &err)) return 0;
    snprintf(why, cap, "%.200s", err.message);
    return -1;
}

int jit_cache_fetch(kiln_ctx *ctx, Spec *s, int32_t header, NativeFn *out) {
    if (!atomic_load(&ctx->cache_on) || !s->u.code) return -1;
    uint8_t key[CACHE_KEY_BYTES];
    if (jit_cache_key(ctx, s, header, key)) return -1;
    NativeUse u = {header, out};
    return fetch(ctx, s, key, false, header < 0 ? "" : "osr", use_native, &u);
}

typedef struct GpuUse { uint8_t **bin; size_t *n; XCall **tab; int *ntab; } GpuUse;
static int use_gpu(void *arg, Spec *s, const char *sym, XCall *tab, int ntab, const uint8_t *obj, size_t nobj, char *why, size_t cap) {
    GpuUse *u = arg;
    (void)s;
    if (strncmp(sym, CACHE_GPU_SYM, strlen(CACHE_GPU_SYM))) return snprintf(why, cap, "not a GPU entry"), -1;
    if (!(*u->bin = malloc(nobj ? nobj : 1))) return snprintf(why, cap, "out of memory"), -1;
    memcpy(*u->bin, obj, nobj);
    *u->n = nobj; *u->tab = tab; *u->ntab = ntab;
    return 0;
}

int jit_cache_fetch_gpu(kiln_ctx *ctx, Spec *s, const char *target, uint8_t **bin, size_t *n, XCall **tab, int *ntab) {
    if (!atomic_load(&ctx->cache_on) || !s->u.code) return -1;
    uint8_t key[CACHE_KEY_BYTES];
    if (jit_cache_key_gpu(ctx, s, target, key)) return -1;
    GpuUse u = {bin, n, tab, ntab};
    return fetch(ctx, s, key, true, "cuda", use_gpu, &u);
}

static void store(kiln_ctx *ctx, Spec *s, const uint8_t key[CACHE_KEY_BYTES], bool gpu, const char *label, const uint8_t *obj,
                  size_t n, const char *sym, const XCall *tab, int ntab) {
    Buf meta = {0};
    char hex[2 * CACHE_KEY_BYTES + 1], why[4400] = "";
    if (!write_meta(&meta, s, sym, tab, ntab, gpu)) { free(meta.p); return; }
    jit_cache_hex(key, hex);
    CacheHdr h;
    memset(&h, 0, sizeof h);
    memcpy(h.magic, CACHE_MAGIC, 8);
    h.format = CACHE_FORMAT; h.hdr_bytes = sizeof h;
    memcpy(h.key, key, CACHE_KEY_BYTES);
    h.meta_bytes = meta.n; h.obj_bytes = n;
    jit_cache_sum(&h, meta.p, meta.n, obj, n, h.sum);
    int sub = open_for_write(ctx, hex, why, sizeof why);
    int rc = -1;
    if (sub >= 0) {
        const void *parts[3] = {&h, meta.p, obj};
        size_t sizes[3] = {sizeof h, meta.n, n};
        rc = jit_cdir_publish(sub, hex, parts, sizes, 3, why, sizeof why);
        close(sub);
    }
    free(meta.p);
    if (logging(ctx)) {
        if (rc) jit_log(ctx, "kiln: cache: not stored %s: %s\n", s->fn->name, why);
        else jit_log(ctx, "kiln: cache: stored %s(%s) %.16s, %zu bytes of %s\n", s->fn->name, label, hex, n, gpu ? "GPU binary" : "object");
    }
    if (!rc && ctx->tune[TUNE_CACHE_MAX_BYTES] > 0 && atomic_fetch_add(&ctx->cache_stores, 1) % 16 == 15)
        jit_cache_prune(ctx->cache_dir, (uint64_t)ctx->tune[TUNE_CACHE_MAX_BYTES], why, sizeof why);
}

void jit_cache_store(kiln_ctx *ctx, Spec *s, int32_t header, const uint8_t *obj, size_t n, const char *sym, const XCall *tab,
                    int ntab, uint64_t ns_compile) {
    if (!atomic_load(&ctx->cache_on)) return;
    if ((int64_t)(ns_compile / 1000) < ctx->tune[TUNE_CACHE_MIN_COMPILE_US] || (int64_t)n < ctx->tune[TUNE_CACHE_MIN_BYTES]) return;
    uint8_t key[CACHE_KEY_BYTES];
    if (jit_cache_key(ctx, s, header, key)) return;
    store(ctx, s, key, false, header < 0 ? "" : "osr", obj, n, sym, tab, ntab);
}

void jit_cache_store_gpu(kiln_ctx *ctx, Spec *s, const char *target, const uint8_t *bin, size_t n, const char *sym, const XCall *tab,
                         int ntab) {
    if (!atomic_load(&ctx->cache_on)) return;
    uint8_t key[CACHE_KEY_BYTES];
    char gsym[160];
    snprintf(gsym, sizeof gsym, "%s%s", CACHE_GPU_SYM, sym);
    if (jit_cache_key_gpu(ctx, s, target, key)) return;
    store(ctx, s, key, true, "cuda", bin, n, gsym, tab, ntab);
}

/* ---- one compile per key across processes ---- */

int jit_cache_lock(kiln_ctx *ctx, Spec *s, int32_t header, char *lock, size_t cap) {
    if (!atomic_load(&ctx->cache_on) || !s->u.code) return -1;
    uint8_t key[CACHE_KEY_BYTES];
    if (jit_cache_key(ctx, s, header, key)) return -1;
    char hex[2 * CACHE_KEY_BYTES + 1], name[2 * CACHE_KEY_BYTES + 8], why[4400];
    jit_cache_hex(key, hex);
    snprintf(name, sizeof name, "%s.lock", hex);
    if (snprintf(lock, cap, "%s/%.2s/%s", ctx->cache_dir, hex, name) >= (int)cap) return -1;
    int sub = open_for_write(ctx, hex, why, sizeof why);
    if (sub < 0) return -1;
    uint64_t t0 = clock_ns(), wait = (uint64_t)ctx->tune[TUNE_CACHE_LOCK_WAIT_MS] * 1000000u;
    int rc;
    for (;;) {
        int fd = openat(sub, name, O_CREAT | O_EXCL | O_WRONLY | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd >= 0) { close(fd); rc = 1; break; }
        if (errno != EEXIST) { rc = -1; break; }
        struct stat st;
        if (!fstatat(sub, hex, &st, AT_SYMLINK_NOFOLLOW)) {
            if (logging(ctx)) jit_log(ctx, "kiln: cache: %s: another process compiled it meanwhile (waited %.1f ms)\n", s->fn->name, (double)(clock_ns() - t0) / 1e6);
            rc = 0;
            break;
        }
        if (!fstatat(sub, name, &st, AT_SYMLINK_NOFOLLOW) && time(NULL) - st.st_mtime > 60) { /* its owner died */
            if (!unlinkat(sub, name, 0) && logging(ctx)) jit_log(ctx, "kiln: cache: %s: removed a stale lock\n", s->fn->name);
            continue;
        }
        if (clock_ns() - t0 >= wait) {
            if (logging(ctx)) jit_log(ctx, "kiln: cache: %s: another process holds the lock; compiling anyway after %.0f ms\n", s->fn->name, (double)(clock_ns() - t0) / 1e6);
            rc = -1;
            break;
        }
        struct timespec ts = {0, 2000000};
        nanosleep(&ts, NULL);
    }
    close(sub);
    return rc;
}

void jit_cache_unlock(const char *lock) { unlink(lock); }

/* ---- the directory as a whole (kiln cache ...) ---- */

static uint8_t dummy_records[64];
static void *check_resolve(void *cx, const char *name) {
    (void)cx;
    return !strcmp(name, "kiln_xc") ? dummy_records : jit_sym_lookup(name);
}

int jit_cache_check_bytes(const uint8_t *buf, size_t n, const char *hex, char *sym, size_t symcap, char *why, size_t whycap) {
    Rd meta;
    const uint8_t *obj;
    size_t nobj;
    uint8_t key[CACHE_KEY_BYTES];
    if (hex && !jit_cache_hexname(hex)) return snprintf(why, whycap, "bad name (not 64 lowercase hex digits)"), -1;
    for (int i = 0; hex && i < CACHE_KEY_BYTES; i++) {
        unsigned v;
        if (sscanf(hex + 2 * i, "%2x", &v) != 1) return snprintf(why, whycap, "bad name"), -1;
        key[i] = (uint8_t)v;
    }
    if (parse_entry(buf, n, hex ? key : NULL, &meta, &obj, &nobj, why, whycap)) return -1;
    int32_t len = r_i32(&meta);
    if (meta.bad || len < 0 || len > 120 || (size_t)len > meta.n - meta.off) return snprintf(why, whycap, "bad metadata"), -1;
    snprintf(sym, symcap, "%.*s", len, (const char *)meta.p + meta.off);
    if (!strncmp(sym, CACHE_GPU_SYM, strlen(CACHE_GPU_SYM))) return 0; /* a GPU binary: only the driver reads it */
    ElfImage im;
    char msg[256];
    if (elf_load(obj, nobj, check_resolve, NULL, &im, msg, sizeof msg)) return snprintf(why, whycap, "object: %s", msg), -1;
    bool has = elf_symbol(&im, sym) != NULL;
    elf_free(&im);
    if (!has) return snprintf(why, whycap, "object lacks %s", sym), -1;
    return 0;
}

