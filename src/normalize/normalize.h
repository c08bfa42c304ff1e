/* normalize: the fourth stage, the French normalizer. One sentence of
 * written French in, what a radio newsreader says out ("M. Dupont arrive
 * à 14h30." → "Monsieur Dupont arrive à quatorze heures trente."). Rules
 * (rules/rule_*.c, one concern each) rewrite token spans in a fixed order;
 * their word lists are the TSV tables of assets/, compiled in. */
#ifndef NARR_NORMALIZE_H
#define NARR_NORMALIZE_H

#include "data/tables.h"
#include "normalize/quotes.h"
#include "base/buf.h"

typedef struct narr_normalizer narr_normalizer;

/* number_locale: ICU locale for number words ("fr", "fr_BE", "fr_CH");
 * tables: borrowed, must outlive the normalizer. Owned:
 * narr_normalizer_free. NULL with *err and a message on failure. */
narr_normalizer *narr_normalizer_new(const char *number_locale, const narr_tables *tables,
                                     narr_status *err, char *msg, size_t msg_size);
void narr_normalizer_free(narr_normalizer *nz);

/* Appends the spoken form of s[0..n) (one sentence, clean NFC UTF-8) to
 * out, quotations rendered in the quote style, and their ranges still to
 * be read as quoted (pause or pitch) to quoted (may be NULL). NARR_OK or
 * NARR_E_NOMEM. */
narr_status narr_normalize_sentence(narr_normalizer *nz, const char *s, size_t n,
                                    narr_buf *out, narr_spans *quoted);

/* How quotations are read (default PAUSE): see normalize/quotes.h. */
void narr_normalizer_set_quotes(narr_normalizer *nz, narr_quote_style style);

/* Inclusive writing ("les électeur·rices") is read as both forms: the
 * feminine first by default ("les électrices et les électeurs", as in
 * "toutes et tous"), or the masculine first. */
typedef enum {
    NARR_INCLUSIVE_FEMININE_FIRST,
    NARR_INCLUSIVE_MASCULINE_FIRST,
} narr_inclusive_order;
void narr_normalizer_set_inclusive_order(narr_normalizer *nz, narr_inclusive_order order);

/* Ends a block: a quotation left open does not run into the next one. */
void narr_normalizer_end_block(narr_normalizer *nz);

/* Appends s[0..n) as written, only without its web leftovers ("(s'ouvre
 * dans un nouvel onglet)", footnote markers): the transcript's text. */
narr_status narr_normalize_written(narr_normalizer *nz, const char *s, size_t n,
                                   narr_buf *out);

#endif
