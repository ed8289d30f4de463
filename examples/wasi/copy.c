// copy.c - copies argv[1] to argv[2] (paths inside a preopened directory).
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc != 3) {
    fprintf(stderr, "usage: copy FROM TO\n");
    return 2;
  }
  FILE *in = fopen(argv[1], "rb");
  if (!in) {
    perror(argv[1]);
    return 1;
  }
  FILE *out = fopen(argv[2], "wb");
  if (!out) {
    perror(argv[2]);
    return 1;
  }
  char buffer[4096];
  size_t n, total = 0;
  while ((n = fread(buffer, 1, sizeof buffer, in)) > 0) {
    fwrite(buffer, 1, n, out);
    total += n;
  }
  fclose(in);
  if (fclose(out) != 0) {
    perror("close");
    return 1;
  }
  printf("copied %zu bytes\n", total);
  return 0;
}
