/* chapters: the article's title and each heading start a chapter. The
 * list is kept (a few entries per article) for the MP3's ID3 chapters and
 * written as Podcasting 2.0 JSON chapters:
 *   {"version": "1.2.0", "chapters": [{"startTime": 0, "title": "…"}, …]} */
#ifndef NARR_CHAPTERS_H
#define NARR_CHAPTERS_H

#include "narrateur.h"
#include "base/buf.h"

typedef struct narr_chapters narr_chapters;

narr_chapters *narr_chapters_new(void);
void narr_chapters_free(narr_chapters *c);

/* A chapter starting at start seconds (not before the previous one). The
 * title is trimmed and its line breaks become spaces; an empty title is
 * ignored, and a chapter at the same time as the previous one replaces
 * it (a heading with nothing read under it). NARR_E_NOMEM. */
narr_status narr_chapters_add(narr_chapters *c, double start, const char *title, size_t len);

size_t narr_chapters_count(const narr_chapters *c);
double narr_chapters_start(const narr_chapters *c, size_t i);
const char *narr_chapters_title(const narr_chapters *c, size_t i);

/* Appends the JSON document (UTF-8, escaped as JSON requires) to out.
 * NARR_E_NOMEM. */
narr_status narr_chapters_json(const narr_chapters *c, narr_buf *out);

#endif
