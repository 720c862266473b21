# The cmath module (rt/cmath.c, lower/cmath.c): CPython's algorithms, special values and errors for every function;
# arguments any real or complex number; `import cmath`, `from cmath import *` and names imported one by one.
# test/python/test_cmath.py checks every pair of special-value classes against CPython on every tier.
import cmath
from cmath import sqrt as csqrt, pi as cpi
import numpy as np


# run: values(0.5, -1.25)
# expect: ((0.9608046632337985-0.6504964265019547j), (0.5198786860084937-1.5646111274988195j), (0.2973535538733464-1.1902899496825317j), (0.12913900762151564-0.5169363570120227j), (0.9053586344209573-1.4058162504314684j), (1.6572478640539148+0.7680009178735728j), (0.1261085664842344-0.906724804319431j), (0.30798137157211863-1.0855765577207785j), (1.262814955222778+1.0855765577207785j), (1.1265564408348223-0.708303336014054j), (0.16431300276137265-1.0700996973668526j), (0.355565683247121-0.49451143013196674j), (1.5839635482844239-0.8066346988510739j), (0.8988936293694824-1.0611857724687428j), (1.0855765577207785-1.262814955222778j), (0.1858945085467093-0.9425141129396175j), -1.1902899496825317, (1.346291201783626, -1.1902899496825317), (1.7551651237807455-0.958851077208406j), (0.42899049756378604-1.7172254076269622j), (-1.1286808904668089-0.8766566748570296j), True, False, False, True)
def values(a, b):
    z = complex(a, b)
    return (cmath.sqrt(z), cmath.exp(z), cmath.log(z), cmath.log10(z), cmath.sin(z), cmath.cos(z), cmath.tan(z),
            cmath.asin(z), cmath.acos(z), cmath.atan(z), cmath.sinh(z), cmath.cosh(z), cmath.tanh(z), cmath.asinh(z),
            cmath.acosh(z), cmath.atanh(z), cmath.phase(z), cmath.polar(z), cmath.rect(2.0, -0.5), cmath.log(z, 2),
            cmath.log(z, 1 + 1j), cmath.isfinite(z), cmath.isinf(z), cmath.isnan(z), cmath.isclose(z, z + 1e-12))


# run: reals(4)
# expect: ([2j, (1.252762968495368+3.141592653589793j), (3.141592653589793-1.762747174039086j), 1.7320508075688772j, (0.9162907318741551+3.141592653589793j), (3.141592653589793-1.45057451382258j), 1.4142135623730951j, (0.4054651081081644+3.141592653589793j), (3.141592653589793-0.9624236501192069j), 1j, (-0.6931471805599453+3.141592653589793j), (2.4188584057763776-0j), 0j, (-0.6931471805599453+0j), (1.5707963267948966-0j), (1+0j), (0.4054651081081644+0j), (0.7227342478134156-0j), (1.4142135623730951+0j), (0.9162907318741551+0j), -0.9624236501192069j, (1.7320508075688772+0j), (1.252762968495368+0j), -1.45057451382258j, (2+0j), (1.5040773967762742+0j), -1.762747174039086j], (1.4142135623730951+0j), (1.4686939399158851+2.2873552871788423j), (1+0j), 3.141592653589793, 3.141592653589793)
def reals(n):
    out = []
    for k in range(-n, n + 1):
        out.append(cmath.sqrt(k))
        out.append(cmath.log(k + 0.5))
        out.append(cmath.acos(k * 0.75))
    return out, cmath.sqrt(np.float32(2.0)), cmath.exp(np.complex64(1 + 1j)), cmath.sqrt(True), cmath.phase(-1.0), cmath.phase(-0.0)


