# NumPy's window functions (np.hanning, hamming, blackman, bartlett, kaiser) and np.i0, step for step as NumPy computes
# them (the same bits), for every length including 0, 1, negative and fractional ones; and 0-d arrays as NumPy treats
# them: a ufunc or operator whose operands have no axes gives a NumPy scalar (np.exp(np.array(1.0)) is np.float64),
# np.where a 0-d array; reductions of numbers (print() and format() of a 0-d array: test/python/print_kernels.py's zero_d; the results'
# types: test/python/test_zero_d.py).
import numpy as np


# run: windows(7)
# expect: ([0.0, 0.2500000000000001, 0.75, 1.0, 0.75, 0.2500000000000001, 0.0], [0.08000000000000002, 0.31000000000000016, 0.7700000000000001, 1.0, 0.7700000000000001, 0.31000000000000016, 0.08000000000000002], [-1.3877787807814457e-17, 0.13000000000000006, 0.6300000000000001, 0.9999999999999999, 0.6300000000000001, 0.13000000000000006, -1.3877787807814457e-17], [0.0, 0.33333333333333337, 0.6666666666666667, 1.0, 0.6666666666666667, 0.33333333333333337, 0.0])
# run: windows(0)
# expect: ([], [], [], [])
# run: windows(1)
# expect: ([1.0], [1.0], [1.0], [1.0])
# run: windows(2)
# expect: ([0.0, 0.0], [0.08000000000000002, 0.08000000000000002], [-1.3877787807814457e-17, -1.3877787807814457e-17], [0.0, 0.0])
# run: windows(-3)
# expect: ([], [], [], [])
# run: windows(5.5)
# expect: ([0.0, 0.41317591116653485, 0.9698463103929542, 0.75, 0.11697777844051105], [0.08000000000000002, 0.46012183827321207, 0.9722586055615179, 0.7700000000000001, 0.1876195561652702], [-1.3877787807814457e-17, 0.25800050150366216, 0.9511298658424724, 0.6300000000000001, 0.05086963265386543], [0.0, 0.4444444444444444, 0.8888888888888888, 0.6666666666666667, 0.2222222222222222])
def windows(n):
    return np.hanning(n), np.hamming(n), np.blackman(n), np.bartlett(n)


# run: kaiser(6, 5.0)
# expect: [0.036710892271286676, 0.4149036392433668, 0.9138124838692001, 0.9138124838692001, 0.4149036392433668, 0.036710892271286676]
# run: kaiser(11, 14.0)
# expect: [7.726866835270368e-06, 0.0048056791412168075, 0.06815374319396057, 0.32487421778447284, 0.7615093990873935, 1.0, 0.7615093990873935, 0.32487421778447284, 0.06815374319396057, 0.0048056791412168075, 7.726866835270368e-06]
# run: kaiser(1, 3.0)
# expect: [1.0]
# run: kaiser(0, 3.0)
# expect: []
# run: kaiser(4, 0)
# expect: [1.0, 1.0, 1.0, 1.0]
def kaiser(n, beta):
    return np.kaiser(n, beta)


# run: bessel(np.array([0.0, 1.0, -2.5, 8.0, 8.000001, 20.0, 700.0, 710.0, inf, -inf, nan, 1e-300]))
# expect: [1.0, 1.2660658777520082, 3.289839144050123, 427.56411572180474, 427.56451559513005, 43558282.559553534, 1.5295933476718735e+302, inf, nan, nan, nan, 1.0]
def bessel(x):
    return np.i0(x)


# a column of floats on both sides of the branch at 8, and integers (made float64)
# run: bessel_made(13)
# expect: ([[781672297823.9775], [5774560606.4663105], [43558282.559553534], [339649.3732979138], [2815.716628466254], [27.239871823604442], [1.0], [27.239871823604442], [2815.716628466254], [339649.3732979138], [43558282.559553534], [5774560606.4663105], [781672297823.9775]], [27.239871823604442, 11.30192195213633, 4.880792585865024, 2.279585302336067, 1.2660658777520082, 1.0, 1.2660658777520082, 2.279585302336067, 4.880792585865024, 11.30192195213633, 27.239871823604442, 67.23440697647797, 168.59390851028968, 427.56411572180474, 1093.5883545113745, 2815.716628466254, 7288.489339821248, 18948.92534929631])
def bessel_made(n):
    return np.i0(np.linspace(-30.0, 30.0, n).reshape(n, 1)), np.i0(np.arange(-5, n))


# run: bessel_numbers(2.5)
# expect: (3.289839144050123, 4.880792585865024, [1.2660658777520082, 1093.5883545113745], ())
# run: bessel_numbers(9.5)
# expect: (1753.480990527323, 4.880792585865024, [1.2660658777520082, 1093.5883545113745], ())
def bessel_numbers(v):
    return np.i0(v), np.i0(3), np.i0([1.0, 9.0]), np.i0(v).shape


# a tapered periodogram's pieces: the window's energy and the tapered, centred signal
# run: tapered(16)
# expect: ([-0.0, -0.03782386228136207, 0.02067933710257138, 0.3886779406640921, 1.1735614922218818, -1.40625, -0.7914449350390396, 0.12363422504586286, 1.1127080254127657, 1.9220805565233816, -1.40625, -0.4832312026795984, 0.04318643785156579, 0.18611403392314244, 0.09185795125473646, -0.0], 5.625, 6.312295625214089)
def tapered(n):
    x = np.arange(n * 1.0) % 5
    w = np.hanning(len(x))
    xw = (x - x.mean()) * w
    return xw, np.sum(w ** 2), np.kaiser(len(x), 8.6).sum()


# run: zero_d(3.0, np.array([0.0, 1.0, 2.0]))
# expect: (4.0, -3.0, 3.0, 20.085536923187668, True, 15.0, 3.0, 3.0, 7, -1, [3.0, 4.0, 5.0], [3.0, 3.0, 3.0], 3.0, 3.0, 6.0, 2.5, 3.0, 4.5)
def zero_d(x, v):
    a = np.array(x)
    i = np.array(5)
    return (a + 1, -a, abs(a), np.exp(a), a > 1, a * i, np.maximum(a, 1), np.round(a), np.array(7).round(),
            np.fmod(np.array(-7), 3), a + v, np.where(v > a, v, a), np.where(a > 1, a, 0), a.copy(), np.sum(a * 2),
            np.sum(np.float32(2.5)), np.mean(np.int32(3)), float(a * 1.5))


# a 0-d accumulator and a number updated from it
# run: zero_d_loop(4)
# expect: (11.0, 8.0)
def zero_d_loop(n):
    z = np.zeros(())
    s = 0.0
    for i in range(n):
        z[()] = z * 2 + i
        s += z * 0.5
    return z, s

