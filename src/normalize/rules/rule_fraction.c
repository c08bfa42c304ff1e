/* rule_fraction: written fractions. "1/2" → un demi, "3/4" → trois quarts,
 * "2/3" → deux tiers, "5/8" → cinq huitièmes, "1 1/2" → un et demi,
 * "7/10e" → sept dixièmes, "1/2 litre" → un demi-litre, "1/2 finale" → demi-finale, "1/4 de
 * finale" → quart de finale, "17/20" (a mark) → dix-sept sur vingt;
 * the characters too: "une ½ journée" → une demi-journée, "un ¼ d'heure" →
 * un quart d'heure, "3 mois ½" or "3 mois 1/2" → trois mois et demi.
 * Dates ("26/11") are taken earlier by rule_date. */
#include "normalize/numeral.h"
#include "normalize/rules.h"
#include "base/utf8.h"

#include <string.h>

/* Words after "1/2" that are not the noun of "un demi-litre". */
static const char *const not_a_noun[] = {
    "à",  "a",   "au",   "aux",  "avec", "d",    "dans",  "de",   "des",  "du",
    "en", "est", "et",   "ou",   "par",  "pas",  "plus",  "pour", "que",  "qui",
    "se", "sont", "sur", "y",    "ne",   "moins", "seulement", "environ",
};

/* Determiners before "1/2 heure" that replace its "une". */
static const char *const determiners[] = {
    "un",  "une", "le",  "la", "l",   "ce",  "cet", "cette", "chaque", "mon", "ma",
    "ton", "ta",  "son", "sa", "notre", "votre", "leur", "les", "des", "ces",
};

static bool is_lower_word(const narr_token *t)
{
    if (!t || t->kind != NARR_TOK_WORD)
        return false;
    size_t k = 0;
    return narr_uc_is_lower(narr_utf8_next(t->s, t->len, &k));
}

/* Characters that join numbers: "1/2/3", "3/4,5", "24h/24", "-1/2". */
#define SEPS "/-–.,−+:"

/* Nothing glued before the numerator ("km/h", "24h/24", "1/2/3"). */
static bool starts_cleanly(const narr_norm *n, size_t i)
{
    return narr_clean_start(n, i, SEPS);
}

/* Nothing glued after the denominator ("1/2h", "1/2/3", "3/4,5"). */
static bool ends_cleanly(const narr_norm *n, size_t i)
{
    return narr_clean_end(n, i, NULL, SEPS);
}

/* a/b at token i: numerator of 1..3 digits, denominator 2..9999. */
static bool fraction_at(const narr_norm *n, size_t i, int64_t *a, int64_t *b)
{
    const narr_token *t = narr_at(n, i);
    const narr_token *d = narr_at(n, i + 2);
    if (!t || t->kind != NARR_TOK_NUMBER || t->len > 3 || !narr_is_char(n, i + 1, '/') ||
        !narr_glued(n, i + 1) || !d || d->kind != NARR_TOK_NUMBER || d->space_before ||
        d->len > 4 || t->s[0] == '0' || d->s[0] == '0')
        return false;
    return narr_parse_digits(t->s, t->len, a) && narr_parse_digits(d->s, d->len, b) && *b >= 2 &&
           ends_cleanly(n, i + 3);
}

static bool power_of_ten(int64_t v)
{
    while (v >= 10 && v % 10 == 0)
        v /= 10;
    return v == 1;
}

/* The denominator as a noun: demi, tiers, quart, cinquième... */
static void say_denominator(narr_norm *n, int64_t b, bool plural)
{
    if (b == 2)
        narr_say(n, plural ? "demis" : "demi");
    else if (b == 3)
        narr_say(n, "tiers");
    else if (b == 4)
        narr_say(n, plural ? "quarts" : "quart");
    else
        narr_say_ordinal(n, b, NARR_MASCULINE, plural);
}

static bool plural_determiner(const narr_norm *n, size_t i)
{
    static const char *const plural[] = {"les", "des", "aux", "ces", "leurs", "nos", "vos", "ses"};
    return narr_word_in(n, i, plural, sizeof plural / sizeof plural[0]);
}

static bool followed_by_de(const narr_norm *n, size_t k)
{
    static const char *const de[] = {"de", "du", "des", "d"};
    return narr_word_in(n, k, de, sizeof de / sizeof de[0]);
}

/* "finale", "finales": "1/2 finale", "1/4 de finale". */
static bool finale_at(const narr_norm *n, size_t k)
{
    return narr_word_is(n, k, "finale") || narr_word_is(n, k, "finales");
}

/* A lone fraction a/b at tokens i..k-1 ("1/2", or "½" alone); k is the
 * token after it. */
