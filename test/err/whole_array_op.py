# run: f([1j, 2j], [3j, 4j])
def f(a, b):
    return a / b
