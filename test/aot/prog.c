#include "kk.h" /* made by kiln aot test/aot/kernels.py ... -o kk (test/cli_test.sh) */
#include <stdio.h>
int main(void) {
    double x[3] = {1, 2, 3}, y[3] = {4, 5, 6}, m[2][3] = {{1, 2, 2}, {0, 4, 0}};
    kiln_aot_array X = {x, {3}, {8}}, Y = {y, {3}, {8}}, M = {m, {2, 3}, {24, 8}}, Xs = {x, {2}, {16}};
    kiln_aot_error e;
    double d; int64_t i; int32_t q;
    if (kk_dot(&X, &Y, &d, &e) == 0) printf("dot %.17g\n", d);
    if (kk_dot(&Xs, &Y, &d, &e) != 0) printf("%s: %s\n", e.ename, e.message);
    if (kk_get(&Xs, -1, &d, &e) == 0) printf("get %.17g\n", d);
    if (kk_get(&X, 5, &d, &e) != 0) printf("%s:%d: %s: %s\n", e.file ? "k.py" : "?", e.line, e.ename, e.message);
    if (kk_fib(20, &i, &e) == 0) printf("fib %lld\n", (long long)i);
    if (kk_fib(5000, &i, &e) != 0) printf("%s: %s\n", e.ename, e.message);
    if (kk_idiv(-7, 2, &i, &e) == 0) printf("idiv %lld\n", (long long)i);
    if (kk_idiv(1, 0, &i, &e) != 0) printf("line %d: %s: %s\n", e.line, e.ename, e.message);
    if (kk_idiv_2(-2147483647 - 1, -1, &q, &e) == 0) printf("idiv32 %d\n", q);
    if (kk_norm(&M, &d, &e) == 0) printf("norm %.17g\n", d);
    kiln_aot_array Neg = {m, {-2, 3}, {24, 8}};
    if (kk_norm(&Neg, &d, &e) != 0) printf("%s: %s\n", e.ename, e.message);
    uint8_t u[3] = {1, 2, 250}, u0;
    kiln_aot_array U = {u, {3}, {1}};
    if (kk_bump(&U, 5, &u0, &e) == 0) printf("bump %d %d %d\n", u0, u[1], u[2]);
    if (kk_bump(&U, 300, &u0, &e) != 0) printf("line %d: %s: %s\n", e.line, e.ename, e.message);
    return 0;
}
