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
