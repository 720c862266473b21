/*
 * launch.c — `kiln run --device cpu|cuda --grid B,T FILE KERNEL ARGS`: a CUDA
 * kernel launched once over B blocks of T threads (each "N", "NxM" or
 * "NxMxK"). On cuda the array arguments are copied to the GPU, the kernel
 * runs there and the arrays come back; on cpu the kernel's threads run in
 * turn on this process's memory. The arrays are printed after the launch as
 * `name = [...]` lines (a kernel returns None and writes its results into
 * them); --out-arg N=PATH.npy writes one instead.
 */
#include "cli.h"
#include <stdlib.h>
#include <string.h>

/* "N", "NxM" or "NxMxK" into d[3]; false when it is not that */
static bool dims3(const char *s, size_t len, unsigned d[3]) {
    d[0] = d[1] = d[2] = 1;
    int k = 0;
    const char *p = s, *end = s + len;
    while (p < end && k < 3) {
        char *q;
        if (*p < '0' || *p > '9') return false;
        unsigned long v = strtoul(p, &q, 10);
        if (q == p || q > end || v == 0 || v > 2147483647ul) return false;
        d[k++] = (unsigned)v;
        p = q;
        if (p < end && (*p != 'x' || p + 1 == end)) return false; /* "4x": a dimension is missing */
        if (p < end) p++;
    }
    return p == end && k >= 1;
}

int cli_launch_config(const CliArgs *a, kiln_launch_cfg *cfg) {
    memset(cfg, 0, sizeof *cfg);
    const char *dev = a->device ? a->device : "cpu";
    if (!strcmp(dev, "cpu")) cfg->device = KILN_DEVICE_CPU;
    else if (!strcmp(dev, "cuda")) cfg->device = KILN_DEVICE_CUDA;
    else { fprintf(stderr, "error: --device %s: the devices are cpu and cuda\n", dev); return -1; }
    const char *comma = a->grid ? strchr(a->grid, ',') : NULL;
    if (!a->grid) { fprintf(stderr, "error: --device %s launches a CUDA kernel: give --grid BLOCKS,THREADS (e.g. --grid 4096,256)\n", dev); return -1; }
    const char *third = comma ? strchr(comma + 1, ',') : NULL; /* BLOCKS,THREADS,SHARED_BYTES */
    size_t tlen = third ? (size_t)(third - comma - 1) : (comma ? strlen(comma + 1) : 0);
    char *end = NULL;
    unsigned long shared = third ? strtoul(third + 1, &end, 10) : 0;
    if (!comma || !dims3(a->grid, (size_t)(comma - a->grid), cfg->grid) || !dims3(comma + 1, tlen, cfg->block) ||
        (third && (!third[1] || *end || third[1] == '-' || shared > (1ul << 30)))) {
        fprintf(stderr, "error: --grid %s: expected BLOCKS,THREADS[,SHARED_BYTES], BLOCKS and THREADS each N, NxM or NxMxK of positive "
                "ints (e.g. 4096,256 or 64x64,16x16 or 32,128,512)\n", a->grid);
        return -1;
    }
    cfg->shared_bytes = (unsigned)shared;
    if (a->out) { fprintf(stderr, "error: a launch has no result for --out: --out-arg N=PATH.npy writes argument N\n"); return -1; }
    return 0;
}

static size_t array_bytes(const kiln_array *x) {
    size_t n = kiln_dtype_size(x->dtype);
    for (int k = 0; k < x->ndim; k++) n *= (size_t)x->shape[k];
    return n;
}

/* the arguments on the GPU: arrays copied into device memory (made C-contiguous by the reader), dev[i] their
 * descriptors; 0 or -1 with the error printed */
static int to_device(kiln_ctx *ctx, const kiln_value *args, int nargs, kiln_value *dv, kiln_array *darr, void **mem) {
    kiln_error err;
    for (int i = 0; i < nargs; i++) {
        dv[i] = args[i];
        mem[i] = NULL;
        if (args[i].kind != KILN_ARRAY) continue;
        if (!kiln_array_is_c_contiguous(args[i].v.arr)) { fprintf(stderr, "error: argument %d: only C-contiguous arrays go to the GPU here\n", i + 1); return -1; }
        size_t n = array_bytes(args[i].v.arr);
        if (kiln_cuda_malloc(ctx, n, &mem[i], &err) || kiln_cuda_copy(ctx, mem[i], args[i].v.arr->data, n, KILN_COPY_H2D, &err)) {
            cli_print_error(&err);
            return -1;
        }
        darr[i] = *args[i].v.arr;
        darr[i].data = mem[i];
        dv[i].v.arr = &darr[i];
    }
    return 0;
}

static int from_device(kiln_ctx *ctx, const kiln_value *args, int nargs, void **mem) {
    kiln_error err;
    for (int i = 0; i < nargs; i++)
        if (mem[i] && kiln_cuda_copy(ctx, args[i].v.arr->data, mem[i], array_bytes(args[i].v.arr), KILN_COPY_D2H, &err)) {
            cli_print_error(&err);
            return -1;
        }
    return 0;
}

int cli_launch(kiln_ctx *ctx, kiln_func *fn, const kiln_launch_cfg *cfg, kiln_value *args, int nargs) {
    kiln_error err;
    kiln_value *dv = calloc((size_t)nargs + 1, sizeof *dv);
    kiln_array *darr = calloc((size_t)nargs + 1, sizeof *darr);
    void **mem = calloc((size_t)nargs + 1, sizeof *mem);
    int rc = -1;
    if (!dv || !darr || !mem) fprintf(stderr, "error: out of memory\n");
    else if (cfg->device == KILN_DEVICE_CPU) {
        if (kiln_launch(fn, cfg, args, nargs, &err)) cli_print_error(&err);
        else rc = 0;
    } else if (!to_device(ctx, args, nargs, dv, darr, mem)) {
        if (kiln_launch(fn, cfg, dv, nargs, &err)) cli_print_error(&err);
        else rc = from_device(ctx, args, nargs, mem);
    }
    for (int i = 0; mem && i < nargs; i++) if (mem[i]) kiln_cuda_free(ctx, mem[i], &err);
    for (int i = 0; !rc && i < nargs; i++) {
        if (args[i].kind != KILN_ARRAY) continue;
        printf("%s = ", kiln_func_param(fn, i));
        kiln_value_print(&args[i], stdout);
        putchar('\n');
    }
    free(dv); free(darr); free(mem);
    return rc;
}
