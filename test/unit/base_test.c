/* base_test.c — arena, vectors, hashing, the type table, threads started off the caller's CPU, and the host libm's
 * pow that tier 2's squares rely on. */
#include "check.h"
#include "base/base.h"
#include "ir/mathfn.h"
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

/* every tier takes x * x for `x ** 2` where the exact square (hi + lo, lo by a fused multiply-add) is within 0.44
 * of hi's spacing, hi no power of two, |x| in [2^-500, 2^500] (back/llvm/llvm.c power_as_pow, rt/arith.c libm_pow;
 * cubes alike), on the ground that libm's pow is off by less than 0.56 ULP (glibc's: 0.54 at worst). Checked here
 * against this host's pow over random doubles; a libm that broke it would make kiln's squares differ from
 * CPython's. (pow is called through a volatile pointer: the compiler would make pow(x, 2.0) a product.) */
static double (*volatile libm_pow)(double, double) = pow;
static void square_tests(void) {
    uint64_t st = 0x9e3779b97f4a7c15ULL;
    long wrong = 0, fast = 0, differ = 0;
    for (long i = 0; i < 4000000; i++) {
        st ^= st << 13; st ^= st >> 7; st ^= st << 17;
        uint64_t b = (st & 0x000fffffffffffffULL) | ((uint64_t)(923 + (st >> 56) % 200) << 52), hb, e;
        double x, sp;
        memcpy(&x, &b, 8);
        double hi = x * x, lo = fma(x, x, -hi), p = libm_pow(x, 2.0);
        memcpy(&hb, &hi, 8);
        e = (hb & 0x7ff0000000000000ULL) - (52ULL << 52);
        memcpy(&sp, &e, 8);
        differ += p != hi;
        if ((hb & 0x000fffffffffffffULL) && fabs(lo) <= POW_PRODUCT_BAND * sp) { fast++; wrong += p != hi; }
    }
    CHECK(wrong == 0);
    CHECK(fast > 3400000 && differ > 0); /* most take the product; pow does differ from it elsewhere */
}

int main(void) {
    square_tests();
    thread_tests();
    arena_tests();
    hash_tests();
    type_tests();
    return DONE();
}
