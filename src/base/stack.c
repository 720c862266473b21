/*
 * stack.c — the calling thread's stack bounds. Deep recursion is decided by
 * the stack left, not by a count: a kernel's recursion (RecursionError, every
 * tier) and the compiler's own recursion over deeply nested expressions (a
 * compile error) both stop at this floor, so a C program calling kiln from a
 * thread with a small stack gets an error instead of a crash.
 */
#include "base.h"
#include <pthread.h>
#include <sys/resource.h>
#include <unistd.h>

extern void *__libc_stack_end; /* glibc: the stack pointer at process start, just below argv and the environment */

/* the main thread's stack from its rlimit: pthread_getattr_np finds it by reading /proc/self/maps,
 * 70-160 us in a process with NumPy loaded (it was most of the Python package's first call). The top
 * is taken a little low (argv and the environment lie above __libc_stack_end), so the floor errs
 * toward more room than there is by their size: the reserve covers it. */
static bool main_stack(void **lo, size_t *size) {
    struct rlimit rl;
    if (getpid() != gettid() || getrlimit(RLIMIT_STACK, &rl)) return false;
    size_t n = rl.rlim_cur == RLIM_INFINITY || rl.rlim_cur > ((rlim_t)1 << 32) ? (size_t)8 << 20 : (size_t)rl.rlim_cur;
    uintptr_t top = ((uintptr_t)__libc_stack_end + 4095) & ~(uintptr_t)4095;
    if (top < n) return false;
    *lo = (void *)(top - n);
    *size = n;
    return true;
}

uintptr_t base_stack_floor(void) {
    static _Thread_local uintptr_t floor_; /* per thread, found once */
    if (floor_) return floor_;
    pthread_attr_t a;
    void *lo = NULL;
    size_t size = 0;
    if (main_stack(&lo, &size)) {
    } else if (!pthread_getattr_np(pthread_self(), &a)) {
        if (pthread_attr_getstack(&a, &lo, &size)) lo = NULL;
        pthread_attr_destroy(&a);
    }
    if (!lo || !size) return floor_ = 1; /* unknown: the other limits alone decide */
    size_t reserve = size / 4 < ((size_t)256 << 10) ? size / 4 : (size_t)256 << 10;
    return floor_ = (uintptr_t)lo + reserve;
}
