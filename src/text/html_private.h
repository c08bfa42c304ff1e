/* html_private: the page reader's state and the calls between its files,
 * for them alone: html.c (reading and parsing the page), html_tree.c (node
 * tests, the walk), html_prune.c (what is not the article), html_article.c
 * (finding the article) and html_blocks.c (its title and blocks). Element
 * stats hang off each element's _private during a read; all else borrows. */
#ifndef NARR_HTML_PRIVATE_H
#define NARR_HTML_PRIVATE_H

#include "data/table.h"
#include "base/buf.h"
#include "text/html.h"

#include <libxml/tree.h>
#include <string.h>

typedef struct {
    narr_block_kind kind;
    bool line_end;          /* ends at a <br> inside its paragraph */
    size_t at, len;
    const char *lang;       /* the whole block's language, or NULL */
    size_t span_at, nspans; /* its passages in spans[] */
} narr_html_stored;

/* Language changes within one line of a block, at most (more are read
 * in the last language). */
#define NARR_HTML_MAX_SEGMENTS 32

/* Languages met in the page, interned: a block's lang points here. */
#define NARR_HTML_MAX_LANGS 16
#define NARR_HTML_LANG_SIZE 24

struct narr_html {
    narr_decoder *dec;
    const narr_table *boilerplate; /* borrowed */
    bool loaded;
    narr_buf text;          /* every block's text, one after the other */
    narr_html_stored *blocks;
    size_t count, cap, next;
    size_t piece;           /* bytes of blocks[next] already handed out */
    narr_buf current;
    narr_lang_span *spans;  /* every block's passages, offsets into its text */
    size_t nspans, spans_cap;
    narr_lang_span *piece_spans; /* those of the piece handed out */
    size_t piece_spans_cap;
    char langs[NARR_HTML_MAX_LANGS][NARR_HTML_LANG_SIZE];
    size_t nlangs;
    char errmsg[640];
};

/* What the first walk learns about an element (through its _private). */
typedef struct {
    double score;
    size_t own;         /* inline text whose nearest block is this element */
    size_t commas;
    size_t text;        /* all text below */
    size_t links;       /* text below inside <a> */
    size_t stops;       /* full stops below: running text has them */
    bool scored;
} narr_html_stats;

typedef struct {
    narr_html *h;
    xmlDoc *doc;
    bool use_classes;   /* prune by class and id words too */
    bool measuring;     /* the first walk: forms are not judged yet */
    narr_status err;
    narr_html_stats *st;
    size_t nst;
    /* the block being gathered */
    narr_buf raw;
    narr_block_kind kind;
    size_t link_bytes;
    size_t solid;       /* non-space bytes gathered */
    bool after_br;
    bool line_pending;  /* a <br> after text: the next text may start a line */
    bool line_punct;    /* the text before that <br> ends with punctuation */
    size_t para_first;  /* the paragraph's first stored block (it may have lines) */
    bool footnote_body; /* the paragraph opens with a note's marker: the note itself */
    int skip_section;   /* level of the end-matter heading being skipped, or 0 */
    /* raw's passages by language: raw[seg_at[i]..seg_at[i+1]) is in seg_lang[i]
     * (NULL: French), the last one up to the end */
    size_t seg_at[NARR_HTML_MAX_SEGMENTS];
    const char *seg_lang[NARR_HTML_MAX_SEGMENTS];
    size_t nseg;
    const char *title;  /* the title's text, to skip its <h1> once */
    bool title_skipped;
    narr_buf tmp, tmp2, scratch;
} narr_html_walker;

/* ---- small tests (ASCII; the parser gives tag names in lower case) ---- */

static inline char narr_html_lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

static inline bool narr_html_is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
}

static inline bool narr_html_is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

/* The element's stats; NULL for other nodes. */
static inline narr_html_stats *narr_html_stats_of(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE ? (narr_html_stats *)n->_private : NULL;
}

static inline double narr_html_link_density(const narr_html_stats *s)
{
    return s->text ? (double)s->links / (double)s->text : 0;
}

/* ---- html_tree.c ---- */

/* n is an element named in names (NULL-terminated). */
bool narr_html_is_any(const xmlNode *n, const char *const *names);
bool narr_html_is_heading(const xmlNode *n);
/* An element that ends the running text: p, div, li, h1, ... */
bool narr_html_is_block(const xmlNode *n);
/* The value of attribute name ("" when empty), or NULL; borrowed from n. */
const char *narr_html_attr(const xmlNode *n, const char *name);
bool narr_html_ci_equal(const char *a, const char *b);
bool narr_html_has_descendant(const xmlNode *n, const char *name);
/* The next node in document order after n, below top; skip_children
 * steps over n's subtree; deeper than NARR_HTML_MAX_DEPTH is not entered.
 * *depth follows the steps; leave (optional) is called on each element
 * whose subtree is done. NULL at the end. */
xmlNode *narr_html_step(xmlNode *n, const xmlNode *top, bool skip_children, int *depth,
                        void (*leave)(narr_html_walker *, xmlNode *), narr_html_walker *w);
/* The first element named name from top on (top included), not looking
 * into pruned ones when prune (w may be NULL when !prune). */
xmlNode *narr_html_find_first(narr_html_walker *w, xmlNode *top, const char *name, bool prune);

/* ---- html_prune.c ---- */

/* True when the node and all below it are not read. */
bool narr_html_pruned(const narr_html_walker *w, const xmlNode *n);

/* ---- html_furniture.c ---- */

/* Furniture known by its text (s[0..n), a cleaned line of a block). */
bool narr_html_is_byline(const char *s, size_t n);
bool narr_html_is_counter(const char *s, size_t n);
bool narr_html_is_label(const char *s, size_t n);
/* A heading (cleaned) that opens the end matter: its section is not read. */
bool narr_html_ends_matter(const narr_table *boilerplate, const char *heading);

typedef enum {
    NARR_HTML_SUP_TEXT,    /* read as it is: "1<sup>er</sup>" */
    NARR_HTML_SUP_MARKER,  /* a footnote or citation marker: not read */
    NARR_HTML_SUP_SQUARED, /* "m<sup>2</sup>": read as "m²" */
    NARR_HTML_SUP_CUBED,
} narr_html_sup;

/* What the <sup> sup is, after the raw text raw[0..raw_len) of its line. */
narr_html_sup narr_html_classify_sup(narr_html_walker *w, xmlNode *sup, const char *raw,
                                     size_t raw_len);

/* ---- html_article.c ---- */

/* The first walk: fills each element's stats below top. */
void narr_html_measure(narr_html_walker *w, xmlNode *top);
/* The elements to read, in order, into roots (at most max); returns how
 * many. */
size_t narr_html_choose_roots(narr_html_walker *w, xmlNode *body, xmlNode **roots, size_t max);

/* ---- html_blocks.c ---- */

/* Appends a block of s[0..n) to h. NARR_E_NOMEM. */
narr_status narr_html_add_block(narr_html *h, narr_block_kind kind, const char *s, size_t n);
/* The interned copy of lang (a BCP 47 tag), or NULL when the page has too
 * many languages or the tag is too long. */
const char *narr_html_intern_lang(narr_html *h, const char *lang);
/* Is lang French ("fr", "fr-BE", "FR")? */
bool narr_html_lang_is_french(const char *lang);
/* The second walk: the text below top as blocks, added to w->h. */
narr_status narr_html_gather(narr_html_walker *w, xmlNode *top);
/* The title, cleaned, into title ("" when none). */
narr_status narr_html_find_title(narr_html_walker *w, xmlNode **roots, size_t nroots,
                                 narr_buf *title);

#endif
