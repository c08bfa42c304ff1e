/* batch_state: what a batch already made in an output folder, so that an
 * hourly run skips articles it made before and redoes changed ones. The
 * state is the file DIR/.narrateur-state, one article a line:
 *   KEY <tab> HASH <tab> FILE <tab> DURATION <tab> MADE
 * KEY is the article's GUID, else its URL, else its file name; HASH the
 * content hash ("" while the name is only reserved); FILE the audio file
 * in DIR; DURATION its seconds; MADE when it was recorded (Unix time).
 * Tabs, line breaks and backslashes in KEY and FILE are escaped (\t \n \\).
 * Every change is a read-modify-write under an exclusive lock
 * (export/file_lock) and the file is replaced atomically (temp file,
 * fsync, rename), so concurrent runs into one folder never lose or
 * corrupt an entry. Reading needs no lock: a reader sees the old or the
 * new file, whole. Messages go to msg (msg_size bytes; required). */
#ifndef NARR_BATCH_STATE_H
#define NARR_BATCH_STATE_H

#include "narrateur.h"

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <time.h>

#define NARR_STATE_NAME ".narrateur-state"

typedef struct {
    char *key;
    char *hash;      /* "" while reserved by narr_state_claim_name */
    char *file;      /* name inside DIR, e.g. "2026-12-07-le-chomage.mp3" */
    double duration; /* seconds of audio; 0 when unknown */
    time_t made;
} narr_state_entry;

typedef struct narr_state narr_state;

/* Reads DIR's state (an empty state when there is none yet). NARR_E_DATA
 * with msg "DIR/.narrateur-state:LINE: malformed line; remove the file to
 * make everything again" for a damaged file, NARR_E_IO, NARR_E_NOMEM. */
narr_status narr_state_load(const char *dir, narr_state **out, char *msg, size_t msg_size);
void narr_state_free(narr_state *s);

size_t narr_state_count(const narr_state *s);
const narr_state_entry *narr_state_at(const narr_state *s, size_t i);
/* The entry of key, or NULL. */
const narr_state_entry *narr_state_get(const narr_state *s, const char *key);

/* True when key was made from content with this hash and its audio file
 * is still in dir: the article can be skipped. */
bool narr_state_is_done(const narr_state *s, const char *dir, const char *key,
                        const char *hash);

/* Under the lock: the audio file name for key (malloc'ed into *name):
 * its recorded name (with ext swapped in if the format changed), else the
 * first of "DAY-SLUG.EXT", "DAY-SLUG-2.EXT"... that is neither in dir nor
 * recorded for another key; a new name is recorded at once as reserved
 * (hash "") so a concurrent run cannot take it too. day is "YYYY-MM-DD",
 * title any UTF-8 (see export/episode_name), ext without its dot. */
narr_status narr_state_claim_name(const char *dir, const char *key, const char *day,
                                  const char *title, const char *ext, char **name, char *msg,
                                  size_t msg_size);

/* Under the lock: sets e (key's entry replaced, made taken from e). */
narr_status narr_state_record(const char *dir, const narr_state_entry *e, char *msg,
                              size_t msg_size);

/* Under the lock: removes key's entry (e.g. a failed article's
 * reservation); no entry is not an error. */
narr_status narr_state_forget(const char *dir, const char *key, char *msg, size_t msg_size);

/* The content hash: FNV-1a, 64 bits, written as 16 hex digits. Not for
 * security, only to tell whether an article changed; feed it everything
 * that changes the audio (text, voice, format options). */
typedef struct {
    uint64_t h;
} narr_hash;

void narr_hash_init(narr_hash *h);
void narr_hash_add(narr_hash *h, const void *data, size_t len);
void narr_hash_hex(const narr_hash *h, char out[17]);

#endif
