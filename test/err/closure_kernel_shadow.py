# run: user(1.0)
# a kernel given a lambda is lowered at the call: a global it reads that the caller also has as a local would read
# the local, so kiln says so
SCALE = 2.0

def apply_scaled(f, x):
    return f(x) * SCALE

def user(x):
    SCALE = 5.0
    return apply_scaled(lambda v: v + SCALE, x)