static void say_fraction(narr_norm *n, size_t i, size_t k, int64_t a, int64_t b)
{
    const narr_token *next = narr_at(n, k);
    /* After a determiner "1/4" is a noun without its "un": "le 1/3 des
     * voix" → le tiers des voix, "une 1/2 heure" → une demi-heure. */
    bool det = a == 1 && i > 0 &&
               narr_word_in(n, i - 1, determiners, sizeof determiners / sizeof determiners[0]);
    bool plural = det && plural_determiner(n, i - 1);
    /* Sport: "1/2 finale" → demi-finale, "les 1/4 de finale" → les quarts
     * de finale, "1/8 de finale" → huitième de finale. */
    if (a == 1 && b == 2 && finale_at(n, k)) {
        narr_say(n, "demi-");
        narr_say_glue(n);
        return;
    }
    if (a == 1 && narr_word_is(n, k, "de") && finale_at(n, k + 1)) {
        say_denominator(n, b, plural);
        return;
    }
    /* "1/2 litre" → un demi-litre, "1/2 heure" → une demi-heure. */
    if (a == 1 && b == 2 && next && next->space_before && is_lower_word(next) &&
        !narr_is_char(n, k + 1, '\'') && !narr_is_char(n, k + 1, 0x2019) &&
        !narr_word_in(n, k, not_a_noun, sizeof not_a_noun / sizeof not_a_noun[0])) {
        if (!det)
            narr_say_cardinal(n, 1, narr_gender_of(n, k));
        narr_say(n, "demi-");
        narr_say_glue(n);
        return;
    }
    if (det) {
        say_denominator(n, b, plural);
        return;
    }
    /* "les 3/4 ans", "10/12 mois": two guesses, not a fraction. */
    if (narr_is_count_noun(n, k) &&
        next->space_before) {
        narr_say_cardinal(n, a, narr_gender_of(n, k));
        narr_say(n, "à");
        narr_say_cardinal(n, b, narr_gender_of(n, k));
        return;
    }
    /* "50/50": an even split. */
    if (a == b) {
        narr_say_cardinal(n, a, NARR_MASCULINE);
        narr_say_cardinal(n, b, NARR_MASCULINE);
        return;
    }
    /* Marks and ratios are read with "sur": "17/20", "7/10" (but "7/10 des
     * Français" is sept dixièmes), "120/80", "24/7". */
    bool mark = (b == 10 || b == 20) && a > 1 && !followed_by_de(n, k);
    if (a >= b || mark || (b > 100 && !power_of_ten(b))) {
        narr_say_cardinal(n, a, NARR_MASCULINE);
        narr_say(n, "sur");
        narr_say_cardinal(n, b, NARR_MASCULINE);
        return;
    }
    narr_say_cardinal(n, a, NARR_MASCULINE);
    say_denominator(n, b, a > 1);
}

/* "7/10e", "3/100èmes": the denominator written as an ordinal. */
static bool ordinal_ending(const narr_token *t)
{
    static const char *const endings[] = {"e", "es", "ème", "èmes", "eme", "emes", "ᵉ", "ᵉˢ"};
    if (!t || t->kind != NARR_TOK_WORD || t->space_before)
        return false;
    for (size_t k = 0; k < sizeof endings / sizeof endings[0]; k++)
        if (t->len == strlen(endings[k]) && memcmp(t->s, endings[k], t->len) == 0)
            return true;
    return false;
}

static size_t ordinal_fraction(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i), *d = narr_at(n, i + 2);
    int64_t a, b;
    if (t->len > 3 || t->s[0] == '0' || !narr_is_char(n, i + 1, '/') || !narr_glued(n, i + 1) ||
        !d || d->kind != NARR_TOK_NUMBER || d->space_before || d->len > 4 || d->s[0] == '0' ||
        !ordinal_ending(narr_at(n, i + 3)) || !ends_cleanly(n, i + 4) ||
        !narr_parse_digits(t->s, t->len, &a) || !narr_parse_digits(d->s, d->len, &b) || b < 5)
        return 0;
    /* "un 1/10e de point" → un dixième de point. */
    if (a != 1 || i == 0 ||
        !narr_word_in(n, i - 1, determiners, sizeof determiners / sizeof determiners[0]))
        narr_say_cardinal(n, a, NARR_MASCULINE);
    narr_say_ordinal(n, b, NARR_MASCULINE, a > 1 || (i > 0 && plural_determiner(n, i - 1)));
    return 4;
}

/* A noun after a number that a half may follow: "3 mois ½", "2 ans 1/2"
 * (not "de", "et": "3 et 1/2"). */
static bool noun_at(const narr_norm *n, size_t k)
{
    const narr_token *t = narr_at(n, k);
    return t && t->space_before && t->len >= 2 && is_lower_word(t) &&
           !narr_word_in(n, k, not_a_noun, sizeof not_a_noun / sizeof not_a_noun[0]);
}

/* "3 mois ½" → trois mois et demi, "2 heures 1/2" → deux heures et
 * demie: the number agrees with the noun, and so does "demi". */
