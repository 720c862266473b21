/*
 * random.c — the random numbers kernels draw: Python's `random` module and
 * NumPy's legacy `np.random` functions, each the same Mersenne Twister
 * (MT19937) with the same seeding and the same conversions as CPython 3.11
 * and NumPy 2, so a seeded kernel gives CPython's and NumPy's numbers.
 *
 * Each thread has its own two generators (Numba does the same): Python's
 * module-level state is one per process, but a kernel runs on whatever thread
 * calls it, and a lock per number would cost more than the number. A thread's
 * generators start from the operating system's entropy, as CPython's and
 * NumPy's do when never seeded; `random.seed(n)` / `np.random.seed(n)` in a
 * kernel seed the calling thread's.
 */
#include "random.h"
#include <math.h>
#include <stdio.h>
#include <sys/random.h>
#include <time.h>

enum { MT_N = 624, MT_M = 397 };

typedef struct Mt {
    uint32_t key[MT_N];
    int pos;
    bool seeded;
    bool has_gauss;  /* Python: gauss_next is set; NumPy: the second value of the polar method */
    double gauss;
} Mt;

static _Thread_local Mt py_mt, np_mt;

/* init_genrand: Knuth's linear recurrence from one 32-bit seed (NumPy's legacy seeding) */
static void mt_seed32(Mt *m, uint32_t s) {
    for (int i = 0; i < MT_N; i++) {
        m->key[i] = s;
        s = 1812433253u * (s ^ (s >> 30)) + (uint32_t)i + 1;
    }
    m->pos = MT_N;
    m->seeded = true;
    m->has_gauss = false;
    m->gauss = 0;
}

/* init_by_array: CPython's seeding from a key of 32-bit words */
static void mt_seed_array(Mt *m, const uint32_t *key, int n) {
    mt_seed32(m, 19650218u);
    int i = 1, j = 0;
    for (int k = MT_N > n ? MT_N : n; k; k--) {
        m->key[i] = (m->key[i] ^ ((m->key[i - 1] ^ (m->key[i - 1] >> 30)) * 1664525u)) + key[j] + (uint32_t)j;
        i++; j++;
        if (i >= MT_N) { m->key[0] = m->key[MT_N - 1]; i = 1; }
        if (j >= n) j = 0;
    }
    for (int k = MT_N - 1; k; k--) {
        m->key[i] = (m->key[i] ^ ((m->key[i - 1] ^ (m->key[i - 1] >> 30)) * 1566083941u)) - (uint32_t)i;
        i++;
        if (i >= MT_N) { m->key[0] = m->key[MT_N - 1]; i = 1; }
    }
    m->key[0] = 0x80000000u;
}

/* a never-seeded generator: the operating system's entropy (the time when there is none) */
static void mt_seed_os(Mt *m) {
    uint32_t key[MT_N];
    if (getrandom(key, sizeof key, 0) != (ssize_t)sizeof key) {
        struct timespec t;
        clock_gettime(CLOCK_REALTIME, &t);
        for (int i = 0; i < MT_N; i++) key[i] = (uint32_t)(t.tv_nsec ^ (t.tv_sec << 7)) + (uint32_t)i * 2654435761u;
    }
    mt_seed_array(m, key, MT_N);
}

static void mt_twist(Mt *m) {
    static const uint32_t mag[2] = {0, 0x9908b0dfu};
    int k = 0;
    for (; k < MT_N - MT_M; k++) {
        uint32_t y = (m->key[k] & 0x80000000u) | (m->key[k + 1] & 0x7fffffffu);
        m->key[k] = m->key[k + MT_M] ^ (y >> 1) ^ mag[y & 1];
    }
    for (; k < MT_N - 1; k++) {
        uint32_t y = (m->key[k] & 0x80000000u) | (m->key[k + 1] & 0x7fffffffu);
        m->key[k] = m->key[k + (MT_M - MT_N)] ^ (y >> 1) ^ mag[y & 1];
    }
    uint32_t y = (m->key[MT_N - 1] & 0x80000000u) | (m->key[0] & 0x7fffffffu);
    m->key[MT_N - 1] = m->key[MT_M - 1] ^ (y >> 1) ^ mag[y & 1];
    m->pos = 0;
}

