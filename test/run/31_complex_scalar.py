# Complex scalars in loops, where tier 2 computes them inline (issue 22): CPython's product and
# quotient, abs through hypot (OverflowError when finite parts overflow), ==/!= with NaN parts,
# conjugate, .real/.imag, complex(a, b); NumPy complex scalars (their fused product and magnitude);
# abs of ints and floats. Values come from arrays so that nothing folds at compile time.
import numpy as np

# run: products([0.1+0.7j, 1.3-2.9j, -0.0+0j, 1e308+1e308j, -2.5-0.0j], [0.3-0.3j, 2.2+0.7j, 1.1-1.7j, -0.77+0.31j, 5.5+0.45j])
# expect: [(0.24+0.18j), (0.4+0.39999999999999997j), (-0.19999999999999998+1j), (-0.1-0.7j), (0.1-0.7j), (-0.2699999999999999+1.61j), (2.3000000000000003+1.4j), (-2.1+0j), (-0.1-0.7j), (0.1-0.7j), (1.3+0.6j), (1.2000000000000002-1j), (-1+2.4j), (-0.1-0.7j), (0.1-0.7j), (-0.29400000000000004-0.5079999999999999j), (-0.67+1.01j), (0.87+0.38999999999999996j), (-0.1-0.7j), (0.1-0.7j), (0.23500000000000004+3.8949999999999996j), (5.6+1.15j), (-5.4+0.24999999999999994j), (-0.1-0.7j), (0.1-0.7j), (-0.48-1.26j), (1.6-3.1999999999999997j), (1-2.6j), (-1.3+2.9j), (1.3+2.9j), (4.890000000000001-5.47j), (3.5-2.2j), (-0.9000000000000001-3.5999999999999996j), (-1.3+2.9j), (1.3+2.9j), (-3.4999999999999996-5.4j), (2.4000000000000004-4.6j), (0.19999999999999996-1.2j), (-1.3+2.9j), (1.3+2.9j), (-0.10200000000000009+2.636j), (0.53-2.59j), (2.0700000000000003-3.21j), (-1.3+2.9j), (1.3+2.9j), (8.455-15.364999999999998j), (6.8-2.4499999999999997j), (-4.2-3.35j), (-1.3+2.9j), (1.3+2.9j), 0j, (0.3-0.3j), (-0.3+0.3j), (-0-0j), -0j, 0j, (2.2+0.7j), (-2.2-0.7j), (-0-0j), -0j, 0j, (1.1-1.7j), (-1.1+1.7j), (-0-0j), -0j, (-0+0j), (-0.77+0.31j), (0.77-0.31j), (-0-0j), -0j, 0j, (5.5+0.45j), (-5.5-0.45j), (-0-0j), -0j, (6e+307+0j), (1e+308+1e+308j), (1e+308+1e+308j), (-1e+308-1e+308j), (1e+308-1e+308j), (inf+infj), (1e+308+1e+308j), (1e+308+1e+308j), (-1e+308-1e+308j), (1e+308-1e+308j), (inf-5.999999999999998e+307j), (1e+308+1e+308j), (1e+308+1e+308j), (-1e+308-1e+308j), (1e+308-1e+308j), (-1.0799999999999999e+308-4.6e+307j), (1e+308+1e+308j), (1e+308+1e+308j), (-1e+308-1e+308j), (1e+308-1e+308j), (inf+infj), (1e+308+1e+308j), (1e+308+1e+308j), (-1e+308-1e+308j), (1e+308-1e+308j), (-0.75+0.75j), (-2.2-0.3j), (-2.8+0.3j), (2.5-0j), (-2.5-0j), (-5.5-1.75j), (-0.2999999999999998+0.7j), (-4.7-0.7j), (2.5-0j), (-2.5-0j), (-2.75+4.25j), (-1.4-1.7j), (-3.6+1.7j), (2.5-0j), (-2.5-0j), (1.925-0.775j), (-3.27+0.31j), (-1.73-0.31j), (2.5-0j), (-2.5-0j), (-13.75-1.125j), (3+0.45j), (-8-0.45j), (2.5-0j), (-2.5-0j)]
def products(a, b):
    out = []
    for i in range(len(a)):
        x = complex(a[i])
        for j in range(len(b)):
            y = complex(b[j])
            out.append(x * y)
            out.append(x + y)
            out.append(x - y)
            out.append(-x)
            out.append(x.conjugate())
    return out

