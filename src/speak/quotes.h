/* quotes: how a quotation is read, the voice's quote style. The
 * normalizer marks the outermost quotation of a block with « … »; this
 * renders the marks: a pause (eSpeak NG pauses at « and »), or spoken —
 * "je cite, … fin de citation" around a quotation of several words, a
 * pause around a short quoted term — or, for the voice style, segments
 * that the pipeline reads with another pitch. */
#ifndef NARR_QUOTES_H
#define NARR_QUOTES_H

#include "data/voice.h"

/* A quotation of fewer words than this is a term, not a citation. */
#define NARR_QUOTE_CITATION_WORDS 4

typedef struct {
    narr_quote_style style;
    bool inside;    /* a quotation is open (it may span sentences) */
    bool announced; /* and "je cite" was said */
} narr_quotes;

void narr_quotes_init(narr_quotes *q, narr_quote_style style);

/* Ends a block: the normalizer closes its quotations there too. */
void narr_quotes_end_block(narr_quotes *q);

/* Appends s[0..n) to out as it is to be spoken (print false) or printed
 * (print true): marks kept for eSpeak's pause, dropped in print, or
 * replaced by the spoken announcements. Updates the state. */
narr_status narr_quotes_render(narr_quotes *q, const char *s, size_t n, bool print,
                               narr_buf *out);

/* The length of the segment at s[0..n) up to the next mark (excluded),
 * and whether it is inside the quotation; the mark itself is a segment
 * of its own, of length 2. For the voice style. */
size_t narr_quotes_segment(narr_quotes *q, const char *s, size_t n, bool *quoted);

#endif
