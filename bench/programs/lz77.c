/* lz77.c - An LZ77 compressor (hash chains) and decompressor round trip. */
#include "common.h"
#include <string.h>

enum { WindowBits = 16, Window = 1 << WindowBits, HashBits = 15, MinMatch = 4,
       MaxMatch = 258, MaxChain = 32 };

/* Text-like input: words from a small vocabulary, with punctuation. */
static void generate(unsigned char *out, size_t size) {
  static const char *Words[] = {"the", "kiln", "fires", "clay", "into", "stone", "while",
                                "a", "compiler", "turns", "bytes", "code", "of", "and",
                                "webassembly", "modules", "run", "fast", "native", "memory"};
  uint64_t s = 1234;
  size_t n = 0;
  while (n < size) {
    const char *w = Words[bench_rand(&s) % 20];
    while (*w && n < size)
      out[n++] = (unsigned char)*w++;
    if (n < size)
      out[n++] = (bench_rand(&s) % 11 == 0) ? '\n' : ' ';
    if (n < size && bench_rand(&s) % 53 == 0)
      out[n++] = (unsigned char)('0' + bench_rand(&s) % 10);
  }
}

static inline uint32_t hash4(const unsigned char *p) {
  uint32_t v;
  memcpy(&v, p, 4);
  return (v * 2654435761u) >> (32 - HashBits);
}

/* Token stream: 0x00 len byte literals..., or 0x01 len16 dist16. */
static size_t compress(const unsigned char *in, size_t n, unsigned char *out,
                       int32_t *head, int32_t *prev) {
  for (size_t i = 0; i < (1u << HashBits); ++i)
    head[i] = -1;
  size_t o = 0, i = 0, litStart = 0;
#define FLUSH_LITERALS(end)                                                                \
  while (litStart < (end)) {                                                               \
    size_t run = (end) - litStart > 255 ? 255 : (end) - litStart;                          \
    out[o++] = 0;                                                                          \
    out[o++] = (unsigned char)run;                                                         \
    memcpy(out + o, in + litStart, run);                                                   \
    o += run;                                                                              \
    litStart += run;                                                                       \
  }
  while (i + MinMatch <= n) {
    uint32_t h = hash4(in + i);
    int32_t cand = head[h];
    size_t bestLen = 0, bestDist = 0;
    for (int chain = 0; cand >= 0 && chain < MaxChain; ++chain) {
      size_t dist = i - (size_t)cand;
      if (dist >= Window)
        break;
      size_t len = 0, limit = n - i < MaxMatch ? n - i : MaxMatch;
      while (len < limit && in[cand + len] == in[i + len])
        ++len;
      if (len > bestLen) {
        bestLen = len;
        bestDist = dist;
      }
      cand = prev[cand & (Window - 1)];
    }
    prev[i & (Window - 1)] = head[h];
    head[h] = (int32_t)i;
    if (bestLen >= MinMatch) {
      FLUSH_LITERALS(i);
      out[o++] = 1;
      out[o++] = (unsigned char)bestLen;
      out[o++] = (unsigned char)(bestLen >> 8);
      out[o++] = (unsigned char)bestDist;
      out[o++] = (unsigned char)(bestDist >> 8);
      for (size_t k = 1; k < bestLen && i + k + MinMatch <= n; ++k) {
        uint32_t hk = hash4(in + i + k);
        prev[(i + k) & (Window - 1)] = head[hk];
        head[hk] = (int32_t)(i + k);
      }
      i += bestLen;
      litStart = i;
    } else {
      ++i;
    }
  }
  FLUSH_LITERALS(n);
  return o;
}

static size_t decompress(const unsigned char *in, size_t n, unsigned char *out) {
  size_t o = 0;
  for (size_t i = 0; i < n;) {
    if (in[i] == 0) {
      size_t run = in[i + 1];
      memcpy(out + o, in + i + 2, run);
      o += run;
      i += 2 + run;
    } else {
      size_t len = in[i + 1] | (size_t)in[i + 2] << 8;
      size_t dist = in[i + 3] | (size_t)in[i + 4] << 8;
      for (size_t k = 0; k < len; ++k, ++o)
        out[o] = out[o - dist];
      i += 5;
    }
  }
  return o;
}

int main(int argc, char **argv) {
  long mib = bench_size(argc, argv, 6);
  size_t size = (size_t)mib << 20;
  unsigned char *in = malloc(size), *packed = malloc(size + size / 64 + 16);
  unsigned char *back = malloc(size);
  int32_t *head = malloc(sizeof(int32_t) << HashBits), *prev = malloc(sizeof(int32_t) * Window);
  generate(in, size);
  size_t packedSize = compress(in, size, packed, head, prev);
  size_t backSize = decompress(packed, packedSize, back);
  if (backSize != size || memcmp(in, back, size) != 0) {
    printf("round trip failed\n");
    return 1;
  }
  printf("lz77: %zu -> %zu bytes (%.1f%%)\n", size, packedSize, 100.0 * packedSize / size);
  uint64_t sum = bench_fnv(BENCH_FNV_INIT, packed, packedSize);
  uint64_t wide = (uint64_t)packedSize; /* size_t is 32-bit on wasm32 */
  bench_checksum("lz77", bench_fnv(sum, &wide, sizeof wide));
  return 0;
}
