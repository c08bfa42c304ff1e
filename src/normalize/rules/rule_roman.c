/* rule_roman: roman numerals without an ordinal ending, read only where
 * the context says they are numbers: after a sovereign's or pope's name
 * ("Louis XIV" → Louis quatorze, "Jean-Paul II", "Élisabeth I" → Élisabeth
 * première), after a word that numbers things ("tome III" → tome trois,
 * "chapitre IV", "phase II"), after an article when only I, V, X make it
 * ("le XV de France" → le quinze), before "siècle" ("XIX siècle"). Never a word
 * or acronym alone ("MIX", "DC", "CIVIL", "Je", "vitamine D"). The
 * contexts are the roman_context table; a title there also vouches for a
 * name it does not list ("le roi Mswati III"). */
#include "normalize/numeral.h"
#include "normalize/rules.h"

#include <string.h>

#include "base/utf8.h"

/* The uppercase roman numeral at token i, its value in *v. */
static bool roman_at(const narr_norm *n, size_t i, int64_t *v)
{
    const narr_token *t = narr_at(n, i);
    if (!t || t->kind != NARR_TOK_WORD || t->len > 15)
        return false;
    /* One C, D, L or M is a letter ("vitamine D", "le C de"), not 100. */
    if (t->len == 1 && strchr("CDLM", t->s[0]))
        return false;
    return narr_parse_roman(t->s, t->len, false, v);
}

/* "XIV", "II": no French word or acronym is made of these letters only. */
static bool only_ivx(const narr_token *t)
{
    for (size_t k = 0; k < t->len; k++)
        if (!strchr("IVX", t->s[k]))
            return false;
    return true;
}

/* The context word before the numeral at i: "Louis XIV", and the name
 * glued by a hyphen in street names ("lycée Henri-IV"). */
static const narr_row *context_row(const narr_norm *n, size_t i)
{
    const narr_table *ctx = narr_norm_table(n, NARR_TABLE_ROMAN_CONTEXT);
    if (!ctx || i == 0)
        return NULL;
    size_t p = i - 1;
    if (!narr_at(n, i)->space_before) {
        if (!narr_is_char(n, p, '-') || p == 0 || !narr_glued(n, p))
            return NULL;
        p--;
    }
    const narr_row *row = narr_find_word(ctx, narr_at(n, p));
    if (row && row->field[1][0] != 't')
        return row;
    /* A name the table does not know, after a title: "le roi Mswati III",
     * "la reine Marie-Louise II", "le pape Jean-Paul Ier". */
    if (!narr_is_capitalized(n, p))
        return NULL;
    for (size_t back = 0; back < 4 && p > 0; back++) {
        p--;
        if (narr_is_capitalized(n, p) || (narr_is_char(n, p, '-') && narr_glued(n, p)))
            continue;
        row = narr_find_word(ctx, narr_at(n, p));
        return row && row->field[1][0] == 't' ? row : NULL;
    }
    return NULL;
}

/* A name the table does not know, then II to XXXIX written with I, V, X
 * only: "Artemis III", "Apollo XI", "Rocky II", "Paris XI", "Vatican II"
 * (read as a number; a lone I or V is a letter, and an acronym before it,
 * "PC II", is no name). Token i holds the numeral, v its value. */
static size_t after_name(narr_norm *n, size_t i, int64_t v)
{
    const narr_token *t = narr_at(n, i), *name = i > 0 ? narr_at(n, i - 1) : NULL;
    if (!name || !t->space_before || t->len < 2 || !only_ivx(t) || v > 39 ||
        !narr_is_capitalized(n, i - 1) || name->len < 2)
        return 0;
    bool has_lower = false;
    for (size_t k = 0; k < name->len; k++)
        has_lower = has_lower || (name->s[k] >= 'a' && name->s[k] <= 'z');
    if (!has_lower)
        return 0;
    narr_say_cardinal(n, v, NARR_MASCULINE);
    return 1;
}

static size_t apply(narr_norm *n, size_t i)
{
    int64_t v;
    if (!roman_at(n, i, &v))
        return 0;
    const narr_token *t = narr_at(n, i);
    /* "XIV-XV", "IIIa": a numeral continued by letters or digits is not one. */
    if (narr_glued(n, i + 1) &&
        (narr_is_kind(n, i + 1, NARR_TOK_WORD) || narr_is_kind(n, i + 1, NARR_TOK_NUMBER)))
        return 0;
    /* "Marie X., 34 ans": one letter and a period is an initial. */
    if (t->len == 1 && narr_is_char(n, i + 1, '.') && i + 2 < n->ntok)
        return 0;
    if (narr_is_century_word(n, i + 1)) {
        narr_say_ordinal(n, v, NARR_MASCULINE, false);
        return 1;
    }
    const narr_row *row = context_row(n, i);
    if (!row) {
        /* "les tomes I et II", "actes III à V": the second numeral of a
         * pair shares the context of the first. */
        if (i < 3 || !t->space_before)
            return after_name(n, i, v);
        if (!narr_is(n, i - 1, "et") && !narr_is(n, i - 1, "à") && !narr_is(n, i - 1, "ou") &&
            !narr_is_char(n, i - 1, ','))
            return after_name(n, i, v);
        int64_t first;
        if (!roman_at(n, i - 2, &first) || !(row = context_row(n, i - 2)))
            return after_name(n, i, v);
    }
    char kind = row->field[1][0];
    if (kind == 'd' && (t->len < 2 || !only_ivx(t)))
        return 0;
    if (kind == 't')
        kind = row->field[2][0] == 'f' ? 'f' : 'm';
    /* Sovereigns never go past XXXIX ("le roi Dupont MIX" is no number),
     * books and acts past C ("le livre CD"). */
    if (((kind == 'm' || kind == 'f') && v > 39) || v > 100)
        return 0;
    if (v == 1 && (kind == 'm' || kind == 'f'))
        /* "François I": sovereigns count from "premier". */
        narr_say_ordinal(n, 1, kind == 'f' ? NARR_FEMININE : NARR_MASCULINE, false);
    else
        narr_say_cardinal(n, v, NARR_MASCULINE);
    return 1;
}

const narr_rule narr_rule_roman = {"roman", apply};
