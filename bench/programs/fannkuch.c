/* fannkuch.c - Pancake-flip counts over all permutations (branchy ints). */
#include "common.h"

int main(int argc, char **argv) {
  int n = (int)bench_size(argc, argv, 10);
  if (n > 16)
    n = 16;
  int perm[16], perm1[16], count[16];
  int maxFlips = 0, checksum = 0, permIndex = 0, r = n;
  for (int i = 0; i < n; ++i)
    perm1[i] = i;
  for (;;) {
    for (; r != 1; --r)
      count[r - 1] = r;
    for (int i = 0; i < n; ++i)
      perm[i] = perm1[i];
    int flips = 0;
    for (int k = perm[0]; k != 0; k = perm[0]) {
      for (int i = 0, j = k; i < j; ++i, --j) {
        int t = perm[i];
        perm[i] = perm[j];
        perm[j] = t;
      }
      ++flips;
    }
    if (flips > maxFlips)
      maxFlips = flips;
    checksum += (permIndex % 2 == 0) ? flips : -flips;
    /* Next permutation in the counting order. */
    for (;;) {
      if (r == n) {
        printf("%d\nPfannkuchen(%d) = %d\n", checksum, n, maxFlips);
        bench_checksum("fannkuch", (uint64_t)(uint32_t)checksum * 1000u + (uint64_t)maxFlips);
        return 0;
      }
      int first = perm1[0];
      for (int i = 0; i < r; ++i)
        perm1[i] = perm1[i + 1];
      perm1[r] = first;
      if (--count[r] > 0)
        break;
      ++r;
    }
    ++permIndex;
  }
}
