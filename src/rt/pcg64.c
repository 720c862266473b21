/*
 * pcg64.c — NumPy's Generator (np.random.default_rng) in kernels: the PCG64
 * bit generator seeded through SeedSequence, and the distributions kernels
 * draw from it, each giving NumPy 2's bits.
 *
 * Written from the algorithms' descriptions (O'Neill's PCG paper and the
 * PCG64 "XSL RR 128/64" output, NumPy's SeedSequence mixing, Lemire's
 * nearly-divisionless bounded integers with NumPy's 32-bit buffering), not
 * copied; test/unit/rng_test.c compares the streams with NumPy's for many
 * seeds; shuffle, permutation and choice without replacement follow NumPy's
 * Fisher-Yates (masked-rejection draws) and Floyd's sampling with its tail-
 * shuffle cutoff. Not here: normal() and the other ziggurat draws. NumPy's ziggurat
 * reads tables of constants that a script made once; the same construction
 * (256 boxes of equal area under exp(-x*x/2) from r = 3.6541528853610088)
 * computed here in double, long double or quad precision lands within an ulp
 * of them but not on them, so the normals would differ in their last bits,
 * and kiln gives NumPy's bits or refuses (lower/generator.c says so).
 *
 * A Generator is one value, the address of an RtRng the call owns; seeding
 * with a value gives NumPy's stream, seeding with None the operating
 * system's entropy (as NumPy).
 */
#include "lib.h"
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/random.h>

typedef unsigned __int128 u128;

static const u128 PCG_MULT = ((u128)0x2360ED051FC65DA4ULL << 64) | 0x4385DF649FCCF645ULL;

/* ---- SeedSequence: the entropy's 32-bit words mixed into a pool of four, then the state words drawn from it ---- */

enum { POOL = 4 };
#define INIT_A 0x43b0d7e5u
#define MULT_A 0x931e8875u
#define INIT_B 0x8b51f9ddu
#define MULT_B 0x58f38dedu
#define MIX_L 0xca01f9ddu
#define MIX_R 0x4973f715u

static uint32_t hashmix(uint32_t v, uint32_t *h) {
    v ^= *h;
    *h *= MULT_A;
    v *= *h;
    return v ^ v >> 16;
}

static uint32_t mix(uint32_t x, uint32_t y) {
    uint32_t r = MIX_L * x - MIX_R * y;
    return r ^ r >> 16;
}

/* state[n] 32-bit words of the sequence seeded with the entropy words */
static void seed_sequence(const uint32_t *entropy, int n, uint32_t *state, int nstate) {
    uint32_t pool[POOL], h = INIT_A;
    for (int i = 0; i < POOL; i++) pool[i] = hashmix(i < n ? entropy[i] : 0, &h);
    for (int s = 0; s < POOL; s++)
        for (int d = 0; d < POOL; d++)
            if (s != d) pool[d] = mix(pool[d], hashmix(pool[s], &h));
    for (int s = POOL; s < n; s++)
        for (int d = 0; d < POOL; d++) pool[d] = mix(pool[d], hashmix(entropy[s], &h));
    uint32_t hb = INIT_B;
    for (int i = 0; i < nstate; i++) {
        uint32_t v = pool[i % POOL] ^ hb;
        hb *= MULT_B;
        v *= hb;
        state[i] = v ^ v >> 16;
    }
}

/* ---- PCG64 ---- */

static void step(RtRng *g) { g->state = g->state * PCG_MULT + g->inc; }

static uint64_t next64(RtRng *g) {
    step(g);
    uint64_t x = (uint64_t)(g->state >> 64) ^ (uint64_t)g->state;
    unsigned rot = (unsigned)(g->state >> 122);
    return x >> rot | x << ((64 - rot) & 63);
}

static double next_double(RtRng *g) { return (double)(next64(g) >> 11) * (1.0 / 9007199254740992.0); }

/* the state words as NumPy's PCG64 takes them: four uint64 (pairs of 32-bit words, low first): seed, then increment */
static void set_seed(RtRng *g, const uint32_t *w) {
    uint64_t v[4];
    for (int i = 0; i < 4; i++) v[i] = (uint64_t)w[2 * i] | (uint64_t)w[2 * i + 1] << 32;
    u128 seed = (u128)v[0] << 64 | v[1], inc = (u128)v[2] << 64 | v[3];
    g->state = 0;
    g->inc = inc << 1 | 1;
    step(g);
    g->state += seed;
    step(g);
}