static size_t whole_noun_half(narr_norm *n, size_t i, const narr_numeral *w, size_t noun)
{
    narr_gender g = narr_gender_of(n, noun);
    narr_say_numeral(n, w, g);
    narr_say_token(n, noun);
    narr_say(n, g == NARR_FEMININE ? "et demie" : "et demi");
    return noun + 1 - i;
}

/* "8,5/10", "12,5/20": a mark with a decimal part is read over its
 * scale ("huit virgule cinq sur dix"); w is the numeral at i. */
static size_t decimal_over(narr_norm *n, size_t i, const narr_numeral *w)
{
    size_t j = i + w->ntok;
    const narr_token *scale = narr_at(n, j + 1);
    int64_t b;
    if (w->negative || w->positive || !narr_is_char(n, j, '/') || !narr_glued(n, j) ||
        !scale || scale->kind != NARR_TOK_NUMBER || !narr_glued(n, j + 1) || scale->len > 3 ||
        !narr_parse_digits(scale->s, scale->len, &b) || b == 0 ||
        !narr_clean_end(n, j + 2, "/-", "/-.,"))
        return 0;
    narr_say_numeral(n, w, NARR_MASCULINE);
    narr_say(n, "sur");
    narr_say_cardinal(n, b, NARR_MASCULINE);
    return j + 2 - i;
}

static size_t apply(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (t->kind == NARR_TOK_WORD || !starts_cleanly(n, i))
        return 0;
    int64_t a, b;
    /* "une ½ journée", "un ¼ d'heure", "¾ des votants". */
    if (narr_vulgar_fraction(n, i, &a, &b)) {
        say_fraction(n, i, i + 1, a, b);
        return 1;
    }
    if (t->kind == NARR_TOK_NUMBER) {
        if (fraction_at(n, i, &a, &b)) {
            say_fraction(n, i, i + 3, a, b);
            return 3;
        }
        size_t used = ordinal_fraction(n, i);
        if (used)
            return used;
    }
    /* A whole part before a proper fraction: "1 1/2", "-4 1/3", or a
     * signed fraction "-1/2". */
    narr_numeral w;
    if (!narr_read_numeral(n, i, &w))
        return 0;
    if (w.frac)
        return decimal_over(n, i, &w);
    size_t sign = (w.negative || w.positive) ? 1 : 0;
    if (sign && w.ntok == 2 && fraction_at(n, i + 1, &a, &b) && a < b) {
        narr_say(n, w.negative ? "moins" : "plus");
        say_fraction(n, i + 1, i + 4, a, b);
        return 4;
    }
    size_t half = w.ntok == sign + 1 ? narr_half_at(n, i + w.ntok + 1) : 0;
    if (half && !w.frac && noun_at(n, i + w.ntok))
        return whole_noun_half(n, i, &w, i + w.ntok) + half;
    size_t j = i + w.ntok;
    /* "3 ½", "2½": a whole part and a fraction character. */
    if (w.ntok == sign + 1 && !w.frac && narr_vulgar_fraction(n, j, &a, &b) &&
        narr_clean_end(n, j + 1, NULL, "/-.,")) {
        if (w.negative)
            narr_say(n, "moins");
        narr_say_cardinal(n, w.integer, NARR_MASCULINE);
        narr_say(n, "et");
        if (a != 1 || b != 2)
            narr_say_cardinal(n, a, NARR_MASCULINE);
        say_denominator(n, b, a > 1);
        return j + 1 - i;
    }
    /* "en 2021 1/3 des..." is no mixed number: the whole part is small. */
    if (w.ntok != sign + 1 || narr_at(n, i + sign)->len > 3 || !narr_at(n, j) ||
        !narr_at(n, j)->space_before || !fraction_at(n, j, &a, &b) || a >= b)
        return 0;
    if (w.negative)
        narr_say(n, "moins");
    else if (w.positive)
        narr_say(n, "plus");
    /* "2 1/2 heures" → deux heures et demie, as it is said. */
    const narr_token *noun = narr_at(n, j + 3);
    if (a == 1 && b == 2 && noun && noun->space_before && noun->len >= 3 && is_lower_word(noun) &&
        !narr_word_in(n, j + 3, not_a_noun, sizeof not_a_noun / sizeof not_a_noun[0]) &&
        !narr_is_char(n, j + 4, '\'') && !narr_is_char(n, j + 4, 0x2019)) {
        narr_gender g = narr_gender_of(n, j + 3);
        narr_say_cardinal(n, w.integer, g);
        narr_say_token(n, j + 3);
        narr_say(n, g == NARR_FEMININE ? "et demie" : "et demi");
        return j + 4 - i;
    }
    narr_say_cardinal(n, w.integer, NARR_MASCULINE);
    narr_say(n, "et");
    /* "2 1/2" → deux et demi, but "4 1/3" → quatre et un tiers. */
    if (a != 1 || b != 2)
        narr_say_cardinal(n, a, NARR_MASCULINE);
    say_denominator(n, b, a > 1);
    return j + 3 - i;
}

const narr_rule narr_rule_fraction = {"fraction", apply};
