/*
 * pool.h — a context's worker threads for parallel loops (pool.c).
 */
#ifndef KILN_POOL_H
#define KILN_POOL_H

#include <stdbool.h>
#include <stdint.h>

typedef struct RtPool RtPool;

/* a task of a parallel region: task t of the region, on worker w (0: the thread that started the region) */
typedef void (*RtTask)(void *arg, int64_t t, int w);

RtPool *rt_pool_new(void);     /* no threads until the first region; NULL on OOM */
void rt_pool_free(RtPool *p);  /* stops and joins its threads */
/* run fn for tasks 0..ntasks-1 on up to `threads` threads (the caller among them): with as many tasks as
 * threads, thread w runs task w; with more, tasks are handed out in increasing order; false (nothing run) when the pool is already running a region (another thread's, or
 * this one's: a parallel loop inside one) or cannot start threads: the caller then runs serially */
bool rt_pool_run(RtPool *p, int threads, int64_t ntasks, RtTask fn, void *arg);
/* the threads a region may use: want (the `threads` tunable), or for 0 the CPUs this process may use */
int rt_pool_threads(RtPool *p, int64_t want);
/* the CPUs this process may use: its affinity mask, lowered by a cgroup v2 CPU quota */
int rt_cpus(void);

#endif
