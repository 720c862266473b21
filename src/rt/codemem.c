/*
 * codemem.c — W^X code memory: mmap read-write, copy, mprotect read-execute.
 * x86-64 keeps instruction fetch coherent with stores, and the mprotect is a
 * serializing system call, so no cache maintenance is needed here; on other
 * architectures __builtin___clear_cache would go before the flip.
 */
#include "codemem.h"
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int rt_code_install(CodeMem *cm, const void *code, size_t n) {
    size_t page = (size_t)sysconf(_SC_PAGESIZE);
    size_t size = (n + page - 1) / page * page;
    if (!size) size = page;
    void *p = mmap(NULL, size, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
    if (p == MAP_FAILED) return -1;
    memcpy(p, code, n);
    if (mprotect(p, size, PROT_READ | PROT_EXEC) != 0) { munmap(p, size); return -1; }
    cm->p = p;
    cm->size = size;
    return 0;
}

void rt_code_free(CodeMem *cm) {
    if (cm->p) munmap(cm->p, cm->size);
    cm->p = NULL;
    cm->size = 0;
}
