# cse: a pure value computed twice with the same operands is computed once (n * 3 + 1 below,
# and a[i]'s bounds check); a LOAD is not merged: kiln's cse does not reason about memory, so the
# two loads of a[i] stay (tier 2's LLVM merges them; the baseline tier loads twice).
# ir: f([0.0, 1.0, 2.0, 3.0], 2)
# after: cse
import numpy as np

def f(a, i):
    return (i * 3 + 1) + (i * 3 + 1) + a[i] * a[i]
