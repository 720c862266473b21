/*
 * thread.c — starting a background thread away from its creator's CPU.
 *
 * Linux places a new thread on the CPU of the thread that creates it, and moves it to an idle CPU
 * only when the load balancer next runs, at a scheduler tick (4 ms at 250 Hz). Until then the two
 * share one CPU: a caller that queues tier 2's first compile stopped for one tick in most runs on
 * a 2-CPU machine (measured with a probe: a thread that dlopens the LLVM tier stopped a loop that
 * only reads the clock for 4.0 ms in 13 of 25 runs; started on the other CPU, in 0 of 25 (one stop
 * of 1 ms)). So the thread is created with the creator's CPU left out of its affinity and puts its
 * full mask back first thing: the kernel then starts it elsewhere, and later wakeups are free to
 * place it as usual. With one CPU allowed, or off Linux, a plain pthread_create.
 */
#include "base.h"
#include <sched.h>
#include <stdlib.h>

typedef struct {
    void *(*fn)(void *);
    void *arg;
#ifdef __linux__
    cpu_set_t mask; /* the creator's affinity, given back to the thread */
#endif
} Start;

static void *trampoline(void *p) {
    Start s = *(Start *)p;
    free(p);
#ifdef __linux__
    sched_setaffinity(0, sizeof s.mask, &s.mask); /* failure: the thread keeps the narrower mask, which works */
#endif
    return s.fn(s.arg);
}

int base_thread_start_away(pthread_t *th, size_t stack, void *(*fn)(void *), void *arg) {
    pthread_attr_t at;
    if (pthread_attr_init(&at)) return -1;
    Start *s = malloc(sizeof *s);
    if (!s || (stack && pthread_attr_setstacksize(&at, stack))) { free(s); pthread_attr_destroy(&at); return -1; }
    s->fn = fn;
    s->arg = arg;
    void *(*start)(void *) = fn;
    void *sarg = arg;
#ifdef __linux__
    int cpu = sched_getcpu();
    if (cpu >= 0 && cpu < CPU_SETSIZE && !sched_getaffinity(0, sizeof s->mask, &s->mask) && CPU_COUNT(&s->mask) > 1 &&
        CPU_ISSET(cpu, &s->mask)) {
        cpu_set_t away = s->mask;
        CPU_CLR(cpu, &away);
        if (!pthread_attr_setaffinity_np(&at, sizeof away, &away)) { start = trampoline; sarg = s; }
    }
#endif
    int rc = pthread_create(th, &at, start, sarg);
    pthread_attr_destroy(&at);
    if (rc || start != trampoline) free(s);
    return rc ? -1 : 0;
}
