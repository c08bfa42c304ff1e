/* pending: temporary-then-rename files (see pending.h). E.g. `-o ep.mp3`
 * where ep.mp3 is a link to shows/ep.mp3 writes shows/.ep.mp3.a1B2c3,
 * then renames it to shows/ep.mp3; `-o /dev/full` is refused. */
#include "export/pending.h"
#include "base/i18n.h"

#include <errno.h>
#include <fcntl.h>
#include <pthread.h>
#include <signal.h>
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

/* The folder part of path: "a/b.mp3" → "a", "b.mp3" → ".", "/b" → "/". */
static char *folder_of(const char *path)
{
    const char *slash = strrchr(path, '/');
    if (!slash)
        return strdup(".");
    return strndup(path, slash == path ? 1 : (size_t)(slash - path));
}

/* path with its folder made absolute and free of links, so that the temp
 * file sits next to the real final name and two names for one file
 * compare equal. NULL with errno set. */
static char *absolute_name(const char *path)
{
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    char *folder = folder_of(path);
    char *real = folder ? realpath(folder, NULL) : NULL;
    int e = errno;
    free(folder);
    if (!real) {
        errno = e;
        return NULL;
    }
    size_t size = strlen(real) + strlen(base) + 2;
    char *name = malloc(size);
    if (name)
        snprintf(name, size, "%s%s%s", real, strcmp(real, "/") == 0 ? "" : "/", base);
    free(real);
    if (!name)
        errno = ENOMEM;
    return name;
}

/* Where a file given as path must go: *dest (owned) and, when a file is
 * there already, its status in *old (else old->st_mode is 0). Writing
 * over anything but a regular file (a device, a FIFO, a folder) would
 * replace it with a file, so that is refused; a symbolic link is
 * followed to the file it names. */
static narr_status find_destination(const char *path, char **dest, struct stat *old, char *msg,
                                    size_t msg_size)
{
    *dest = NULL;
    old->st_mode = 0;
    const char *base = strrchr(path, '/');
    base = base ? base + 1 : path;
    if (lstat(path, old) != 0) {
        int e = errno;
        old->st_mode = 0;
        if (!*base) {
            snprintf(msg, msg_size, L_("%s: not a file name; give a file name to write"), path);
            return NARR_E_IO;
        }
        if (e == ENOENT) { /* a new file */
            if ((*dest = absolute_name(path)) != NULL)
                return NARR_OK;
            e = errno;
        }
        if (e == ENOMEM) {
            snprintf(msg, msg_size, L_("out of memory"));
            return NARR_E_NOMEM;
        }
        snprintf(msg, msg_size, L_("%s: cannot create the output file: %s; choose a writable "
                 "folder"), path, strerror(e));
        return NARR_E_IO;
    }
    if (S_ISLNK(old->st_mode)) {
        /* stat, not realpath first: /dev/stdout → /proc/self/fd/1 →
         * "pipe:[…]" is a pipe to stat, a missing name to realpath. */
        char *real = NULL;
        if (stat(path, old) != 0 || (S_ISREG(old->st_mode) && !(real = realpath(path, NULL)))) {
            int e = errno;
            old->st_mode = 0;
            if (e == ENOENT)
                snprintf(msg, msg_size, L_("%s: a symbolic link to a missing file; give a file "
                         "name to write"), path);
            else
                snprintf(msg, msg_size, L_("%s: cannot follow the symbolic link: %s; give a file "
                         "name to write"), path, strerror(e));
            return e == ENOMEM ? NARR_E_NOMEM : NARR_E_IO;
        }
        *dest = real;
    }
    if (!S_ISREG(old->st_mode)) {
        free(*dest);
        *dest = NULL;
        snprintf(msg, msg_size, L_("%s: not a regular file; give a file name to write"), path);
        return NARR_E_IO;
    }
    if (!*dest && !(*dest = absolute_name(path))) {
        int e = errno;
        snprintf(msg, msg_size, L_("%s: cannot create the output file: %s; choose a writable "
                 "folder"), path, strerror(e));
        return e == ENOMEM ? NARR_E_NOMEM : NARR_E_IO;
    }
    return NARR_OK;
}

/* Standard output's stand-in: a name in the temporary folder. */
static char *stdout_destination(void)
{
    const char *dir = getenv("TMPDIR");
    if (!dir || !*dir)
        dir = "/tmp";
    size_t size = strlen(dir) + 32;
    char *dest = malloc(size);
    if (dest)
        snprintf(dest, size, "%s/narrateur-standard-output", dir);
    return dest;
}

