# Counter(a=1) is not supported yet
from collections import Counter
def f(n):
    return Counter(a=n)
# run: f(3)
