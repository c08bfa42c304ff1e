/* pending: a file written under a hidden temporary name next to its final
 * name ("dir/.episode.mp3.a1B2c3") and renamed only when complete, so a
 * failed or interrupted run never leaves a truncated file under the final
 * name. A name that is not a regular file (a device, a FIFO, a folder) is
 * refused before anything is written, and a symbolic link to a regular
 * file is written through: the link stays a link. Several files are
 * published together or not at all (narr_pending_publish_all). Also
 * unnamed scratch files (created in the same folder and unlinked at once,
 * so they vanish with the process) and whole-buffer pread/pwrite. */
#ifndef NARR_PENDING_H
#define NARR_PENDING_H

#include "narrateur.h"

#include <sys/types.h>

typedef struct {
    char *path;     /* the name given, for messages */
    char *dest;     /* the absolute name the file goes to (a link's target) */
    char *tmp_path; /* NULL once published or discarded */
    int fd;         /* -1 when closed */
    bool to_stdout; /* path "-": written whole to standard output when published */
} narr_pending;

/* The name that means standard output: "-o -". */
#define NARR_PENDING_STDOUT "-"

/* Creates the temporary file, with the permissions of the file it will
 * replace (or those a new file would get). NARR_E_IO when path exists and
 * is not a regular file ("PATH: not a regular file; give a file name to
 * write") or the folder is not writable, NARR_E_NOMEM; msg names the file
 * and says what to do. Nothing is created on failure. Path "-" is
 * standard output: the file is made in $TMPDIR (else /tmp), and dest is
 * a name in that folder (where scratch files go too). */
narr_status narr_pending_open(narr_pending *f, const char *path, char *msg, size_t msg_size);

/* Publishes the n files as one set: each temporary file is flushed to the
 * disk (fsync) and closed, then each is renamed to its final name; one
 * for standard output is copied there last (a pipe cannot take back what
 * it was given: a failure there is reported, the other files stay). When
 * any step fails, NARR_E_IO with msg set and none of the files is left
 * published: a final name that did not exist before is removed again, and
 * a file that existed before is put back from a hard link kept while
 * publishing (if the file system cannot make one and a later rename
 * fails, the new file stays and msg says so). Either way the temporary
 * files are then left to narr_pending_discard. */
narr_status narr_pending_publish_all(narr_pending *const *files, size_t n, char *msg,
                                     size_t msg_size);

/* Removes the temporary file and frees everything; safe after publish and
 * on a zeroed struct with fd = -1. */
void narr_pending_discard(narr_pending *f);

/* An unnamed read-write file in the folder of path (for scratch data that
 * must not live in memory); -1 with errno set on failure. */
int narr_scratch_fd(const char *path);

/* All size bytes at offset of fd, retrying on EINTR and short counts;
 * false with errno set (EIO for an unexpected end of file). */
bool narr_pwrite_all(int fd, const void *data, size_t size, off_t offset);
bool narr_pread_all(int fd, void *data, size_t size, off_t offset);

#endif
