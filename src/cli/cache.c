/*
 * cache.c — `kiln cache dir|ls|stats|verify|clear|prune|export|import`: the
 * disk cache from the shell. The directory is the one contexts use
 * ($KILN_CACHE_DIR, else $XDG_CACHE_HOME/kiln, else ~/.cache/kiln).
 * Listing and verifying read any directory that passes the trust checks
 * (jit/cachedir.c); clear and prune delete only kiln's own names, and only in a
 * directory kiln created. Bundles and their signatures: bundle.c.
 */
#include "cli.h"
#include "../jit/cache.h"
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
           "  verify         check every entry (who may write it, header, checksum, key, object); bad ones are listed\n"
           "                 (and removed with --fix)\n"
           "  clear          remove every entry (only kiln's own files, only in a directory kiln created)\n"
           "  prune [--max BYTES]   remove least recently used entries down to BYTES (default: the cache_max_bytes tunable)\n"
           "  export FILE [--sign KEY]         write every valid entry into one bundle file, signed with KEY\n"
           "  import FILE [--require-sig KEY]  check and add the entries of a bundle; with a key (or\n"
           "                 KILN_CACHE_REQUIRE_SIG=KEY) only a bundle signed with it. Importing a bundle runs its code.\n"
           "  keygen KEY     make a new secret key for signing bundles (mode 0600)\n");
}

typedef struct Tally { long n, bad, temp, foreign; uint64_t bytes; bool list, fix, removing; long removed; } Tally;

static void show(const CacheInfo *ci, void *cx) {
    Tally *t = cx;
    if (ci->kind == CNAME_LOCK) return; /* a compile in progress (prune removes stale ones) */
    if (ci->kind == CNAME_TEMP) { t->temp++; return; } /* a store in progress, or one killed: prune removes it after an hour */
    if (ci->kind == CNAME_OTHER && ci->dirfd >= 0) { /* not kiln's: listed, left alone */
        t->foreign++;
        if (t->list) printf("%s/%s: not a kiln name (left alone)\n", ci->sub, ci->name);
        return;
    }
    t->n++;
    t->bytes += ci->bytes;
    if (!ci->ok) t->bad++;
    if (t->list) {
        char when[32];
        strftime(when, sizeof when, "%Y-%m-%d %H:%M:%S", localtime(&ci->mtime));
        if (ci->dirfd < 0) printf("%s  BAD: %s\n", ci->name, ci->why);
        else printf("%.16s  %8llu  %s  %s%s\n", ci->hex, (unsigned long long)ci->bytes, when, ci->ok ? ci->sym : "BAD: ", ci->ok ? "" : ci->why);
    }
    if (!ci->ok && t->fix && ci->dirfd >= 0 && jit_cache_remove(ci) == 0) printf("removed %s/%s\n", ci->sub, ci->name);
}

static int dir_of(char *buf, size_t cap, int *make_parent) {
    int rc = jit_cache_default_dir(buf, cap, make_parent);
    if (rc == -2) fprintf(stderr, "kiln cache: the cache path is longer than %zu bytes\n", cap - 1);
    else if (rc) fprintf(stderr, "kiln cache: no cache directory (set KILN_CACHE_DIR or HOME)\n");
    return rc ? -1 : 0;
    return 0;
}

/* every name; -1 (said) if the directory cannot be trusted or read */
static int walk(const char *dir, bool verify, void (*each)(const CacheInfo *, void *), void *cx) {
    CacheDir d;
    char why[4400];
    int rc = jit_cache_walk(dir, verify, each, cx, &d, why, sizeof why);
    if (rc && errno == ENOENT) rc = 0; /* no cache yet: nothing in it */
    else if (rc) fprintf(stderr, "kiln cache: refusing %s: %s\n", dir, why);
    jit_cdir_close(&d);
    return rc;
}

static void remove_one(const CacheInfo *ci, void *cx) {
    if (ci->kind == CNAME_ENTRY && !jit_cache_remove(ci)) (*(long *)cx)++;
}

/* only in a directory kiln created (its marker), only kiln's entries */
static int cmd_clear(const char *dir) {
    CacheDir d;
    char why[4400];
    long n = 0;
    if (jit_cdir_open(dir, 0, false, &d, why, sizeof why)) {
        if (errno == ENOENT) { printf("removed 0 entries from %s\n", dir); return EXIT_OK; }
        fprintf(stderr, "kiln cache: refusing %s: %s\n", dir, why);
        return EXIT_ERR;
    }
    bool ours = d.ours;
    jit_cdir_close(&d);
    if (!ours) { fprintf(stderr, "kiln cache: refusing to clear %s: %s\n", dir, why); return EXIT_ERR; }
    if (walk(dir, false, remove_one, &n)) return EXIT_ERR;
    printf("removed %ld entries from %s\n", n, dir);
    return EXIT_OK;
}

