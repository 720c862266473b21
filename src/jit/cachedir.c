/*
 * cachedir.c — the disk cache's directory as a trust boundary. The cache holds
 * native code kiln maps and runs, so what it reads is decided by who could
 * have written it, before any checksum is looked at (ssh's ~/.ssh rules):
 *   - the top directory, each two-digit subdirectory and each entry must belong
 *     to the effective user and be writable by no one else; entries must be
 *     regular files with one link;
 *   - every name is opened relative to an already checked directory descriptor
 *     with O_NOFOLLOW (and O_NONBLOCK: a FIFO planted as an entry must not block
 *     the open), and checked with fstat on the open descriptor, never by path, so
 *     a rename or symlink swapped in between cannot redirect the read;
 *   - kiln writes only into directories it created, known by a marker file
 *     (CACHEDIR.TAG, the cache-directory tag backup tools skip, with kiln's
 *     line); an existing directory without it is used read-only, and clear and
 *     prune refuse it, so a cache path pointed at a git repository or a home
 *     directory cannot delete a thing. An empty directory is adopted (marked);
 *   - clear and prune delete only kiln's own names: 64 lowercase hex digits in
 *     the subdirectory of their first two, <that>.lock and .tmp-XXXXXX.
 * Writes are a temporary file, fsync and rename, in the entry's subdirectory.
 */
#include "cache.h"
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define MARKER "CACHEDIR.TAG"
#define MARKER_TEXT "Signature: 8a477f597d28d172789f06886806bc55\n# kiln cache directory: kiln creates, prunes and clears only this directory's own files.\n"
#define MARKER_HEAD 60 /* the bytes compared: the tag's signature line and "# kiln cache" */

static bool hex_digits(const char *s, size_t n) {
    for (size_t i = 0; i < n; i++)
        if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' && s[i] <= 'f'))) return false;
    return true;
}

bool jit_cache_hexname(const char *s) { return strlen(s) == 2 * CACHE_KEY_BYTES && hex_digits(s, 2 * CACHE_KEY_BYTES); }

int jit_cdir_classify(const char *name, const char *sub) {
    size_t n = strlen(name);
    if (n == 2 * CACHE_KEY_BYTES && hex_digits(name, n)) return CNAME_ENTRY; /* in the wrong subdirectory: a bad one */
    if (n == 2 * CACHE_KEY_BYTES + 5 && hex_digits(name, 2 * CACHE_KEY_BYTES) && !strncmp(name, sub, 2) && !strcmp(name + n - 5, ".lock"))
        return CNAME_LOCK;
    if (n == 11 && !strncmp(name, ".tmp-", 5)) {
        for (int i = 5; i < 11; i++)
            if (!((name[i] >= '0' && name[i] <= '9') || (name[i] >= 'a' && name[i] <= 'z') || (name[i] >= 'A' && name[i] <= 'Z'))) return CNAME_OTHER;
        return CNAME_TEMP;
    }
    return CNAME_OTHER;
}

/* who may have written it: the effective user alone */
static bool trusted(const struct stat *st, const char *what, char *why, size_t cap) {
    if (st->st_uid != geteuid()) return snprintf(why, cap, "%s belongs to another user (uid %u)", what, (unsigned)st->st_uid), false;
    if (st->st_mode & 022) return snprintf(why, cap, "%s is writable by %s", what, st->st_mode & 002 ? "everyone" : "its group"), false;
    return true;
}

/* a directory under dirfd (AT_FDCWD: a path), opened without following a link, and checked */
static int open_dir(int dirfd, const char *name, const char *what, char *why, size_t cap) {
    int fd = openat(dirfd, name, O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        struct stat st; /* O_DIRECTORY|O_NOFOLLOW on a link fails with ENOTDIR: say which it was */
        if (e == ENOTDIR && !fstatat(dirfd, name, &st, AT_SYMLINK_NOFOLLOW) && S_ISLNK(st.st_mode)) e = ELOOP;
        if (e == ELOOP) snprintf(why, cap, "%s is a symbolic link (name the directory it points to)", what);
        else if (e == ENOTDIR) snprintf(why, cap, "%s is not a directory", what);
        else snprintf(why, cap, "%s: %s", what, strerror(e));
        errno = e;
        return -1;
    }
    struct stat st;
    if (fstat(fd, &st) || !trusted(&st, what, why, cap)) { close(fd); errno = EPERM; return -1; }
    return fd;
}