static RtRng *owned(Run *r, int line, const char *file) {
    RtRng *g = calloc(1, sizeof *g);
    if (!g || !hvec_push(r->rngs, g)) {
        free(g);
        run_nomem(r, "making a Generator", line, file);
        return NULL;
    }
    return g;
}

/* a caller's Generator: its PCG64 state as NumPy's bit_generator.state holds it */
RtRng *rt_rng_of(Run *r, unsigned __int128 state, unsigned __int128 inc, bool has32, uint32_t half) {
    RtRng *g = owned(r, 0, "");
    if (g) { g->state = state; g->inc = inc; g->has32 = has32; g->half = half; }
    return g;
}

/* default_rng(seed): seed's 32-bit words, low first (0: one word); negative: ValueError as NumPy; none: the OS's */
RtRng *rt_rng_new(Run *r, int64_t seed, bool given, int line, const char *file) {
    if (given && seed < 0) {
        run_raise(r, RE_RAISE, line, file);
        r->ename = "ValueError";
        snprintf(r->msg, sizeof r->msg, "expected non-negative integer");
        return NULL;
    }
    RtRng *g = owned(r, line, file);
    if (!g) return NULL;
    uint32_t entropy[4] = {(uint32_t)seed, (uint32_t)((uint64_t)seed >> 32)}, state[8];
    int n = (uint64_t)seed >> 32 ? 2 : 1;
    if (!given) { /* 128 bits from the OS, as NumPy's SeedSequence() */
        for (size_t got = 0; got < sizeof entropy;) {
            ssize_t k = getrandom((char *)entropy + got, sizeof entropy - got, 0);
            if (k <= 0) { entropy[0] ^= (uint32_t)(uintptr_t)g; break; }
            got += (size_t)k;
        }
        n = 4;
    }
    seed_sequence(entropy, n, state, 8);
    set_seed(g, state);
    return g;
}

/* ---- bounded integers: Lemire's method; a 32-bit draw is half a 64-bit one, the other half kept for the next (the
 * Generator's own buffer, as NumPy's PCG64 keeps it: it outlives the call that drew it) ---- */

static uint32_t next32(RtRng *g) {
    if (g->has32) { g->has32 = false; return g->half; }
    uint64_t v = next64(g);
    g->has32 = true;
    g->half = (uint32_t)(v >> 32);
    return (uint32_t)v;
}

static uint64_t bounded(RtRng *g, uint64_t rng) {
    if (!rng) return 0;
    if (rng <= 0xFFFFFFFFu) {
        if (rng == 0xFFFFFFFFu) return next32(g);
        uint32_t excl = (uint32_t)rng + 1;
        uint64_t m = (uint64_t)next32(g) * excl;
        uint32_t left = (uint32_t)m;
        if (left < excl) {
            uint32_t threshold = (UINT32_MAX - (uint32_t)rng) % excl;
            while (left < threshold) { m = (uint64_t)next32(g) * excl; left = (uint32_t)m; }
        }
        return m >> 32;
    }
    if (rng == UINT64_MAX) return next64(g);
    uint64_t excl = rng + 1;
    u128 m = (u128)next64(g) * excl;
    uint64_t left = (uint64_t)m;
    if (left < excl) {
        uint64_t threshold = (UINT64_MAX - rng) % excl;
        while (left < threshold) { m = (u128)next64(g) * excl; left = (uint64_t)m; }
    }
    return (uint64_t)(m >> 64);
}

/* ---- permutations: NumPy's Fisher-Yates and its samples without replacement ---- */

/* the smallest mask of low bits covering max (NumPy's _gen_mask) */
static uint64_t mask_of(uint64_t max) {
    for (int k = 1; k < 64; k *= 2) max |= max >> k;
    return max;
}

/* a draw in [0, max] by masked rejection (NumPy's random_interval, which shuffle uses) */
static uint64_t interval(RtRng *g, uint64_t max) {
    if (!max) return 0;
    uint64_t mask = mask_of(max), v;
    if (max <= 0xFFFFFFFFu) while ((v = next32(g) & mask) > max) {}
    else while ((v = next64(g) & mask) > max) {}
    return v;
}

/* Generator.shuffle: n items of `size` bytes, `stride` apart, from the last down to the second each swapped with one
 * drawn at or before it (the rows of an n-d array move whole) */
