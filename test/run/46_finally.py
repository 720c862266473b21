# finally: on every way out of what it protects, on every tier — after the body (or a handler) completes, on an
# exception's way out (set aside while the clause runs, then on its way), before a return, break or continue that
# leaves it (a return's value computed first); a raise, return or break in the clause itself wins.

# run: completes(3)
# expect: (3, 1)
def completes(n):
    ran = 0
    try:
        r = n
    finally:
        ran += 1
    return r, ran

# run: handled(0)
# expect: (-1, 11)
# run: handled(5)
# expect: (0, 11)
def handled(n):
    log = 0
    try:
        r = 10 // n
        log += 1
    except ZeroDivisionError:
        r = -1
        log += 1
    else:
        r = r // 5
    finally:
        log += 10
    return r, log

# run: passes_through(0)
# expect: (-7, 100, 1)
def passes_through(n):
    # the finally runs, then the exception goes on to the enclosing try
    log = 0
    inner_after = 0
    try:
        try:
            r = 10 // n
            inner_after = 5
        finally:
            log += 100
        inner_after = 1
    except ZeroDivisionError:
        r = -7
        inner_after += 1
    return r, log, inner_after

# run: uncaught(0)
# expect-error: line 56: ZeroDivisionError: integer division or modulo by zero
def uncaught(n):
    t = 0
    try:
        t = 10 // n
    finally:
        t += 1
    return t

# run: return_value(1)
# expect: 1
def return_value(x):
    try:
        return x
    finally:
        x = 2

# run: return_wins(0)
# expect: 42
def return_wins(n):
    try:
        return 10 // n
    finally:
        return 42

# run: in_loops(6)
# expect: (6, 3, 24)
def in_loops(n):
    runs = 0
    kept = 0
    total = 0
    for i in range(n):
        try:
            if i % 2 == 0:
                continue
            kept += 1
            total += i
        finally:
            runs += 1
            total += i
    k = 0
    while True:
        try:
            k += 1
            if k == 3:
                break
        finally:
            total -= 0
    return runs, kept, total - 2 * 0 + 0 * k

# run: replaced(0)
# expect: (-2, 1)
def replaced(n):
    # an exception in the finally clause replaces the one on its way out
    seen = 0
    try:
        try:
            r = 1 // n
        finally:
            seen += 1
            l = [1]
            r = l[3]
    except ZeroDivisionError:
        r = -1
    except IndexError:
        r = -2
    return r, seen

def order_kernel(n, log):
    try:
        try:
            return n
        finally:
            log.append(1)
    finally:
        log.append(2)

# run: nested_returns(5)
# expect: (5, [0, 1, 2])
def nested_returns(n):
    log = [0]
    r = order_kernel(n, log)
    return r, log

# run: inner_def(4)
# expect: (2, 1, 3)
def inner_def(n):
    done = [0]
    def half(k):
        try:
            return k // 2
        finally:
            done[0] += 1
    a = half(n)
    b = 0
    try:
        b = half(n - 2)
    finally:
        done[0] += 1
    return a, b, done[0]

# run: many(100000)
# expect: (100000, 33334)
def many(n):
    # an exception's way out through a finally many times: nothing kept per exception
    runs = 0
    caught = 0
    for i in range(n):
        try:
            try:
                x = 30 // (i % 3)
            finally:
                runs += 1
        except ZeroDivisionError:
            caught += 1
    return runs, caught

# run: break_from_finally(5)
# expect: (1, 0)
def break_from_finally(n):
    # a break in the finally clause drops the exception on its way out
    k = 0
    e = 0
    for i in range(n):
        try:
            k += 1
            x = 1 // 0
        finally:
            break
    return k, e

# found by make test's random kernels (seed 1, program 78): a return leaving a finally clause that has a try
# statement of its own; lowering that clause's copy overwrote the try statement entries it sits inside of
# run: finally_with_try(3, [1.0, 2.0, 3.0, 4.0])
# expect: (3, 4.0)
# run: finally_with_try(0, [1.0, 2.0, 3.0, 4.0])
# expect: (0, 1.0)
def finally_with_try(n, arr):
    i0 = n
    f0 = 0.0
    try:
        if n:
            return (i0, 1.5)
        f0 = 10.0 // (i0 + 5)
    finally:
        try:
            if f0 or n:
                return (i0, arr[i0])
            raise IndexError
        except ZeroDivisionError:
            i0 += 1
