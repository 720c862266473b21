# np.einsum of one operand: the view NumPy returns (a permutation of the axes, a repeated label's diagonal; writes
# through it reach the operand), sums over the labels the output leaves out in the operand's dtype (int8 wraps, bool
# is or). Float sums here are of small integers (exact in any order): kiln adds pairwise where NumPy's einsum uses its
# own loops, a documented deviation in the last bits.
import numpy as np


# run: one_operand(4)
# expect: ([[0.0, 4.0, 8.0, 12.0], [1.0, 5.0, 9.0, 13.0], [2.0, 6.0, 10.0, 14.0], [3.0, 7.0, 11.0, 15.0]], [0.0, 5.0, 10.0, 15.0], 30.0, 30.0, 120.0, [6.0, 22.0, 38.0, 54.0], [24.0, 28.0, 32.0, 36.0], [[0.0, 1.0, 2.0, 3.0], [4.0, 5.0, 6.0, 7.0], [8.0, 9.0, 10.0, 11.0], [12.0, 13.0, 14.0, 15.0]], [[0.0, 4.0, 8.0, 12.0], [1.0, 5.0, 9.0, 13.0], [2.0, 6.0, 10.0, 14.0], [3.0, 7.0, 11.0, 15.0]], (8, 32), (40,), 6.0, [0.0, 1.0, 2.0, 3.0])
def one_operand(n):
    a = np.arange(n * n, dtype=np.float64).reshape(n, n)
    return (np.einsum("ij->ji", a), np.einsum("ii->i", a), np.einsum("ii", a), np.einsum("ii->", a), np.einsum("ij->", a),
            np.einsum("ij->i", a), np.einsum("ij->j", a), np.einsum("ij", a), np.einsum("ji", a), np.einsum("ij->ji", a).strides,
            np.einsum("ii->i", a).strides, np.einsum("i->", a[0]), np.einsum("i", a[0]))


# run: one_operand_3d(3)
# expect: ([[0, 27, 54], [90, 117, -112], [-76, -49, -22]], [[-13, 68, -107], [14, 95, -80], [41, 122, -53]], [[81, 68, 55], [108, 95, 82], [-121, 122, 109]], [[[0, 9, 18], [27, 36, 45], [54, 63, 72]], [[81, 90, 99], [108, 117, 126], [-121, -112, -103]], [[-94, -85, -76], [-67, -58, -49], [-40, -31, -22]]], [[[0, 81, -94], [27, 108, -67], [54, -121, -40]], [[9, 90, -85], [36, 117, -58], [63, -112, -31]], [[18, 99, -76], [45, 126, -49], [72, -103, -22]]], [68, 95, 122], 87, [True, True, True], True, (1, 3, 9))
def one_operand_3d(n):
    b = np.arange(n * n * n, dtype=np.int8).reshape(n, n, n) * 9
    m = np.arange(n * n * n).reshape(n, n, n) % 4 == 1
    return (np.einsum("iji->ij", b), np.einsum("ijk->kj", b), np.einsum("ijk->ki", b), np.einsum("ijk", b), np.einsum("kji", b),
            np.einsum("iik->k", b), np.einsum("ijk->", b), np.einsum("ijk->j", m), np.einsum("ijk->", m), np.einsum("kji", b).strides)


# run: writes_through(3)
# expect: [[100.0, 1.5, 2.0], [3.0, 4.0, 5.0], [6.0, 7.0, 8.0]]
def writes_through(n):
    a = np.arange(n * n * 1.0).reshape(n, n)
    d = np.einsum("ii->i", a)
    d[0] = 100.0
    t = np.einsum("ij->ji", a)
    t[1, 0] += 0.5
    return a


# run: diagonal_mismatch(2)
# expect-error: line 40: ValueError: dimensions in single operand for collapsing index 'i' don't match (2 != 3)
def diagonal_mismatch(n):
    return np.einsum("ii->i", np.ones((n, n + 1)))
