/*
 * random.h — Python's `random` and NumPy's legacy `np.random` streams
 * (random.c): one Mersenne Twister each per thread, seeded and converted as
 * CPython 3.11 and NumPy 2 do.
 */
#ifndef KILN_RANDOM_H
#define KILN_RANDOM_H

#include "../base/base.h"

void rt_py_seed(int64_t n);         /* random.seed(n) */
double rt_py_random(void);          /* random.random() */
uint64_t rt_py_getrandbits(int k);  /* random.getrandbits(k), 0 < k <= 64 */
int64_t rt_py_randbelow(int64_t n); /* random's _randbelow(n), n > 0 */
double rt_py_gauss(void);           /* random.gauss(0, 1) */

void rt_np_seed(uint32_t s);        /* np.random.seed(s) */
double rt_np_random(void);          /* np.random.random() */
double rt_np_gauss(void);           /* np.random.standard_normal() */
uint64_t rt_np_bounded(uint64_t rng); /* np.random.randint's draw in [0, rng] */

#endif
