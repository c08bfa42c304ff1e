/* positions: where each article was left, for --resume. An article is
 * known by its content (narr_articles_hash), not its file name. The positions live
 * in $XDG_STATE_HOME/narrateur/positions.tsv (default
 * ~/.local/state/narrateur/), a line per article, most recent first,
 * HASH<TAB>SENTENCE<TAB>TITLE, kept for the last POSITIONS_KEPT articles,
 * and rewritten atomically (a temporary file renamed over it). */
#ifndef NARR_CLI_POSITIONS_H
#define NARR_CLI_POSITIONS_H

#include <stdbool.h>
#include <stddef.h>

#define POSITIONS_KEPT 500
#define POSITION_KEY_SIZE 17 /* narr_articles_hash: 16 hex digits and a NUL */

/* The sentence (from 0) where the article was left; -1 when unknown. */
long positions_get(const char *key);

/* Records sentence for the article (title for a reader of the file), or
 * forgets it when sentence < 0. False, with the reason in msg, when the
 * file cannot be written. */
bool positions_set(const char *key, long sentence, const char *title, char *msg,
                   size_t msg_size);

#endif
