# The 10 largest of n float32 numbers, written as a loop with a small sorted buffer.
# suite: top10 1000000 = (9.999959945678711, 0.9999996423721313, 0.9999934434890747)
import numpy as np

def top10(n):
    x = np.empty(n, dtype=np.float32)
    s = 7
    for i in range(n):
        s = (s * 1103515245 + 12345) % 2147483648
        x[i] = np.float32(s / 2147483648.0)
    best = np.full(10, -1.0, dtype=np.float32)
    for i in range(n):
        v = x[i]
        if v > best[9]:
            j = 9
            while j > 0 and best[j - 1] < v:
                best[j] = best[j - 1]
                j -= 1
            best[j] = v
    t = 0.0
    for j in range(10):
        t += best[j]
    return t, best[0], best[9]
