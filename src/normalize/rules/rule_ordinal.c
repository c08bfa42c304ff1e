/* rule_ordinal: numbers with an ordinal ending, in digits or roman.
 * "1er" → premier, "1re"/"1ère" → première, "2e"/"2ème" → deuxième,
 * "2nd"/"2de" → second/seconde, "3es" → troisièmes, "21ᵉ" → vingt et unième,
 * "XXIe siècle" → vingt et unième siècle, "François Ier" → François premier;
 * "XIXe s." → dix-neuvième siècle, "T1 2024"/"Q3" → premier/troisième
 * trimestre, "S1 2025" → premier semestre;
 * not "Ce", "Le", "Me" (one letter C, D, L, M is a word, not a numeral). */
#include "normalize/numeral.h"
#include "normalize/rules.h"

#include <string.h>

#include "base/utf8.h"

typedef enum { SUF_NONE, SUF_ER, SUF_RE, SUF_E, SUF_ND } suffix_kind;

typedef struct {
    suffix_kind kind;
    bool plural;
    bool feminine; /* "2nde" */
} suffix;

/* Folds the ending to plain letters: superscripts (ᵉ ʳ ˢ ⁿ ᵈ ᵐ) and è, é
 * become e r s n d m e, so that "ᵉʳ", "ème", "éme" compare as "er", "eme". */
static size_t fold(const char *s, size_t len, char *out, size_t cap)
{
    size_t k = 0, o = 0;
    while (k < len) {
        int32_t cp = narr_utf8_next(s, len, &k);
        char c;
        switch (cp) {
        case 'e': case 0xE8: case 0xE9: case 0x1D49: c = 'e'; break;
        case 'r': case 0x02B3: c = 'r'; break;
        case 's': case 0x02E2: c = 's'; break;
        case 'n': case 0x207F: c = 'n'; break;
        case 'd': case 0x1D48: c = 'd'; break;
        case 'm': case 0x1D50: c = 'm'; break;
        case 'i': case 0x2071: c = 'i'; break;
        default: return 0;
        }
        if (o + 1 >= cap)
            return 0;
        out[o++] = c;
    }
    out[o] = '\0';
    return o;
}

static suffix parse_suffix(const char *s, size_t len)
{
    static const struct {
        const char *text;
        suffix_kind kind;
        bool plural, feminine;
    } forms[] = {
        {"er", SUF_ER, false, false},   {"ers", SUF_ER, true, false},
        {"re", SUF_RE, false, true},    {"res", SUF_RE, true, true},
        {"ere", SUF_RE, false, true},   {"eres", SUF_RE, true, true},
        {"ier", SUF_ER, false, false},  {"iers", SUF_ER, true, false},
        {"iere", SUF_RE, false, true},  {"ieres", SUF_RE, true, true},
        {"e", SUF_E, false, false},     {"es", SUF_E, true, false},
        {"eme", SUF_E, false, false},   {"emes", SUF_E, true, false},
        {"ieme", SUF_E, false, false},  {"iemes", SUF_E, true, false},
        {"nd", SUF_ND, false, false},   {"nds", SUF_ND, true, false},
        {"nde", SUF_ND, false, true},   {"ndes", SUF_ND, true, true},
        {"d", SUF_ND, false, false},    {"de", SUF_ND, false, true},
        {"ds", SUF_ND, true, false},    {"des", SUF_ND, true, true},
    };
    suffix none = {SUF_NONE, false, false};
    char folded[8];
    size_t fl = fold(s, len, folded, sizeof folded);
    if (!fl)
        return none;
    for (size_t k = 0; k < sizeof forms / sizeof forms[0]; k++)
        if (strcmp(folded, forms[k].text) == 0)
            return (suffix){forms[k].kind, forms[k].plural, forms[k].feminine};
    return none;
}

static void say(narr_norm *n, int64_t v, suffix suf, size_t next)
{
    narr_gender g = NARR_MASCULINE;
    if (suf.kind == SUF_RE || suf.feminine)
        g = NARR_FEMININE;
    else if (suf.kind == SUF_E && v == 1)
        g = narr_gender_of(n, next); /* "1e édition": the noun decides */
    if (suf.kind == SUF_ND) {
        /* "second" is a word of its own, not ICU's spelling of 2. */
        static const char *const second[2][2] = {{"second", "seconds"},
                                                 {"seconde", "secondes"}};
        narr_say(n, second[g == NARR_FEMININE][suf.plural]);
        return;
    }
    narr_say_ordinal(n, v, g, suf.plural);
}

/* The token after the ordinal must not continue it ("1e10", "2emeA"). */
static bool ends_here(const narr_norm *n, size_t i)
{
    return narr_clean_end(n, i, NULL, NULL);
}

