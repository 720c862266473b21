/*
 * objdump.c — machine code to text through binutils' objdump, for
 * `kiln explain --asm` and the encoder's test. The code goes to objdump
 * through an anonymous memory file (memfd), so nothing is left in /tmp.
 */
#include "objdump.h"
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

FILE *x64_objdump_open(const void *code, size_t n, int *fd) {
    *fd = memfd_create("kiln-code", MFD_CLOEXEC);
    if (*fd < 0) return NULL;
    if (write(*fd, code, n) != (ssize_t)n) { close(*fd); return NULL; }
    char cmd[128];
    snprintf(cmd, sizeof cmd, "objdump -D -b binary -mi386:x86-64 -M intel /proc/%d/fd/%d 2>&1", (int)getpid(), *fd);
    FILE *p = popen(cmd, "r");
    if (!p) close(*fd);
    return p;
}

int x64_objdump_close(FILE *p, int fd) {
    int rc = pclose(p);
    close(fd);
    return rc;
}
