// exit3.c - exits with status 3 after writing to stdout and stderr.
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  printf("about to exit\n");
  fprintf(stderr, "to stderr\n");
  exit(3);
}
