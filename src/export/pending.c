/* pending: temporary-then-rename files (see pending.h). */
#include "export/pending.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* "dir/name" + tag → "dir/.name.tagXXXXXX" (a mkstemp template). */
static char *temp_template(const char *path, const char *tag)
{
    const char *slash = strrchr(path, '/');
    int dir = slash ? (int)(slash - path + 1) : 0;
    size_t size = strlen(path) + strlen(tag) + 16;
    char *tmp = malloc(size);
    if (tmp)
        snprintf(tmp, size, "%.*s.%s.%sXXXXXX", dir, path, path + dir, tag);
    return tmp;
}

narr_status narr_pending_open(narr_pending *f, const char *path, char *msg, size_t msg_size)
{
    f->fd = -1;
    f->tmp_path = NULL;
    f->path = strdup(path);
    char *tmp = temp_template(path, "");
    if (!f->path || !tmp) {
        free(tmp);
        narr_pending_discard(f);
        snprintf(msg, msg_size, "out of memory");
        return NARR_E_NOMEM;
    }
    int fd = mkstemp(tmp);
    if (fd < 0) {
        snprintf(msg, msg_size, "%s: cannot create the output file: %s; choose a writable "
                 "folder", path, strerror(errno));
        free(tmp);
        narr_pending_discard(f);
        return NARR_E_IO;
    }
    /* mkstemp makes the file private (0600); give it the usual mode. */
    mode_t mask = umask(0);
    umask(mask);
    (void)fchmod(fd, 0666 & ~mask); /* on failure it stays private: harmless */
    f->tmp_path = tmp;
    f->fd = fd;
    return NARR_OK;
}

narr_status narr_pending_publish(narr_pending *f, char *msg, size_t msg_size)
{
    if (f->fd >= 0) {
        int rc = close(f->fd);
        f->fd = -1;
        if (rc != 0) {
            snprintf(msg, msg_size, "%s: cannot complete the file: %s", f->path, strerror(errno));
            return NARR_E_IO;
        }
    }
    if (!f->tmp_path || rename(f->tmp_path, f->path) != 0) {
        snprintf(msg, msg_size, "%s: cannot rename the finished file: %s", f->path,
                 strerror(errno));
        return NARR_E_IO;
    }
    free(f->tmp_path);
    f->tmp_path = NULL;
    return NARR_OK;
}

void narr_pending_discard(narr_pending *f)
{
    if (f->fd >= 0)
        close(f->fd);
    f->fd = -1;
    if (f->tmp_path)
        unlink(f->tmp_path);
    free(f->tmp_path);
    f->tmp_path = NULL;
    free(f->path);
    f->path = NULL;
}

int narr_scratch_fd(const char *path)
{
    char *tmp = temp_template(path, "scratch.");
    if (!tmp) {
        errno = ENOMEM;
        return -1;
    }
    int fd = mkstemp(tmp);
    if (fd >= 0)
        unlink(tmp);
    free(tmp);
    return fd;
}