# run: specials(1)
# expect: ['(inf-infj)', '(inf-2.356194490192345j)', '(-inf-0.7853981633974483j)', '(-0-1.5707963267948966j)', '(2.356194490192345+infj)', '0j', '(-1+0j)', 'ValueError math domain error', '-infj', '(inf-3.141592653589793j)', '(-inf-0j)', '(-0-1.5707963267948966j)', '(3.141592653589793+infj)', '-0j', '(-1-0j)', '(inf+0j)', 'infj', '(inf+3.141592653589793j)', '(-inf+0j)', '(-0+1.5707963267948966j)', '(3.141592653589793-infj)', '0j', '(-1+0j)', '(inf-0j)', 'infj', '(inf+3.141592653589793j)', '(-inf+0j)', '(-0+1.5707963267948966j)', '(3.141592653589793-infj)', '(-0+0j)', '(-1-0j)', '(-inf-infj)', '(inf+infj)', '(inf+2.356194490192345j)', '(-inf+0.7853981633974483j)', '(-0+1.5707963267948966j)', '(2.356194490192345-infj)', '0j', '(-1+0j)', 'ValueError math domain error', '(nan+infj)', '(inf+nanj)', '(-inf+nanj)', '(-0+nanj)', '(nan+infj)', '0j', '(-1+0j)', '(inf+nanj)', '(inf-infj)', '(inf-1.5707963267948966j)', '(-inf-1.5707963267948966j)', '(-0-1.5707963267948966j)', '(1.5707963267948966+infj)', 'ValueError math domain error', 'ValueError math domain error', 'ValueError math domain error', '-1j', '-3.141592653589793j', '(-0.881373587019543-0j)', 'ValueError math domain error', '(3.141592653589793+0j)', '(0.36787944117144233-0j)', '(-0.7615941559557649-0j)', '(1.5430806348152437+0j)', '1j', '3.141592653589793j', '(-0.881373587019543+0j)', 'ValueError math domain error', '(3.141592653589793-0j)', '(0.36787944117144233+0j)', '(-0.7615941559557649+0j)', '(1.5430806348152437-0j)', '(0.7861513777574233+1.272019649514069j)', '(0.8047189562170503+2.0344439357957027j)', '(-1.4693517443681852+1.063440023577752j)', '(-0.17328679513998632+1.1780972450961724j)', '(1.9978749131873728-1.5285709194809982j)', '(-0.1530918656742263+0.33451182923926226j)', '(-1.16673625724092-0.24345820118572534j)', '(-0.64214812471552-1.0686074213827783j)', '(inf+infj)', '(inf+1.5707963267948966j)', '(-inf+1.5707963267948966j)', '(-0+1.5707963267948966j)', '(1.5707963267948966-infj)', 'ValueError math domain error', 'ValueError math domain error', 'ValueError math domain error', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(inf-infj)', '(inf-1.5707963267948966j)', '(-inf-1.5707963267948966j)', '(-0-1.5707963267948966j)', '(1.5707963267948966+infj)', 'ValueError math domain error', 'ValueError math domain error', 'ValueError math domain error', '-0j', 'ValueError math domain error', '(-0-0j)', '(-0-0j)', '(1.5707963267948966+0j)', '(1-0j)', '(-0-0j)', '(1+0j)', '0j', 'ValueError math domain error', '(-0+0j)', '(-0+0j)', '(1.5707963267948966-0j)', '(1+0j)', '(-0+0j)', '(1-0j)', '(1+1j)', '(0.6931471805599453+1.5707963267948966j)', '(-1.3169578969248166+1.5707963267948966j)', '(-0+1.1071487177940904j)', '(1.5707963267948966-1.4436354751788103j)', '(-0.4161468365471424+0.9092974268256817j)', '(-0-2.185039863261519j)', '(-0.4161468365471424-0j)', '(inf+infj)', '(inf+1.5707963267948966j)', '(-inf+1.5707963267948966j)', '(-0+1.5707963267948966j)', '(1.5707963267948966-infj)', 'ValueError math domain error', 'ValueError math domain error', 'ValueError math domain error', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(-0+nanj)', '(1.5707963267948966+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+0j)', '(inf-infj)', '(inf-1.5707963267948966j)', '(inf-1.5707963267948966j)', '-1.5707963267948966j', '(1.5707963267948966+infj)', 'ValueError math domain error', 'ValueError math domain error', 'ValueError math domain error', '-0j', 'ValueError math domain error', '-0j', '-0j', '(1.5707963267948966+0j)', '(1-0j)', '-0j', '(1-0j)', '0j', 'ValueError math domain error', '0j', '0j', '(1.5707963267948966-0j)', '(1+0j)', '0j', '(1+0j)', '(1+1j)', '(0.6931471805599453+1.5707963267948966j)', '(1.3169578969248166+1.5707963267948966j)', '1.1071487177940904j', '(1.5707963267948966-1.4436354751788103j)', '(-0.4161468365471424+0.9092974268256817j)', '-2.185039863261519j', '(-0.4161468365471424+0j)', '(inf+infj)', '(inf+1.5707963267948966j)', '(inf+1.5707963267948966j)', '1.5707963267948966j', '(1.5707963267948966-infj)', 'ValueError math domain error', 'ValueError math domain error', 'ValueError math domain error', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', 'nanj', '(1.5707963267948966+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+0j)', '(inf-infj)', '(inf-1.5707963267948966j)', '(inf-1.5707963267948966j)', '-1.5707963267948966j', '(1.5707963267948966+infj)', 'ValueError math domain error', 'ValueError math domain error', 'ValueError math domain error', '(1-0j)', '-0j', '(0.881373587019543-0j)', 'ValueError math domain error', '0j', '(2.718281828459045-0j)', '(0.7615941559557649-0j)', '(1.5430806348152437-0j)', '(1+0j)', '0j', '(0.881373587019543+0j)', 'ValueError math domain error', '-0j', '(2.718281828459045+0j)', '(0.7615941559557649+0j)', '(1.5430806348152437+0j)', '(1.272019649514069+0.7861513777574233j)', '(0.8047189562170503+1.1071487177940904j)', '(1.4693517443681852+1.063440023577752j)', '(0.17328679513998632+1.1780972450961724j)', '(1.1437177404024204-1.5285709194809982j)', '(-1.1312043837568135+2.4717266720048188j)', '(1.16673625724092-0.24345820118572534j)', '(-0.64214812471552+1.0686074213827783j)', '(inf+infj)', '(inf+1.5707963267948966j)', '(inf+1.5707963267948966j)', '1.5707963267948966j', '(1.5707963267948966-infj)', 'ValueError math domain error', 'ValueError math domain error', 'ValueError math domain error', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(inf-infj)', '(inf-0.7853981633974483j)', '(inf-0.7853981633974483j)', '-1.5707963267948966j', '(0.7853981633974483+infj)', 'ValueError math domain error', '(1+0j)', 'ValueError math domain error', '(inf-0j)', '(inf-0j)', '(inf-0j)', '-1.5707963267948966j', 'infj', '(inf-0j)', '(1-0j)', '(inf-0j)', '(inf+0j)', '(inf+0j)', '(inf+0j)', '1.5707963267948966j', '-infj', '(inf+0j)', '(1+0j)', '(inf+0j)', '(inf+0j)', '(inf+0j)', '(inf+0j)', '1.5707963267948966j', '-infj', '(-inf+infj)', '(1-0j)', '(-inf+infj)', '(inf+infj)', '(inf+0.7853981633974483j)', '(inf+0.7853981633974483j)', '1.5707963267948966j', '(0.7853981633974483-infj)', 'ValueError math domain error', '(1+0j)', 'ValueError math domain error', '(inf+nanj)', '(inf+nanj)', '(inf+nanj)', 'nanj', '(nan+infj)', '(inf+nanj)', '(1+0j)', '(inf+nanj)', '(inf-infj)', '(inf+nanj)', '(inf+nanj)', '-1.5707963267948966j', '(nan+infj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan-0j)', '(nan+nanj)', '(nan+nanj)', '(nan-0j)', '(nan-0j)', '(nan+0j)', '(nan+nanj)', '(nan+nanj)', '(nan+0j)', '(nan+nanj)', '(nan+nanj)', '(nan+0j)', '(nan+0j)', '(nan+0j)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(inf+infj)', '(inf+nanj)', '(inf+nanj)', '1.5707963267948966j', '(nan-infj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)', '(nan+nanj)']
def specials(n):
    inf = float("inf")
    nan = float("nan")
    out = []
    for x in (-inf, -1.0, -0.0, 0.0, 1.0, inf, nan):
        for y in (-inf, -0.0, 0.0, 2.0, inf, nan):
            z = complex(x, y)
            for k in range(8):
                try:
                    if k == 0:
                        w = cmath.sqrt(z)
                    elif k == 1:
                        w = cmath.log(z)
                    elif k == 2:
                        w = cmath.asinh(z)
                    elif k == 3:
                        w = cmath.atanh(z)
                    elif k == 4:
                        w = cmath.acos(z)
                    elif k == 5:
                        w = cmath.exp(z)
                    elif k == 6:
                        w = cmath.tanh(z)
                    else:
                        w = cmath.cosh(z)
                    out.append(str(w))
                except ValueError as e:
                    out.append("ValueError " + str(e))
                except OverflowError as e:
                    out.append("OverflowError " + str(e))
    return out


