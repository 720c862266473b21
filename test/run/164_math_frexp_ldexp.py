# math.frexp, math.ldexp, math.modf (C's, exactly: subnormals, the largest floats, infinities, NaN) and
# math.remainder (IEEE 754's; ValueError for an infinite x or a zero y).
import math


# run: parts([0.0, -0.0, 1.0, -3.75, 0.1, 5e-324, 2.2250738585072014e-308, 1.7976931348623157e+308, 4503599627370497.0, -1e-310])
# expect: [((0.0, 0), (0.0, 0.0), 0.0), ((-0.0, 0), (-0.0, -0.0), -0.0), ((0.5, 1), (0.0, 1.0), 0.25), ((-0.9375, 2), (-0.75, -3.0), -0.0), ((0.8, -3), (0.1, 0.0), 0.1), ((0.5, -1073), (5e-324, 0.0), 5e-324), ((0.5, -1021), (2.2250738585072014e-308, 0.0), 2.2250738585072014e-308), ((0.9999999999999999, 1024), (0.0, 1.7976931348623157e+308), -0.25), ((0.5000000000000001, 53), (0.0, 4503599627370497.0), -0.25), ((-0.5752618031559393, -1029), (-1e-310, -0.0), -1e-310)]
def parts(xs):
    out = []
    for x in xs:
        out.append((math.frexp(x), math.modf(x), math.remainder(x, 0.75)))
    return out


# run: scale([1.0, -0.7, 5e-324, 1.7976931348623157e+308, 3e-320], [0, 5, -1074, -1075, -1080, 1023, 1024, -5000])
# expect: [1.0, 32.0, 5e-324, 0.0, 0.0, 8.98846567431158e+307, -1.0, 0.0, -0.7, -22.4, -5e-324, -0.0, -0.0, -6.291925972018105e+307, -1.258385194403621e+308, -0.0, 5e-324, 1.6e-322, 0.0, 0.0, 0.0, 4.440892098500626e-16, 8.881784197001252e-16, 0.0, 1.7976931348623157e+308, -1.0, 8.881784197001251e-16, 4.4408920985006257e-16, 1.3877787807814455e-17, -1.0, -1.0, 0.0, 3e-320, 9.5999e-319, 0.0, 0.0, 0.0, 2.6965096822095802e-12, 5.3930193644191604e-12, 0.0]
def scale(xs, ks):
    out = []
    for x in xs:
        for k in ks:
            try:
                out.append(math.ldexp(x, int(k)))
            except OverflowError:
                out.append(-1.0)
    return out


# run: special()
# expect: (([(inf, 0), (-inf, 0)], [(-0.0, -inf), (0.0, inf)]), True, True, -inf, 2, -1.0, 12.0)
def special():
    inf = float("inf")
    nan = float("nan")
    r = [math.frexp(inf), math.frexp(-inf)], [math.modf(-inf), math.modf(inf)]
    bad = 0
    try:
        math.remainder(inf, 1.0)
    except ValueError:
        bad += 1
    try:
        math.remainder(1.0, 0.0)
    except ValueError:
        bad += 1
    return r, math.isnan(math.frexp(nan)[0]), math.isnan(math.ldexp(nan, 3)), math.ldexp(-inf, -3), bad, math.remainder(7.0, 2.0), math.ldexp(3, 2)
