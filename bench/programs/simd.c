/* simd.c - Image/signal kernels written as plain loops that clang
   vectorises: built once scalar and once with SIMD (-msimd128 for Wasm,
   SSE2 natively); both builds must print the same checksum. */
#include "common.h"
#include <string.h>

enum { N = 1 << 20 };

/* out = (a*alpha + b*(255-alpha) + 128) >> 8, per byte. */
__attribute__((noinline)) static void blend(uint8_t *restrict out, const uint8_t *restrict a,
                                            const uint8_t *restrict b,
                                            const uint8_t *restrict alpha, size_t n) {
  for (size_t i = 0; i < n; ++i)
    out[i] = (uint8_t)((a[i] * alpha[i] + b[i] * (255 - alpha[i]) + 128) >> 8);
}

/* Sum of absolute differences of two byte buffers. */
__attribute__((noinline)) static uint32_t sad(const uint8_t *restrict a,
                                              const uint8_t *restrict b, size_t n) {
  uint32_t s = 0;
  for (size_t i = 0; i < n; ++i)
    s += (uint32_t)(a[i] > b[i] ? a[i] - b[i] : b[i] - a[i]);
  return s;
}

/* 16-tap fixed-point FIR filter: y[i] = sum x[i+k]*h[k] >> 15. */
__attribute__((noinline)) static void fir(int16_t *restrict y, const int16_t *restrict x,
                                          const int16_t *restrict h, size_t n) {
  for (size_t i = 0; i < n; ++i) {
    int32_t acc = 0;
    for (int k = 0; k < 16; ++k)
      acc += x[i + k] * h[k];
    y[i] = (int16_t)(acc >> 15);
  }
}

/* y = a*x + y in single precision (element-wise, so exactly reproducible). */
__attribute__((noinline)) static void saxpy(float *restrict y, const float *restrict x, float a,
                                            size_t n) {
  for (size_t i = 0; i < n; ++i)
    y[i] = a * x[i] + y[i];
}

int main(int argc, char **argv) {
  long rounds = bench_size(argc, argv, 30);
  uint8_t *a = malloc(N), *b = malloc(N), *alpha = malloc(N), *out = malloc(N);
  int16_t *x = malloc(sizeof(int16_t) * (N + 16)), *y = malloc(sizeof(int16_t) * N);
  float *fx = malloc(sizeof(float) * N), *fy = malloc(sizeof(float) * N);
  int16_t h[16];
  uint64_t s = 3;
  for (size_t i = 0; i < N; ++i) {
    a[i] = (uint8_t)bench_rand(&s);
    b[i] = (uint8_t)bench_rand(&s);
    alpha[i] = (uint8_t)bench_rand(&s);
    x[i] = (int16_t)(bench_rand(&s) & 0x3fff) - 0x2000;
    fx[i] = (float)(bench_rand(&s) % 1000) / 1000.0f;
    fy[i] = 0.0f;
  }
  for (int k = 0; k < 16; ++k) {
    h[k] = (int16_t)(2000 - 250 * k);
    x[N + k] = 0;
  }
  uint64_t sum = BENCH_FNV_INIT;
  for (long r = 0; r < rounds; ++r) {
    blend(out, a, b, alpha, N);
    uint32_t d = sad(out, a, N);
    fir(y, x, h, N);
    saxpy(fy, fx, 0.5f + (float)(r & 3), N);
    sum = bench_fnv(sum, &d, sizeof d);
    sum = bench_fnv(sum, out + (r * 4111) % (N - 64), 64);
    sum = bench_fnv(sum, y + (r * 2053) % (N - 64), 64);
    /* Feed results back so rounds differ. */
    memcpy(b, out, N);
    x[r % N] = y[(r * 31) % N];
  }
  sum = bench_fnv(sum, fy, sizeof(float) * N);
  printf("simd: %ld rounds over %d elements\n", rounds, N);
  bench_checksum("simd", sum);
  return 0;
}
