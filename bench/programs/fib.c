/* fib.c - Doubly recursive Fibonacci: call and return overhead. */
#include "common.h"

/* noinline keeps the recursion a real call chain at -O2. */
__attribute__((noinline)) static uint32_t fib(uint32_t n) {
  return n < 2 ? n : fib(n - 1) + fib(n - 2);
}

int main(int argc, char **argv) {
  uint32_t n = (uint32_t)bench_size(argc, argv, 39);
  uint32_t r = fib(n);
  printf("fib(%u) = %u\n", n, r);
  bench_checksum("fib", r);
  return 0;
}
