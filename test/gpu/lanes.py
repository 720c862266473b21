# cuda.laneid (the thread's number in its block, x fastest, modulo 32) and cuda.warpsize, on a 2-d block
# launch: lanes 1,8x8 np.zeros((8, 8), dtype=np.int64)
# expect: out = [[32, 132, 232, 332, 432, 532, 632, 732], [832, 932, 1032, 1132, 1232, 1332, 1432, 1532], [1632, 1732, 1832, 1932, 2032, 2132, 2232, 2332], [2432, 2532, 2632, 2732, 2832, 2932, 3032, 3132], [32, 132, 232, 332, 432, 532, 632, 732], [832, 932, 1032, 1132, 1232, 1332, 1432, 1532], [1632, 1732, 1832, 1932, 2032, 2132, 2232, 2332], [2432, 2532, 2632, 2732, 2832, 2932, 3032, 3132]]
# ptx-has: %laneid
from numba import cuda


def lanes(out):
    x, y = cuda.grid(2)
    out[y, x] = cuda.laneid * 100 + cuda.warpsize