# run: large(1)
# expect: ((1.09868411346781e+154+4.5508986056222734e+153j), (709.542782232446-0.7853981633974483j), (7.072775462575872e-161+7.069281871550406e-161j), (-712.7027665394861+0j), (1.7739471950198739e+308+9.691117694907651e+307j), (1.357487848834105e+308+1.3620309817275358e+307j), (2.7755575615628914e-17+0.6435011087932844j), (0.7853981633974483-691.8152486690535j), (1e-300-1.5707963267948966j), (345.73433753938684+0.7853981633974483j), (1+0j), (1.004987562112089e+308, 0.09966865249116202))
def large(n):
    return (cmath.sqrt(complex(1e308, 1e308)), cmath.log(complex(1e308, -1e308)), cmath.sqrt(complex(5e-324, 1e-320)),
            cmath.log(complex(3e-310, 0)), cmath.exp(complex(709.9, 0.5)), cmath.cosh(complex(710.2, 0.1)), cmath.log(complex(0.8, 0.6)),
            cmath.acos(complex(1e300, 1e300)), cmath.atanh(complex(1e300, -1.0)), cmath.atanh(complex(1.0, 1e-300)),
            cmath.tanh(complex(400.0, 1.0)), cmath.polar(complex(1e308, 1e307)))