static const char *opt_value(int argc, char **argv, const char *name) {
    for (int i = 3; i + 1 < argc; i++)
        if (!strcmp(argv[i], name)) return argv[i + 1];
    return NULL;
}

int cmd_cache(int argc, char **argv) {
    if (argc < 2 || !strcmp(argv[1], "--help") || !strcmp(argv[1], "-h")) { help(); return argc < 2 ? EXIT_USAGE : EXIT_OK; }
    const char *sub = argv[1];
    if (!strcmp(sub, "keygen")) {
        if (argc != 3) { fprintf(stderr, "usage: kiln cache keygen KEYFILE\n"); return EXIT_USAGE; }
        return cli_keygen(argv[2]);
    }
    char dir[4096];
    int make_parent;
    if (dir_of(dir, sizeof dir, &make_parent)) return EXIT_ERR;
    Tally t = {0};
    if (!strcmp(sub, "dir")) { printf("%s\n", dir); return EXIT_OK; }
    if (!strcmp(sub, "ls")) { t.list = true; return walk(dir, true, show, &t) ? EXIT_ERR : EXIT_OK; }
    if (!strcmp(sub, "stats")) {
        if (walk(dir, false, show, &t)) return EXIT_ERR;
        uint32_t cpu[16];
        char name[49];
        jit_cache_cpu(cpu, name);
        printf("directory   %s\nentries     %ld\nbytes       %llu\nbuild       kiln %s, build %s, LLVM %s\ncpu         %s\n", dir, t.n,
               (unsigned long long)t.bytes, KILN_VERSION, jit_cache_build_id(), jit_cache_llvm_version(), name);
        return EXIT_OK;
    }
    if (!strcmp(sub, "verify")) {
        t.list = true;
        t.fix = argc > 2 && !strcmp(argv[2], "--fix");
        if (walk(dir, true, show, &t)) return EXIT_ERR;
        printf("%ld entries, %ld bad", t.n, t.bad);
        if (t.temp) printf(", %ld temporary files (a store at work or interrupted; prune removes them after an hour)", t.temp);
        if (t.foreign) printf(", %ld files not kiln's (left alone)", t.foreign);
        printf("\n");
        return t.bad && !t.fix ? EXIT_ERR : EXIT_OK;
    }
    if (!strcmp(sub, "clear")) return cmd_clear(dir);
    if (!strcmp(sub, "prune")) {
        int64_t max = 0;
        kiln_ctx *ctx = kiln_ctx_new(NULL);
        if (ctx) { kiln_get_tunable(ctx, "cache_max_bytes", &max); kiln_ctx_free(ctx); }
        if (argc > 3 && !strcmp(argv[2], "--max")) {
            char *end;
            max = strtoll(argv[3], &end, 10);
            if (*end || max < 0) { fprintf(stderr, "kiln cache prune: --max wants a byte count\n"); return EXIT_USAGE; }
        }
        char why[4400];
        long n = jit_cache_prune(dir, (uint64_t)max, why, sizeof why);
        if (n < 0 && !access(dir, F_OK)) { fprintf(stderr, "kiln cache: refusing to prune %s: %s\n", dir, why); return EXIT_ERR; }
        printf("removed %ld entries (cap %lld bytes)\n", n < 0 ? 0 : n, (long long)max);
        return EXIT_OK;
    }
    if (!strcmp(sub, "export") && (argc == 3 || (argc == 5 && !strcmp(argv[3], "--sign")))) return cli_export(dir, argv[2], opt_value(argc, argv, "--sign"));
    if (!strcmp(sub, "import") && (argc == 3 || (argc == 5 && !strcmp(argv[3], "--require-sig")))) {
        const char *key = opt_value(argc, argv, "--require-sig"), *env = getenv("KILN_CACHE_REQUIRE_SIG");
        return cli_import(dir, make_parent, argv[2], key ? key : env && *env ? env : NULL);
    }
    fprintf(stderr, "kiln cache: unknown command or arguments '%s' (see kiln cache --help)\n", sub);
    return EXIT_USAGE;
}
