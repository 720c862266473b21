# np.dtype(x) and NumPy's spellings of a dtype (lower/call.c cl_dtype_arg): a dtype, a scalar type, Python's
# float/int/bool/complex, names ('float64', 'uint'), array-protocol codes with or without a byte order ('f8',
# '<f4', '|b1') and one-letter type characters ('d', 'i', 'B', '?'), wherever a dtype is taken.
import numpy as np

# run: named(3)
# expect: (3.0, True, 8, True, 2, True, [0, 1, 2])
def named(n):
    a = np.empty((n,), dtype=np.dtype('float64'))
    a[:] = 1
    b = np.zeros(n, dtype='i4')
    c = np.ones(n, dtype='<f4')
    d = np.dtype(np.int16)
    return (a.sum(), b.dtype == np.int32, np.dtype('c8').itemsize, c.dtype == np.float32, d.itemsize,
            np.zeros(2, dtype=np.dtype(float)).dtype == np.float64, np.arange(3, dtype='u1').tolist())

# run: codes(2)
# expect: ([8, 8, 8], (True, True, True, True, True, True, True, True, True, True, True, True, True, True, True, True, True, True), ([False, False], [False, False], [False, False], [(1+0j), (1+0j)], [(1+0j), (1+0j)], True, [(1+0j), (1+0j)], [True, True], True, True, [7, 7]))
def codes(n):
    out = []
    for x in (np.zeros(n, dtype='f8'), np.zeros(n, dtype='d'), np.zeros(n, dtype='float')):
        out.append(x.dtype.itemsize)
    ints = (np.zeros(n, dtype='i8').dtype == np.int64, np.zeros(n, dtype='i2').dtype == np.int16,
            np.zeros(n, dtype='i1').dtype == np.int8, np.zeros(n, dtype='u8').dtype == np.uint64,
            np.zeros(n, dtype='u4').dtype == np.uint32, np.zeros(n, dtype='u2').dtype == np.uint16,
            np.zeros(n, dtype='l').dtype == np.int64, np.zeros(n, dtype='q').dtype == np.int64,
            np.zeros(n, dtype='i').dtype == np.int32, np.zeros(n, dtype='h').dtype == np.int16,
            np.zeros(n, dtype='b').dtype == np.int8, np.zeros(n, dtype='B').dtype == np.uint8,
            np.zeros(n, dtype='H').dtype == np.uint16, np.zeros(n, dtype='I').dtype == np.uint32,
            np.zeros(n, dtype='L').dtype == np.uint64, np.zeros(n, dtype='Q').dtype == np.uint64,
            np.zeros(n, dtype='int').dtype == np.int64, np.zeros(n, dtype='uint').dtype == np.uint64)
    other = (np.zeros(n, dtype='?').tolist(), np.zeros(n, dtype='b1').tolist(), np.zeros(n, dtype='|b1').tolist(),
             np.ones(n, dtype='c16').tolist(), np.ones(n, dtype='D').tolist(), np.ones(n, dtype='F').dtype == np.complex64,
             np.ones(n, dtype='complex').tolist(), np.ones(n, dtype='bool').tolist(), np.ones(n, dtype='f').dtype == np.float32,
             np.arange(n).astype('=i4').dtype == np.int32, np.full(n, 7, dtype='u1').tolist())
    return out, ints, other
