# run: f(1)
# a clock of the time module kiln does not have
import time

def f(n):
    return time.thread_time()
