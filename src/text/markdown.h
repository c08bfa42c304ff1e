/* markdown: Markdown articles as blocks, parsed by md4c (CommonMark, with
 * GitHub's tables, strikethrough and task lists). Headings → headings
 * (the first one is the title), paragraphs → paragraphs, block
 * quotations → quotations, list items → items, table rows → one
 * paragraph each ("| a | b |" → "a, b"). Not read: code blocks, raw HTML
 * blocks, the content of inline <script>/<style>-like elements, images
 * (neither the picture nor its alt text), link reference definitions,
 * thematic breaks, footnote marks ("[^1]"). Read: link text, code spans,
 * entities ("&eacute;" → "é"), the numbers of an ordered list that does
 * not start at 1 ("1914. La guerre éclate." stays as written). Front
 * matter (YAML "---" or TOML "+++" on the first line, up to its closing
 * line) is not read, but its title is the title, and a first heading
 * repeating it is not read twice.
 *
 * md4c parses a whole document from one buffer: the input is read up to
 * NARR_MARKDOWN_MAX_BYTES (past that it is refused with a message) and
 * its blocks are kept until they are given out. */
#ifndef NARR_MARKDOWN_H
#define NARR_MARKDOWN_H

#include "text/document.h"

#define NARR_MARKDOWN_MAX_BYTES (40 * 1024 * 1024)

typedef struct narr_markdown narr_markdown;

/* A reader over dec (borrowed); the input is read at the first
 * narr_markdown_next. NULL when out of memory. */
narr_markdown *narr_markdown_new(narr_decoder *dec);
void narr_markdown_free(narr_markdown *m);

/* The next block; NARR_E_EMPTY at the end, NARR_E_ARG for an input past
 * the size limit (narr_markdown_errmsg says so), or a decoder error. */
narr_status narr_markdown_next(narr_markdown *m, narr_block *block);

/* The reader's own message for its last error, or "" (then the
 * decoder's message applies). Borrowed. */
const char *narr_markdown_errmsg(const narr_markdown *m);

/* Appends the plain text of Markdown s[0..n) to out, its blocks joined
 * by a space, with the same rules as the reader ("**gras**" → "gras",
 * "[le lien](https://...)" → "le lien"). */
narr_status narr_markdown_inline(const char *s, size_t n, narr_buf *out);

#endif