/* "XIXe s.": after an ordinal, "s." is the century. Returns the tokens
 * it takes: "s" and its period, but a period that ends the sentence
 * stays to end it. */
static size_t century_abbrev(narr_norm *n, size_t i, suffix suf)
{
    if (suf.kind != SUF_E || !narr_is(n, i, "s") || !narr_at(n, i)->space_before ||
        !narr_is_char(n, i + 1, '.') || !narr_glued(n, i + 1))
        return 0;
    narr_say(n, suf.plural ? "siècles" : "siècle");
    return i + 2 < n->ntok ? 2 : 1;
}

/* "T1 2024", "Q3", "S2 2025", "H1": a quarter or a half of a year, as
 * in company results. Q (English quarter) stands alone; T, S and H are
 * also flats, roads or models ("un T3"), so they need the year after or
 * "au"/"du" before. */
static size_t apply_period(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i), *d = narr_at(n, i + 1);
    if (t->len != 1 || !d || d->kind != NARR_TOK_NUMBER || d->len != 1 || !narr_glued(n, i + 1) ||
        !narr_clean_start(n, i, "-/.") || !narr_clean_end(n, i + 2, NULL, NULL))
        return 0;
    char c = t->s[0];
    int64_t max = c == 'T' || c == 'Q' ? 4 : c == 'S' || c == 'H' ? 2 : 0;
    int64_t v = d->s[0] - '0';
    if (v < 1 || v > max)
        return 0;
    const narr_token *y = narr_at(n, i + 2);
    bool year = y && y->kind == NARR_TOK_NUMBER && y->space_before && y->len == 4 &&
                (y->s[0] == '1' || y->s[0] == '2');
    bool det = i > 0 && (narr_word_is(n, i - 1, "au") || narr_word_is(n, i - 1, "du"));
    if (c != 'Q' && !year && !det)
        return 0;
    narr_say_ordinal(n, v, NARR_MASCULINE, false);
    narr_say(n, max == 4 ? "trimestre" : "semestre");
    return 2;
}

static size_t apply_digits(narr_norm *n, size_t i)
{
    narr_numeral num;
    if (!narr_read_numeral(n, i, &num) || num.negative || num.positive || num.frac ||
        num.lead_zeros || num.groups)
        return 0;
    size_t j = i + num.ntok;
    const narr_token *t = narr_at(n, j);
    if (!t || t->kind != NARR_TOK_WORD || !narr_glued(n, j) || !ends_here(n, j + 1))
        return 0;
    suffix suf = parse_suffix(t->s, t->len);
    int64_t v = num.integer;
    if (suf.kind == SUF_NONE || v == 0 ||
        ((suf.kind == SUF_ER || suf.kind == SUF_RE) && v != 1) ||
        (suf.kind == SUF_ND && v != 2))
        return 0;
    if (narr_glued(n, i) && narr_is_kind(n, i - 1, NARR_TOK_WORD))
        n->span_space = true;
    say(n, v, suf, j + 1);
    return num.ntok + 1 + century_abbrev(n, j + 1, suf);
}

static size_t apply_roman(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (!t || t->kind != NARR_TOK_WORD || t->len < 2)
        return 0;
    bool lower = t->s[0] >= 'a' && t->s[0] <= 'z';
    size_t p = 0;
    while (p < t->len && strchr(lower ? "ivxlcdm" : "IVXLCDM", t->s[p]))
        p++;
    if (p == 0 || p == t->len)
        return 0;
    if (p == 1 && strchr(lower ? "cdlm" : "CDLM", t->s[0]))
        return 0; /* "Ce", "De", "Le", "Me", "Mes" */
    int64_t v;
    if (!narr_parse_roman(t->s, p, lower, &v))
        return 0;
    suffix suf = parse_suffix(t->s + p, t->len - p);
    if (suf.kind == SUF_NONE || suf.kind == SUF_ND ||
        ((suf.kind == SUF_ER || suf.kind == SUF_RE) != (v == 1)))
        return 0;
    /* Lower-case numerals ("xxie siècle", as small capitals are often
     * typed) count only before "siècle" or "millénaire". */
    if (!ends_here(n, i + 1) || (lower && !narr_is_century_word(n, i + 1)))
        return 0;
    say(n, v, suf, i + 1);
    return 1 + century_abbrev(n, i + 1, suf);
}

static size_t apply(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (!t)
        return 0;
    if (t->kind == NARR_TOK_NUMBER)
        return apply_digits(n, i);
    if (t->kind == NARR_TOK_WORD) {
        size_t k = apply_period(n, i);
        return k ? k : apply_roman(n, i);
    }
    return 0;
}

const narr_rule narr_rule_ordinal = {"ordinal", apply};
