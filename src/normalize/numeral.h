/* numeral: reading a written number from the tokens, shared by the rules
 * that need one (number, money, percent, unit, ...). A numeral is an
 * optional sign, digits with optional thousands groups ("12 500",
 * "8.350") and an optional decimal part after a comma ("3,14"). Also the
 * small helpers those rules share: roman numerals ("XIV" → 14), "de"/"d'"
 * after "millions", the gender of the noun after a number. */
#ifndef NARR_NUMERAL_H
#define NARR_NUMERAL_H

#include "normalize/rule.h"

typedef struct {
    bool negative;
    bool positive;        /* an explicit '+' */
    int64_t integer;
    const char *frac;     /* decimal digits after the comma, or NULL */
    size_t frac_len;
    size_t ntok;          /* tokens it spans, 0 if none */
    size_t lead_zeros;    /* "007": zeros before a lone digit run, said one by one */
    /* 10^18 and more ("1 234 567 890 123 456 789", or 19 digits and more
     * in one run): past ICU's words and int64, the integer part is said
     * digit by digit, a pause every three, from token `groups` for
     * `groups_ntok` tokens; integer is then INT64_MAX (plural, no "de"),
     * a value for no arithmetic. NULL otherwise. */
    const narr_token *groups;
    size_t groups_ntok;
} narr_numeral;

/* Reads the numeral at token i; false (and ntok = 0) if there is none.
 * A sign counts only when it touches the digits and does not follow a
 * word or number ("2019-2021" is no negative number). All the thousands
 * groups written belong to it, even past 10^18 (see groups above): a long
 * number is never split into two wrong values. */
bool narr_read_numeral(const narr_norm *n, size_t i, narr_numeral *num);

/* Says it: "moins trois virgule zéro cinq". g applies to the integer
 * part ("vingt et une personnes"). */
void narr_say_numeral(narr_norm *n, const narr_numeral *num, narr_gender g);

/* Says decimal digits as a newsreader does: leading zeros one by one,
 * then the rest as a number ("05" → "zéro cinq"); four digits or more
 * are read in pairs ("1313" → "treize treize"). */
void narr_say_decimals(narr_norm *n, const char *digits, size_t len);


/* The gender of the noun at token i (looked up in the feminine_nouns
 * table, plural s tolerated), for the agreement of un/une. */
narr_gender narr_gender_of(const narr_norm *n, size_t i);

/* True when the numeral is said ending with a scale word ("deux
 * millions", "un milliard"): a noun after it then takes "de"/"d'". */
bool narr_numeral_ends_in_scale(const narr_numeral *num);

/* True when the word at token i is a noun that takes "de" after
 * "millions" ("habitants", "euros", "Français"), not a function word
 * ("dans", "sur", "de"). */
bool narr_takes_de(const narr_norm *n, size_t i);

/* The word w[0..len) elides a "de" or "le" before it: it starts with a
 * vowel (any case, accents, œ, æ) or h ("d'euros", "d'Égyptiens",
 * "d'œufs", "d'hectares"), or with y before a consonant ("d'Yvelinois");
 * y before a vowel is a consonant ("de yens", "de yuans"). The aspirated
 * h is narr_aspirated's. */
bool narr_elides(const char *w, size_t len);

/* The word w[0..len) starts with an aspirated h ("haricots", "héros",
 * "Hongrois"): it takes "de", "le", never "d'", "l'". From the h_aspire
 * table (plural s or x tolerated). */
bool narr_aspirated(const narr_norm *n, const char *w, size_t len);

/* Says "de", or "d'" glued to the word at token i when it elides
 * ("d'euros", "de foyers"). */
void narr_say_de(narr_norm *n, size_t i);
/* The same before the word w[0..len) about to be said ("d'euros" for a
 * currency, "de tonnes" for a unit). */
void narr_say_de_before(narr_norm *n, const char *w, size_t len);

/* Token i is a plural noun of people or time that makes "10/12" or
 * "3/4" two guesses rather than a date or a fraction ("10/12 ans"). */
bool narr_is_count_noun(const narr_norm *n, size_t i);

/* The number at token i follows "n°" or "numéro": it is an identifier
 * ("décret n° 2023-1234"), not a quantity, a range or a year range. */
bool narr_after_number_sign(const narr_norm *n, size_t i);

/* Token i is the letter of a part of a French code before an article's
 * number: L (législative), R or D (réglementaire), A (arrêtés), with or
 * without a dot ("L. 121-1", "R4127-1"). Returns the tokens of the letter
 * and its dot (the number is at i + that), else 0. */
size_t narr_code_part_at(const narr_norm *n, size_t i);

/* Token i is "siècle", "millénaire" or their plurals: a roman numeral
 * before it is a century ("XIX siècle", "xxie siècle"). */
bool narr_is_century_word(const narr_norm *n, size_t i);

/* The value of a roman numeral in canonical form, s[0..len) all capitals
 * ("XIV" → 14, "MMXXVI" → 2026; "IIII", "VX", "Je" are none). With
 * lower, all small letters instead ("xxi"). */
bool narr_parse_roman(const char *s, size_t len, bool lower, int64_t *v);

/* A vulgar fraction character at token i ("½" → 1/2, "¾" → 3/4); false
 * if token i is none. */
bool narr_vulgar_fraction(const narr_norm *n, size_t i, int64_t *a, int64_t *b);

/* A half written after a space at token i: "½" or "1/2" with nothing
 * glued after it ("3 mois ½", "1 h 1/2"); the tokens it spans, else 0. */
size_t narr_half_at(const narr_norm *n, size_t i);

/* The row of table t for the word token tok as written, or with its first
 * letter in lower case ("Tome" → "tome"); NULL if none. */
const narr_row *narr_find_word(const narr_table *t, const narr_token *tok);

#endif
