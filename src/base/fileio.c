/*
 * fileio.c — reading a whole file's bytes from an open descriptor, retrying short reads and
 * EINTR: the disk cache's entries and the cache bundles are read this way (their callers decide
 * first whether the file may be read at all, and how large it may be).
 */
#include "base.h"
#include <errno.h>
#include <unistd.h>

size_t base_read_all(int fd, void *buf, size_t n) {
    size_t got = 0;
    while (got < n) {
        ssize_t k = read(fd, (char *)buf + got, n - got);
        if (k < 0 && errno == EINTR) continue;
        if (k <= 0) break;
        got += (size_t)k;
    }
    return got;
}
