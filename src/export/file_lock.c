/* file_lock: flock is per open file description, so two workers of one
 * process tree exclude each other too, and the kernel drops the lock when
 * a process dies: no stale locks after a crash. */
#include "export/file_lock.h"
#include "base/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

int narr_file_lock(const char *path, char *msg, size_t msg_size)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    int dir_len = slash ? (int)(slash - path + 1) : 0;
    size_t size = strlen(path) + 8;
    char *lock_path = malloc(size);
    if (!lock_path) {
        snprintf(msg, msg_size, L_("%s: cannot lock (out of memory)"), path);
        return -1;
    }
    /* ".feed.xml.lock", and ".narrateur-state.lock" for a hidden file. */
    snprintf(lock_path, size, "%.*s%s%s.lock", dir_len, path, base[0] == '.' ? "" : ".", base);
    int fd = open(lock_path, O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    int err = errno;
    if (fd >= 0) {
        int rc;
        while ((rc = flock(fd, LOCK_EX)) != 0 && errno == EINTR)
            ;
        if (rc != 0) {
            err = errno;
            close(fd);
            fd = -1;
        }
    }
    if (fd < 0)
        snprintf(msg, msg_size, L_("%s: cannot lock (%s)"), lock_path, strerror(err));
    free(lock_path);
    return fd;
}

void narr_file_unlock(int fd)
{
    if (fd >= 0)
        close(fd); /* closing the only descriptor releases the flock */
}
