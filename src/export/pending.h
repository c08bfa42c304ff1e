/* pending: a file written under a hidden temporary name next to its final
 * name ("dir/.episode.mp3.a1B2c3") and renamed only when complete, so a
 * failed or interrupted run never leaves a truncated file under the final
 * name. Also unnamed scratch files (created in the same folder and
 * unlinked at once, so they vanish with the process). */
#ifndef NARR_PENDING_H
#define NARR_PENDING_H

#include "narrateur.h"

typedef struct {
    char *path;     /* the final name */
    char *tmp_path; /* NULL once published or discarded */
    int fd;         /* -1 when closed */
} narr_pending;

/* Creates the temporary file, with the permissions a new file would get.
 * NARR_E_IO (message names the file and what to do) or NARR_E_NOMEM. */
narr_status narr_pending_open(narr_pending *f, const char *path, char *msg, size_t msg_size);

/* Closes the descriptor (if open) and renames to the final name. */
narr_status narr_pending_publish(narr_pending *f, char *msg, size_t msg_size);

/* Removes the temporary file and frees everything; safe after publish and
 * on a zeroed struct with fd = -1. */
void narr_pending_discard(narr_pending *f);

/* An unnamed read-write file in the folder of path (for scratch data that
 * must not live in memory); -1 with errno set on failure. */
int narr_scratch_fd(const char *path);

#endif
