/*
 * firstcall.c — the C API in one page: load a kernel file, call kernels, and
 * time the first call (compile included) against warm calls.
 */
#include <kiln.h>
#include <stdio.h>
#include <time.h>

static double now(void) {
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec + (double)ts.tv_nsec * 1e-9;
}

static void timed(kiln_func *f, kiln_value *args, int n) {
    kiln_value res;
    kiln_error err;
    double t0 = now();
    if (kiln_call(f, args, n, &res, &err) != 0) {
        char buf[1024];
        kiln_error_format(&err, buf, sizeof buf);
        fprintf(stderr, "%s\n", buf);
        return;
    }
    double first = now() - t0;
    double best = 1e9;
    for (int i = 0; i < 5; i++) {
        kiln_value r2;
        t0 = now();
        kiln_call(f, args, n, &r2, &err);
        double t = now() - t0;
        if (t < best) best = t;
        kiln_value_free(&r2);
    }
    char buf[256];
    kiln_value_repr(&res, buf, sizeof buf);
    printf("%-12s = %-24s first call %9.1f us   warm %9.1f us\n", kiln_func_name(f), buf, first * 1e6, best * 1e6);
    kiln_value_free(&res);
}

int main(int argc, char **argv) {
    const char *path = argc > 1 ? argv[1] : "examples/kernels.py";
    kiln_ctx *ctx = kiln_ctx_new(NULL);
    kiln_error err;
    kiln_module *m = kiln_load_file(ctx, path, &err);
    if (!m) {
        char buf[1024];
        kiln_error_format(&err, buf, sizeof buf);
        fprintf(stderr, "%s\n", buf);
        return 1;
    }
    printf("first call (type inference + IR + passes + lowering + run) vs best warm call, tier auto\n"
           "(baseline code at once, LLVM in the background once hot, tier-2 code from the disk cache when it is there):\n");
    kiln_value a[3] = {kiln_int(25)};
    timed(kiln_lookup(m, "fib"), a, 1);
    kiln_value b[3] = {kiln_int(200), kiln_int(200), kiln_int(100)};
    timed(kiln_lookup(m, "mandelbrot"), b, 3);
    timed(kiln_lookup(m, "pi_sum"), NULL, 0);
    double x[4] = {1, 2, 3, 4};
    kiln_array xa = {x, KILN_FLOAT64, 1, {4}, {8}};
    kiln_value c[1] = {kiln_arr(&xa)};
    timed(kiln_lookup(m, "stats"), c, 1);
    kiln_ctx_free(ctx);
    return 0;
}
