/* file_lock: an exclusive lock for a file that is replaced by rename (a
 * podcast feed, the batch state), so that concurrent runs of narrateur
 * (-j workers, xargs -P, cron overlapping) read-modify-write it one at a
 * time. The lock is flock() on a lock file beside it ("DIR/.feed.xml.lock"
 * for "DIR/feed.xml"): locking the file itself would not work, as each
 * rename puts a new inode under the name. The lock file stays (removing
 * it would race with a waiting process). */
#ifndef NARR_FILE_LOCK_H
#define NARR_FILE_LOCK_H

#include <stddef.h>

/* Waits for and takes the lock of path. Returns a descriptor to pass to
 * narr_file_unlock, or -1 with msg set ("PATH: cannot lock (...)"). */
int narr_file_lock(const char *path, char *msg, size_t msg_size);

/* Releases the lock (closing the descriptor); -1 is ignored. */
void narr_file_unlock(int fd);

#endif
