# inner functions that call each other: not lifted (only one that calls itself is), so their copies never end
def f(n):
    def even(k):
        return True if k == 0 else odd(k - 1)
    def odd(k):
        return False if k == 0 else even(k - 1)
    return even(n)
# run: f(3)
