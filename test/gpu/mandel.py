# the mandelbrot set on a 2-d grid of 2-d blocks: iteration counts are exact on every device (no libm)
# launch: mandel 4x4,8x8 np.zeros((32, 32), dtype=np.int32) 50
# launch: mandel 13x9,16x16 np.zeros((140, 200), dtype=np.int32) 100
# ptx-has: %ctaid\.y
# ptx-has: %tid\.y
from numba import cuda


def mandel(img, max_iter):
    x, y = cuda.grid(2)
    h, w = img.shape
    if x < w and y < h:
        cr = -2.0 + x * 3.0 / w
        ci = -1.5 + y * 3.0 / h
        zr = 0.0
        zi = 0.0
        n = 0
        while n < max_iter and zr * zr + zi * zi <= 4.0:
            zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
            n += 1
        img[y, x] = n
