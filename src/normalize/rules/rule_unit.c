/* rule_unit: a measure after a number, from assets/units.tsv.
 * "42 km" → quarante-deux kilomètres, "1,6 GW" → un virgule six gigawatt
 * (singular below two), "21 t" → vingt et une tonnes, "45 m²" → quarante-cinq
 * mètres carrés, "80 km/h" → quatre-vingts kilomètres par heure; a pair
 * without a row is composed: "2 mg/l" → deux milligrammes par litre. */
#include "normalize/numeral.h"
#include "normalize/rules.h"

#include <string.h>

#include "base/utf8.h"

/* Units longer than this many touching tokens do not exist ("µg/m³" is 4). */
#define MAX_UNIT_TOKENS 5

typedef struct {
    const narr_row *row;
    const narr_row *per;     /* "mg/l": the unit after the slash */
    const narr_token *per_word; /* "km/an": a plain word after the slash */
    bool per_hundred;        /* "l/100 km": the unit after "/100" */
    size_t ntok;
} unit_match;

/* The longest row whose key is the text of the touching tokens from j. */
static size_t longest_row(const narr_norm *n, const narr_table *units, size_t j,
                          const narr_row **row)
{
    const narr_token *first = narr_at(n, j);
    if (!first || first->kind == NARR_TOK_NUMBER)
        return 0;
    size_t best = 0;
    for (size_t k = 0; k < MAX_UNIT_TOKENS; k++) {
        const narr_token *t = narr_at(n, j + k);
        if (!t || (k > 0 && t->space_before))
            break;
        /* Touching tokens are contiguous in the sentence. */
        size_t len = (size_t)(t->s + t->len - first->s);
        const narr_row *r = narr_table_find(units, first->s, len);
        if (r) {
            *row = r;
            best = k + 1;
        }
    }
    return best;
}

/* The unit ends at token j: nothing touches it that would make it part of
 * a longer word ("l'eau", "m.fr", "g@", "m-Paris"). */
static bool ends_here(const narr_norm *n, size_t j)
{
    const narr_token *t = narr_at(n, j);
    if (t && !t->space_before && (t->cp == '.' || t->cp == '-') &&
        narr_is_kind(n, j + 1, NARR_TOK_WORD) && narr_glued(n, j + 1))
        return false;
    return narr_clean_end(n, j, "'’@/_", ".-");
}

static bool lower_word(const narr_token *t)
{
    return t && t->kind == NARR_TOK_WORD && t->len >= 2 && t->s[0] >= 'a' && t->s[0] <= 'z';
}

/* A unit at token j (spaced from or touching the number before it); the
 * caller checks that it ends there. */
static bool match_unit(const narr_norm *n, const narr_table *units, size_t j, unit_match *u)
{
    memset(u, 0, sizeof *u);
    u->ntok = longest_row(n, units, j, &u->row);
    if (!u->ntok)
        return false;
    size_t k = j + u->ntok;
    if (narr_is_char(n, k, '/') && narr_glued(n, k) && narr_glued(n, k + 1)) {
        const narr_row *per;
        size_t used = longest_row(n, units, k + 1, &per);
        const narr_token *h = narr_at(n, k + 1);
        size_t h_used = 0;
        /* "l/100 km", "kWh/100km": consumption per hundred units. */
        if (h->kind == NARR_TOK_NUMBER && h->len == 3 && memcmp(h->s, "100", 3) == 0)
            h_used = longest_row(n, units, k + 2, &per);
        if (h_used && ends_here(n, k + 2 + h_used)) {
            u->per = per;
            u->per_hundred = true;
            u->ntok += 2 + h_used;
        } else if (used && ends_here(n, k + 1 + used)) {
            u->per = per;
            u->ntok += 1 + used;
        } else if (lower_word(narr_at(n, k + 1)) && ends_here(n, k + 2)) {
            u->per_word = narr_at(n, k + 1);
            u->ntok += 2;
        }
    }
    return true;
}

static void say_field(narr_norm *n, const narr_row *r, bool plural)
{
    const char *w = plural && r->field[2][0] ? r->field[2] : r->field[1];
    narr_say(n, w);
}

/* of: after "un million" the unit takes "de" ("un million de tonnes"). */
static void say_unit(narr_norm *n, const unit_match *u, bool plural, bool of)
{
    if (of) {
        const char *w = u->row->field[2][0] ? u->row->field[2] : u->row->field[1];
        narr_say_de_before(n, w, strlen(w));
    }
    say_field(n, u->row, plural);
    if (u->per && u->per_hundred) {
        narr_say(n, "aux");
        narr_say_cardinal(n, 100, NARR_MASCULINE);
        say_field(n, u->per, true);
    } else if (u->per) {
        narr_say(n, "par");
        say_field(n, u->per, false);
    } else if (u->per_word) {
        narr_say(n, "par");
        narr_say_n(n, u->per_word->s, u->per_word->len);
    }
}

