/*
 * ctx.c — contexts and modules: options (from the caller and KILN_*
 * environment variables), loading and parsing kernel files, module-level
 * constants and parameter defaults, looking functions up.
 */
#include "cache.h"
#include "gpu.h"
#include "../rt/pool.h"
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

void kiln_options_init(kiln_options *o) {
    memset(o, 0, sizeof *o);
    o->tier = KILN_TIER_AUTO;
    o->boundscheck = 1;
    o->max_recursion = (int)tunables[TUNE_MAX_RECURSION].dflt;
    o->disk_cache = 1;
}

static unsigned parse_log(const char *s) {
    unsigned bits = 0;
    while (s && *s) {
        const char *e = strchr(s, ',');
        size_t n = e ? (size_t)(e - s) : strlen(s);
        if (n == 10 && !strncmp(s, "recompiles", n)) bits |= KILN_LOG_RECOMPILES;
        else if (n == 8 && !strncmp(s, "compiles", n)) bits |= KILN_LOG_COMPILES;
        else if (n == 5 && !strncmp(s, "tiers", n)) bits |= KILN_LOG_TIERS;
        else if (n == 3 && !strncmp(s, "osr", n)) bits |= KILN_LOG_OSR;
        else if (n == 5 && !strncmp(s, "cache", n)) bits |= KILN_LOG_CACHE;
        else if (n == 8 && !strncmp(s, "parallel", n)) bits |= KILN_LOG_PARALLEL;
        else if (n == 3 && !strncmp(s, "all", n)) bits |= ~0u;
        s = e ? e + 1 : NULL;
    }
    return bits;
}

/* KILN_<NAME> for every tunable: KILN_TIER2_CALLS=10; malformed values are ignored */
static void tunables_from_env(kiln_ctx *ctx) {
    for (int i = 0; i < TUNE_COUNT; i++) {
        char name[64] = "KILN_";
        size_t k = 5;
        for (const char *p = tunables[i].name; *p && k + 1 < sizeof name; p++) name[k++] = (char)toupper((unsigned char)*p);
        name[k] = 0;
        const char *v = getenv(name);
        if (!v || !*v) continue;
        char *end;
        errno = 0;
        long long x = strtoll(v, &end, 10);
        if (!*end && !errno && x >= 0) ctx->tune[i] = x;
    }
    const char *nt = getenv("KILN_NUM_THREADS"); /* Numba's NUMBA_NUM_THREADS, in kiln's spelling */
    char *end;
    long long x = nt && *nt ? strtoll(nt, &end, 10) : -1;
    if (x >= 0 && !*end) ctx->tune[TUNE_THREADS] = x;
}

int kiln_set_tunable(kiln_ctx *ctx, const char *name, int64_t value) {
    int i = ctx && name ? tune_find(name) : -1;
    if (i < 0 || value < 0) return -1;
    ctx->tune[i] = value;
    if (i == TUNE_MAX_RECURSION) ctx->opt.max_recursion = (int)(value > INT32_MAX ? INT32_MAX : value);
    return 0;
}

int kiln_get_tunable(const kiln_ctx *ctx, const char *name, int64_t *value) {
    int i = ctx && name ? tune_find(name) : -1;
    if (i < 0) return -1;
    if (value) *value = ctx->tune[i];
    return 0;
}

void kiln_interrupt(kiln_ctx *ctx) {
    if (ctx) atomic_fetch_add_explicit(&ctx->interrupts, 1, memory_order_relaxed);
}

void kiln_set_print(kiln_ctx *ctx, void (*fn)(void *arg, const char *text, size_t n), void *arg) {
    if (!ctx) return;
    ctx->print = fn;
    ctx->print_arg = arg;
}

kiln_ctx *kiln_ctx_new(const kiln_options *o) {
    kiln_ctx *ctx = calloc(1, sizeof *ctx);
    if (!ctx) return NULL;
    if (o) ctx->opt = *o;
    else {
        kiln_options_init(&ctx->opt);
        ctx->opt.log = parse_log(getenv("KILN_LOG"));
    }
    if (o && !o->log) ctx->opt.log = parse_log(getenv("KILN_LOG"));
    for (int i = 0; i < TUNE_COUNT; i++) ctx->tune[i] = tunables[i].dflt;
    if (ctx->opt.max_recursion > 0) ctx->tune[TUNE_MAX_RECURSION] = ctx->opt.max_recursion;
    tunables_from_env(ctx);
    jit_cache_init(ctx);
    ty_init(&ctx->types);
    pthread_mutexattr_t attr;
    pthread_mutexattr_init(&attr);
    pthread_mutexattr_settype(&attr, PTHREAD_MUTEX_RECURSIVE);
    pthread_mutex_init(&ctx->lock, &attr);
    pthread_mutexattr_destroy(&attr);
    pthread_mutex_init(&ctx->llvm_lock, NULL);
    pthread_mutex_init(&ctx->gpu_lock, NULL);
    jit_tier_init(ctx);
    ctx->pool = rt_pool_new();
    if (!ctx->pool) { kiln_ctx_free(ctx); return NULL; }
    return ctx;
}

