# The time module's clocks in kernels (lower/clock.c, rt/clock.c): read where they are called, never folded or merged;
# Python floats of seconds and ints of nanoseconds, as CPython returns them. The values are the machine's, so only
# what CPython guarantees is compared: types, order, and the clocks agreeing with each other.
import time
from time import perf_counter

# run: elapsed(200000)
# expect: (True, True, True, True, True, True, True, True, True, True)
def elapsed(n):
    t0 = perf_counter()
    n0 = time.perf_counter_ns()
    s = 0.0
    for i in range(n):
        s += i * 0.5
    t1 = perf_counter()
    n1 = time.perf_counter_ns()
    m0 = time.monotonic()
    m1 = time.monotonic()
    w = time.time()
    p = time.process_time()
    return (t1 >= t0, n1 >= n0, m1 >= m0, w > 1.7e9, p >= 0.0, str(t0 * 0) == "0.0", str(n0 * 0) == "0",
            abs((n1 - n0) * 1e-9 - (t1 - t0)) < 0.5, time.time_ns() > 1700000000 * 10 ** 9, s > 0)

# run: loop_clock(5)
# expect: (True, 5)
def loop_clock(n):
    stamps = []
    for i in range(n):
        stamps.append(time.monotonic_ns())
    ok = True
    for i in range(1, n):
        ok = ok and stamps[i] >= stamps[i - 1]
    return ok, len(stamps)
