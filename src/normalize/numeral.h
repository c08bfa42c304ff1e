/* numeral: reading a written number from the tokens, shared by the rules
 * that need one (number, money, percent, unit, ...). A numeral is an
 * optional sign, digits with optional thousands groups ("12 500",
 * "8.350") and an optional decimal part after a comma ("3,14"). */
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
} narr_numeral;

/* Reads the numeral at token i; false (and ntok = 0) if there is none.
 * A sign counts only when it touches the digits and does not follow a
 * word or number ("2019-2021" is no negative number). */
bool narr_read_numeral(const narr_norm *n, size_t i, narr_numeral *num);

/* Says it: "moins trois virgule zéro cinq". g applies to the integer
 * part ("vingt et une personnes"). */
void narr_say_numeral(narr_norm *n, const narr_numeral *num, narr_gender g);

/* Says decimal digits as a newsreader does: leading zeros one by one,
 * then the rest as a number ("05" → "zéro cinq"). */
void narr_say_decimals(narr_norm *n, const char *digits, size_t len);

/* The gender of the noun at token i (looked up in the feminine_nouns
 * table, plural s tolerated), for the agreement of un/une. */
narr_gender narr_gender_of(const narr_norm *n, size_t i);

#endif
