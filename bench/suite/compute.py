# A scalar kernel called 1e6 times from a loop: what calls cost.
# suite: compute_many 1000000 = 2333331.8333334797

def compute(x):
    return x * x + 2 * x + 1

def compute_many(n):
    s = 0.0
    for i in range(n):
        s += compute(i * 1e-6)
    return s