narr_status narr_pending_open(narr_pending *f, const char *path, char *msg, size_t msg_size)
{
    f->fd = -1;
    f->path = f->dest = f->tmp_path = NULL;
    f->to_stdout = strcmp(path, NARR_PENDING_STDOUT) == 0;
    struct stat old = {0};
    narr_status st = NARR_OK;
    if (f->to_stdout)
        f->dest = stdout_destination();
    else
        st = find_destination(path, &f->dest, &old, msg, msg_size);
    if (st != NARR_OK)
        return st;
    f->path = strdup(path);
    char *tmp = temp_template(f->dest, "");
    if (!f->path || !tmp) {
        free(tmp);
        narr_pending_discard(f);
        snprintf(msg, msg_size, L_("out of memory"));
        return NARR_E_NOMEM;
    }
    int fd = mkstemp(tmp);
    if (fd < 0 && f->to_stdout) {
        snprintf(msg, msg_size, L_("standard output: cannot make its temporary file in %s: %s; "
                 "set TMPDIR to a writable folder"), f->dest, strerror(errno));
        free(tmp);
        narr_pending_discard(f);
        return NARR_E_IO;
    }
    if (fd < 0) {
        snprintf(msg, msg_size, L_("%s: cannot create the output file: %s; choose a writable "
                 "folder"), path, strerror(errno));
        free(tmp);
        narr_pending_discard(f);
        return NARR_E_IO;
    }
    /* mkstemp makes the file private (0600): give it the mode of the file
     * it replaces, or the usual one. */
    mode_t mode = old.st_mode & 0777;
    if (!old.st_mode) {
        mode_t mask = umask(0);
        umask(mask);
        mode = 0666 & ~mask;
    }
    (void)fchmod(fd, mode); /* on failure it stays private: harmless */
    f->tmp_path = tmp;
    f->fd = fd;
    return NARR_OK;
}

/* Makes a published set durable: the renames live in the folders. Best
 * effort: some file systems cannot sync a folder, and the files are
 * complete either way. */
static void sync_folder(const char *dest)
{
    char *folder = folder_of(dest);
    int fd = folder ? open(folder, O_RDONLY | O_DIRECTORY | O_CLOEXEC) : -1;
    if (fd >= 0) {
        (void)fsync(fd);
        close(fd);
    }
    free(folder);
}

typedef struct {
    bool existed;   /* a file was under the final name */
    char *kept;     /* a hard link to it, to put it back */
    bool published;
} publication;

/* Takes back what publish_all did so far and removes the hard links;
 * returns the index of the first file left replaced (its old version
 * lost, or only in pub[i].kept, which then stays), or n. */
static size_t roll_back(narr_pending *const *files, publication *pub, size_t n)
{
    size_t lost = n;
    for (size_t i = 0; i < n; i++) {
        bool left_replaced = false;
        if (pub[i].published && pub[i].kept) {
            if (rename(pub[i].kept, files[i]->dest) == 0) {
                free(pub[i].kept); /* renamed back: the link is the file again */
                pub[i].kept = NULL;
            } else {
                left_replaced = true; /* and the link is its only old version */
            }
        } else if (pub[i].published && pub[i].existed) {
            left_replaced = true;
        } else if (pub[i].published) {
            (void)unlink(files[i]->dest);
        } else if (pub[i].kept) {
            (void)unlink(pub[i].kept);
        }
        if (left_replaced && lost == n)
            lost = i;
    }
    return lost;
}

static void free_publication(publication *pub, size_t n)
{
    for (size_t i = 0; i < n; i++)
        free(pub[i].kept);
    free(pub);
}

/* The whole of f's temporary file to standard output, after the files
 * were published; the temporary file is then removed. */
static narr_status copy_to_stdout(narr_pending *f, char *msg, size_t msg_size)
{
    /* A reader that goes away ("| head -c 100") must give an error here,
     * where the temporary file is still removed, not kill the process: the
     * SIGPIPE of this thread's writes is held, and taken back if raised. */
    sigset_t pipe_signal, before, pending;
    sigemptyset(&pipe_signal);
    sigaddset(&pipe_signal, SIGPIPE);
    pthread_sigmask(SIG_BLOCK, &pipe_signal, &before);
    sigpending(&pending);
    bool was_pending = sigismember(&pending, SIGPIPE);
    narr_status st = NARR_OK;
    char chunk[65536];
    off_t at = 0;
    for (;;) {
        ssize_t got = pread(f->fd, chunk, sizeof chunk, at);
        if (got < 0 && errno == EINTR)
            continue;
        if (got == 0)
            break;
        bool ok = got > 0;
        for (ssize_t done = 0; ok && done < got;) {
            ssize_t put = write(STDOUT_FILENO, chunk + done, (size_t)(got - done));
            if (put < 0 && errno == EINTR)
                continue;
            ok = put > 0;
            done += put > 0 ? put : 0;
        }
        if (!ok) {
            int e = errno;
            snprintf(msg, msg_size, L_("standard output: cannot write: %s"), strerror(e));
            if (e == EPIPE && !was_pending) {
                const struct timespec now = {0, 0};
                (void)sigtimedwait(&pipe_signal, NULL, &now);
            }
            st = NARR_E_IO;
            break;
        }
        at += got;
    }
    pthread_sigmask(SIG_SETMASK, &before, NULL);
    if (st != NARR_OK)
        return st;
    close(f->fd);
    f->fd = -1;
    unlink(f->tmp_path);
    free(f->tmp_path);
    f->tmp_path = NULL;
    return NARR_OK;
}

