# run: f(1)
# importing any module is fine (CPython accepts it); a kernel using one kiln does not compile is the error
import os

def f(x):
    return len(os.getcwd()) + x
