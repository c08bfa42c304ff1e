/* rule_date: dates. "26/11/2026", "26.11.2026", "2024-09-12" → vingt-six
 * novembre deux mille vingt-six; "31/12" → trente et un décembre; "1er
 * janvier 2021" → premier janvier deux mille vingt et un; "les 17/18 juin";
 * year ranges "2019-2021" → de deux mille dix-neuf à deux mille vingt et
 * un; "les 80s" → les eighties (assets/decades.tsv). Years are cardinals. */
#include "normalize/numeral.h"
#include "normalize/rules.h"
#include "base/utf8.h"

#include <string.h>

/* Month names (a grammar table, not number spelling). */
static const char *const month_name[12] = {
    "janvier", "février", "mars",      "avril",   "mai",      "juin",
    "juillet", "août",    "septembre", "octobre", "novembre", "décembre",
};

/* Abbreviated months, always written with a final dot ("janv."). */
static const struct {
    const char *word;
    int month;
} month_abbr[] = {
    {"janv", 1}, {"févr", 2}, {"fév", 2},  {"avr", 4},  {"juil", 7},
    {"sept", 9}, {"oct", 10}, {"nov", 11}, {"déc", 12}, {"dec", 12},
};

/* Words before a bare "26/11" that make it a date rather than a fraction. */
static const char *const date_context[] = {
    "le",      "au",    "du",    "dès",      "depuis", "avant",    "après",
    "lundi",   "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche",
};

/* Words after "1/4" that make it a fraction even after "le". */
static const char *const fraction_next[] = {"de", "du", "des", "d", "finale", "finales"};

/* Words after which a year range needs no "de": "en 2019-2020",
 * "entre 2019-2021". */
static const char *const no_de_before[] = {
    "de", "du", "des", "d", "entre", "en", "à", "au", "aux", "pour", "sur",
    "par", "dès", "depuis", "jusqu", "vers", "avant", "après", "le", "la",
    "les", "l", "et", "ou", "années", "an",
};

/* A number token of 1..max_len digits, glued to the previous one when
 * glued is set; its value in *v. */
static bool num_at(const narr_norm *n, size_t i, size_t min_len, size_t max_len, bool glued,
                   int64_t *v)
{
    const narr_token *t = narr_at(n, i);
    if (!t || t->kind != NARR_TOK_NUMBER || t->len < min_len || t->len > max_len)
        return false;
    if (glued && t->space_before)
        return false;
    return narr_parse_digits(t->s, t->len, v);
}

/* The separator character at i, glued on both sides, or 0. */
static int32_t sep_at(const narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (!t || t->kind == NARR_TOK_WORD || t->kind == NARR_TOK_NUMBER || t->space_before)
        return 0;
    const narr_token *next = narr_at(n, i + 1);
    if (!next || next->space_before)
        return 0;
    if (t->cp == '/' || t->cp == '.' || t->cp == '-' || t->cp == 0x2013 || t->cp == 0x2011)
        return t->cp == 0x2013 || t->cp == 0x2011 ? '-' : t->cp;
    return 0;
}

/* What follows a numeric date must not extend it: "26/11/2026/3",
 * "12.04.5", "1-2-3-4", "2019-2021x". */
static bool ends_cleanly(const narr_norm *n, size_t i)
{
    return narr_clean_end(n, i, NULL, "/-.,–");
}

/* The number at i must not continue something glued before it ("COVID-19",
 * "A4", "1/26/11", "3,26/11"). */
static bool starts_cleanly(const narr_norm *n, size_t i)
{
    return narr_clean_start(n, i, "/-.,–−+:");
}

static bool valid_date(int64_t d, int64_t m)
{
    static const int days[12] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    return m >= 1 && m <= 12 && d >= 1 && d <= days[m - 1];
}

/* The month name at i (full, or abbreviated with its dot); 1..12 or 0.
 * *used is the tokens it spans. */
static int month_at(const narr_norm *n, size_t i, size_t *used)
{
    const narr_token *t = narr_at(n, i);
    if (!t || t->kind != NARR_TOK_WORD || t->len > 10)
        return 0;
    for (int m = 0; m < 12; m++)
        if (narr_word_is(n, i, month_name[m])) {
            *used = 1;
            return m + 1;
        }
    if (narr_is_char(n, i + 1, '.') && narr_glued(n, i + 1)) {
        for (size_t k = 0; k < sizeof month_abbr / sizeof month_abbr[0]; k++)
            if (narr_word_is(n, i, month_abbr[k].word)) {
                /* At the end of the sentence the dot also ends it. */
                *used = i + 2 < n->ntok ? 2 : 1;
                return month_abbr[k].month;
            }
    }
    return 0;
}

static void say_day(narr_norm *n, int64_t d)
{
    if (d == 1)
        narr_say_ordinal(n, 1, NARR_MASCULINE, false);
    else
        narr_say_cardinal(n, d, NARR_MASCULINE);
}

static void say_date(narr_norm *n, int64_t d, int m, int64_t y, bool has_year)
{
    say_day(n, d);
    narr_say(n, month_name[m - 1]);
    if (has_year)
        narr_say_cardinal(n, y, NARR_MASCULINE);
}

