/* gpu_test.c — CUDA kernels through the C API where no GPU is: launches on the CPU device (threads, blocks,
 * shared arrays and syncthreads, atomics, errors), every launch-configuration and misuse error, the "no CUDA
 * driver" path (KILN_CUDA_DRIVER pointing at nothing), PTX for a kernel (and the errors of kernels the GPU cannot
 * run), and the disk cache's GPU entries: stored, found again with their call records, a corrupted one removed.
 * make test-gpu runs the same kernels on a GPU (test/gpu_check.py). */
#include "check.h"
#include "../../include/kiln.h"
#include "../../src/jit/cache.h"
#include "../../src/jit/gpu.h"
#include "../../src/back/llvm/host.h"
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char *SRC =
    "from kiln import cuda\n"
    "import numpy as np\n"
    "def saxpy(a, x, y, out):\n"
    "    i = cuda.grid(1)\n"
    "    if i < x.shape[0]:\n"
    "        out[i] = a * x[i] + y[i]\n"
    "def block_sum(a, out):\n"
    "    buf = cuda.shared.array(64, np.int64)\n"
    "    t = cuda.threadIdx.x\n"
    "    i = cuda.grid(1)\n"
    "    buf[t] = a[i] if i < a.shape[0] else 0\n"
    "    cuda.syncthreads()\n"
    "    s = cuda.blockDim.x // 2\n"
    "    while s > 0:\n"
    "        if t < s:\n"
    "            buf[t] += buf[t + s]\n"
    "        cuda.syncthreads()\n"
    "        s //= 2\n"
    "    if t == 0:\n"
    "        cuda.atomic.add(out, 0, buf[0])\n"
    "def ids(out):\n"
    "    x, y = cuda.grid(2)\n"
    "    if y < out.shape[0] and x < out.shape[1]:\n"
    "        out[y, x] = cuda.blockIdx.y * 1000 + cuda.threadIdx.y * 100 + cuda.blockIdx.x * 10 + cuda.threadIdx.x\n"
    "def oob(a):\n"
    "    a[cuda.grid(1) + 1] = 1.0\n"
    "def returns(a):\n"
    "    return a[0]\n"
    "def recursive(n):\n"
    "    return n if n < 2 else recursive(n - 1)\n"
    "def calls_recursive(a):\n"
    "    a[0] = recursive(5)\n"
    "def with_list(a):\n"
    "    l = [1, 2]\n"
    "    a[0] = l[0]\n";

static kiln_array arr(void *p, kiln_dtype t, int64_t n) {
    kiln_array a = {p, t, 1, {n}, {(int64_t)kiln_dtype_size(t)}};
    return a;
}

static void cpu_launches(kiln_module *m) {
    kiln_error err;
    enum { N = 1000 };
    static double x[N], y[N], out[N];
    for (int i = 0; i < N; i++) { x[i] = i; y[i] = 1; }
    kiln_array xa = arr(x, KILN_FLOAT64, N), ya = arr(y, KILN_FLOAT64, N), oa = arr(out, KILN_FLOAT64, N);
    kiln_value args[4] = {kiln_float(0.5), kiln_arr(&xa), kiln_arr(&ya), kiln_arr(&oa)};
    kiln_launch_cfg cfg = {KILN_DEVICE_CPU, {8}, {128}, 0, NULL};
    CHECK(kiln_launch(kiln_lookup(m, "saxpy"), &cfg, args, 4, &err) == 0);
    bool ok = true;
    for (int i = 0; i < N; i++) ok &= out[i] == 0.5 * i + 1;
    CHECK(ok);

    static int64_t a[N], total[1];
    for (int i = 0; i < N; i++) a[i] = i;
    total[0] = 0; /* static: every tier starts from zero */
    kiln_array aa = arr(a, KILN_INT64, N), ta = arr(total, KILN_INT64, 1);
    kiln_value sargs[2] = {kiln_arr(&aa), kiln_arr(&ta)};
    kiln_launch_cfg scfg = {KILN_DEVICE_CPU, {16}, {64}, 0, NULL};
    CHECK(kiln_launch(kiln_lookup(m, "block_sum"), &scfg, sargs, 2, &err) == 0);
    CHECK(total[0] == (int64_t)N * (N - 1) / 2);

    static int64_t grid[6 * 8];
    kiln_array ga = {grid, KILN_INT64, 2, {6, 8}, {64, 8}};
    kiln_value gargs[1] = {kiln_arr(&ga)};
    kiln_launch_cfg gcfg = {KILN_DEVICE_CPU, {2, 3}, {4, 2}, 0, NULL};
    CHECK(kiln_launch(kiln_lookup(m, "ids"), &gcfg, gargs, 1, &err) == 0);
    CHECK(grid[5 * 8 + 7] == 2 * 1000 + 1 * 100 + 1 * 10 + 3); /* y 5 = block 2, thread 1; x 7 = block 1, thread 3 */

    static double small[4];
    kiln_array sa = arr(small, KILN_FLOAT64, 4);
    kiln_value oargs[1] = {kiln_arr(&sa)};
    kiln_launch_cfg ocfg = {KILN_DEVICE_CPU, {1}, {4}, 0, NULL};
    CHECK(kiln_launch(kiln_lookup(m, "oob"), &ocfg, oargs, 1, &err) == -1);
    CHECK_STR(err.ename, "IndexError");
    CHECK(err.line == 26);
    CHECK(kiln_launch(kiln_lookup(m, "returns"), &ocfg, oargs, 1, &err) == -1);
    CHECK(strstr(err.message, "a CUDA kernel returns None") != NULL);

    /* a kernel called as a function: its registers exist only under a launch */
    kiln_value res;
    CHECK(kiln_call(kiln_lookup(m, "oob"), oargs, 1, &res, &err) == -1);
    CHECK_STR(err.ename, "RuntimeError");
    CHECK(strstr(err.message, "not a kernel launch") != NULL);
}

