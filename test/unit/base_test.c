/* base_test.c — arena, vectors, hashing, the type table, threads started off the caller's CPU, and the host libm's
 * pow that tier 2's squares rely on. */
#include "check.h"
#include "base/base.h"
#include "ir/mathfn.h"
#include "rt/arith.h"
#include "types/type.h"
#include <math.h>
#include <sched.h>
#include <stdint.h>
#include <string.h>

static void arena_tests(void) {
    Arena a;
    arena_init(&a);
    char *p = arena_alloc(&a, 10);
    CHECK(p && ((uintptr_t)p & 15) == 0);
    for (int i = 0; i < 10; i++) CHECK(p[i] == 0);
    void *big = arena_alloc(&a, 1 << 20);
    CHECK(big != NULL);
    char *s = arena_strndup(&a, "hello world", 5);
    CHECK_STR(s, "hello");
    VEC(int) v = {0};
    int ok = 1;
    for (int i = 0; i < 10000; i++) ok &= vec_push(&a, v, i);
    for (int i = 0; i < 10000; i++) ok &= v.v[i] == i;
    CHECK(ok && v.n == 10000);
    CHECK(!a.failed);
    arena_free(&a);
    CHECK(a.head == NULL);
}

static void hash_tests(void) {
    CHECK(hash_bytes("abc", 3, 0) == hash_bytes("abc", 3, 0));
    CHECK(hash_bytes("abc", 3, 0) != hash_bytes("abd", 3, 0));
    CHECK(hash_bytes("abc", 3, 0) != hash_bytes("abc", 3, 1));
}

static void type_tests(void) {
    TypeTab tt;
    ty_init(&tt);
    const Type *i64 = ty_scalar(&tt, KILN_INT64, false), *f32 = ty_scalar(&tt, KILN_FLOAT32, false);
    const Type *pyf = ty_scalar(&tt, KILN_FLOAT64, true), *pyi = ty_scalar(&tt, KILN_INT64, true);
    CHECK(ty_promote(&tt, f32, pyf) == f32);                       /* NEP 50: weak float keeps float32 */
    CHECK(ty_promote(&tt, f32, pyi) == f32);
    CHECK(ty_promote(&tt, i64, f32)->dtype == KILN_FLOAT64);
    CHECK(ty_promote(&tt, pyi, pyf) == pyf);
    CHECK(dt_promote(KILN_INT8, KILN_UINT8) == KILN_INT16);
    CHECK(dt_promote(KILN_INT64, KILN_UINT64) == KILN_FLOAT64);
    CHECK(dt_promote(KILN_INT16, KILN_FLOAT32) == KILN_FLOAT32);
    CHECK(dt_promote(KILN_INT32, KILN_FLOAT32) == KILN_FLOAT64);
    CHECK(dt_promote(KILN_COMPLEX64, KILN_FLOAT64) == KILN_COMPLEX128);
    CHECK(dt_promote(KILN_BOOL, KILN_UINT16) == KILN_UINT16);
    const Type *e[2] = {i64, f32};
    CHECK(ty_tuple(&tt, e, 2) == ty_tuple(&tt, e, 2));
    CHECK(ty_join(&tt, ty_array(&tt, KILN_FLOAT64, 2, LAYOUT_C), ty_array(&tt, KILN_FLOAT64, 2, LAYOUT_ANY))->layout == LAYOUT_ANY);
    CHECK(ty_join(&tt, ty_array(&tt, KILN_FLOAT64, 2, LAYOUT_C), ty_array(&tt, KILN_FLOAT32, 2, LAYOUT_C)) == NULL);
    char buf[64];
    ty_str(ty_array(&tt, KILN_INT32, 3, LAYOUT_ANY), buf, sizeof buf);
    CHECK_STR(buf, "array(int32, 3d, A)");
    ty_free(&tt);
}

typedef struct {
    int ran;
    cpu_set_t mask; /* the thread's affinity as it runs */
    int cpu;        /* where it started */
} ThreadSeen;

