/* fixes: eSpeak NG misreads some correct French ("quatre-vingt-trois"
 * with a /t/, "huitième" with an /s/). Just before synthesis, the spoken
 * text is rewritten with the table assets/espeak_fixes.tsv into what
 * eSpeak reads right. --print text shows the correct French, unfixed. */
#ifndef NARR_FIXES_H
#define NARR_FIXES_H

#include "data/table.h"
#include "base/buf.h"

/* Appends s[0..n) to out with every table key replaced where it is a
 * whole word, or, for a key ending in '*' (a stem: "rythm*" → "ritm*"),
 * where it starts a word; after a hyphen counts as a word start
 * ("dix-huitième"). A key in lower case also matches the capitalized
 * word ("Rythme"). [[phoneme]] spans are left alone. */
narr_status narr_fix_slips(const narr_table *fixes, const char *s, size_t n,
                           narr_buf *out);

#endif