static void bad_configurations(kiln_module *m) {
    kiln_error err;
    double x[4] = {0};
    kiln_array xa = arr(x, KILN_FLOAT64, 4);
    kiln_value args[1] = {kiln_arr(&xa)};
    kiln_func *f = kiln_lookup(m, "oob");
    kiln_launch_cfg big = {KILN_DEVICE_CPU, {1}, {2048}, 0, NULL};
    CHECK(kiln_launch(f, &big, args, 1, &err) == -1 && strstr(err.message, "at most 1024"));
    kiln_launch_cfg z = {KILN_DEVICE_CPU, {1}, {1, 1, 128}, 0, NULL};
    CHECK(kiln_launch(f, &z, args, 1, &err) == -1 && strstr(err.message, "past CUDA's limits"));
    kiln_launch_cfg dev = {(kiln_device)7, {1}, {1}, 0, NULL};
    CHECK(kiln_launch(f, &dev, args, 1, &err) == -1 && strstr(err.message, "unknown device"));
    CHECK(kiln_launch(NULL, &big, args, 1, &err) == -1 && err.kind == KILN_ERR_USAGE);
    CHECK(kiln_launch(f, NULL, args, 1, &err) == -1 && strstr(err.message, "no launch configuration"));
    CHECK(kiln_launch(f, &big, NULL, 1, &err) == -1);
}

static void no_driver(kiln_module *m, kiln_ctx *ctx) {
    kiln_error err;
    void *p = NULL;
    CHECK(kiln_cuda_malloc(ctx, 64, &p, &err) == -1);
    CHECK(strstr(err.message, "no CUDA driver") != NULL && strstr(err.message, "/nonexistent/libcuda.so") != NULL);
    char info[128];
    CHECK(kiln_cuda_info(ctx, info, sizeof info, &err) == -1 && strstr(err.message, "no CUDA driver"));
    CHECK(kiln_cuda_copy(ctx, info, info, 4, KILN_COPY_H2D, &err) == -1);
    CHECK(kiln_cuda_free(ctx, NULL, &err) == -1);
    CHECK(kiln_cuda_malloc(NULL, 64, &p, &err) == -1 && strstr(err.message, "no context"));
    double x[4] = {0};
    kiln_array xa = arr(x, KILN_FLOAT64, 4);
    kiln_value args[1] = {kiln_arr(&xa)};
    kiln_launch_cfg cfg = {KILN_DEVICE_CUDA, {1}, {4}, 0, NULL};
    CHECK(kiln_launch(kiln_lookup(m, "oob"), &cfg, args, 1, &err) == -1 && strstr(err.message, "no CUDA driver"));
}

static void ptx(kiln_module *m) {
    kiln_error err;
    float x[4] = {0};
    kiln_array xa = arr(x, KILN_FLOAT32, 4);
    kiln_value args[4] = {kiln_float(2), kiln_arr(&xa), kiln_arr(&xa), kiln_arr(&xa)};
    char *text = NULL;
    CHECK(kiln_cuda_ptx(kiln_lookup(m, "saxpy"), args, 4, "sm_90", &text, &err) == 0);
    CHECK(text && strstr(text, ".visible .entry kiln_saxpy(") && strstr(text, ".target sm_90") && !strstr(text, "fma."));
    free(text);
    CHECK(kiln_cuda_ptx(kiln_lookup(m, "saxpy"), args, 4, "compute_90x", &text, &err) == -1 && strstr(err.message, "not a GPU architecture"));
    kiln_value one[1] = {kiln_arr(&xa)};
    CHECK(kiln_cuda_ptx(kiln_lookup(m, "calls_recursive"), one, 1, NULL, &text, &err) == -1);
    CHECK(strstr(err.message, "calls_recursive cannot run on the GPU") && strstr(err.message, "recursive") && strstr(err.message, "CUDA kernel"));
    CHECK(kiln_cuda_ptx(kiln_lookup(m, "with_list"), one, 1, NULL, &text, &err) == -1);
    CHECK(strstr(err.message, "is not supported in a CUDA kernel") != NULL);
}