int jit_cdir_open_file(int dirfd, const char *name, struct stat *st, char *why, size_t cap) {
    int fd = openat(dirfd, name, O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC);
    if (fd < 0) {
        int e = errno;
        snprintf(why, cap, "%s", e == ELOOP ? "a symbolic link" : strerror(e));
        errno = e;
        return -1;
    }
    const char *bad = NULL;
    if (fstat(fd, st)) bad = strerror(errno);
    else if (!S_ISREG(st->st_mode)) bad = "not a regular file";
    else if (st->st_nlink != 1) bad = "has more than one link";
    else if (!trusted(st, "the file", why, cap)) bad = "";
    if (bad) {
        if (*bad) snprintf(why, cap, "%s", bad);
        close(fd);
        errno = EPERM;
        return -1;
    }
    return fd;
}

/* a name for a temporary file: .tmp- and six letters or digits, as mkstemp makes them */
static void temp_name(char out[12]) {
    static const char abc[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    uint8_t r[6];
    if (getrandom(r, sizeof r, GRND_NONBLOCK) != (ssize_t)sizeof r) {
        struct timespec ts;
        clock_gettime(CLOCK_MONOTONIC, &ts);
        uint64_t x = (uint64_t)ts.tv_nsec * 0x9E3779B97F4A7C15u ^ (uint64_t)getpid() << 20 ^ (uint64_t)ts.tv_sec;
        for (int i = 0; i < 6; i++) r[i] = (uint8_t)(x >> (8 * i));
    }
    memcpy(out, ".tmp-", 5);
    for (int i = 0; i < 6; i++) out[5 + i] = abc[r[i] % (sizeof abc - 1)];
    out[11] = 0;
}

static int write_all(int fd, const void *p, size_t n) {
    const uint8_t *q = p;
    while (n) {
        ssize_t k = write(fd, q, n);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) return -1;
        q += k;
        n -= (size_t)k;
    }
    return 0;
}

int jit_cdir_publish(int dirfd, const char *name, const void *const *parts, const size_t *sizes, int nparts, char *why, size_t cap) {
    char tmp[12];
    int fd = -1;
    for (int tries = 0; fd < 0 && tries < 16; tries++) {
        temp_name(tmp);
        fd = openat(dirfd, tmp, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0600);
        if (fd < 0 && errno != EEXIST) break;
    }
    if (fd < 0) return snprintf(why, cap, "%s", strerror(errno)), -1;
    int rc = 0;
    for (int i = 0; i < nparts && !rc; i++) rc = write_all(fd, parts[i], sizes[i]);
    if (!rc) rc = fsync(fd);
    int e = rc ? (errno ? errno : EIO) : 0;
    if (close(fd) && !e) e = errno;
    if (!e && renameat(dirfd, tmp, dirfd, name)) e = errno;
    if (e) {
        unlinkat(dirfd, tmp, 0);
        snprintf(why, cap, "%s", strerror(e));
        return -1;
    }
    return 0;
}

/* the marker, if it is there and ours */
static int marker(int fd, char *why, size_t cap) {
    struct stat st;
    int m = jit_cdir_open_file(fd, MARKER, &st, why, cap);
    if (m < 0) return errno == ENOENT ? 0 : -1;
    char head[MARKER_HEAD];
    ssize_t k = read(m, head, sizeof head);
    close(m);
    if (k != (ssize_t)sizeof head || memcmp(head, MARKER_TEXT, sizeof head)) return snprintf(why, cap, "its %s is not kiln's", MARKER), -1;
    return 1;
}

static bool is_empty(int fd) {
    int d = dup(fd);
    DIR *dir = d >= 0 ? fdopendir(d) : NULL;
    if (!dir) { if (d >= 0) close(d); return false; }
    struct dirent *e;
    bool empty = true;
    while (empty && (e = readdir(dir))) empty = !strcmp(e->d_name, ".") || !strcmp(e->d_name, "..");
    closedir(dir);
    return empty;
}

