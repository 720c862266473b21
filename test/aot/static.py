# kiln aot with static values and static shapes (test/cli_test.sh)
def head(x, k):
    s = 0.0
    for i in range(k):
        s += x[i]
    return s

def mm(a, b, c):
    n, m = a.shape
    for i in range(n):
        for j in range(b.shape[1]):
            s = 0.0
            for k in range(m):
                s += a[i, k] * b[k, j]
            c[i, j] = s
    return c[0, 0]
