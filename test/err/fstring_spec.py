# a format spec kiln does not format: 'd' for a float (Python: ValueError)

def f(x):
    print(f"{x:d}")
    return x
# run: f(1.5)
