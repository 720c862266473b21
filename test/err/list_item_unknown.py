# an empty list that is an item of another: kiln cannot tell what it holds
import numpy as np

def f(x):
    rows = [[], []]
    rows[0].append(x)
    return rows
# run: f(1)
