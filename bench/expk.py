# out = exp(a)*b + sqrt(c) over float32 arrays, in a loop. math.exp and
# math.sqrt compute in float64 (Python floats); NumPy 2 promotion then keeps
# float32 for the products with the float32 elements.
import math

def expk(a, b, c, out):
    for i in range(a.shape[0]):
        out[i] = math.exp(a[i]) * b[i] + math.sqrt(c[i])
    return out
