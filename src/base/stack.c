/*
 * stack.c — the calling thread's stack bounds. Deep recursion is decided by
 * the stack left, not by a count: a kernel's recursion (RecursionError, every
 * tier) and the compiler's own recursion over deeply nested expressions (a
 * compile error) both stop at this floor, so a C program calling kiln from a
 * thread with a small stack gets an error instead of a crash.
 */
#include "base.h"
#include <pthread.h>

uintptr_t base_stack_floor(void) {
    static _Thread_local uintptr_t floor_; /* per thread, found once: pthread_getattr_np reads /proc for the main thread */
    if (floor_) return floor_;
    pthread_attr_t a;
    void *lo = NULL;
    size_t size = 0;
    if (!pthread_getattr_np(pthread_self(), &a)) {
        if (pthread_attr_getstack(&a, &lo, &size)) lo = NULL;
        pthread_attr_destroy(&a);
    }
    if (!lo || !size) return floor_ = 1; /* unknown: the other limits alone decide */
    size_t reserve = size / 4 < ((size_t)256 << 10) ? size / 4 : (size_t)256 << 10;
    return floor_ = (uintptr_t)lo + reserve;
}
