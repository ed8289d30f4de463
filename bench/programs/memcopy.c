/* memcopy.c - Memory-bound copying: large memcpy, overlapping memmove,
   small variable-size copies and a hand-written word copy loop. */
#include "common.h"
#include <string.h>

/* noinline and volatile-free: the loop must stay a loop of loads/stores. */
__attribute__((noinline)) static void copyWords(uint64_t *dst, const uint64_t *src, size_t n) {
  for (size_t i = 0; i < n; ++i)
    dst[i] = src[i] ^ (uint64_t)i;
}

int main(int argc, char **argv) {
  long rounds = bench_size(argc, argv, 16);
  const size_t Size = 16u << 20;
  unsigned char *a = malloc(Size), *b = malloc(Size);
  uint64_t s = 5;
  for (size_t i = 0; i < Size; i += 8) {
    uint64_t v = bench_rand(&s);
    memcpy(a + i, &v, 8);
  }
  uint64_t sum = BENCH_FNV_INIT;
  for (long r = 0; r < rounds; ++r) {
    memcpy(b, a, Size);
    memmove(b + 1 + r, b, Size - 1 - (size_t)r);      /* overlapping, forwards */
    memmove(a, a + 3, Size - 3);                       /* overlapping, backwards */
    for (size_t off = 0, n = 1; off + n < Size; off += n, n = (n * 7 + 3) % 4096 + 1)
      memcpy(a + off, b + (Size - off - n), n);        /* many small copies */
    copyWords((uint64_t *)b, (const uint64_t *)a, Size / 8);
    sum = bench_fnv(sum, b + (size_t)r * 4099 % (Size - 64), 64);
    sum = bench_fnv(sum, a + (size_t)r * 7919 % (Size - 64), 64);
  }
  sum = bench_fnv(sum, a, 4096);
  printf("memcopy: %ld rounds of %zu MiB\n", rounds, Size >> 20);
  bench_checksum("memcopy", sum);
  return 0;
}
