/* prosody: how a newsreader says one sentence. The spoken sentence (the
 * normalizer's text and its typed spans) is cut into clauses — a
 * quotation, an aside, a passage in another language, and a breath in a
 * sentence of more than the preset's breath_words — and each clause gets
 * its rate, pitch and range and the silence before it, from the voice
 * preset and the kind of block (a heading slower, the title slower
 * still, a list item ending falling). Pure: the pipeline speaks it. */
#ifndef NARR_PROSODY_H
#define NARR_PROSODY_H

#include "narrateur.h"
#include "data/voice.h"
#include "normalize/quotes.h"

typedef struct {
    size_t start, end;  /* bytes of the spoken sentence */
    unsigned flags;     /* NARR_CLAUSE_* */
    int lang;           /* FOREIGN: the passage's language number; else -1 */
    int rate_percent;   /* of the narration's speaking rate */
    int pitch, range;   /* eSpeak NG's 0-100 */
    int pause_ms;       /* the silence before it (0 for the first) */
} narr_clause;

typedef struct {
    narr_clause *clause;
    size_t count, cap;
} narr_clauses;

void narr_clauses_free(narr_clauses *c);

/* Whether s[0..n) has anything to say: a letter, a digit, any non-ASCII. */
bool narr_prosody_sayable(const char *s, size_t n);

/* Plans text[0..len) with its spans (in order of their starts) into out
 * (cleared first): clauses in order, covering every letter and digit of
 * the text (pieces with neither are left out). NARR_OK or NARR_E_NOMEM. */
narr_status narr_prosody_plan(const narr_voice *v, narr_quote_style quotes,
                              narr_block_kind kind, const char *text, size_t len,
                              const narr_spans *spans, narr_clauses *out);

#endif