narr_status narr_pending_publish_all(narr_pending *const *files, size_t n, char *msg,
                                     size_t msg_size)
{
    /* 1. Every file complete on the disk before any is published. */
    for (size_t i = 0; i < n; i++) {
        narr_pending *f = files[i];
        if (!f->tmp_path) {
            snprintf(msg, msg_size, L_("%s: the file was not written; try again"), f->path);
            return NARR_E_IO;
        }
        if (f->fd < 0 || f->to_stdout)
            continue;
        int rc = fsync(f->fd);
        int e = errno;
        if (close(f->fd) != 0 && rc == 0) {
            rc = -1;
            e = errno;
        }
        f->fd = -1;
        if (rc != 0) {
            snprintf(msg, msg_size, L_("%s: cannot save the file: %s (is the disk full?); no file "
                     "was written"), f->path, strerror(e));
            return NARR_E_IO;
        }
    }

    /* 2. Each final name still free or a regular file (it may have
     * changed during the run); a hard link keeps each old file. */
    publication *pub = calloc(n ? n : 1, sizeof *pub);
    if (!pub) {
        snprintf(msg, msg_size, L_("out of memory"));
        return NARR_E_NOMEM;
    }
    narr_status st = NARR_OK;
    for (size_t i = 0; i < n && st == NARR_OK; i++) {
        narr_pending *f = files[i];
        struct stat old;
        if (f->to_stdout || lstat(f->dest, &old) != 0)
            continue;
        if (!S_ISREG(old.st_mode)) {
            snprintf(msg, msg_size, L_("%s: not a regular file any more; give a file name to "
                     "write; no file was written"), f->path);
            st = NARR_E_IO;
            break;
        }
        pub[i].existed = true;
        size_t size = strlen(f->tmp_path) + 5;
        pub[i].kept = malloc(size);
        if (!pub[i].kept) {
            snprintf(msg, msg_size, L_("out of memory"));
            st = NARR_E_NOMEM;
            break;
        }
        snprintf(pub[i].kept, size, "%s.old", f->tmp_path);
        if (link(f->dest, pub[i].kept) != 0) { /* e.g. FAT: no way back for this one */
            free(pub[i].kept);
            pub[i].kept = NULL;
        }
    }

    /* 3. The renames; a failure takes back the ones before it. */
    for (size_t i = 0; i < n && st == NARR_OK; i++) {
        narr_pending *f = files[i];
        if (f->to_stdout)
            continue;
        if (rename(f->tmp_path, f->dest) == 0) {
            pub[i].published = true;
            continue;
        }
        int e = errno;
        st = NARR_E_IO;
        int len = snprintf(msg, msg_size, L_("%s: cannot put the finished file in place: %s; "
                           "check that its folder is writable"), f->path, strerror(e));
        size_t lost = roll_back(files, pub, n);
        size_t at = len > 0 && (size_t)len < msg_size ? (size_t)len : msg_size;
        if (lost == n)
            snprintf(msg + at, msg_size - at, L_("; no file was written"));
        else if (pub[lost].kept)
            snprintf(msg + at, msg_size - at, L_(". %s was already replaced; its old version is "
                     "in %s"), files[lost]->path, pub[lost].kept);
        else
            snprintf(msg + at, msg_size - at, L_(". %s was already replaced and its old version "
                     "could not be kept: the files do not match"), files[lost]->path);
        free_publication(pub, n);
        return st;
    }
    if (st != NARR_OK) {
        roll_back(files, pub, n);
        free_publication(pub, n);
        return st;
    }

    for (size_t i = 0; i < n; i++) {
        if (files[i]->to_stdout)
            continue;
        if (pub[i].kept)
            (void)unlink(pub[i].kept);
        free(files[i]->tmp_path);
        files[i]->tmp_path = NULL;
        sync_folder(files[i]->dest);
    }
    free_publication(pub, n);
    /* 4. Standard output last: what a pipe was given cannot be taken back. */
    for (size_t i = 0; i < n; i++)
        if (files[i]->to_stdout && (st = copy_to_stdout(files[i], msg, msg_size)) != NARR_OK)
            return st;
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
    free(f->dest);
    f->dest = NULL;
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

bool narr_pwrite_all(int fd, const void *data, size_t size, off_t offset)
{
    const char *p = data;
    while (size) {
        ssize_t n = pwrite(fd, p, size, offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = ENOSPC; /* nothing written and no reason given */
            return false;
        }
        p += n;
        size -= (size_t)n;
        offset += n;
    }
    return true;
}

bool narr_pread_all(int fd, void *data, size_t size, off_t offset)
{
    char *p = data;
    while (size) {
        ssize_t n = pread(fd, p, size, offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            if (n == 0)
                errno = EIO; /* the file is shorter than what was written */
            return false;
        }
        p += n;
        size -= (size_t)n;
        offset += n;
    }
    return true;
}
