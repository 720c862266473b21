/*
 * explain.c — `kiln explain`: for one signature, the specialization key, the
 * inferred type of every local, the IR as built and after each pass, and the
 * executing tier's code. The spec used for running is compiled and cached as
 * usual; the IR is rebuilt on a scratch spec so that every stage can be shown.
 */
#include "jit.h"
#include "../rt/pool.h"
#include "../opt/opt.h"
#include "../back/back.h"
#include <stdio.h>
#include <stdlib.h>

int kiln_explain(kiln_func *fn, const kiln_value *args, int nargs, FILE *out, const char *what, kiln_error *err) {
    kiln_error dummy;
    if (!err) err = &dummy;
    if (!fn || !out || (!args && nargs) || nargs < 0) {
        err_set(err, KILN_ERR_USAGE, "", "kiln_explain: %s", !fn ? "no function (NULL)" : !out ? "no output (NULL)" : "bad arguments");
        return -1;
    }
    bool asm_only = what && !strcmp(what, "asm");
    const char *pass = what && !strncmp(what, "after:", 6) ? what + 6 : NULL;
    return jit_explain(fn, args, nargs, out, pass, asm_only || fn->mod->ctx->opt.keep_llvm_ir, err);
}

int jit_explain(kiln_func *fn, const kiln_value *given, int ngiven, FILE *out, const char *pass, bool asm_only, kiln_error *err) {
    kiln_value args[KILN_MAX_PARAMS], pool[KILN_MAX_POOL], res;
    int nargs = jit_bind_defaults(fn, given, ngiven, args, pool, err);
    if (nargs < 0) return -1;
    /* compile (and run once); a runtime error still leaves a compiled spec to show */
    if (kiln_call(fn, args, nargs, &res, err) == 0) kiln_value_free(&res);
    else if (err->kind != KILN_ERR_RUNTIME) return -1;
    kiln_ctx *ctx = fn->mod->ctx;
    pthread_mutex_lock(&ctx->lock);
    const Type *types[KILN_MAX_PARAMS];
    for (int i = 0; i < nargs; i++) types[i] = jit_type_of_value(ctx, &args[i]);
    /* the published one: for a function with static values or shapes, the one the call took */
    Spec *s = jit_fixing(fn) ? atomic_load(&fn->last) : jit_spec_get(ctx, fn, types, nargs, err);
    Spec *t = calloc(1, sizeof *t);
    int rc = -1;
    if (!s || !t) goto done;
    *t = *s;
    arena_init(&t->u.arena);
    t->u.ir = NULL; t->u.code = NULL; t->u.nvars = 0; t->u.ret = NULL;
    t->next_created = NULL;
    fprintf(out, "signature of %s:", fn->name);
    for (int i = 0; i < nargs; i++) {
        char b[256];
        ty_str(types[i], b, sizeof b);
        fprintf(out, "%s %s: %s", i ? "," : "", fn->def->names[i], b);
    }
    fprintf(out, "\nkey: %016llx [", (unsigned long long)s->hash);
    for (uint32_t i = 0; i < s->ncodes; i++) fprintf(out, "%s%08x", i ? " " : "", s->codes[i]);
    fprintf(out, "]\n");
    for (int i = 0; i < nargs && s->fixed; i++) {
        char v[256];
        jit_fix_param_text(s, i, v, sizeof v);
        if (v[0]) fprintf(out, "static %s: %s\n", fn->def->names[i], v);
    }
    if (jit_fixing(fn) && !s->fixed && atomic_load(&fn->nfix_specs) >= (uint64_t)ctx->tune[TUNE_SPEC_LIMIT]) fprintf(out, "static: past spec_limit, the generic specialization (values as ordinary arguments)\n");
    char spec[1024];
    jit_speculate_text(s, spec, sizeof spec);
    if (spec[0]) fprintf(out, "speculation: %s\n", spec);
    fprintf(out, "\nlocals:\n");
    for (int i = 0; i < s->u.nvars; i++) {
        char b[256];
        ty_str(s->u.var_types[i], b, sizeof b);
        fprintf(out, "  %-16s %s\n", s->u.var_names[i], b);
    }
    char b[256];
    ty_str(s->u.ret, b, sizeof b);
    fprintf(out, "  %-16s %s\n", "(return)", b);
    if (jit_lower(ctx, t, err)) goto done;
    /* its calls of itself: of this copy, as a compile's are of the unit it builds (opt/recurse.c tells them so) */
    for (uint32_t i = 0; i < t->u.ir->callees.n; i++) if (t->u.ir->callees.v[i] == &s->u) t->u.ir->callees.v[i] = &t->u;
    for (int par = 0; par < 2; par++) { /* fusion's notes, then the parallel loops' ("prange: ...") */
        bool head = false;
        for (uint32_t i = 0; i < t->u.ir->notes.n; i++) {
            const char *note = t->u.ir->notes.v[i];
            if ((strncmp(note, "prange: ", 8) == 0) != par) continue;
            if (!head) fprintf(out, par ? "\nparallel loops (threads: %lld; results do not depend on it):\n" : "\narray expressions:\n",
                               (long long)rt_pool_threads(ctx->pool, ctx->tune[TUNE_THREADS]));
            head = true;
            fprintf(out, "  %s\n", par ? note + 8 : note);
        }
    }
    if (!pass && !asm_only) { fprintf(out, "\n--- typed IR as built ---\n"); ir_print(t->u.ir, out); }
    char msg[256];
    if (!opt_run(t->u.ir, asm_only ? NULL : out, pass, msg, sizeof msg)) { err_set(err, KILN_ERR_COMPILE, "", "%s", msg); goto done; }
    /* the passes' notes, by the prefix each gives them */
    static const struct { const char *prefix, *head; } pass_notes[] = {
        {"inline: ", "calls inlined (opt/inline.c)"},
        {"recurse: ", "calls of itself replaced by its body (opt/recurse.c)"},
        {"free: ", "arrays let go at the end of each iteration (opt/arrfree.c)"},
        {"local: ", "arrays kept in tier 2's frame where their shape is a constant of at most 1 KiB (opt/arrfree.c)"},
    };
    for (size_t k = 0; !asm_only && k < sizeof pass_notes / sizeof pass_notes[0]; k++) {
        size_t len = strlen(pass_notes[k].prefix);
        bool head = false;
        for (uint32_t i = 0; i < t->u.ir->notes.n; i++)
            if (!strncmp(t->u.ir->notes.v[i], pass_notes[k].prefix, len)) {
                if (!head) fprintf(out, "\n%s:\n", pass_notes[k].head);
                head = true;
                fprintf(out, "  %s\n", t->u.ir->notes.v[i] + len);
            }
    }
    if (!pass && !asm_only) { fprintf(out, "\n--- interpreter code ---\n"); back_interp.dump(&s->u, out); }
    if (!pass && ctx->opt.tier == KILN_TIER_OPT) {
        pthread_mutex_lock(&ctx->llvm_lock);
        const Backend *be = jit_llvm_backend(ctx, err);
        if (be) be->dump(&s->u, out);
        pthread_mutex_unlock(&ctx->llvm_lock);
    } else if (!pass && (asm_only || ctx->opt.tier != KILN_TIER_INTERP)) { fprintf(out, "\n--- baseline (x86-64) code ---\n"); back_x64.dump(&s->u, out); }
    rc = 0;
done:
    if (t) { arena_free(&t->u.arena); free(t); }
    pthread_mutex_unlock(&ctx->lock);
    return rc;
}
