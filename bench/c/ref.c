/*
 * ref.c — the benchmark kernels written in plain C, compiled with
 * gcc -O3 -march=native: the reference every tier is measured against.
 */
#include <stdint.h>

int64_t ref_mandel_grid(int64_t w, int64_t h, int64_t max_iter) {
    double sr = 3.0 / (double)(w - 1), si = 3.0 / (double)(h - 1);
    int64_t total = 0;
    for (int64_t j = 0; j < h; j++) {
        double ci = j == h - 1 ? 1.5 : (double)j * si - 1.5;
        for (int64_t i = 0; i < w; i++) {
            double cr = i == w - 1 ? 1.0 : (double)i * sr - 2.0;
            double zr = cr, zi = ci;
            int64_t n = 0;
            while (n < max_iter && zr * zr + zi * zi <= 4.0) {
                double t = zr * zr - zi * zi + cr;
                zi = 2.0 * zr * zi + ci;
                zr = t;
                n++;
            }
            total += n;
        }
    }
    return total;
}

double ref_sum(const double *x, int64_t n) {
    double s = 0.0;
    for (int64_t i = 0; i < n; i++) s += x[i];
    return s;
}

void ref_saxpy(double a, const double *x, double *y, int64_t n) {
    for (int64_t i = 0; i < n; i++) y[i] = a * x[i] + y[i];
}

void ref_matmul(const double *a, const double *b, double *c, int64_t n) {
    for (int64_t i = 0; i < n; i++)
        for (int64_t k = 0; k < n; k++) {
            double aik = a[i * n + k];
            for (int64_t j = 0; j < n; j++) c[i * n + j] += aik * b[k * n + j];
        }
}

#include <math.h>
/* the same arithmetic as bench/expk.py: exp and sqrt in double, the rest in float */
void ref_expk(const float *a, const float *b, const float *c, float *out, int64_t n) {
    for (int64_t i = 0; i < n; i++) out[i] = (float)exp((double)a[i]) * b[i] + (float)sqrt((double)c[i]);
}
