/* quotes: the voice's quote style and the clause marks, the last step of
 * normalizing a sentence. The rules mark the outermost quotation of a
 * block with « … », an aside (between dashes or parentheses, said with
 * its commas) with NARR_MARK_ASIDE_OPEN/CLOSE, and a passage in another
 * language with NARR_MARK_FOREIGN(k) … NARR_MARK_FOREIGN_CLOSE. This
 * renders the marks once and for all: they vanish from the text, a
 * citation of several words is announced in the spoken style ("je cite,
 * … fin de citation"), and the ranges to be read otherwise (a quotation
 * with a pause around it or another pitch, an aside lower and faster, a
 * passage with another eSpeak NG voice) are given as typed spans of the
 * rendered text. Nothing after the normalizer looks for marks again. */
#ifndef NARR_QUOTES_H
#define NARR_QUOTES_H

#include "narrateur.h"
#include "base/buf.h"

/* A quotation of fewer words than this is a term, not a citation. */
#define NARR_QUOTE_CITATION_WORDS 4

/* Private-use characters (the decode stage removes them from articles):
 * U+E002 and U+E003 around an aside, U+E010 + k (k < 16) opening a
 * passage in the narration's language number k, U+E004 closing it. */
#define NARR_MARK_ASIDE_OPEN "\xee\x80\x82"
#define NARR_MARK_ASIDE_CLOSE "\xee\x80\x83"
#define NARR_MARK_FOREIGN_CLOSE "\xee\x80\x84"
#define NARR_MARK_FOREIGN_FIRST 0xE010
#define NARR_MARK_FOREIGN_LANGS 16

typedef enum {
    NARR_SPAN_QUOTE,   /* a quotation still to be read as quoted */
    NARR_SPAN_ASIDE,   /* between dashes or parentheses */
    NARR_SPAN_FOREIGN, /* a passage in another language: lang says which */
} narr_span_kind;

/* A range of a rendered sentence, in bytes. Spans of different kinds may
 * nest (an aside in a quotation); spans of one kind do not overlap. */
typedef struct {
    size_t start, end;
    narr_span_kind kind;
    int lang; /* FOREIGN: the k of its mark; else -1 */
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

/* Appends s[0..n) (with the rules' marks) to out as it is said, and the
 * typed ranges of what it appended to spans (cleared first; NULL: not
 * wanted), in order of their starts. Updates the quotation state. */
narr_status narr_quotes_render(narr_quotes *q, const char *s, size_t n, narr_buf *out,
                               narr_spans *spans);

/* The length of the clause mark at s[0..n) (3), or 0; *kind and *lang
 * (-1 unless it opens a passage) say which, *opens whether it opens. */
size_t narr_clause_mark(const char *s, size_t n, narr_span_kind *kind, int *lang, bool *opens);

#endif
