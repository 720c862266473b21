# an inner function calling itself: it is lowered where it is called, so recursion cannot be

def f(x):
    def fact(k):
        if k <= 1:
            return 1
        return k * fact(k - 1)
    return fact(x)
# run: f(4)
