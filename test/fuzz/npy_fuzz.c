/*
 * npy_fuzz.c — libFuzzer target for the .npy reader (src/rt/npy.c) on
 * arbitrary bytes: every input is a file (an in-memory one, through
 * /proc/self/fd) that must load or be refused with a message, never crash,
 * over-read or leak. A loaded array is checked against the file's size.
 * Seeds: test/fuzz/corpus/npy.   make fuzz FUZZ_TIME=3600
 */
#include "../../include/kiln.h"
#include <stdio.h>
#include <stdlib.h>
#include <sys/mman.h>
#include <unistd.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size) {
    static int fd = -1;
    static char path[64];
    if (fd < 0) {
        fd = memfd_create("npy_fuzz", 0);
        if (fd < 0) abort();
        snprintf(path, sizeof path, "/proc/self/fd/%d", fd);
    }
    if (ftruncate(fd, 0) != 0 || pwrite(fd, data, size, 0) != (ssize_t)size) abort();
    kiln_array a;
    kiln_error err;
    if (kiln_npy_load(path, &a, &err) == 0) {
        size_t n = kiln_dtype_size(a.dtype);
        for (int k = 0; k < a.ndim; k++) n *= (size_t)a.shape[k];
        if (n > size) abort(); /* more data than the file holds */
        volatile unsigned sum = 0; /* touch every byte: ASan sees an allocation shorter than the shape */
        for (size_t i = 0; i < n; i++) sum ^= ((unsigned char *)a.data)[i];
        (void)sum;
        char buf[256];
        kiln_value v = kiln_arr(&a);
        kiln_value_repr(&v, buf, sizeof buf);
        kiln_array_free_data(&a);
    }
    return 0;
}
