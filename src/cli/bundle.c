/*
 * bundle.c — `kiln cache export|import|keygen`: cache bundles, and their
 * signatures. A bundle is native code: importing one is running its code, so
 * its integrity (each entry's checksum, key and object) is not enough, and a
 * user who receives bundles from elsewhere (a fleet's image builder) asks for
 * authenticity: `export --sign KEY` appends a MAC, `import --require-sig KEY`
 * (or KILN_CACHE_REQUIRE_SIG=KEY in the environment) refuses a bundle whose
 * MAC is missing or wrong, before any entry is looked at.
 *
 * The MAC is keyed BLAKE2b-512 (libb2, already kiln's hash; keyed BLAKE2 is a
 * PRF and a MAC by design) over every byte of the bundle before it, under a
 * 32-byte secret made by `kiln cache keygen` (mode 0600; a key file anyone
 * else could read or write is refused). It is symmetric: whoever can verify
 * can sign, which fits one party (a build pipeline and the machines it feeds)
 * sharing a secret; separate signers and verifiers would need public-key
 * signatures (Ed25519), which would add a crypto library for no gain here.
 *
 * Format 2: "KILNBND2", u32 flags (1: signed), u32 zero, then per entry its
 * 64-hex-digit name, u64 size and bytes; a signed bundle ends with the 64-byte
 * MAC. Import reads the whole bundle (at most 2 GiB), checks the MAC, then
 * every entry (name exactly 64 lowercase hex digits, header, checksum, key
 * against name, the object loads), and publishes the good ones atomically into
 * a cache directory that passes the same trust checks as a store.
 */
#include "cli.h"
#include "../jit/cache.h"
#include <blake2.h>
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#define BUNDLE_MAGIC "KILNBND2"
#define BUNDLE_SIGNED 1u
#define MAC_BYTES 64
#define SECRET_BYTES 32
#define MAX_BUNDLE ((uint64_t)2 << 30)

/* ---- keys ---- */

