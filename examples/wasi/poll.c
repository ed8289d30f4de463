// poll.c - waits up to 200 ms for stdin (a poll_oneoff with an fd and a
// clock subscription), then reads what arrived.
#include <poll.h>
#include <stdio.h>
#include <unistd.h>

int main(void) {
  struct pollfd p = {0, POLLIN, 0};
  int ready = poll(&p, 1, 200);
  if (ready == 0) {
    printf("timeout\n");
    return 0;
  }
  char buf[64] = {0};
  ssize_t n = read(0, buf, sizeof buf - 1);
  printf("ready %d readable %d read %zd '%s'\n", ready, (p.revents & POLLIN) != 0, n, buf);
  return 0;
}
