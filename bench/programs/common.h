/* common.h - Small helpers shared by Kiln's benchmark programs. */
#ifndef KILN_BENCH_COMMON_H
#define KILN_BENCH_COMMON_H

#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>

/* The problem size: argv[1] when given, else the program's default. */
static inline long bench_size(int argc, char **argv, long fallback) {
  if (argc > 1) {
    long n = strtol(argv[1], NULL, 10);
    if (n > 0)
      return n;
  }
  return fallback;
}

/* xorshift64*: deterministic input data, identical on every target. */
static inline uint64_t bench_rand(uint64_t *state) {
  uint64_t x = *state;
  x ^= x >> 12;
  x ^= x << 25;
  x ^= x >> 27;
  *state = x;
  return x * 0x2545F4914F6CDD1DULL;
}

/* FNV-1a over bytes, folded into a running 64-bit checksum. */
static inline uint64_t bench_fnv(uint64_t h, const void *data, size_t len) {
  const unsigned char *p = (const unsigned char *)data;
  for (size_t i = 0; i < len; ++i) {
    h ^= p[i];
    h *= 0x100000001b3ULL;
  }
  return h;
}

#define BENCH_FNV_INIT 0xcbf29ce484222325ULL

static inline void bench_checksum(const char *name, uint64_t sum) {
  printf("%s checksum %016llx\n", name, (unsigned long long)sum);
}

#endif