/* GPU entries of the disk cache: a fake binary with a kernel's real call records, through the same trust rules */
static void cache_entries(const char *dir) {
    unsetenv("KILN_CACHE"); /* make test turns the cache off for the suites that count compiles */
    kiln_options o;
    kiln_options_init(&o);
    o.cache_dir = dir;
    kiln_ctx *ctx = kiln_ctx_new(&o);
    kiln_error err;
    kiln_module *m = kiln_load_source(ctx, "gpu.py", SRC, strlen(SRC), &err);
    CHECK(m != NULL);
    if (!m) { kiln_ctx_free(ctx); return; }
    double x[4] = {0};
    kiln_array xa = arr(x, KILN_FLOAT64, 4);
    kiln_value args[1] = {kiln_arr(&xa)};
    kiln_func *f = kiln_lookup(m, "oob");
    Spec *s = jit_find_spec(f, args, 1, &err);
    CHECK(s != NULL);
    pthread_mutex_lock(&ctx->llvm_lock);
    const Backend *be = jit_llvm_backend(ctx, &err);
    char *text = NULL;
    XCall **pool = NULL;
    int npool = 0;
    BackEnv env;
    jit_back_env(ctx, s, &env);
    env.state = ctx->llvm_state;
    int rc = be ? ((const LlvmTier *)ctx->llvm_tier)->compile_ptx(&env, &s->u, "sm_80", NULL, &text, &pool, &npool, &err) : -1;
    pthread_mutex_unlock(&ctx->llvm_lock);
    CHECK(rc == 0 && npool >= 1);
    if (rc) { kiln_ctx_free(ctx); return; }
    XCall *tab = malloc(sizeof(XCall) * (size_t)npool);
    for (int i = 0; i < npool; i++) tab[i] = *pool[i];
    const uint8_t bin[] = "a GPU binary, as far as the cache can tell";
    jit_cache_store_gpu(ctx, s, "sm_80 driver 13000", bin, sizeof bin, "kiln_oob", tab, npool);
    uint8_t *got = NULL;
    size_t n = 0;
    XCall *back = NULL;
    int nback = 0;
    CHECK(jit_cache_fetch_gpu(ctx, s, "sm_80 driver 13000", &got, &n, &back, &nback) == 0);
    CHECK(n == sizeof bin && got && !memcmp(got, bin, n) && nback == npool);
    bool same = nback == npool;
    for (int i = 0; same && i < npool; i++)
        same = back[i].line == tab[i].line && back[i].gpu_h == tab[i].gpu_h && back[i].d == tab[i].d && back[i].ref == tab[i].ref;
    CHECK(same);
    free(got);
    /* another GPU or driver: another key, a miss */
    CHECK(jit_cache_fetch_gpu(ctx, s, "sm_90 driver 13000", &got, &n, &back, &nback) == -1);
    /* a flipped byte: the checksum fails, the entry is removed, a miss */
    uint8_t key[CACHE_KEY_BYTES];
    char hex[2 * CACHE_KEY_BYTES + 1], path[4096];
    CHECK(jit_cache_key_gpu(ctx, s, "sm_80 driver 13000", key) == 0);
    jit_cache_hex(key, hex);
    snprintf(path, sizeof path, "%s/%.2s/%s", dir, hex, hex);
    FILE *fp = fopen(path, "r+b");
    CHECK(fp != NULL);
    if (fp) {
        fseek(fp, -3, SEEK_END);
        fputc('!', fp);
        fclose(fp);
    }
    CHECK(jit_cache_fetch_gpu(ctx, s, "sm_80 driver 13000", &got, &n, &back, &nback) == -1);
    struct stat st;
    CHECK(stat(path, &st) != 0);
    free(tab);
    free(pool);
    free(text);
    kiln_ctx_free(ctx);
}

int main(int argc, char **argv) {
    (void)argc;
    check_llvm_next_to(argv[0]);
    setenv("KILN_CUDA_DRIVER", "/nonexistent/libcuda.so", 1);
    kiln_options o;
    kiln_options_init(&o);
    o.disk_cache = 0;
    for (int tier = 0; tier < 4; tier++) {
        o.tier = (kiln_tier)tier;
        kiln_ctx *ctx = kiln_ctx_new(&o);
        kiln_error err;
        kiln_module *m = kiln_load_source(ctx, "gpu.py", SRC, strlen(SRC), &err);
        CHECK(m != NULL);
        if (!m) { printf("%s\n", err.message); kiln_ctx_free(ctx); continue; }
        cpu_launches(m);
        bad_configurations(m);
        if (tier == 0) { no_driver(m, ctx); ptx(m); }
        kiln_ctx_free(ctx);
    }
    char dir[] = "/tmp/kiln-gpu-test-XXXXXX";
    if (mkdtemp(dir)) {
        cache_entries(dir);
        char cmd[256];
        snprintf(cmd, sizeof cmd, "rm -rf '%s'", dir);
        CHECK(system(cmd) == 0);
    }
    printf("%d passed, %d failed\n", check_passed, check_failed);
    return check_failed != 0;
}