/* A two-digit year in a numeric date: "26/11/26" → 2026, "12/03/98" → 1998. */
static int64_t full_year(int64_t y, size_t len)
{
    if (len != 2)
        return y;
    return y < 50 ? 2000 + y : 1900 + y;
}

/* A year after a month name: four digits, not the start of a bigger number
 * ("mars 2 000" is no year). */
static bool year_after(const narr_norm *n, size_t i, int64_t *y)
{
    if (!num_at(n, i, 4, 4, false, y) || !narr_at(n, i)->space_before || *y < 1000)
        return false;
    const narr_token *next = narr_at(n, i + 1);
    if (next && next->kind == NARR_TOK_NUMBER)
        return false;
    return ends_cleanly(n, i + 1);
}

/* ISO 8601: 2024-09-12. */
static size_t iso_date(narr_norm *n, size_t i)
{
    int64_t y, m, d;
    if (!num_at(n, i, 4, 4, false, &y) || sep_at(n, i + 1) != '-' ||
        narr_at(n, i + 1)->cp != '-' || !num_at(n, i + 2, 2, 2, true, &m) ||
        sep_at(n, i + 3) != '-' || narr_at(n, i + 3)->cp != '-' ||
        !num_at(n, i + 4, 2, 2, true, &d) || !valid_date(d, m) || !ends_cleanly(n, i + 5))
        return 0;
    say_date(n, d, (int)m, y, true);
    return 5;
}

/* 26/11/2026, 26.11.2026, 02-03-2003, 26/11, 17.06. */
static size_t numeric_date(narr_norm *n, size_t i)
{
    int64_t d, m, y = 0;
    if (!num_at(n, i, 1, 2, false, &d))
        return 0;
    int32_t sep = sep_at(n, i + 1);
    if (!sep || !num_at(n, i + 2, 1, 2, true, &m) || !valid_date(d, m))
        return 0;
    size_t dlen = narr_at(n, i)->len, mlen = narr_at(n, i + 2)->len;
    const narr_token *ysep = narr_at(n, i + 3);
    if (sep_at(n, i + 3) == sep && ysep->cp == narr_at(n, i + 1)->cp) {
        size_t ylen = narr_at(n, i + 4)->len;
        size_t mused;
        if ((ylen != 4 && (ylen != 2 || sep == '-')) || !num_at(n, i + 4, 2, 4, true, &y) ||
            !ends_cleanly(n, i + 5) || month_at(n, i + 5, &mused))
            return 0;
        /* "1-2-2003" may be a list; a year with hyphens wants two-digit
         * days and months. */
        if (sep == '-' && (dlen != 2 || mlen != 2))
            return 0;
        say_date(n, d, (int)m, full_year(y, ylen), true);
        return 5;
    }
    size_t mused;
    if (!ends_cleanly(n, i + 3) || sep == '-' || (sep == '.' && mlen != 2) ||
        month_at(n, i + 3, &mused))
        return 0; /* "les 10/11 juin" is a list of days */
    /* Without a year "3/4" is a fraction and "1.5" a number: a date needs
     * a context word ("le 3/4", "jusqu'au 31/12") or the two-digit day and
     * month of a date ("26/11", "05/03", "17.06"). */
    bool context = i > 0 && narr_word_in(n, i - 1, date_context,
                                         sizeof date_context / sizeof date_context[0]);
    bool two_digits = dlen == 2 && mlen == 2;
    /* "le 1/4 de finale", "le 1/3 des sondés" are fractions. */
    if (narr_word_in(n, i + 3, fraction_next, sizeof fraction_next / sizeof fraction_next[0]))
        context = false;
    if (!context && !two_digits)
        return 0;
    /* "à 10.05" is rather a clock time. */
    if (sep == '.' && i > 0 && (narr_word_is(n, i - 1, "à") || narr_word_is(n, i - 1, "vers")))
        return 0;
    /* "les 10/12 ans": ages. */
    if (!context && narr_is_count_noun(n, i + 3))
        return 0;
    say_date(n, d, (int)m, 0, false);
    return 3;
}

/* Days before a month name: "17 janvier", "1er mai 2021", "les 17/18 juin",
 * "les 17-18-19 juin 2025". */
