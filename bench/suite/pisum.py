# The Julia micro-benchmark pi_sum.
# suite: pisum = 1.6448340718480652

def pisum():
    s = 0.0
    for j in range(500):
        s = 0.0
        for k in range(1, 10001):
            s += 1.0 / (k * k)
    return s
