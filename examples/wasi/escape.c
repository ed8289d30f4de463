// escape.c - tries to leave the preopened directory (fd 3) every way it can
// and prints the WASI errno each attempt gets. Uses the raw WASI calls so
// that wasi-libc's own path handling cannot refuse first.
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <wasi/api.h>

static void tryOpen(const char *path, int follow) {
  __wasi_fd_t fd;
  __wasi_errno_t e = __wasi_path_open(3, follow ? __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW : 0, path, 0,
                                      __WASI_RIGHTS_FD_READ, 0, 0, &fd);
  printf("open %s: %d\n", path, e);
  if (e == 0)
    (void)__wasi_fd_close(fd);
}

int main(void) {
  tryOpen("inside.txt", 1);
  tryOpen("../outside.txt", 1);
  tryOpen("sub/../../outside.txt", 1);
  tryOpen("/etc/passwd", 1);
  tryOpen("link-out", 1);   // symlink to ../outside.txt
  tryOpen("link-abs", 1);   // symlink to /etc/passwd
  tryOpen("link-in", 1);    // symlink to inside.txt
  tryOpen("link-in", 0);    // not followed: ELOOP
  __wasi_filestat_t st;
  printf("stat ..: %d\n", __wasi_path_filestat_get(3, 0, "..", &st));
  printf("stat link-out followed: %d\n",
         __wasi_path_filestat_get(3, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "link-out", &st));
  printf("mkdir ../x: %d\n", __wasi_path_create_directory(3, "../x"));
  printf("unlink ../outside.txt: %d\n", __wasi_path_unlink_file(3, "../outside.txt"));
  printf("rename to ../stolen: %d\n", __wasi_path_rename(3, "inside.txt", 3, "../stolen"));
  printf("link from ../outside.txt: %d\n", __wasi_path_link(3, 0, "../outside.txt", 3, "got"));
  printf("link link-out followed: %d\n",
         __wasi_path_link(3, __WASI_LOOKUPFLAGS_SYMLINK_FOLLOW, "link-out", 3, "got"));
  // Through wasi-libc too, which hands "../outside.txt" to the host.
  FILE *f = fopen("/sandbox/../outside.txt", "r");
  printf("fopen /sandbox/../outside.txt: %s\n", f ? "opened" : strerror(errno));
  return 0;
}