static size_t named_date(narr_norm *n, size_t i)
{
    int64_t days[8];
    size_t nd = 0, j = i;
    int32_t sep = 0;
    for (;;) {
        int64_t d;
        if (!num_at(n, j, 1, 2, nd > 0, &d) || d < 1 || d > 31)
            return 0;
        days[nd++] = d;
        j++;
        /* "1er", "1ᵉʳ" before a month. */
        if (d == 1 && (narr_word_is(n, j, "er") || narr_is(n, j, "ᵉʳ")) && narr_glued(n, j))
            j++;
        int32_t s = sep_at(n, j);
        if (!s || s == '.' || (sep && s != sep) || nd == sizeof days / sizeof days[0] ||
            !narr_is_kind(n, j + 1, NARR_TOK_NUMBER))
            break;
        sep = s;
        j++;
    }
    /* "place du 11-Novembre", "rue du 8-Mai-1945". */
    bool hyphenated = nd == 1 && narr_is_char(n, j, '-') && narr_glued(n, j) &&
                      narr_glued(n, j + 1);
    if (hyphenated)
        j++;
    size_t used;
    int m = month_at(n, j, &used);
    if (!m || narr_at(n, j)->space_before == hyphenated)
        return 0;
    for (size_t k = 0; k < nd; k++)
        if (!valid_date(days[k], m) || (k > 0 && days[k] <= days[k - 1]))
            return 0;
    if (nd == 2 && sep == '-' && days[1] > days[0] + 1) {
        /* "10-15 juin": a span of days. */
        say_day(n, days[0]);
        narr_say(n, "à");
        say_day(n, days[1]);
    } else {
        for (size_t k = 0; k < nd; k++)
            say_day(n, days[k]);
    }
    narr_say(n, month_name[m - 1]);
    j += used;
    int64_t y;
    if (hyphenated && used == 1 && narr_is_char(n, j, '-') && narr_glued(n, j) &&
        num_at(n, j + 1, 4, 4, true, &y) && ends_cleanly(n, j + 2)) {
        narr_say_cardinal(n, y, NARR_MASCULINE);
        j += 2;
    } else if (!hyphenated && year_after(n, j, &y)) {
        narr_say_cardinal(n, y, NARR_MASCULINE);
        j++;
    }
    return j - i;
}

/* Year ranges: "2019-2021", "2019-21", "1914–1918"; "2023/2024" and "la
 * saison 2026-2027" (a season) are said as two years. */
static size_t year_range(narr_norm *n, size_t i)
{
    int64_t y1, y2;
    if (!num_at(n, i, 4, 4, false, &y1) || y1 < 1000 || y1 > 2999 ||
        narr_after_number_sign(n, i))
        return 0;
    int32_t sep = sep_at(n, i + 1);
    /* "1914 – 1918": a spaced en dash joins years too. */
    if (!sep && narr_is_char(n, i + 1, 0x2013) && narr_at(n, i + 1)->space_before &&
        narr_is_kind(n, i + 2, NARR_TOK_NUMBER) && narr_at(n, i + 2)->space_before &&
        narr_at(n, i + 2)->len == 4)
        sep = '-';
    if (sep != '-' && sep != '/')
        return 0;
    const narr_token *t2 = narr_at(n, i + 2);
    if (!num_at(n, i + 2, 2, 4, false, &y2) || t2->len == 3 || !ends_cleanly(n, i + 3))
        return 0;
    if (t2->len == 2)
        y2 += y1 / 100 * 100;
    if (y2 <= y1 || y2 - y1 > 200)
        return 0;
    /* "la saison 2026-2027", "l'exercice 2025-2026": one season over two
     * years, no range. */
    static const char *const season_words[] = {"saison", "saisons", "exercice", "scolaire",
                                               "universitaire", "budgétaire", "promotion"};
    if (sep == '-' && y2 == y1 + 1 && i > 0 &&
        narr_word_in(n, i - 1, season_words, sizeof season_words / sizeof season_words[0]))
        sep = '/';
    if (sep == '-') {
        const narr_token *prev = i > 0 ? narr_at(n, i - 1) : NULL;
        bool de = !prev || (prev->kind == NARR_TOK_WORD &&
                            !narr_word_in(n, i - 1, no_de_before,
                                          sizeof no_de_before / sizeof no_de_before[0]));
        if (de)
            narr_say(n, "de");
    }
    narr_say_cardinal(n, y1, NARR_MASCULINE);
    if (sep == '-')
        narr_say(n, "à");
    narr_say_cardinal(n, y2, NARR_MASCULINE);
    return 3;
}

/* "les 80s", "les 80's": an English decade. */
static size_t english_decade(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    size_t s = i + 1;
    if (t->len != 2 || t->s[1] != '0')
        return 0;
    if ((narr_is_char(n, s, '\'') || narr_is_char(n, s, 0x2019)) && narr_glued(n, s))
        s++;
    if (!narr_is(n, s, "s") || !narr_glued(n, s) || !ends_cleanly(n, s + 1))
        return 0;
    const narr_table *decades = narr_norm_table(n, NARR_TABLE_DECADES);
    const narr_row *row = decades ? narr_table_find(decades, t->s, t->len) : NULL;
    if (!row)
        return 0;
    narr_say(n, row->field[1]);
    return s + 1 - i;
}

static size_t apply(narr_norm *n, size_t i)
{
    if (!narr_is_kind(n, i, NARR_TOK_NUMBER) || !starts_cleanly(n, i))
        return 0;
    size_t used = iso_date(n, i);
    if (!used)
        used = numeric_date(n, i);
    if (!used)
        used = named_date(n, i);
    if (!used)
        used = year_range(n, i);
    if (!used)
        used = english_decade(n, i);
    return used;
}

const narr_rule narr_rule_date = {"date", apply};