static int shuffle(Run *r, RtRng *g, char *data, int64_t n, int64_t stride, int64_t size, int line, const char *file) {
    char small[64], *buf = size <= (int64_t)sizeof small ? small : malloc((size_t)size);
    if (!buf) return run_nomem(r, "shuffling", line, file);
    for (int64_t i = n - 1; i >= 1; i--) {
        int64_t j = (int64_t)interval(g, (uint64_t)i);
        if (j == i) continue;
        memcpy(buf, data + j * stride, (size_t)size);
        memcpy(data + j * stride, data + i * stride, (size_t)size);
        memcpy(data + i * stride, buf, (size_t)size);
    }
    if (buf != small) free(buf);
    return 0;
}

/* NumPy's _shuffle_int: positions n-1 down to `first` of an int64 array, each swapped with one drawn by Lemire's
 * method at or before it */
static void shuffle_ints(RtRng *g, int64_t *v, int64_t n, int64_t first) {
    for (int64_t i = n - 1; i >= first; i--) {
        int64_t j = (int64_t)bounded(g, (uint64_t)i), t = v[j];
        v[j] = v[i];
        v[i] = t;
    }
}

/* Generator.choice(pop, size, replace=False, shuffle=sh): size distinct values of range(pop) into out, as NumPy draws
 * them: a tail shuffle of the whole range where the sample is a large part of a large population, else Floyd's
 * algorithm (its membership test an open-addressing set, as NumPy's) and, with sh, a shuffle of the sample */
static int sample(Run *r, RtRng *g, int64_t pop, int64_t size, bool sh, int64_t *out, int line, const char *file) {
    if (pop > 10000 && size > pop / (sh ? 50 : 20)) {
        int64_t *all = malloc(sizeof *all * (size_t)pop);
        if (!all) return run_nomem(r, "choosing a sample", line, file);
        for (int64_t i = 0; i < pop; i++) all[i] = i;
        shuffle_ints(g, all, pop, pop - size > 1 ? pop - size : 1);
        memcpy(out, all + (pop - size), sizeof *out * (size_t)size);
        free(all);
        return 0;
    }
    uint64_t mask = mask_of((uint64_t)(1.2 * (double)size));
    uint64_t *set = malloc(sizeof *set * (size_t)(mask + 1));
    if (!set) return run_nomem(r, "choosing a sample", line, file);
    memset(set, 0xff, sizeof *set * (size_t)(mask + 1)); /* UINT64_MAX: empty */
    for (int64_t j = pop - size; j < pop; j++) {
        uint64_t v = bounded(g, (uint64_t)j), at = v & mask;
        while (set[at] != UINT64_MAX && set[at] != v) at = (at + 1) & mask;
        if (set[at] == UINT64_MAX) { set[at] = v; out[j - pop + size] = (int64_t)v; continue; }
        for (at = (uint64_t)j & mask; set[at] != UINT64_MAX; at = (at + 1) & mask) {} /* v taken: j instead */
        set[at] = (uint64_t)j;
        out[j - pop + size] = j;
    }
    free(set);
    if (sh) shuffle_ints(g, out, size, 1);
    return 0;
}

int rt_rng_permute(Run *r, RtRng *g, int kind, void *data, int64_t n, int64_t stride, int64_t size, int line, const char *file) {
    if (kind == RNG_SHUFFLE) return shuffle(r, g, data, n, stride, size, line, file);
    if (kind == RNG_PERMUTATION) { /* np.arange(n), then shuffled as an array */
        for (int64_t i = 0; i < n; i++) ((int64_t *)data)[i] = i;
        return shuffle(r, g, data, n, 8, 8, line, file);
    }
    return sample(r, g, stride, n, kind == RNG_SAMPLE_SHUFFLED, data, line, file); /* stride: the population */
}

/* ---- what kernels draw: n values into out (doubles or int64), as NumPy's fills (one buffer for the whole fill) ---- */

int rt_rng_fill(Run *r, RtRng *g, int kind, double a, double b, int64_t lo, uint64_t span, void *out, int64_t n, int line,
                const char *file) {
    (void)r; (void)line; (void)file;
    double *d = out;
    int64_t *k = out;
    for (int64_t i = 0; i < n; i++) {
        switch (kind) {
        case RNG_RANDOM: d[i] = next_double(g); break;
        case RNG_UNIFORM: d[i] = a + b * next_double(g); break;       /* b: high - low */
        default: k[i] = (int64_t)((uint64_t)lo + bounded(g, span)); break; /* RNG_INTEGERS in [lo, lo + span] */
        }
    }
    return 0;
}
