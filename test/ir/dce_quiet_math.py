# dce: a math function of floats that CPython's math module computes without an error rule
# (ir_mathfn_quiet: atan2, hypot, copysign, erf...) is dead where its value is unused, as the
# phase of cmath.polar(z)[0] (the escape test of a fractal loop); math.sqrt, which raises on a
# negative operand, stays though its value is unused.
# ir: f((3+4j), 2.0)
# after: dce
import cmath
import math

def f(z, x):
    unused = math.atan2(x, 1.0) + math.copysign(x, -1.0) + math.erf(x)
    math.sqrt(x)
    return cmath.polar(z)[0]