static narr_gender gender(const unit_match *u)
{
    return u->row->field[3][0] == 'f' ? NARR_FEMININE : NARR_MASCULINE;
}

/* "1m80", "1,80 m": centimetres after a few metres, said as a number
 * ("un mètre quatre-vingts", as heights are said). */
static size_t metre_rest(const narr_norm *n, const unit_match *u, size_t k)
{
    const narr_token *t = narr_at(n, k);
    if (strcmp(u->row->field[0], "m") != 0 || !t || t->kind != NARR_TOK_NUMBER ||
        t->space_before || t->len != 2 || !ends_here(n, k + 1))
        return 0;
    return 1;
}

/* An en dash right before a number and apart from what precedes it. */
static bool en_dash_minus(const narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    /* "10 –12" would be a range: no number just before. */
    return t->cp == 0x2013 && t->kind == NARR_TOK_PUNCT &&
           (i == 0 || (t->space_before && !narr_is_kind(n, i - 1, NARR_TOK_NUMBER))) &&
           narr_is_kind(n, i + 1, NARR_TOK_NUMBER) && narr_glued(n, i + 1);
}

/* "1° Les personnes…": a numbered item of a legal list at the start of the
 * sentence, not an angle (the ordinal rule reads it). */
static bool list_marker(const narr_norm *n, size_t i, const unit_match *u)
{
    if (i != 0 || strcmp(u->row->field[0], "°") != 0 || !narr_glued(n, 1))
        return false;
    const narr_token *next = narr_at(n, 1 + u->ntok);
    if (!next)
        return true;
    if (next->cp == ')' || next->cp == '-' || next->cp == 0x2013)
        return true;
    return next->kind == NARR_TOK_WORD && narr_uc_is_upper(next->cp);
}

/* "5-10 km": the numbers were read by the range rule, the unit is left. */
static size_t after_range(narr_norm *n, size_t i)
{
    if (i < 3)
        return 0;
    const narr_token *num = narr_at(n, i - 1);
    if (num->kind != NARR_TOK_NUMBER || !narr_is_kind(n, i - 3, NARR_TOK_NUMBER))
        return 0;
    const narr_token *link = narr_at(n, i - 2);
    bool dash = link->cp == '-' || link->cp == 0x2013;
    if (link->kind == NARR_TOK_NUMBER || (!dash && link->kind != NARR_TOK_WORD))
        return 0;
    if (link->kind == NARR_TOK_WORD && !narr_is(n, i - 2, "à") && !narr_is(n, i - 2, "et") &&
        !narr_is(n, i - 2, "ou"))
        return 0;
    const narr_table *units = narr_norm_table(n, NARR_TABLE_UNITS);
    unit_match u;
    if (!units || !match_unit(n, units, i, &u) || !ends_here(n, i + u.ntok))
        return 0;
    int64_t v;
    bool plural = !narr_parse_digits(num->s, num->len, &v) || v >= 2;
    say_unit(n, &u, plural, false);
    return u.ntok;
}

/* Determiners after which a unit without a number is plural. */
static const char *const plural_determiners[] = {"les", "des", "ces", "nos", "vos", "leurs",
                                                 "mes", "tes", "ses", "quelques", "plusieurs"};

/* "le prix du m²", "au m³", "les km²": a unit with ² or ³ is one even
 * without a number (written alone, "m" is a letter; "m²" is never one). */
static bool has_exponent(const narr_norm *n, size_t i)
{
    for (size_t k = i; k < i + MAX_UNIT_TOKENS && k < n->ntok; k++) {
        const narr_token *t = narr_at(n, k);
        if (k > i && t->space_before)
            break;
        /* ² and ³ are U+00B2 and U+00B3: 0xC2 then 0xB2 or 0xB3. */
        for (size_t b = 0; b + 1 < t->len; b++)
            if ((unsigned char)t->s[b] == 0xC2 &&
                ((unsigned char)t->s[b + 1] == 0xB2 || (unsigned char)t->s[b + 1] == 0xB3))
                return true;
    }
    return false;
}

static size_t squared_alone(narr_norm *n, size_t i)
{
    const narr_table *units = narr_norm_table(n, NARR_TABLE_UNITS);
    unit_match u;
    /* At every word: the cheap test first. */
    if (!units || !narr_is_kind(n, i, NARR_TOK_WORD) || !has_exponent(n, i) ||
        !narr_clean_start(n, i, "'’@/_.-") ||
        !match_unit(n, units, i, &u) || !ends_here(n, i + u.ntok) ||
        (!strstr(u.row->field[0], "\u00b2") && !strstr(u.row->field[0], "\u00b3")))
        return 0;
    bool plural = i > 0 && narr_word_in(n, i - 1, plural_determiners,
                                        sizeof plural_determiners / sizeof *plural_determiners);
    say_unit(n, &u, plural, false);
    return u.ntok;
}

/* A straight quote after a number is an inch mark ("écran de 27\"") only
 * when glued to it and when the sentence's quotes do not pair up, so that
 * the closing quote of « "27" » stays a quote. Rare: the scan is cheap. */
