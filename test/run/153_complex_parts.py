# a.real and a.imag of an array (and np.real / np.imag of one) are NumPy's views: the float halves of a complex
# array's items, with its strides, so writes through them reach the array; a real array's .real is the array itself.
# A lazy expression's parts stay fused ((z * 2).real computes only the real halves).
import numpy as np


def waves(n):
    return np.exp(1j * np.linspace(0.0, 1.5, n))


# run: writes(4)
# expect: [(10+0j), (1.7551651237807455-1j), (7-1j), (0.1414744033354058-0.5j)]
def writes(n):
    z = waves(n)
    z.real[0] = 5.0
    z.imag[1:] = -1.0
    r = z.real
    r *= 2.0
    np.real(z)[2] = 7.0
    np.imag(z)[3] += 0.5
    return z


# run: layouts(3)
# expect: ((32, 16), (32, 16), (16, 32), (16, 8), True, True, 3.8353770284503255, [[0.0, 0.5646424733950354, 0.9320390859672263], [0.29552020666133955, 0.7833269096274833, 0.9974949866040544]], (3, 2), [[2.0, 1.910672978251212], [1.6506712298193567, 1.243219936541329], [0.7247155089533472, 0.1414744033354058]], [0.0, 9.0, 2.0, 3.0, 4.0, 5.0], (8,), [0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.0, 0.0, 0.0, 0.0, 0.0, 0.0], [0.29552020666133955, 0.7833269096274833, 0.9974949866040544])
def layouts(n):
    z = waves(n * 2).reshape(n, 2)
    c = z.astype(np.complex64)
    x = np.arange(n * 2.0)
    x.real[1] = 9.0
    return (z.real.strides, z.imag.strides, z.T.real.strides, c.real.strides, c.imag.dtype == np.float32, c.real.dtype == np.float32, z.real.sum(),
            z.imag.T, np.real(z).shape, (z * 2.0).real, x, x.real.strides, x.imag, np.imag(x), z[:, 1].imag)


# run: parts_2d(3)
# expect: ([[1.5j, (1+0j), (2+0j)], [(3+0j), (4+1.5j), (5+0j)], [(6+0j), (7+0j), (8+1.5j)]], [0.25j, 0.25j, (3+0.25j)], False, False)
def parts_2d(n):
    z = np.zeros((n, n), dtype=np.complex128)
    z.real[:, :] = np.arange(n * n).reshape(n, n)
    z.imag[np.arange(n), np.arange(n)] = 1.5
    c = np.zeros(n, dtype=np.complex64)
    c.imag[:] = 0.25
    c.real[-1] = 3.0
    return z, c, z.real.flags.c_contiguous, z.real.flags.f_contiguous


# np.round of complex values: NumPy's copy with each part rounded (a scalar's parts too), complex64 kept
# run: rounded(3)
# expect: ([(-2.2+0j), (-0.83-0.61j), (0.54-1.22j), (1.91-1.84j), (3.28-2.45j), (4.65-3.06j)], [(-2+0j), (-1-1j), (1-1j), (2-2j), (3-2j), (5-3j)], [(-2.2+0j), (-0.8-0.6j), (0.5-1.2j), (1.9-1.8j), (3.3-2.4j), (4.6-3.1j)], (-1-1j), (1.2-2.8j), [(-20+0j), (-10-10j), (10-10j), (20-20j), (30-20j), (50-30j)], [(-2.200000047683716+0.004000000189989805j), (-0.8299999833106995-0.609000027179718j), (0.5400000214576721-1.222000002861023j), (1.909999966621399-1.8350000381469727j), (3.2799999713897705-2.447999954223633j), (4.650000095367432-3.061000108718872j)], [(1+0j), (0.707+0.707j), 1j, (-0.707+0.707j)])
def rounded(n):
    z = (np.arange(n * 2.0) * 1.37 - 2.2) + 1j * (np.arange(n * 2.0) * -0.613 + 0.004)
    return (np.round(z, 2), np.round(z), z.round(1), np.round(z[1]), np.round(complex(1.25, -2.75), 1),
            np.around(z * 10, -1), np.round(z.astype(np.complex64), 3), np.round(np.exp(2j * np.pi * np.arange(4) / 8), 3))
