/*
 * cache.c — `kiln cache dir|ls|stats|verify|clear|prune|export|import`: the
 * disk cache from the shell. The directory is the one contexts use
 * ($KILN_CACHE_DIR, else $XDG_CACHE_HOME/kiln, else ~/.cache/kiln).
 * A bundle (export/import) is "KILNBNDL", a count, then per entry its name
 * and bytes; import checks every entry (header, checksum, key against name,
 * the object loads) before publishing it atomically.
 */
#include "cli.h"
#include "../rt/cache.h"
#include <errno.h>
#include <fcntl.h>
#include <stdlib.h>
#include <sys/stat.h>
#include <unistd.h>

static void help(void) {
    printf("usage: kiln cache COMMAND\n"
           "\n"
           "  dir            print the cache directory\n"
           "  ls             one line per entry: key, size, last use, function\n"
           "  stats          entries, bytes, the directory, this machine's key inputs\n"
           "  verify         check every entry (header, checksum, key, object); bad ones are listed (and removed with --fix)\n"
           "  clear          remove every entry\n"
           "  prune [--max BYTES]   remove least recently used entries down to BYTES (default: the cache_max_bytes tunable)\n"
           "  export FILE    write every valid entry into one bundle file\n"
           "  import FILE    check and add the entries of a bundle\n");
}

typedef struct Tally { long n, bad; uint64_t bytes; bool list, fix; } Tally;

static void show(const CacheInfo *ci, const char *path, void *cx) {
    Tally *t = cx;
    if (ci->lock) return; /* a compile in progress (kiln cache prune removes stale ones) */
    t->n++;
    t->bytes += ci->bytes;
    if (!ci->ok) t->bad++;
    if (t->list) {
        char when[32];
        strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", localtime(&ci->mtime));
        printf("%.16s  %8llu  %s  %s%s%s\n", ci->hex, (unsigned long long)ci->bytes, when, ci->ok ? ci->sym : "BAD: ",
               ci->ok ? "" : ci->why, "");
    }
    if (!ci->ok && t->fix && unlink(path) == 0) printf("removed %s\n", path);
}

static int dir_of(char *buf, size_t cap) {
    if (rt_cache_default_dir(buf, cap)) { fprintf(stderr, "kiln cache: no cache directory (set KILN_CACHE_DIR or HOME)\n"); return -1; }
    return 0;
}

static int walk(const char *dir, bool verify, Tally *t) {
    if (rt_cache_walk(dir, verify, show, t) && errno != ENOENT) {
        fprintf(stderr, "kiln cache: cannot read %s: %s\n", dir, strerror(errno));
        return -1;
    }
    return 0;
}

static void remove_all(const CacheInfo *ci, const char *path, void *cx) {
    if (ci->lock) return;
    if (!unlink(path)) (*(long *)cx)++;
}

/* ---- bundles ---- */

typedef struct Out { FILE *f; long n; bool failed; } Out;

static void export_one(const CacheInfo *ci, const char *path, void *cx) {
    Out *o = cx;
    if (!ci->ok) return;
    FILE *in = fopen(path, "rb");
    if (!in) return;
    uint8_t *buf = malloc(ci->bytes ? ci->bytes : 1);
    if (buf && fread(buf, 1, ci->bytes, in) == ci->bytes) {
        uint64_t n = ci->bytes;
        if (fwrite(ci->hex, 1, 64, o->f) != 64 || fwrite(&n, 8, 1, o->f) != 1 || fwrite(buf, 1, n, o->f) != n) o->failed = true;
        else o->n++;
    }
    free(buf);
    fclose(in);
}

static int cmd_export(const char *dir, const char *file) {
    FILE *f = fopen(file, "wb");
    if (!f) { fprintf(stderr, "kiln cache: cannot write %s: %s\n", file, strerror(errno)); return EXIT_ERR; }
    Out o = {f, 0, false};
    fwrite("KILNBNDL", 1, 8, f);
    rt_cache_walk(dir, true, export_one, &o);
    if (fclose(f) || o.failed) { fprintf(stderr, "kiln cache: writing %s failed\n", file); return EXIT_ERR; }
    printf("exported %ld entries to %s\n", o.n, file);
    return EXIT_OK;
}

static int publish(const char *dir, const char *hex, const uint8_t *buf, size_t n) {
    char sub[4200], tmp[4300], path[4300];
    snprintf(sub, sizeof sub, "%s/%.2s", dir, hex);
    if (mkdir(dir, 0700) && errno != EEXIST) return -1;
    if (mkdir(sub, 0700) && errno != EEXIST) return -1;
    snprintf(tmp, sizeof tmp, "%s/.tmp-XXXXXX", sub);
    snprintf(path, sizeof path, "%s/%s", sub, hex);
    int fd = mkstemp(tmp);
    if (fd < 0) return -1;
    bool ok = write(fd, buf, n) == (ssize_t)n && !fsync(fd);
    ok = !close(fd) && ok && !rename(tmp, path);
    if (!ok) unlink(tmp);
    return ok ? 0 : -1;
}