static bool inch_mark(const narr_norm *n, size_t j)
{
    if (!narr_glued(n, j) || narr_is_char(n, j - 2, '"'))
        return false;
    size_t quotes = 0;
    for (size_t k = 0; k < n->ntok; k++)
        quotes += narr_is_char(n, k, '"');
    return quotes % 2 == 1;
}

/* Words near a number and its inch mark when it measures a screen. */
static const char *const screen_words[] = {
    "écran", "écrans", "téléviseur", "téléviseurs", "télé", "tv", "moniteur", "moniteurs",
    "smartphone", "smartphones", "portable", "portables", "tablette", "tablettes", "ipad",
    "iphone", "macbook", "ordinateur", "ordinateurs", "jante", "jantes", "diagonale",
};

/* Is the number at token i the size of a screen ("un écran de 55"", "le
 * portable affiche 6,7″")? Elsewhere the mark is a time's seconds ("en
 * moins de 10""). */
static bool on_a_screen(const narr_norm *n, size_t i)
{
    for (size_t back = 1; back <= 8 && back <= i; back++)
        if (narr_word_in(n, i - back, screen_words, sizeof screen_words / sizeof *screen_words))
            return true;
    return false;
}

/* The second mark read as seconds (feminine: "une seconde"). */
static const narr_row seconds = {.field = {"\u2033", "seconde", "secondes", "f"}, .nfields = 4};

static size_t apply(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    narr_numeral num;
    if (en_dash_minus(n, i) && narr_read_numeral(n, i + 1, &num) && !num.negative &&
        !num.positive) {
        /* "–12 °C": typographers often set the minus as an en dash. */
        num.negative = true;
        num.ntok++;
    } else if (!narr_read_numeral(n, i, &num)) {
        if (t->kind == NARR_TOK_NUMBER)
            return 0;
        size_t used = after_range(n, i);
        return used ? used : squared_alone(n, i);
    }
    size_t j = i + num.ntok;
    /* Most numbers are followed by a plain word or nothing: look no further. */
    const narr_token *next = narr_at(n, j);
    if (!next || next->kind == NARR_TOK_NUMBER)
        return 0;
    const narr_table *units = narr_norm_table(n, NARR_TABLE_UNITS);
    if (!units)
        return 0;
    unit_match u;
    if (!match_unit(n, units, j, &u) || list_marker(n, i, &u))
        return 0;
    bool inch = strcmp(u.row->field[0], "\"") == 0 || strcmp(u.row->field[0], "\u2033") == 0;
    if (strcmp(u.row->field[0], "\"") == 0 && !inch_mark(n, j))
        return 0;
    if (inch && !on_a_screen(n, i))
        u.row = &seconds;
    if (!ends_here(n, j + u.ntok) && !(num.frac == NULL && metre_rest(n, &u, j + u.ntok)))
        return 0;
    /* "2 min 03 s": the second part of a compound measure keeps no zero. */
    if (num.lead_zeros && i >= 2 && narr_is_kind(n, i - 1, NARR_TOK_WORD) &&
        narr_is_kind(n, i - 2, NARR_TOK_NUMBER) && narr_at(n, i)->space_before)
        num.lead_zeros = 0;
    /* French puts the plural from two on: "1,5 kilomètre", "2 kilomètres". */
    bool plural = num.integer >= 2;
    const char *cm = NULL;
    bool metres = strcmp(u.row->field[0], "m") == 0 && u.ntok == 1;
    size_t rest = num.frac ? 0 : metre_rest(n, &u, j + u.ntok);
    if (rest) {
        cm = narr_at(n, j + u.ntok)->s;
    } else if (metres && num.frac && num.frac_len == 2 && num.integer < 10) {
        cm = num.frac;
        num.frac = NULL;
    }
    /* "1 m ½", "2 kg 1/2": un mètre et demi, deux kilogrammes et demi. */
    size_t half = num.frac || cm || u.per || u.per_word || strchr(u.row->field[0], '/')
                      ? 0 : narr_half_at(n, j + u.ntok);
    narr_say_numeral(n, &num, gender(&u));
    say_unit(n, &u, plural, narr_numeral_ends_in_scale(&num));
    if (cm) {
        int64_t v;
        if (narr_parse_digits(cm, 2, &v) && v > 0)
            narr_say_cardinal(n, v, NARR_MASCULINE);
    }
    if (half)
        narr_say(n, gender(&u) == NARR_FEMININE ? "et demie" : "et demi");
    /* "Le livre fait 320 p.": the unit's dot was the sentence's too. */
    size_t end = j + u.ntok + rest + half;
    const char *key = u.row->field[0];
    if (end == n->ntok && key[0] && key[strlen(key) - 1] == '.') {
        narr_say_glue(n);
        narr_say(n, ".");
    }
    return end - i;
}

const narr_rule narr_rule_unit = {"unit", apply};
