# select: a conditional expression whose arms are pure (a constant, a product) becomes a SELECT in the block that
# branched; the one whose arm divides (it may raise) stays a branch.
# ir: pick(2.0)
# after: select

def pick(x):
    y = x * 3.0 if x > 1.0 else 0.5
    z = 1.0 / x if x != 0.0 else 0.0
    return y + z
