# saxpy in float32 and float64: IEEE mul and add, never contracted into an fma (the CPU tiers do not fuse)
# launch: saxpy 4,4 2.5 np.arange(13, dtype=np.float32) np.ones(13, dtype=np.float32) np.zeros(13, dtype=np.float32)
# expect: x = [0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0, 12.0]
# expect: y = [1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0, 1.0]
# expect: out = [1.0, 3.5, 6.0, 8.5, 11.0, 13.5, 16.0, 18.5, 21.0, 23.5, 26.0, 28.5, 31.0]
# launch: saxpy 40,256 0.1 np.arange(10000, dtype=np.float32) np.ones(10000, dtype=np.float32) np.zeros(10000, dtype=np.float32)
# launch: saxpy 40,256 0.1 np.arange(10000, dtype=np.float64) np.ones(10000, dtype=np.float64) np.zeros(10000, dtype=np.float64)
# launch: saxpy_strided 8,128 3 np.arange(5000, dtype=np.float32) np.ones(5000, dtype=np.float32)
# ptx-has: mul\.rn\.f32
# ptx-has: add\.rn\.f32
# ptx-lacks: fma\.
# ptx-lacks: \.ftz
from numba import cuda


def saxpy(a, x, y, out):
    i = cuda.grid(1)
    if i < x.size:
        out[i] = a * x[i] + y[i]


def saxpy_strided(a, x, y):
    # a grid-stride loop: every element whatever the grid
    start = cuda.grid(1)
    step = cuda.gridsize(1)
    for i in range(start, x.shape[0], step):
        y[i] = a * x[i] + y[i]