int cli_keygen(const char *file) {
    uint8_t k[SECRET_BYTES];
    if (getrandom(k, sizeof k, 0) != (ssize_t)sizeof k) { fprintf(stderr, "kiln cache keygen: no randomness: %s\n", strerror(errno)); return EXIT_ERR; }
    int fd = open(file, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
    if (fd < 0) { fprintf(stderr, "kiln cache keygen: cannot create %s: %s\n", file, strerror(errno)); return EXIT_ERR; }
    char hex[2 * SECRET_BYTES + 2];
    for (int i = 0; i < SECRET_BYTES; i++) snprintf(hex + 2 * i, 3, "%02x", k[i]);
    hex[2 * SECRET_BYTES] = '\n';
    bool ok = write(fd, hex, 2 * SECRET_BYTES + 1) == 2 * SECRET_BYTES + 1;
    ok = !close(fd) && ok;
    if (!ok) { unlink(file); fprintf(stderr, "kiln cache keygen: writing %s failed\n", file); return EXIT_ERR; }
    printf("wrote a new bundle key to %s (keep it secret: whoever has it can sign bundles)\n", file);
    return EXIT_OK;
}

/* the secret in file: 64 hex digits, in a file of the user's that no one else may read or write */
static int load_key(const char *file, uint8_t k[SECRET_BYTES]) {
    int fd = open(file, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    char text[2 * SECRET_BYTES + 2] = "";
    const char *bad = NULL;
    if (fd < 0) bad = strerror(errno);
    else if (fstat(fd, &st) || !S_ISREG(st.st_mode)) bad = "not a regular file";
    else if (st.st_uid != geteuid()) bad = "belongs to another user";
    else if (st.st_mode & 077) bad = "others may read or write it (chmod 600)";
    else if (read(fd, text, sizeof text - 1) < 2 * SECRET_BYTES) bad = "too short: not a key from kiln cache keygen";
    for (int i = 0; !bad && i < SECRET_BYTES; i++) {
        unsigned v;
        char two[3] = {text[2 * i], text[2 * i + 1], 0};
        if (!strchr("0123456789abcdef", two[0]) || !strchr("0123456789abcdef", two[1]) || sscanf(two, "%2x", &v) != 1) bad = "not a key from kiln cache keygen";
        else k[i] = (uint8_t)v;
    }
    if (fd >= 0) close(fd);
    if (bad) fprintf(stderr, "kiln cache: key %s: %s\n", file, bad);
    return bad ? -1 : 0;
}

static void mac(const uint8_t k[SECRET_BYTES], const uint8_t *p, size_t n, uint8_t out[MAC_BYTES]) {
    blake2b(out, p, k, MAC_BYTES, n, SECRET_BYTES);
}

/* ---- export ---- */

typedef struct Out { uint8_t *p; size_t n, cap; long count; bool oom; } Out;

static void put(Out *o, const void *p, size_t n) {
    if (o->oom) return;
    if (o->n + n > o->cap) {
        size_t cap = o->cap ? o->cap * 2 : 1 << 16;
        while (cap < o->n + n) cap *= 2;
        uint8_t *q = realloc(o->p, cap);
        if (!q) { o->oom = true; return; }
        o->p = q;
        o->cap = cap;
    }
    memcpy(o->p + o->n, p, n);
    o->n += n;
}

static void export_one(const CacheInfo *ci, void *cx) {
    Out *o = cx;
    if (ci->kind != CNAME_ENTRY || !ci->ok) return;
    char why[160];
    size_t n = 0;
    uint8_t *buf = jit_cache_read(ci->dirfd, ci->name, &n, why, sizeof why, NULL);
    if (!buf) return;
    uint64_t n64 = n;
    put(o, ci->hex, 64);
    put(o, &n64, 8);
    put(o, buf, n);
    o->count++;
    free(buf);
}

int cli_export(const char *dir, const char *file, const char *keyfile) {
    uint8_t k[SECRET_BYTES];
    if (keyfile && load_key(keyfile, k)) return EXIT_ERR;
    Out o = {0};
    uint32_t flags = keyfile ? BUNDLE_SIGNED : 0, zero = 0;
    put(&o, BUNDLE_MAGIC, 8);
    put(&o, &flags, 4);
    put(&o, &zero, 4);
    CacheDir d;
    char why[4400];
    if (jit_cache_walk(dir, true, export_one, &o, &d, why, sizeof why) && errno != ENOENT) { /* no cache: an empty bundle */
        fprintf(stderr, "kiln cache: cannot read the cache: %s\n", why);
        free(o.p);
        return EXIT_ERR;
    }
    jit_cdir_close(&d);
    if (keyfile) {
        uint8_t m[MAC_BYTES];
        if (!o.oom) mac(k, o.p, o.n, m);
        put(&o, m, MAC_BYTES);
    }
    FILE *f = o.oom ? NULL : fopen(file, "wb");
    bool ok = f && fwrite(o.p, 1, o.n, f) == o.n;
    if (f && fclose(f)) ok = false;
    free(o.p);
    if (!ok) { fprintf(stderr, "kiln cache: writing %s failed: %s\n", file, o.oom ? "out of memory" : strerror(errno)); return EXIT_ERR; }
    printf("exported %ld entries to %s%s\n", o.count, file, keyfile ? ", signed" : "");
    return EXIT_OK;
}

/* ---- import ---- */

static uint8_t *slurp(const char *file, size_t *n) {
    int fd = open(file, O_RDONLY | O_NONBLOCK | O_CLOEXEC);
    struct stat st;
    uint8_t *buf = NULL;
    if (fd < 0) fprintf(stderr, "kiln cache: cannot read %s: %s\n", file, strerror(errno));
    else if (fstat(fd, &st) || !S_ISREG(st.st_mode)) fprintf(stderr, "kiln cache: %s is not a regular file\n", file);
    else if ((uint64_t)st.st_size > MAX_BUNDLE) fprintf(stderr, "kiln cache: %s is larger than a bundle may be (2 GiB)\n", file);
    else if (!(buf = malloc((size_t)st.st_size + 1))) fprintf(stderr, "kiln cache: out of memory reading %s\n", file);
    else *n = base_read_all(fd, buf, (size_t)st.st_size);
    if (fd >= 0) close(fd);
    return buf;
}

/* the bundle's body (entries) after its header and signature are checked; -1 says why */
static int open_bundle(const char *file, const uint8_t *b, size_t n, const char *keyfile, size_t *start, size_t *end) {
    uint32_t flags;
    if (n >= 8 && !memcmp(b, "KILNBNDL", 8)) return fprintf(stderr, "kiln cache: %s is an older kiln's bundle (format 1): export it again\n", file), -1;
    if (n < 16 || memcmp(b, BUNDLE_MAGIC, 8)) return fprintf(stderr, "kiln cache: %s is not a kiln cache bundle\n", file), -1;
    memcpy(&flags, b + 8, 4);
    if (flags & ~BUNDLE_SIGNED) return fprintf(stderr, "kiln cache: %s: unknown bundle flags %#x\n", file, flags), -1;
    *start = 16;
    *end = n;
    if (flags & BUNDLE_SIGNED) {
        if (n < 16 + MAC_BYTES) return fprintf(stderr, "kiln cache: %s is truncated (no signature)\n", file), -1;
        *end = n - MAC_BYTES;
    }
    if (!keyfile) {
        if (flags & BUNDLE_SIGNED) fprintf(stderr, "kiln cache: note: %s is signed, but no key was given to check it (--require-sig KEY)\n", file);
        return 0;
    }
    uint8_t k[SECRET_BYTES], m[MAC_BYTES];
    if (load_key(keyfile, k)) return -1;
    if (!(flags & BUNDLE_SIGNED)) return fprintf(stderr, "kiln cache: %s is not signed, and a signature is required (%s): nothing imported\n", file, keyfile), -1;
    mac(k, b, *end, m);
    if (memcmp(m, b + *end, MAC_BYTES)) return fprintf(stderr, "kiln cache: %s: bad signature (not signed with %s, or altered): nothing imported\n", file, keyfile), -1;
    return 0;
}

static int publish(CacheDir *d, const char *hex, const uint8_t *buf, size_t n, char *why, size_t cap) {
    int sub = jit_cdir_sub(d, hex, true, why, cap);
    if (sub < 0) return -1;
    const void *parts[1] = {buf};
    size_t sizes[1] = {n};
    int rc = jit_cdir_publish(sub, hex, parts, sizes, 1, why, cap);
    close(sub);
    return rc;
}

int cli_import(const char *dir, int make_parent, const char *file, const char *keyfile) {
    size_t n = 0, at, end;
    uint8_t *b = slurp(file, &n);
    if (!b) return EXIT_ERR;
    if (open_bundle(file, b, n, keyfile, &at, &end)) { free(b); return EXIT_ERR; }
    CacheDir d;
    char why[4400];
    if (jit_cdir_open(dir, make_parent, true, &d, why, sizeof why) || !d.ours) {
        fprintf(stderr, "kiln cache: cannot import into %s: %s\n", dir, why);
        jit_cdir_close(&d);
        free(b);
        return EXIT_ERR;
    }
    long good = 0, bad = 0;
    int rc = EXIT_OK;
    while (at < end) {
        char hex[65];
        uint64_t len;
        if (end - at < 72) { fprintf(stderr, "kiln cache: %s is truncated\n", file); rc = EXIT_ERR; break; }
        memcpy(hex, b + at, 64);
        hex[64] = 0;
        memcpy(&len, b + at + 64, 8);
        at += 72;
        if (len > end - at) { fprintf(stderr, "kiln cache: %s is truncated\n", file); rc = EXIT_ERR; break; }
        char sym[128], shown[17];
        for (int i = 0; i < 16; i++) shown[i] = hex[i] >= 0x20 && hex[i] < 0x7f ? hex[i] : '?';
        shown[16] = 0;
        if (jit_cache_check_bytes(b + at, len, hex, sym, sizeof sym, why, sizeof why)) {
            fprintf(stderr, "kiln cache: skipped entry %s: %s\n", shown, why);
            bad++;
        } else if (publish(&d, hex, b + at, len, why, sizeof why)) {
            fprintf(stderr, "kiln cache: cannot write into %s: %s\n", dir, why);
            rc = EXIT_ERR;
        } else {
            good++;
        }
        at += len;
    }
    jit_cdir_close(&d);
    free(b);
    printf("imported %ld entries%s", good, bad ? "" : "\n");
    if (bad) printf(", skipped %ld bad ones\n", bad);
    return bad ? EXIT_ERR : rc;
}
