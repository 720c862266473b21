# run: f([1j, 2j], [1j, 1j])
def f(a, b):
    return a // b
