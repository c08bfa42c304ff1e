/* markdown: Markdown articles as blocks, read line by line (streaming).
 * "# Titre" and setext underlines → headings, "> ..." → quotations,
 * "- ..." / "1. ..." → items; front matter (--- ... ---) is skipped but
 * gives the title; fenced and indented code, images, HTML comments,
 * link reference definitions and thematic breaks are not read. Inline:
 * "**gras**" → "gras", "[le lien](https://...)" → "le lien", "`code`" →
 * "code", "&eacute;" → "é", "<br>" and other tags vanish. */
#ifndef NARR_MARKDOWN_H
#define NARR_MARKDOWN_H

#include "text/document.h"

typedef struct narr_markdown narr_markdown;

/* A reader over dec (borrowed). NULL when out of memory. */
narr_markdown *narr_markdown_new(narr_decoder *dec);
void narr_markdown_free(narr_markdown *m);

/* The next block; NARR_E_EMPTY at the end, or a decoder error. */
narr_status narr_markdown_next(narr_markdown *m, narr_block *block);

/* Appends the plain text of Markdown inline markup s[0..n) to out
 * (emphasis, links, images, code spans, escapes, entities, tags). */
narr_status narr_markdown_inline(const char *s, size_t n, narr_buf *out);

#endif
