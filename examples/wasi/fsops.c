// fsops.c - exercises the file-system, clock, random and poll calls inside
// the directory argv[1] and prints deterministic results, so the output of
// a native build and of the WebAssembly build can be compared.
#define _GNU_SOURCE
#include <dirent.h>
#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <sched.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

static char path[512];
static const char *at(const char *dir, const char *name) {
  snprintf(path, sizeof path, "%s/%s", dir, name);
  return path;
}

static int byName(const void *a, const void *b) {
  return strcmp(*(char *const *)a, *(char *const *)b);
}

static void listDirectory(const char *dir) {
  DIR *d = opendir(dir);
  char *names[64];
  int count = 0;
  for (struct dirent *e; d && (e = readdir(d)) && count < 64;)
    if (strcmp(e->d_name, ".") && strcmp(e->d_name, ".."))
      names[count++] = strdup(e->d_name);
  closedir(d);
  qsort(names, count, sizeof *names, byName);
  for (int i = 0; i < count; ++i)
    printf("  entry %s\n", names[i]);
}

static void fileOps(const char *dir) {
  int fd = open(at(dir, "data.bin"), O_RDWR | O_CREAT | O_TRUNC, 0644);
  printf("write %zd\n", write(fd, "hello, world", 12));
  printf("seek %lld tell %lld\n", (long long)lseek(fd, 7, SEEK_SET), (long long)lseek(fd, 0, SEEK_CUR));
  char buf[16] = {0};
  printf("read %zd '%s'\n", read(fd, buf, 5), buf);
  printf("pwrite %zd\n", pwrite(fd, "HELLO", 5, 0));
  memset(buf, 0, sizeof buf);
  printf("pread %zd '%s'\n", pread(fd, buf, 12, 0), buf);
  printf("fsync %d fdatasync %d\n", fsync(fd), fdatasync(fd));
  printf("fadvise %d fallocate %d\n", posix_fadvise(fd, 0, 12, POSIX_FADV_SEQUENTIAL),
         posix_fallocate(fd, 0, 100));
  struct stat st;
  fstat(fd, &st);
  printf("size after fallocate %lld regular %d\n", (long long)st.st_size, S_ISREG(st.st_mode));
  printf("ftruncate %d\n", ftruncate(fd, 5));
  fstat(fd, &st);
  printf("size after ftruncate %lld\n", (long long)st.st_size);
  struct timespec times[2] = {{1000000, 0}, {2000000, 500}};
  printf("futimens %d\n", futimens(fd, times));
  fstat(fd, &st);
  printf("mtime %lld.%09ld\n", (long long)st.st_mtim.tv_sec, st.st_mtim.tv_nsec);
  int flags = fcntl(fd, F_GETFL);
  printf("append before %d\n", (flags & O_APPEND) != 0);
  fcntl(fd, F_SETFL, flags | O_APPEND);
  printf("append after %d\n", (fcntl(fd, F_GETFL) & O_APPEND) != 0);
  close(fd);
}

static void nameOps(const char *dir) {
  char other[512];
  printf("mkdir %d\n", mkdir(at(dir, "d"), 0755));
  printf("mkdir again %d errno %s\n", mkdir(at(dir, "d"), 0755), strerror(errno));
  snprintf(other, sizeof other, "%s/d/moved.bin", dir);
  printf("rename %d\n", rename(at(dir, "data.bin"), other));
  printf("symlink %d\n", symlink("d/moved.bin", at(dir, "sym")));
  char target[64] = {0};
  printf("readlink %zd '%s'\n", readlink(at(dir, "sym"), target, sizeof target - 1), target);
  struct stat st;
  printf("lstat %d link %d\n", lstat(at(dir, "sym"), &st), S_ISLNK(st.st_mode));
  printf("stat %d size %lld\n", stat(at(dir, "sym"), &st), (long long)st.st_size);
  printf("link %d\n", link(other, at(dir, "hard")));
  stat(other, &st);
  printf("nlink %d\n", (int)st.st_nlink);
  struct timeval tv[2] = {{3000000, 0}, {4000000, 0}};
  printf("utimes %d\n", utimes(at(dir, "hard"), tv));
  stat(at(dir, "hard"), &st);
  printf("mtime %lld\n", (long long)st.st_mtim.tv_sec);
  listDirectory(dir);
  printf("rmdir nonempty %d errno %s\n", rmdir(at(dir, "d")), strerror(errno));
  printf("unlink %d %d %d\n", unlink(other), unlink(at(dir, "sym")), unlink(at(dir, "hard")));
  printf("rmdir %d\n", rmdir(at(dir, "d")));
  printf("open missing %d errno %s\n", open(at(dir, "missing"), O_RDONLY), strerror(errno));
  listDirectory(dir);
}

static void timeOps(void) {
  struct timespec a, b, res;
  clock_gettime(CLOCK_MONOTONIC, &a);
  struct timespec nap = {0, 20 * 1000 * 1000};
  printf("nanosleep %d\n", nanosleep(&nap, NULL));
  clock_gettime(CLOCK_MONOTONIC, &b);
  long long ns = (b.tv_sec - a.tv_sec) * 1000000000LL + (b.tv_nsec - a.tv_nsec);
  printf("slept at least 20ms %d\n", ns >= 20000000LL);
  printf("getres %d\n", clock_getres(CLOCK_MONOTONIC, &res));
  printf("realtime after 2020 %d\n", time(NULL) > 1577836800);
  unsigned char r1[32] = {0}, r2[32] = {0};
  printf("getentropy %d %d differ %d\n", getentropy(r1, 32), getentropy(r2, 32),
         memcmp(r1, r2, 32) != 0);
  printf("sched_yield %d\n", sched_yield());
  struct pollfd p = {1, POLLOUT, 0};
  printf("poll stdout %d writable %d\n", poll(&p, 1, 1000), (p.revents & POLLOUT) != 0);
}

int main(int argc, char **argv) {
  if (argc != 2) {
    fprintf(stderr, "usage: fsops DIR\n");
    return 2;
  }
  fileOps(argv[1]);
  nameOps(argv[1]);
  timeOps();
  return 0;
}