static uint32_t mt_next(Mt *m) {
    if (!m->seeded) mt_seed_os(m);
    if (m->pos >= MT_N) mt_twist(m);
    uint32_t y = m->key[m->pos++];
    y ^= y >> 11;
    y ^= (y << 7) & 0x9d2c5680u;
    y ^= (y << 15) & 0xefc60000u;
    return y ^ (y >> 18);
}

/* 53 random bits in [0, 1): both libraries' conversion */
static double mt_double(Mt *m) {
    uint32_t a = mt_next(m) >> 5, b = mt_next(m) >> 6;
    return (a * 67108864.0 + b) * (1.0 / 9007199254740992.0);
}

/* ---- Python's random ---- */

/* random.seed(n) for an int: the words of |n|, least significant first */
void rt_py_seed(int64_t n) {
    uint64_t a = n < 0 ? 0 - (uint64_t)n : (uint64_t)n;
    uint32_t key[2] = {(uint32_t)a, (uint32_t)(a >> 32)};
    mt_seed_array(&py_mt, key, key[1] ? 2 : 1);
    py_mt.has_gauss = false; /* Lib/random.py's seed(): gauss_next = None */
}

double rt_py_random(void) { return mt_double(&py_mt); }

/* getrandbits(k), 0 < k <= 64: 32-bit words, least significant first, the last one's top bits */
uint64_t rt_py_getrandbits(int k) {
    if (k <= 0) return 0;
    if (k <= 32) return mt_next(&py_mt) >> (32 - k);
    uint64_t lo = mt_next(&py_mt);
    return (uint64_t)(mt_next(&py_mt) >> (64 - k)) << 32 | lo;
}

/* _randbelow(n), n > 0: getrandbits(n.bit_length()) until below n */
int64_t rt_py_randbelow(int64_t n) {
    int k = 64 - __builtin_clzll((uint64_t)n);
    uint64_t r;
    do r = rt_py_getrandbits(k); while (r >= (uint64_t)n);
    return (int64_t)r;
}

/* random.gauss's z (the caller computes mu + z * sigma): Box-Muller, the second value kept for the next call */
double rt_py_gauss(void) {
    if (py_mt.has_gauss) { py_mt.has_gauss = false; return py_mt.gauss; }
    double x2pi = rt_py_random() * 6.283185307179586;
    double g2rad = sqrt(-2.0 * log(1.0 - rt_py_random()));
    py_mt.gauss = sin(x2pi) * g2rad;
    py_mt.has_gauss = true;
    return cos(x2pi) * g2rad;
}

/* ---- NumPy's legacy np.random (RandomState) ---- */

void rt_np_seed(uint32_t s) { mt_seed32(&np_mt, s); }

double rt_np_random(void) { return mt_double(&np_mt); }

/* legacy_gauss: the polar method, the second value kept for the next call */
double rt_np_gauss(void) {
    if (np_mt.has_gauss) { np_mt.has_gauss = false; double g = np_mt.gauss; np_mt.gauss = 0; return g; }
    double x1, x2, r2;
    do {
        x1 = 2.0 * mt_double(&np_mt) - 1.0;
        x2 = 2.0 * mt_double(&np_mt) - 1.0;
        r2 = x1 * x1 + x2 * x2;
    } while (r2 >= 1.0 || r2 == 0.0);
    double f = sqrt(-2.0 * log(r2) / r2);
    np_mt.gauss = f * x1;
    np_mt.has_gauss = true;
    return f * x2;
}

/* a value in [0, rng] by RandomState.randint's masked rejection: 32-bit draws while rng fits 32 bits,
 * else 64-bit ones (the high word first) */
uint64_t rt_np_bounded(uint64_t rng) {
    if (rng == 0) return 0;
    uint64_t mask = rng;
    for (int s = 1; s < 64; s <<= 1) mask |= mask >> s;
    if (rng <= 0xffffffffu) {
        if (rng == 0xffffffffu) return mt_next(&np_mt);
        uint32_t v;
        while ((v = mt_next(&np_mt) & (uint32_t)mask) > rng) {}
        return v;
    }
    for (;;) {
        uint64_t hi = mt_next(&np_mt), v = (hi << 32 | mt_next(&np_mt)) & mask;
        if (v <= rng) return v;
    }
}
