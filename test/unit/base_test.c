/* base_test.c — arena, vectors, hashing and the type table. */
#include "check.h"
#include "base/base.h"
#include "types/type.h"
#include <stdint.h>

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

int main(void) {
    arena_tests();
    hash_tests();
    type_tests();
    return DONE();
}
