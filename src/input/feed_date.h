/* feed_date: the dates of feeds. Reads RFC 822 dates (RSS pubDate,
 * "Mon, 07 Dec 2026 09:30:00 +0100", zones GMT/UT/Z/EST... too) and ISO
 * 8601 / RFC 3339 dates (Atom, dc:date, --since: "2026-12-07",
 * "2026-12-07T09:30:00.5+01:00"); writes RFC 822 dates in GMT, with
 * English names whatever the locale. */
#ifndef NARR_FEED_DATE_H
#define NARR_FEED_DATE_H

#include <stdbool.h>
#include <time.h>

typedef struct {
    time_t when;  /* seconds since the epoch (UTC) */
    char day[11]; /* "YYYY-MM-DD" as written, i.e. in the date's own zone */
} narr_date;

/* Either form, surrounding spaces allowed. A date without a time is
 * midnight; without a zone, UTC. False for anything else (out-of-range
 * fields too), *out then unchanged. */
bool narr_date_parse(const char *s, narr_date *out);

/* when as "Mon, 07 Dec 2026 08:30:00 GMT" into out (at least 32 bytes). */
void narr_date_rfc822(time_t when, char out[32]);

/* when as "2026-12-07" (UTC) into out. */
void narr_date_day(time_t when, char out[11]);

#endif
