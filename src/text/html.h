/* html: the article in a web page, as blocks. The page (within the
 * limits below) is decoded in the charset it declares, parsed by
 * libxml2's forgiving HTML parser without network or external entities,
 * and searched for the article: <article>, <main>, or else the element
 * with the densest running text (readability-style scores). Kept: h1–h6
 * (headings), p, blockquote (quotations), li (items); dropped: nav,
 * header, footer, aside, scripts, forms, figures and captions, hidden
 * and screen-reader-only text, and whatever a class or id names as
 * furniture in assets/html_boilerplate.tsv (share, newsletter, cookie,
 * related, comments, ...). Title: the article's <h1>, else og:title,
 * else <title>. Example: <article><h1>Titre</h1><p>Texte.</p>
 * <aside>Pub</aside></article> → title "Titre", paragraph "Texte.". */
#ifndef NARR_HTML_H
#define NARR_HTML_H

#include "data/table.h"
#include "text/document.h"

/* Limits past which a page is refused (with a message), keeping the
 * parsed page's memory bounded (figures in README.md, Input formats). */
#define NARR_HTML_MAX_BYTES (40 * 1024 * 1024)
#define NARR_HTML_MAX_NODES 800000  /* elements, attributes, texts, comments */
#define NARR_HTML_MAX_DEPTH 512     /* elements open one inside another */

typedef struct narr_html narr_html;

/* A reader over dec (borrowed); the page is read at the first
 * narr_html_next. boilerplate: assets/html_boilerplate.tsv (borrowed; may
 * be NULL). NULL when out of memory. */
narr_html *narr_html_new(narr_decoder *dec, const narr_table *boilerplate);
void narr_html_free(narr_html *h);

/* The next block; NARR_E_EMPTY at the end, or an error whose message is
 * narr_html_errmsg (or, when that is "", the decoder's). */
narr_status narr_html_next(narr_html *h, narr_block *block);
const char *narr_html_errmsg(const narr_html *h);

/* The charset head[0..n) declares in <meta charset="...">, <meta
 * http-equiv="Content-Type" content="...; charset=..."> or <?xml ...
 * encoding="..."?>, copied to charset; false when none. */
bool narr_html_declared_charset(const char *head, size_t n, char *charset, size_t size);

#endif
