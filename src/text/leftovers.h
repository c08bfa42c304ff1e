/* leftovers: what a copy of a web page leaves in the text — "(s'ouvre
 * dans un nouvel onglet)", "Lire aussi : …", "Publicité", "© AFP" — from
 * assets/web_leftovers.tsv. The one place that decides what is a
 * leftover: the document stage drops a line or block that is nothing
 * else, and the normalizer's leftover rule removes the ones inside a
 * sentence, both through these calls, so they always agree. */
#ifndef NARR_LEFTOVERS_H
#define NARR_LEFTOVERS_H

#include "data/table.h"
#include "base/buf.h"

typedef struct narr_leftovers narr_leftovers;

/* The table's phrases, cleaned as decoded text is (’ → '). table is
 * borrowed only during the call (may be NULL: nothing is a leftover).
 * Owned; NULL when out of memory. */
narr_leftovers *narr_leftovers_new(const narr_table *table);
void narr_leftovers_free(narr_leftovers *l);

typedef enum {
    NARR_LEFTOVER_NONE, /* an ordinary line or sentence */
    NARR_LEFTOVER_KEY,  /* the opening phrase (and its ':' '|' '-') goes, the rest stays */
    NARR_LEFTOVER_ALL,  /* the whole line or sentence goes */
} narr_leftover_cut;

/* How a line or sentence s[0..n) that opens with a `block` phrase is cut
 * (bullets and arrows before it are skipped); *cut: the bytes that go
 * (KEY), n (ALL) or 0. What follows the phrase decides: nothing, or
 * punctuation, or a capital or a digit means furniture ("Lire aussi Le
 * plan vélo", "Publicité Les économistes…"); a word in lower case means
 * an ordinary sentence ("Publicité mensongère", "Source : ministère de
 * l'Intérieur."); "whole" phrases take the line whatever follows. */
narr_leftover_cut narr_leftover_opening(const narr_leftovers *l, const char *s, size_t n,
                                        size_t *cut);

/* Is the line, paragraph or item s[0..n) a leftover and nothing else?
 * (The same judgement; a block that ends a sentence after a phrase that
 * takes its sentence may hold more sentences: it is left to the
 * normalizer, which cuts by sentence.) */
bool narr_leftover_block(const narr_leftovers *l, const char *s, size_t n);

/* The length of the `anywhere` phrase ("(nouvel onglet)") at s[0..n), or
 * 0. */
size_t narr_leftover_anywhere(const narr_leftovers *l, const char *s, size_t n);

/* The length of a `block` phrase of extent "sentence" at s[0..n)
 * ("Crédit photo :" in "(Crédit photo : AFP)") followed by a fresh start,
 * or 0: inside brackets it takes the bracket. */
size_t narr_leftover_credit(const narr_leftovers *l, const char *s, size_t n);

#endif
