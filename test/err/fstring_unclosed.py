# an f-string field without its closing brace

def f(x):
    print(f"{x")
    return x
# run: f(1.5)
