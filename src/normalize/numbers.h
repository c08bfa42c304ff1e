/* numbers: French number words from ICU's rule-based spellout
 * (UNUM_SPELLOUT): cardinals and ordinals, masculine and feminine, in the
 * voice's locale ("fr", "fr_BE" septante/nonante, "fr_CH" huitante). */
#ifndef NARR_NUMBERS_H
#define NARR_NUMBERS_H

#include "base/buf.h"
#include <stdbool.h>
#include <stdint.h>

typedef struct narr_numbers narr_numbers;

typedef enum { NARR_MASCULINE, NARR_FEMININE } narr_gender;

/* Owned: free with narr_numbers_free. NULL with *err = NARR_E_DATA when
 * ICU lacks the locale's spellout rules. */
narr_numbers *narr_numbers_new(const char *locale, narr_status *err);
void narr_numbers_free(narr_numbers *nums);

/* Appends the words for v: 21 → "vingt-et-un" ("vingt-et-une"). */
narr_status narr_spell_cardinal(const narr_numbers *nums, int64_t v,
                                narr_gender g, narr_buf *out);

/* Appends the ordinal: 1 → "premier" / "première", 21 → "vingt-et-unième";
 * plural adds the s ("premiers"). */
narr_status narr_spell_ordinal(const narr_numbers *nums, int64_t v,
                               narr_gender g, bool plural, narr_buf *out);

/* Parses ASCII digits s[0..n) into *v; false if not digits or too large
 * (more than 18 digits). */
bool narr_parse_digits(const char *s, size_t n, int64_t *v);

#endif