/* the path without trailing slashes (a trailing slash would make the kernel follow a link) */
static int clean_path(const char *path, char *out, size_t cap) {
    size_t n = strlen(path);
    while (n > 1 && path[n - 1] == '/') n--;
    if (!n || n >= cap) return -1;
    memcpy(out, path, n);
    out[n] = 0;
    return 0;
}

int jit_cdir_open(const char *path, int make_parent, bool create, CacheDir *d, char *why, size_t cap) {
    char p[4096];
    d->fd = -1;
    d->ours = false;
    *why = 0;
    if (clean_path(path, p, sizeof p)) return snprintf(why, cap, "the cache path is empty or longer than %zu bytes", sizeof p - 1), -1;
    bool made = false;
    if (create) {
        char *slash = strrchr(p, '/');
        if (make_parent && slash && slash != p) { /* ~/.cache, as XDG tools make it; nothing above it */
            *slash = 0;
            mkdir(p, 0700);
            *slash = '/';
        }
        made = !mkdir(p, 0700);
    }
    d->fd = open_dir(AT_FDCWD, p, p, why, cap);
    if (d->fd < 0) return -1;
    int m = marker(d->fd, why, cap);
    if (m < 0) return 0; /* readable (each entry is checked), never written */
    if (m == 0 && create && (made || is_empty(d->fd))) {
        const void *parts[1] = {MARKER_TEXT};
        size_t sizes[1] = {sizeof MARKER_TEXT - 1};
        if (jit_cdir_publish(d->fd, MARKER, parts, sizes, 1, why, cap)) return 0;
        m = 1;
    }
    if (m == 0) snprintf(why, cap, "%s has no %s: it is not a directory kiln created, so kiln only reads from it", p, MARKER);
    d->ours = m == 1;
    return 0;
}

void jit_cdir_close(CacheDir *d) {
    if (d->fd >= 0) close(d->fd);
    d->fd = -1;
}

int jit_cdir_sub(const CacheDir *d, const char *hex, bool create, char *why, size_t cap) {
    char name[3] = {hex[0], hex[1], 0}, what[32];
    snprintf(what, sizeof what, "subdirectory %s", name);
    if (create && mkdirat(d->fd, name, 0700) && errno != EEXIST) return snprintf(why, cap, "%s: %s", what, strerror(errno)), -1;
    return open_dir(d->fd, name, what, why, cap);
}

/* ---- the directory as a whole (kiln cache ...) ---- */

int jit_cache_walk(const char *dir, bool verify, void (*each)(const CacheInfo *, void *), void *cx, CacheDir *d, char *why, size_t cap) {
    if (jit_cdir_open(dir, 0, false, d, why, cap)) return -1;
    int d0 = dup(d->fd);
    DIR *top = d0 >= 0 ? fdopendir(d0) : NULL;
    if (!top) { if (d0 >= 0) close(d0); return snprintf(why, cap, "%s: %s", dir, strerror(errno)), -1; }
    struct dirent *e;
    while ((e = readdir(top))) {
        if (strlen(e->d_name) != 2 || !hex_digits(e->d_name, 2)) continue;
        CacheInfo sub;
        memset(&sub, 0, sizeof sub);
        int sfd = jit_cdir_sub(d, e->d_name, false, sub.why, sizeof sub.why);
        if (sfd < 0) { /* reported, never entered */
            snprintf(sub.name, sizeof sub.name, "%s/", e->d_name);
            sub.dirfd = -1;
            each(&sub, cx);
            continue;
        }
        int s2 = dup(sfd);
        DIR *dd = s2 >= 0 ? fdopendir(s2) : NULL;
        if (!dd && s2 >= 0) close(s2);
        struct dirent *f;
        while (dd && (f = readdir(dd))) {
            if (!strcmp(f->d_name, ".") || !strcmp(f->d_name, "..")) continue;
            CacheInfo ci;
            memset(&ci, 0, sizeof ci);
            snprintf(ci.name, sizeof ci.name, "%.*s", (int)sizeof ci.name - 1, f->d_name);
            snprintf(ci.sub, sizeof ci.sub, "%s", e->d_name);
            ci.dirfd = sfd;
            ci.kind = strlen(f->d_name) < sizeof ci.name ? jit_cdir_classify(f->d_name, e->d_name) : CNAME_OTHER;
            struct stat st;
            if (fstatat(sfd, f->d_name, &st, AT_SYMLINK_NOFOLLOW)) continue;
            ci.bytes = (uint64_t)st.st_size;
            ci.mtime = st.st_mtime;
            if (ci.kind == CNAME_ENTRY) {
                ci.ok = true;
                snprintf(ci.hex, sizeof ci.hex, "%s", f->d_name);
                if (strncmp(f->d_name, e->d_name, 2)) {
                    ci.ok = false;
                    snprintf(ci.why, sizeof ci.why, "not in the subdirectory of its first two digits");
                } else if (verify) {
                    size_t n = 0;
                    uint8_t *buf = jit_cache_read(sfd, f->d_name, &n, ci.why, sizeof ci.why, NULL);
                    ci.ok = buf && !jit_cache_check_bytes(buf, n, ci.hex, ci.sym, sizeof ci.sym, ci.why, sizeof ci.why);
                    free(buf);
                } else if (!S_ISREG(st.st_mode)) {
                    ci.ok = false;
                    snprintf(ci.why, sizeof ci.why, "not a regular file");
                }
            }
            each(&ci, cx);
        }
        if (dd) closedir(dd);
        close(sfd);
    }
    closedir(top);
    return 0;
}