# run: quotients([0.1+0.7j, 1.3-2.9j, -0.0+0j, 1e308+1e308j, 3.0+0j, 1e-300+1e300j], [0.3-0.3j, 2.2+0.7j, 1.1-1.7j, -0.77+0.31j, 5.5+0.45j, 0.5j, 2+1e-300j])
# expect: [(-1+1.3333333333333333j), (0.13320825515947463+0.2757973733583489j), (-0.2634146341463414+0.2292682926829268j), (0.2031930333817126-0.8272859216255442j), (0.02840489286593876+0.12494869058369591j), (1.4-0.2j), (0.05+0.35j), (7.000000000000001-2.6666666666666665j), (0.15572232645403386-1.3677298311444652j), (1.5512195121951218-0.23902439024390237j), (-2.757619738751814+2.6560232220609574j), (0.19193826451030294-0.5429767670962975j), (-5.8-2.6j), (0.65-1.45j), 0j, 0j, (-0+0j), (-0-0j), 0j, 0j, 0j, infj, (5.440900562851782e+307+2.8142589118198874e+307j), (-1.4634146341463412e+307+6.829268292682926e+307j), (-6.67634252539913e+307-1.5674891146589258e+308j), (1.9538625728593712e+307+1.6583203349478695e+307j), (inf-infj), (5e+307+5e+307j), (5+5j), (1.2382739212007503-0.39399624765478414j), (0.8048780487804877+1.24390243902439j), (-3.352685050798258-1.3497822931785195j), (0.5418274361710861-0.044331335686725225j), -6j, (1.5-7.5e-301j), (-1.6666666666666668e+300+1.6666666666666668e+300j), (1.3133208255159473e+299+4.1275797373358346e+299j), (-4.146341463414634e+299+2.6829268292682924e+299j), (4.499274310595065e+299-1.1175616835994195e+300j), (1.4777111895575076e+298+1.8060914539036203e+299j), (2e+300-2e-300j), (0.25+5e+299j)]
def quotients(a, b):
    out = []
    for i in range(len(a)):
        for j in range(len(b)):
            out.append(complex(a[i]) / complex(b[j]))
    return out

# run: quotient_nan([1.0, float('nan'), float('inf')])
# expect: [(1.5+0.5j), (nan+nanj), -0j, (nan+nanj), (nan+nanj), (nan+nanj), 0j, (nan+nanj), (nan+nanj)]
def quotient_nan(v):
    out = []
    for i in range(len(v)):
        for j in range(len(v)):
            out.append((1 + 2j) / complex(v[i], v[j]))
    return out

# run: divide_by_zero([1+2j, 0j])
# expect-error: line 45: ZeroDivisionError: complex division by zero
def divide_by_zero(a):
    s = 0j
    for i in range(len(a)):
        s += (1 + 1j) / complex(a[i])
    return s

# run: magnitudes([3+4j, 1e-320+1e-320j, -0.0-2j, 1e300+1e300j, 0j])
# expect: [5.0, 5.0, 1.414e-320, 1.414e-320, 2.0, 2.0, 1.4142135623730952e+300, 1.4142135623730952e+300, 0.0, 0.0]
def magnitudes(a):
    out = []
    for i in range(len(a)):
        out.append(abs(complex(a[i])))
        out.append(abs(a[i]))
    return out

# run: magnitude_overflow([1+1j, 1.5e308+1.5e308j])
# expect-error: line 62: OverflowError: absolute value too large
def magnitude_overflow(a):
    s = 0.0
    for i in range(len(a)):
        s += abs(complex(a[i]))
    return s

# run: magnitude_special([float('inf'), float('nan'), 1.0, float('-inf')])
# expect: [inf, inf, inf, inf, inf, nan, nan, inf, inf, nan, 1.4142135623730951, inf, inf, inf, inf, inf]
def magnitude_special(v):
    out = []
    for i in range(len(v)):
        for j in range(len(v)):
            out.append(abs(complex(v[i], v[j])))
    return out

# run: equality([1.0, float('nan'), -0.0, 0.0])
# expect: (5, 11)
def equality(v):
    n = 0
    m = 0
    for i in range(len(v)):
        for j in range(len(v)):
            x = complex(v[i], v[j])
            y = complex(v[j], v[i])
            if x == y:
                n += 1
            if x != y:
                m += 1
    return n, m

# cpu: fma (NumPy's complex product is fused where the CPU has FMA)
# run: parts([1.5-2j, -0.0+3j])
# expect: (-10.75, -7.0, (6+4.5j), 7.5, (-0.6666666666666666-0.5j))
def parts(a):
    s = 0.0
    t = 0.0
    for i in range(len(a)):
        z = a[i] * a[i]
        s += z.real
        t += z.imag + a[i].conjugate().imag
    return s, t, a[0] * a[1], abs(a[0] * a[1]), a[0] / a[1]

# cpu: fma (NumPy's complex product is fused where the CPU has FMA)
# run: single(np.array([1.5-2j, -0.25+3j], dtype=np.complex64))
# expect: ([(-0.25-8j), (5.375+8j), (7.125+3j), (-9.1875+1.5j)], [0.0, 5.297405242919922, 5.297405242919922, 0.0], [True, False, False, True])
def single(a):
    out = []
    mags = []
    same = []
    for i in range(len(a)):
        for j in range(len(a)):
            out.append(a[i] * a[j] + a[j])
            mags.append(abs(a[i] - a[j]))
            same.append(a[i] == a[j])
    return out, mags, same

# run: int_abs(np.array([-128, 5, -3], dtype=np.int8), np.array([-3, 7]), np.array([-2.5, -0.0]))
# expect: ([-128, 5, 3], 20, [2.5, 0.0])
def int_abs(a, b, c):
    s = []
    for i in range(len(a)):
        s.append(abs(a[i]))
    t = 0
    for i in range(len(b)):
        t += abs(b[i]) + abs(int(b[i]))
    u = []
    for i in range(len(c)):
        u.append(abs(c[i]))
    return s, t, u