static int cmd_import(const char *dir, const char *file) {
    FILE *f = fopen(file, "rb");
    if (!f) { fprintf(stderr, "kiln cache: cannot read %s: %s\n", file, strerror(errno)); return EXIT_ERR; }
    char magic[8];
    long good = 0, bad = 0;
    int rc = EXIT_OK;
    if (fread(magic, 1, 8, f) != 8 || memcmp(magic, "KILNBNDL", 8)) {
        fprintf(stderr, "kiln cache: %s is not a kiln cache bundle\n", file);
        fclose(f);
        return EXIT_ERR;
    }
    for (;;) {
        char hex[65] = "";
        uint64_t n;
        size_t got = fread(hex, 1, 64, f);
        if (got == 0) break;
        if (got != 64 || fread(&n, 8, 1, f) != 1 || n > ((uint64_t)64 << 20)) { fprintf(stderr, "kiln cache: %s is truncated\n", file); rc = EXIT_ERR; break; }
        uint8_t *buf = malloc(n ? n : 1);
        if (!buf || fread(buf, 1, n, f) != n) { free(buf); fprintf(stderr, "kiln cache: %s is truncated\n", file); rc = EXIT_ERR; break; }
        char sym[128], why[160];
        if (rt_cache_check_bytes(buf, n, hex, sym, sizeof sym, why, sizeof why)) {
            fprintf(stderr, "kiln cache: skipped entry %.16s: %s\n", hex, why);
            bad++;
        } else if (publish(dir, hex, buf, n)) {
            fprintf(stderr, "kiln cache: cannot write into %s: %s\n", dir, strerror(errno));
            rc = EXIT_ERR;
        } else {
            good++;
        }
        free(buf);
    }
    fclose(f);
    printf("imported %ld entries%s", good, bad ? "" : "\n");
    if (bad) printf(", skipped %ld bad ones\n", bad);
    return bad ? EXIT_ERR : rc;
}

int cmd_cache(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) { help(); return argc < 2 ? EXIT_USAGE : EXIT_OK; }
    const char *sub = argv[1];
    char dir[4096];
    if (dir_of(dir, sizeof dir)) return EXIT_ERR;
    Tally t = {0};
    if (!strcmp(sub, "dir")) { printf("%s\n", dir); return EXIT_OK; }
    if (!strcmp(sub, "ls")) { t.list = true; return walk(dir, true, &t) ? EXIT_ERR : EXIT_OK; }
    if (!strcmp(sub, "stats")) {
        if (walk(dir, false, &t)) return EXIT_ERR;
        uint32_t cpu[16];
        char name[49];
        rt_cache_cpu(cpu, name);
        printf("directory   %s\nentries     %ld\nbytes       %llu\nbuild       kiln %s, build %s, LLVM %s\ncpu         %s\n", dir, t.n,
               (unsigned long long)t.bytes, KILN_VERSION, rt_cache_build_id(), rt_cache_llvm_version(), name);
        return EXIT_OK;
    }
    if (!strcmp(sub, "verify")) {
        t.list = false;
        t.fix = argc > 2 && !strcmp(argv[2], "--fix");
        Tally all = t;
        all.list = true;
        if (walk(dir, true, &all)) return EXIT_ERR;
        printf("%ld entries, %ld bad\n", all.n, all.bad);
        return all.bad && !all.fix ? EXIT_ERR : EXIT_OK;
    }
    if (!strcmp(sub, "clear")) {
        long n = 0;
        rt_cache_walk(dir, false, remove_all, &n);
        printf("removed %ld entries from %s\n", n, dir);
        return EXIT_OK;
    }
    if (!strcmp(sub, "prune")) {
        int64_t max = 0;
        kiln_ctx *ctx = kiln_ctx_new(NULL);
        if (ctx) { kiln_get_tunable(ctx, "cache_max_bytes", &max); kiln_ctx_free(ctx); }
        if (argc > 3 && !strcmp(argv[2], "--max")) {
            char *end;
            max = strtoll(argv[3], &end, 10);
            if (*end || max < 0) { fprintf(stderr, "kiln cache prune: --max wants a byte count\n"); return EXIT_USAGE; }
        }
        long n = rt_cache_prune(dir, (uint64_t)max);
        printf("removed %ld entries (cap %lld bytes)\n", n < 0 ? 0 : n, (long long)max);
        return EXIT_OK;
    }
    if (!strcmp(sub, "export") && argc == 3) return cmd_export(dir, argv[2]);
    if (!strcmp(sub, "import") && argc == 3) return cmd_import(dir, argv[2]);
    fprintf(stderr, "kiln cache: unknown command '%s' (see kiln cache --help)\n", sub);
    return EXIT_USAGE;
}