static void module_free(kiln_module *m) {
    for (int i = 0; i < m->nfuncs; i++) jit_func_free(&m->funcs[i]);
    arena_free(&m->arena);
    free(m);
}

void kiln_ctx_free(kiln_ctx *ctx) {
    if (!ctx) return;
    jit_tier_stop(ctx); /* no background compile may touch a spec being freed */
    rt_pool_free(ctx->pool); /* no call runs now: its threads are idle */
    for (kiln_module *m = ctx->mods, *nx; m; m = nx) { nx = m->next; module_free(m); }
    jit_gpu_free(ctx);
    jit_llvm_unload(ctx); /* after the specs: its JIT owns their tier-2 code */
    ty_free(&ctx->types);
    pthread_mutex_destroy(&ctx->lock);
    pthread_mutex_destroy(&ctx->llvm_lock);
    pthread_mutex_destroy(&ctx->gpu_lock);
    free(ctx);
}

static int setup_module(kiln_module *m, Diag *d) {
    jmp_buf jb;
    d->jb = &jb;
    if (setjmp(jb)) return -1;
    Ast *ast = m->ast;
    m->cnames = arena_alloc(&m->arena, sizeof(char *) * (size_t)(ast->nconsts + 1));
    m->cvals = arena_alloc(&m->arena, sizeof(Lit *) * (size_t)(ast->nconsts + 1));
    m->funcs = arena_alloc(&m->arena, sizeof(kiln_func) * (size_t)(ast->ndefs + 1));
    if (!m->cnames || !m->cvals || !m->funcs) diag_fail(d, 0, 0, "out of memory");
    for (int i = 0; i < ast->nconsts; i++) {
        Node *c = ast->consts[i];
        Lit *l = jit_lit_value(m, c->a, d);
        if (!l) diag_fail(d, c->line, c->col, "out of memory");
        if (l->ty->kind == T_ARRAY && !l->name) l->name = c->name; /* V = W: W's name, the array it is */
        /* a later assignment to the same name replaces the earlier one */
        int k = 0;
        while (k < m->nconsts && strcmp(m->cnames[k], c->name)) k++;
        m->cnames[k] = c->name; m->cvals[k] = l;
        if (k == m->nconsts) m->nconsts++;
    }
    for (int i = 0; i < ast->ndefs; i++) {
        Node *def = ast->defs[i];
        kiln_func *f = &m->funcs[i];
        f->mod = m; f->def = def; f->index = i; f->name = def->name;
        f->defaults = arena_alloc(&m->arena, sizeof(Lit *) * (size_t)(def->nnames + 1));
        if (!f->defaults) diag_fail(d, def->line, def->col, "out of memory");
        for (int k = 0; k < def->nnames; k++)
            if (def->kids2[k]) {
                f->defaults[k] = jit_lit_value(m, def->kids2[k], d);
                if (f->defaults[k] && f->defaults[k]->ty->kind == T_ARRAY)
                    diag_fail(d, def->kids2[k]->line, def->kids2[k]->col, "a default value cannot be an array");
                if (f->defaults[k] && f->defaults[k]->ty->kind == T_LIST) /* Python shares one list among calls */
                    diag_fail(d, def->kids2[k]->line, def->kids2[k]->col, "a default value cannot be a list (Python shares one list between calls: pass it)");
            }
    }
    m->nfuncs = ast->ndefs;
    d->jb = NULL;
    return 0;
}

