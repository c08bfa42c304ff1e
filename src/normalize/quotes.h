/* quotes: the voice's quote style, the last step of normalizing a
 * sentence. The rules mark the outermost quotation of a block with « … »;
 * this renders the marks once and for all: they vanish from the text, a
 * citation of several words is announced in the spoken style ("je cite,
 * … fin de citation"), and the ranges still to be read as quoted (with a
 * pause around them, or another pitch in the voice style) are given as
 * spans of the rendered text. Nothing after the normalizer looks for
 * quotation marks again. */
#ifndef NARR_QUOTES_H
#define NARR_QUOTES_H

#include "narrateur.h"
#include "base/buf.h"

/* A quotation of fewer words than this is a term, not a citation. */
#define NARR_QUOTE_CITATION_WORDS 4

/* A quoted range of a rendered sentence, in bytes. */
typedef struct {
    size_t start, end;
} narr_span;

typedef struct {
    narr_span *span;
    size_t count, cap;
} narr_spans;

void narr_spans_free(narr_spans *s);

typedef struct {
    narr_quote_style style; /* PAUSE, SPOKEN or VOICE */
    bool inside;            /* a quotation is open (it may span sentences) */
    bool announced;         /* and "je cite" was said */
} narr_quotes;

void narr_quotes_init(narr_quotes *q, narr_quote_style style);

/* Ends a block: a quotation does not run on past its paragraph. */
void narr_quotes_end_block(narr_quotes *q);

/* Appends s[0..n) (with the rules' « » marks) to out as it is said, and
 * the quoted ranges of what it appended to spans (cleared first; NULL:
 * not wanted). Updates the state. */
narr_status narr_quotes_render(narr_quotes *q, const char *s, size_t n, narr_buf *out,
                               narr_spans *spans);

#endif
