# Mandelbrot grid: escape counts over re in [-2, 1], im in [-1.5, 1.5] with
# the endpoints included (np.linspace's points), z starting at c, at most
# max_iter iterations per point.
# suite: grid 1000 1000 100 = 20114724

def point(cr, ci, max_iter):
    zr = cr
    zi = ci
    n = 0
    while n < max_iter and zr * zr + zi * zi <= 4.0:
        zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
        n += 1
    return n

def grid(w, h, max_iter):
    sr = 3.0 / (w - 1)
    si = 3.0 / (h - 1)
    total = 0
    for j in range(h):
        ci = 1.5 if j == h - 1 else j * si - 1.5
        for i in range(w):
            cr = 1.0 if i == w - 1 else i * sr - 2.0
            zr = cr
            zi = ci
            n = 0
            while n < max_iter and zr * zr + zi * zi <= 4.0:
                zr, zi = zr * zr - zi * zi + cr, 2.0 * zr * zi + ci
                n += 1
            total += n
    return total

def grid_calls(w, h, max_iter):
    sr = 3.0 / (w - 1)
    si = 3.0 / (h - 1)
    total = 0
    for j in range(h):
        ci = 1.5 if j == h - 1 else j * si - 1.5
        for i in range(w):
            cr = 1.0 if i == w - 1 else i * sr - 2.0
            total += point(cr, ci, max_iter)
    return total
