/* episode_name: the file-name rule of batches, "YYYY-MM-DD-slug.EXT":
 * the day of the article, then its title as an ASCII slug of at most 60
 * bytes; a clash takes "-2", "-3"... before the extension. E.g. "L’été
 * à Paris : 40 °C !" of 2026-07-14 → "2026-07-14-l-ete-a-paris-40-c.mp3". */
#ifndef NARR_EPISODE_NAME_H
#define NARR_EPISODE_NAME_H

#include "narrateur.h"

#include <stddef.h>

#define NARR_SLUG_MAX 60

/* The slug of title into out: transliterated to ASCII, lower case, runs
 * of anything but letters and digits become one '-', no '-' at either
 * end, cut to NARR_SLUG_MAX bytes at a '-' when there is one in the
 * second half; "article" when nothing is left. NARR_E_NOMEM. */
narr_status narr_slug(const char *title, char out[NARR_SLUG_MAX + 1]);

/* "DAY-SLUG.EXT" for n <= 1, "DAY-SLUG-N.EXT" else, into out; ext without
 * its dot. False when it does not fit in size bytes. */
bool narr_episode_name(const char *day, const char *slug, unsigned n, const char *ext, char *out,
                       size_t size);

#endif
