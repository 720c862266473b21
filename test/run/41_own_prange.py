# A module that defines its own prange: its calls are calls of that function, not parallel loops
# (front/prange.c leaves them alone; lowering reads them as any kernel call).

def prange(n):
    return [n, n + 1]

# run: digits(3)
# expect: 34
def digits(n):
    s = 0
    for i in prange(n):
        s = s * 10 + i
    return s
