# a generator called for its value: kiln runs generators only where a for statement iterates them
def gen(n):
    for i in range(n):
        yield i

def f(n):
    g = gen(n)
    return 0
# run: f(3)
