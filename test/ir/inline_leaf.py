# inline: the call of a one-block scalar kernel becomes its body (its constants in the caller's pool, its argument
# the caller's value) and a FRAME where the call stood: the depth check the call made. The call of a kernel with a
# loop stays a call.
# ir: outer(1.5)
# after: inline

def poly(x):
    return x * x + 2 * x + 1

def looped(x):
    s = 0.0
    for i in range(3):
        s += x
    return s

def outer(x):
    return poly(x) + looped(x)
