/* quicksort.c - Our own quicksort (median of three, insertion sort tail). */
#include "common.h"

static void insertion(uint32_t *a, long lo, long hi) {
  for (long i = lo + 1; i <= hi; ++i) {
    uint32_t v = a[i];
    long j = i - 1;
    while (j >= lo && a[j] > v) {
      a[j + 1] = a[j];
      --j;
    }
    a[j + 1] = v;
  }
}

static void swap(uint32_t *a, long i, long j) {
  uint32_t t = a[i];
  a[i] = a[j];
  a[j] = t;
}

static void quicksort(uint32_t *a, long lo, long hi) {
  while (hi - lo > 16) {
    long mid = lo + (hi - lo) / 2;
    if (a[mid] < a[lo]) swap(a, mid, lo);
    if (a[hi] < a[lo]) swap(a, hi, lo);
    if (a[hi] < a[mid]) swap(a, hi, mid);
    uint32_t pivot = a[mid];
    long i = lo, j = hi;
    while (i <= j) {
      while (a[i] < pivot) ++i;
      while (a[j] > pivot) --j;
      if (i <= j) swap(a, i++, j--);
    }
    /* Recurse into the smaller side; loop on the larger. */
    if (j - lo < hi - i) {
      quicksort(a, lo, j);
      lo = i;
    } else {
      quicksort(a, i, hi);
      hi = j;
    }
  }
  insertion(a, lo, hi);
}

int main(int argc, char **argv) {
  long n = bench_size(argc, argv, 1500000);
  uint32_t *a = malloc(sizeof(uint32_t) * n);
  uint64_t s = 7, sum = BENCH_FNV_INIT;
  for (int round = 0; round < 2; ++round) {
    for (long i = 0; i < n; ++i)
      a[i] = (uint32_t)(bench_rand(&s) >> 32) % (round ? 1000u : 0xffffffffu);
    quicksort(a, 0, n - 1);
    for (long i = 1; i < n; ++i)
      if (a[i - 1] > a[i]) {
        printf("not sorted at %ld\n", i);
        return 1;
      }
    for (long i = 0; i < n; i += 997)
      sum = bench_fnv(sum, &a[i], sizeof a[i]);
  }
  printf("min %u max %u\n", a[0], a[n - 1]);
  bench_checksum("quicksort", sum);
  return 0;
}
