/* wordlist: the French words of Debian's wfrench, compiled in (assets/
 * make-wordlist.py derives them at build time). In: a word in small
 * letters without accents ("sante"). Out: whether French has it, and its
 * written form with accents ("santé"). Used to read the glued words of a
 * web address ("monespacesante" → mon espace santé). */
#ifndef NARR_WORDLIST_H
#define NARR_WORDLIST_H

#include <stdbool.h>
#include <stddef.h>

/* The generated data: sorted lines "key[\tword]\n", whole lines per chunk. */
extern const char *const narr_wordlist_chunks[];
extern const size_t narr_wordlist_nchunks;

/* Looks key[0..len) up; on success *word, *word_len is the form to say
 * (key itself when it has no accents). */
bool narr_wordlist_find(const char *key, size_t len, const char **word, size_t *word_len);

/* Splits s[0..len) (small letters a-z) into the fewest French words of two
 * letters or more ("laposte" → "la", "poste"); writes their starts to
 * cuts[0..*count) (cuts[0] = 0), at most max. False if no split exists. */
bool narr_wordlist_split(const char *s, size_t len, size_t *cuts, size_t max, size_t *count);

#endif