kiln_module *kiln_load_source(kiln_ctx *ctx, const char *name, const char *src, size_t len, kiln_error *err) {
    kiln_error dummy;
    if (!err) err = &dummy;
    memset(err, 0, sizeof *err);
    if (!ctx || !src) { err_set(err, KILN_ERR_USAGE, "", "kiln_load_source: %s", !ctx ? "no context" : "no source (NULL)"); return NULL; }
    kiln_module *m = calloc(1, sizeof *m);
    if (!m) { err_set(err, KILN_ERR_USAGE, "", "out of memory"); return NULL; }
    arena_init(&m->arena);
    m->ctx = ctx;
    m->src = arena_strndup(&m->arena, src ? src : "", len);
    m->file = arena_strndup(&m->arena, name ? name : "<source>", strlen(name ? name : "<source>"));
    m->len = len;
    if (!m->src || !m->file) { module_free(m); err_set(err, KILN_ERR_USAGE, "", "out of memory"); return NULL; }
    Diag d = {err, m->file, m->src, len, NULL};
    pthread_mutex_lock(&ctx->lock);
    m->ast = ast_parse(&m->arena, m->file, m->src, len, &d);
    int ok = m->ast && setup_module(m, &d) == 0;
    if (ok) { m->next = ctx->mods; ctx->mods = m; }
    pthread_mutex_unlock(&ctx->lock);
    if (!ok) { module_free(m); return NULL; }
    return m;
}

kiln_module *kiln_load_file(kiln_ctx *ctx, const char *path, kiln_error *err) {
    kiln_error dummy;
    if (!err) err = &dummy;
    if (!ctx || !path) { err_set(err, KILN_ERR_USAGE, "", "kiln_load_file: %s", !ctx ? "no context" : "no path"); return NULL; }
    FILE *fp = fopen(path, "rb");
    if (!fp) { err_set(err, KILN_ERR_USAGE, "", "cannot open %s: %s", path, strerror(errno)); return NULL; }
    char *buf = NULL;
    size_t len = 0, cap = 0;
    for (;;) {
        if (len == cap) {
            cap = cap ? cap * 2 : 65536;
            if (cap > ((size_t)1 << 30)) { free(buf); fclose(fp); err_set(err, KILN_ERR_USAGE, "", "%s is too large", path); return NULL; }
            char *nb = realloc(buf, cap);
            if (!nb) { free(buf); fclose(fp); err_set(err, KILN_ERR_USAGE, "", "out of memory reading %s", path); return NULL; }
            buf = nb;
        }
        size_t k = fread(buf + len, 1, cap - len, fp);
        len += k;
        if (k == 0) break;
    }
    bool bad = ferror(fp);
    fclose(fp);
    if (bad) { free(buf); err_set(err, KILN_ERR_USAGE, "", "cannot read %s", path); return NULL; }
    kiln_module *m = kiln_load_source(ctx, path, buf, len, err);
    free(buf);
    return m;
}

kiln_func *kiln_lookup(kiln_module *m, const char *name) {
    if (!m || !name || strchr(name, '$')) return NULL; /* an outlined body (f$prange12_5): not a kernel to call */
    for (int i = 0; i < m->nfuncs; i++)
        if (!strcmp(m->funcs[i].name, name)) return &m->funcs[i];
    return NULL;
}

const char *kiln_func_name(const kiln_func *f) { return f ? f->name : NULL; }
int kiln_func_nparams(const kiln_func *f) { return f ? f->def->nnames : -1; }
const char *kiln_func_param(const kiln_func *f, int i) { return f && i >= 0 && i < f->def->nnames ? f->def->names[i] : NULL; }
int kiln_func_vararg(const kiln_func *f) { return f ? ast_vararg(f->def) : -1; }
int kiln_func_kwonly(const kiln_func *f) { return f ? ast_kwonly(f->def) : -1; }

/* whether n calls a method only lists have on name (or on an item of it: name[i].append) */
static bool uses_as_list(const Node *n, const char *name, int depth) {
    static const char *const methods[] = {"append", "extend", "insert", "pop", "remove", "index", "count", "clear", "reverse"};
    if (!n || depth > 200) return false;
    if (n->kind == N_CALL && n->a && n->a->kind == N_ATTR) {
        const Node *r = n->a->a;
        while (r && r->kind == N_SUBSCR) r = r->a;
        for (size_t k = 0; r && r->kind == N_NAME && !strcmp(r->name, name) && k < NELEM(methods); k++)
            if (!strcmp(n->a->name, methods[k])) return true;
    }
    if (uses_as_list(n->a, name, depth + 1) || uses_as_list(n->b, name, depth + 1) || uses_as_list(n->c, name, depth + 1)) return true;
    for (int i = 0; i < n->nkids; i++) if (uses_as_list(n->kids[i], name, depth + 1)) return true;
    for (int i = 0; i < n->nkids2; i++) if (uses_as_list(n->kids2[i], name, depth + 1)) return true;
    return false;
}

int kiln_func_param_is_list(const kiln_func *f, int i) {
    if (!f || i < 0 || i >= f->def->nnames) return 0;
    return uses_as_list(f->def, f->def->names[i], 0);
}
