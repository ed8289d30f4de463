// primes.c - counts the primes below N (argv[1], default 10,000,000) with a
// sieve of Eratosthenes and prints the count and the largest one. The demo
// runs it AOT-compiled and JIT-compiled; both must print the same lines.
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(int argc, char **argv) {
  long limit = argc > 1 ? strtol(argv[1], NULL, 10) : 10000000;
  if (limit < 2 || limit > 200000000) {
    fprintf(stderr, "usage: primes [N], 2 <= N <= 200000000\n");
    return 2;
  }
  uint8_t *composite = calloc((size_t)limit, 1);
  if (!composite) {
    fprintf(stderr, "primes: out of memory\n");
    return 1;
  }
  long count = 0, largest = 0;
  for (long i = 2; i < limit; ++i) {
    if (composite[i])
      continue;
    ++count;
    largest = i;
    // i * i overflows a 32-bit long (wasm32) for i > 46340: test by division.
    if (i > limit / i)
      continue;
    for (long j = i * i; j < limit; j += i)
      composite[j] = 1;
  }
  printf("primes below %ld: %ld (largest %ld)\n", limit, count, largest);
  free(composite);
  return 0;
}