int jit_cache_remove(const CacheInfo *ci) {
    if (ci->kind == CNAME_OTHER || ci->dirfd < 0) { errno = EPERM; return -1; }
    return unlinkat(ci->dirfd, ci->name, 0);
}

typedef struct Ent { char sub[3], name[80]; uint64_t bytes; time_t mtime; int kind; } Ent;
typedef struct Ents { Ent *v; size_t n, cap; } Ents;

static void collect(const CacheInfo *ci, void *cx) {
    Ents *es = cx;
    if (ci->kind == CNAME_OTHER) return; /* not kiln's: never deleted */
    if (es->n == es->cap) {
        size_t cap = es->cap ? es->cap * 2 : 64;
        Ent *v = realloc(es->v, sizeof *v * cap);
        if (!v) return;
        es->v = v;
        es->cap = cap;
    }
    Ent *x = &es->v[es->n++];
    memcpy(x->sub, ci->sub, 3);
    memcpy(x->name, ci->name, sizeof x->name);
    x->bytes = ci->bytes;
    x->mtime = ci->mtime;
    x->kind = ci->kind;
}

static int by_mtime(const void *a, const void *b) {
    const Ent *x = a, *y = b;
    return (x->mtime > y->mtime) - (x->mtime < y->mtime);
}

long jit_cache_prune(const char *dir, uint64_t max_bytes, char *why, size_t cap) {
    Ents es = {0};
    CacheDir d;
    int rc = jit_cache_walk(dir, false, collect, &es, &d, why, cap);
    if (!rc && !d.ours) rc = -1; /* why says so */
    long removed = rc ? -1 : 0;
    if (!rc) {
        qsort(es.v, es.n, sizeof *es.v, by_mtime);
        uint64_t total = 0;
        time_t now = time(NULL);
        for (size_t i = 0; i < es.n; i++) total += es.v[i].bytes;
        for (size_t i = 0; i < es.n; i++) {
            /* temporary files and locks of processes that died, an hour on; a young one is a writer at work */
            bool stale = es.v[i].kind != CNAME_ENTRY && now - es.v[i].mtime > 3600;
            bool evict = es.v[i].kind == CNAME_ENTRY && total > max_bytes;
            if (!stale && !evict) continue;
            char w[160];
            int sfd = jit_cdir_sub(&d, es.v[i].sub, false, w, sizeof w);
            if (sfd >= 0 && !unlinkat(sfd, es.v[i].name, 0)) { total -= es.v[i].bytes; removed++; }
            if (sfd >= 0) close(sfd);
        }
    }
    free(es.v);
    jit_cdir_close(&d);
    return removed;
}
