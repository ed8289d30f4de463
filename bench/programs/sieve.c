/* sieve.c - Sieve of Eratosthenes over a byte array, several passes. */
#include "common.h"
#include <string.h>

int main(int argc, char **argv) {
  long limit = bench_size(argc, argv, 16000000);
  if (limit < 10000)
    limit = 10000; /* three passes shrink the range by 2000 */
  unsigned char *composite = malloc((size_t)limit + 1);
  uint64_t sum = BENCH_FNV_INIT;
  long count = 0;
  for (int pass = 0; pass < 3; ++pass) {
    long top = limit - pass * 1000;
    memset(composite, 0, (size_t)top + 1);
    for (long i = 2; i * i <= top; ++i)
      if (!composite[i])
        for (long j = i * i; j <= top; j += i)
          composite[j] = 1;
    count = 0;
    uint64_t last = 0;
    for (long i = 2; i <= top; ++i)
      if (!composite[i]) {
        ++count;
        last = (uint64_t)i;
      }
    uint64_t wide = (uint64_t)count; /* long is 32-bit on wasm32 */
    sum = bench_fnv(sum, &wide, sizeof wide);
    sum = bench_fnv(sum, &last, sizeof last);
  }
  printf("primes up to %ld: %ld\n", limit - 2000, count);
  bench_checksum("sieve", sum);
  return 0;
}
