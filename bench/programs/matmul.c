/* matmul.c - Dense double-precision matrix multiply (i-k-j order). */
#include "common.h"
#include <string.h>

int main(int argc, char **argv) {
  long n = bench_size(argc, argv, 500);
  double *a = malloc(sizeof(double) * n * n);
  double *b = malloc(sizeof(double) * n * n);
  double *c = malloc(sizeof(double) * n * n);
  uint64_t s = 42;
  for (long i = 0; i < n * n; ++i) {
    a[i] = (double)(bench_rand(&s) % 2001) / 1000.0 - 1.0;
    b[i] = (double)(bench_rand(&s) % 2001) / 1000.0 - 1.0;
  }
  uint64_t sum = BENCH_FNV_INIT;
  for (int round = 0; round < 4; ++round) {
    memset(c, 0, sizeof(double) * n * n);
    for (long i = 0; i < n; ++i)
      for (long k = 0; k < n; ++k) {
        double aik = a[i * n + k];
        for (long j = 0; j < n; ++j)
          c[i * n + j] += aik * b[k * n + j];
      }
    /* Feed the product back so rounds cannot be merged. */
    for (long i = 0; i < n * n; ++i)
      a[i] = c[i] / (double)n;
    sum = bench_fnv(sum, c, sizeof(double) * n * n);
  }
  printf("c[0]=%.12g c[last]=%.12g\n", c[0], c[n * n - 1]);
  bench_checksum("matmul", sum);
  return 0;
}
