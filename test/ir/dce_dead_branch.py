# dce: a branch on a folded constant leaves an unreachable block and unused values: dce
# removes them (the IR after both dce runs of the pipeline).
# ir: f(5)
# after: dce
def f(n):
    unused = n * 10
    if 1 > 2:
        return n - 1
    return n + 1