static void *thread_body(void *p) {
    ThreadSeen *t = p;
    t->cpu = sched_getcpu();
    sched_getaffinity(0, sizeof t->mask, &t->mask);
    t->ran = 1;
    return p;
}

/* the thread runs fn(arg) and returns its value, with the creator's full affinity back; with one CPU
 * allowed it starts there (nowhere else to go) */
static void thread_tests(void) {
    cpu_set_t mine;
    CHECK(sched_getaffinity(0, sizeof mine, &mine) == 0);
    for (int one = 0; one < 2; one++) {
        cpu_set_t use = mine;
        if (one) {
            CPU_ZERO(&use);
            CPU_SET(sched_getcpu(), &use);
            CHECK(sched_setaffinity(0, sizeof use, &use) == 0);
        }
        ThreadSeen t = {0};
        pthread_t th;
        void *back = NULL;
        CHECK(base_thread_start_away(&th, one ? 0 : 256 << 10, thread_body, &t) == 0);
        CHECK(pthread_join(th, &back) == 0);
        CHECK(back == &t && t.ran == 1);
        CHECK(CPU_EQUAL(&t.mask, &use));
        if (one) CHECK(CPU_ISSET(t.cpu, &use));
    }
    CHECK(sched_setaffinity(0, sizeof mine, &mine) == 0);
    pthread_t th;
    CHECK(base_thread_start_away(&th, 1, thread_body, NULL) == -1); /* a stack below PTHREAD_STACK_MIN: refused */
}

/* every tier takes x * x (* x) for `x ** 2` (`** 3`) where rt_pow_by_products says pow must return it (the
 * exact power within a band of the product's spacing, on the ground of glibc's stated error bound for pow:
 * ir/mathfn.h; tier 2 inlines the same test, back/llvm/llvm.c power_test). Checked here against this host's pow
 * over random doubles from 2^-100 to 2^100 and near 1; a libm that broke it would make kiln's powers differ from
 * CPython's. (pow is called through a volatile pointer: the compiler would make pow(x, 2.0) a product.) */
static double (*volatile libm_pow)(double, double) = pow;
static void power_tests(int n, int lo, int span, long count, int min_fast_percent) {
    uint64_t st = 0x9e3779b97f4a7c15ULL;
    long wrong = 0, fast = 0, differ = 0;
    for (long i = 0; i < count; i++) {
        st ^= st << 13; st ^= st >> 7; st ^= st << 17;
        uint64_t b = (st & 0x000fffffffffffffULL) | ((uint64_t)(lo + (int)((st >> 56) % (uint64_t)span)) << 52);
        double x, r, p;
        memcpy(&x, &b, 8);
        p = libm_pow(x, (double)n);
        differ += p != x * x * (n == 3 ? x : 1.0);
        if (rt_pow_by_products(x, n, &r)) { fast++; wrong += memcmp(&p, &r, 8) != 0; }
    }
    CHECK(wrong == 0);
    CHECK(fast >= count * min_fast_percent / 100 && differ > 0); /* most take the product; pow differs elsewhere */
}

int main(void) {
    power_tests(2, 923, 200, 1000000, 90); /* 2^-100 .. 2^99: 2^-64 .. 2^64 in the band of 0.48, the rest 0.44 */
    power_tests(3, 923, 200, 1000000, 90);
    power_tests(2, 1022, 2, 1000000, 95);  /* 0.5 .. 2: 96% take the product */
    power_tests(3, 1022, 2, 1000000, 95);
    power_tests(2, 523, 10, 200000, 86);   /* 2^-500 .. 2^-491: the range's edge, the band of 0.44 (88%) */
    power_tests(3, 693, 10, 200000, 86);   /* 2^-330 .. 2^-321: the cube's parts go subnormal, a 2^-30 ULP matter */
    thread_tests();
    arena_tests();
    hash_tests();
    type_tests();
    return DONE();
}
