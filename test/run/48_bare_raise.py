# A bare `raise` in an except clause raises the exception the clause handles again, with its message and the line
# it was first raised at: after cleanup, conditionally, to an enclosing try, through finally clauses, in loops.

# run: cleanup(list([1.0, 2.0]), 1)
# expect: (2.0, [0])
# run: cleanup(list([1.0, 2.0]), 5)
# expect-error: line 11: IndexError: list index out of range
def cleanup(xs, i):
    log = [0]
    try:
        v = xs[i]
    except IndexError:
        log.append(1)
        raise
    return v, log

# run: some(10)
# expect: 209
# run: some(8)
# expect-error: line 25: ZeroDivisionError: integer division or modulo by zero
def some(n):
    total = 0
    for i in range(5):
        try:
            total += 100 // (n - 10 + i)
        except ZeroDivisionError:
            if n == 8:
                raise
            total += 1
    return total

# run: outer(0)
# expect: (-1, 100)
# run: outer(3)
# expect: (-2, 103)
def outer(k):
    try:
        try:
            if k == 0:
                raise ValueError("bad k")
            x = 10 // (k - 3)
        except (ValueError, ZeroDivisionError):
            k += 100
            raise
    except ValueError:
        return -1, k
    except ArithmeticError:
        return -2, k
    return x, k

# run: with_finally(2)
# expect: (3, [0, 2])
# run: with_finally(0)
# expect: (-1, [0, 1, 2, 3])
def with_finally(n):
    steps = [0]
    try:
        try:
            r = 6 // n
        except ZeroDivisionError:
            steps.append(1)
            raise
        finally:
            steps.append(2)
    except ZeroDivisionError:
        steps.append(3)
        return -1, steps
    return r, steps

# run: nested_handlers(0)
# expect: 1
# run: nested_handlers(1)
# expect: 1
def nested_handlers(m):
    try:
        try:
            raise KeyError("five")
        except KeyError:
            try:
                if m == 0:
                    raise IndexError("inner")
            except IndexError:
                pass
            raise
    except KeyError:
        return 1
    return 0

# run: many(100000)
# expect: 50000
def many(n):
    caught = 0
    for i in range(n):
        try:
            try:
                x = 1 // (i % 2)
            except ZeroDivisionError:
                raise
        except ZeroDivisionError:
            caught += 1
    return caught

# run: raise_as(0)
# expect: -1
# run: raise_as(2)
# expect: 5
def raise_as(n):
    try:
        try:
            z = 10 // n
        except ZeroDivisionError as e:
            z = -5
            raise e
    except ArithmeticError as outer:
        return -1
    return z

# run: raise_as_out(0)
# expect-error: line 122: ZeroDivisionError: integer division or modulo by zero
def raise_as_out(n):
    try:
        z = 10 // n
    except ZeroDivisionError as e:
        if n == 0:
            raise e
        z = 1
    return z