# run: stars(0.25)
# expect: ((16.023484384802742+12.911709914476061j), 3.141592653589793, 2.718281828459045, 6.283185307179586, inf, 'nan', infj, 'nanj')
def stars(x):
    from cmath import pi, e, tau, inf, nan, infj, nanj
    s = 0j
    for k in range(5):
        s += csqrt(x + k * 1j) * cpi
    return s, pi, e, tau, inf, str(nan), infj, str(nanj)


# run: log_zero(0)
# expect-error: line 87: ValueError: math domain error
def log_zero(n):
    return cmath.log(complex(n, 0))


# run: exp_overflow(800.0)
# expect-error: line 93: OverflowError: math range error
def exp_overflow(x):
    return cmath.exp(complex(x, 1.0))


# run: exp_inf_imag(1.0)
# expect-error: line 99: ValueError: math domain error
def exp_inf_imag(x):
    return cmath.exp(complex(x, float("inf")))


# run: polar_overflow(1.5e308)
# expect-error: line 105: OverflowError: math range error
def polar_overflow(x):
    return cmath.polar(complex(x, x))


# run: phase_underflow(1e308)
# expect-error: line 111: OverflowError: math range error
def phase_underflow(x):
    return cmath.phase(complex(x, 1e-20))


# run: log_base_one(2.0)
# expect-error: line 117: ValueError: math domain error
def log_base_one(x):
    return cmath.log(x, 1)


# run: rect_inf(2.0)
# expect-error: line 123: ValueError: math domain error
def rect_inf(r):
    return cmath.rect(r, float("inf"))


# run: isclose_negative(1.0)
# expect-error: line 129: ValueError: tolerances must be non-negative
def isclose_negative(x):
    return cmath.isclose(x, x, rel_tol=-1.0)
