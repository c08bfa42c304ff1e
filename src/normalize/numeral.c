/* numeral: written numbers → values and words ("12 500" → 12500,
 * "3,05" → trois virgule zéro cinq; past 10^18 the groups as written:
 * "1 000 000 000 000 000 000" → un, zéro zéro zéro, …), roman numerals
 * ("XIV" → 14), and the agreement helpers the number rules share (une/un,
 * "de"/"d'", "siècle"). */
#include "normalize/numeral.h"

#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

static bool sign_at(const narr_norm *n, size_t i, bool *negative)
{
    const narr_token *t = narr_at(n, i);
    if (!t || (t->cp != '-' && t->cp != 0x2212 && t->cp != '+') ||
        t->kind == NARR_TOK_WORD || t->kind == NARR_TOK_NUMBER)
        return false;
    if (!narr_is_kind(n, i + 1, NARR_TOK_NUMBER) || narr_at(n, i + 1)->space_before)
        return false;
    /* "2019-2021", "Paris-2": a hyphen after a word or number joins them. */
    if (i > 0 && !t->space_before) {
        const narr_token *prev = narr_at(n, i - 1);
        if (prev->kind == NARR_TOK_WORD || prev->kind == NARR_TOK_NUMBER)
            return false;
    }
    *negative = t->cp != '+';
    return true;
}

/* A thousands group: exactly three digits after one space, a dot, or a
 * comma (English: "1,000,000"; the caller wants two such groups, since
 * "1,000" is a French decimal). Returns the separator (' ', '.', ','),
 * or 0 when there is no group at token i. */
static int32_t group_at(const narr_norm *n, size_t i, size_t *used)
{
    const narr_token *t = narr_at(n, i);
    if (!t)
        return 0;
    if (t->kind == NARR_TOK_NUMBER && t->space_before && t->len == 3) {
        *used = 1;
        return ' ';
    }
    if (t->kind == NARR_TOK_PUNCT && (t->cp == '.' || t->cp == ',') && !t->space_before &&
        narr_is_kind(n, i + 1, NARR_TOK_NUMBER) && narr_glued(n, i + 1) &&
        narr_at(n, i + 1)->len == 3) {
        *used = 2;
        return t->cp;
    }
    return 0;
}

bool narr_read_numeral(const narr_norm *n, size_t i, narr_numeral *num)
{
    memset(num, 0, sizeof *num);
    size_t j = i;
    bool negative = false;
    if (sign_at(n, j, &negative)) {
        num->negative = negative;
        num->positive = !negative;
        j++;
    }
    const narr_token *t = narr_at(n, j);
    if (!t || t->kind != NARR_TOK_NUMBER)
        return false;
    int64_t v = INT64_MAX;
    /* 19 digits or more in one run: a serial number, said as the
     * grouped ones past 10^18 are (see narr_say_numeral). */
    bool big = t->len > 18;
    if (!big && !narr_parse_digits(t->s, t->len, &v))
        return false;
    j++;
    /* Groups only after a leading group of one to three digits, without
     * a leading zero ("06 12 34" is no number). */
    size_t used, next_used;
    int32_t sep, first_sep = 0;
    if (t->len <= 3 && t->s[0] != '0') {
        while ((sep = group_at(n, j, &used))) {
            /* One separator throughout ("1.5" is no group, and "2 000 000"
             * needs 3-digit groups); commas only two or more at a time. */
            if (first_sep && sep != first_sep)
                break;
            if (!first_sep && sep == ',' && group_at(n, j + used, &next_used) != ',')
                break;
            first_sep = sep;
            const narr_token *g = narr_at(n, j + used - 1);
            int64_t part;
            if (!narr_parse_digits(g->s, g->len, &part))
                break;
            /* 10^18 and more: ICU spells no words and int64 ends there;
             * the groups are still this number's, said as written (the
             * rest must not be read as a second number). */
            if (v > 999999999999999LL)
                big = true;
            else
                v = v * 1000 + part;
            j += used;
        }
    }
    if (big) {
        num->groups = t;
        num->groups_ntok = (size_t)(narr_at(n, j - 1) - t) + 1;
        v = INT64_MAX;
    }
    if (!big && j == i + 1 + (num->negative || num->positive) && t->len > 1) {
        /* "007": the zeros are said, the rest is the number. */
        while (num->lead_zeros + 1 < t->len && t->s[num->lead_zeros] == '0')
            num->lead_zeros++;
    }
    num->integer = v;
    if (narr_is_char(n, j, ',') && narr_glued(n, j) &&
        narr_is_kind(n, j + 1, NARR_TOK_NUMBER) && narr_glued(n, j + 1)) {
        num->frac = narr_at(n, j + 1)->s;
        num->frac_len = narr_at(n, j + 1)->len;
        j += 2;
    }
    num->ntok = j - i;
    return true;
}

/* One group of digits: its leading zeros one by one, then a number. */
static void say_digit_group(narr_norm *n, const char *digits, size_t len, narr_gender g)
{
    size_t k = 0;
    while (k < len && digits[k] == '0') {
        narr_say(n, "zéro");
        k++;
    }
    int64_t rest;
    if (k < len && narr_parse_digits(digits + k, len - k, &rest))
        narr_say_cardinal(n, rest, g);
}

void narr_say_decimals(narr_norm *n, const char *digits, size_t len)
{
    if (len <= 3) {
        say_digit_group(n, digits, len, NARR_MASCULINE);
        return;
    }
    /* Long decimals ("3,14159") are read two digits at a time. */
    for (size_t k = 0; k < len; k += 2)
        say_digit_group(n, digits + k, len - k >= 2 ? 2 : 1, NARR_MASCULINE);
}

void narr_say_numeral(narr_norm *n, const narr_numeral *num, narr_gender g)
{
    if (num->negative)
        narr_say(n, "moins");
    else if (num->positive)
        narr_say(n, "plus");
    for (size_t k = 0; k < num->lead_zeros; k++)
        narr_say(n, "zéro");
    if (num->groups) {
        /* Past 10^18, as a newsreader reads a serial number: digit by
         * digit, a pause after each group of three counted from the right
         * ("1 234 567…" and "1234567…" alike: "un, deux trois quatre, …"). */
        size_t digits = 0;
        for (size_t k = 0; k < num->groups_ntok; k++)
            if (num->groups[k].kind == NARR_TOK_NUMBER)
                digits += num->groups[k].len;
        size_t said = 0;
        for (size_t k = 0; k < num->groups_ntok; k++) {
            const narr_token *d = num->groups + k;
            for (size_t c = 0; d->kind == NARR_TOK_NUMBER && c < d->len; c++, said++) {
                if (said > 0 && (digits - said) % 3 == 0) {
                    narr_say_glue(n);
                    narr_say(n, ",");
                }
                narr_say_cardinal(n, d->s[c] - '0', NARR_MASCULINE);
            }
        }
    } else {
        narr_say_cardinal(n, num->integer, num->frac ? NARR_MASCULINE : g);
    }
    if (num->frac) {
        narr_say(n, "virgule");
        narr_say_decimals(n, num->frac, num->frac_len);
    }
}

const narr_row *narr_find_word(const narr_table *t, const narr_token *tok)
{
    if (!t || !tok || tok->kind != NARR_TOK_WORD)
        return NULL;
    const narr_row *row = narr_table_find(t, tok->s, tok->len);
    if (row)
        return row;
    char buf[64];
    size_t len = narr_utf8_lower_first(tok->s, tok->len, buf, sizeof buf);
    return len ? narr_table_find(t, buf, len) : NULL;
}

/* 1 feminine, 0 listed as masculine ("musée" despite "-ée"), -1 unknown:
 * the word itself, then its endings from the longest ("-tion", "-ité"). */
static int feminine_word(const narr_table *fem, const narr_token *t)
{
    const narr_row *row = narr_find_word(fem, t);
    if (row)
        return row->field[1][0] != 'm';
    char key[16];
    key[0] = '-';
    /* Endings of two to six letters; UTF-8 boundaries only. */
    size_t start = t->len, chars = 0;
    size_t starts[8];
    while (start > 0 && chars < 6) {
        start--;
        while (start > 0 && ((unsigned char)t->s[start] & 0xC0) == 0x80)
            start--;
        starts[chars++] = start;
    }
    for (size_t c = chars; c >= 2; c--) {
        size_t from = starts[c - 1], len = t->len - from;
        if (from == 0 || len + 1 >= sizeof key)
            continue; /* the whole word was looked up already */
        memcpy(key + 1, t->s + from, len);
        row = narr_table_find(fem, key, len + 1);
        if (row)
            return row->field[1][0] != 'm';
    }
    return -1;
}

narr_gender narr_gender_of(const narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    const narr_table *fem = narr_norm_table(n, NARR_TABLE_FEMININE_NOUNS);
    if (!t || t->kind != NARR_TOK_WORD || !fem)
        return NARR_MASCULINE;
    /* "trois ans dont un ferme": the sentence, not a farm; the number
     * agrees with the noun before "dont" ("ans", "peines"). */
    if (narr_word_is(n, i, "ferme") && i >= 3 && narr_word_is(n, i - 2, "dont")) {
        size_t noun = narr_is_char(n, i - 3, ',') && i >= 4 ? i - 4 : i - 3;
        return narr_is_kind(n, noun, NARR_TOK_WORD) && !narr_word_is(n, noun, "ferme")
                   ? narr_gender_of(n, noun) : NARR_MASCULINE;
    }
    int f = feminine_word(fem, t);
    /* Plurals: "mesures", "voix" (listed as is), "bourses". */
    if (f < 0 && t->len > 1 && (t->s[t->len - 1] == 's' || t->s[t->len - 1] == 'x')) {
        narr_token sing = *t;
        sing.len--;
        f = feminine_word(fem, &sing);
    }
    return f > 0 ? NARR_FEMININE : NARR_MASCULINE;
}

bool narr_numeral_ends_in_scale(const narr_numeral *num)
{
    return !num->frac && num->integer >= 1000000 && num->integer % 1000000 == 0;
}

/* Short function words that end like plural nouns but never take "de"
 * after a number: a tiny grammar list, sorted for bsearch. */
static const char *const not_nouns[] = {
    "ailleurs", "alors", "après", "aux", "avons", "ces", "chez", "dans", "des",
    "depuis", "deux", "dix", "environ", "les", "leurs", "lors", "mais", "mes",
    "moins", "nos", "nous", "parfois", "pas", "plus", "plusieurs", "puis",
    "sans", "ses", "six", "sous", "tes", "toujours", "tous", "très", "trois",
    "vers", "vos", "vous",
};

static int compare_word(const void *key, const void *elem)
{
    return strcmp(key, *(const char *const *)elem);
}

bool narr_takes_de(const narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (!t || t->kind != NARR_TOK_WORD || !t->space_before || t->len < 3 || t->len > 40)
        return false;
    char last = t->s[t->len - 1];
    if (last != 's' && last != 'x')
        return false;
    char word[48];
    memcpy(word, t->s, t->len);
    word[t->len] = '\0';
    return !bsearch(word, not_nouns, sizeof not_nouns / sizeof not_nouns[0],
                    sizeof not_nouns[0], compare_word);
}

static bool vowel(int32_t cp)
{
    static const int32_t vowels[] = {
        'a', 'e', 'i', 'o', 'u', 0xE0, 0xE2, 0xE4, 0xE6, 0xE8, 0xE9,
        0xEA, 0xEB, 0xEE, 0xEF, 0xF4, 0xF6, 0xF9, 0xFB, 0xFC, 0x153,
    };
    for (size_t k = 0; k < sizeof vowels / sizeof vowels[0]; k++)
        if (cp == vowels[k])
            return true;
    return false;
}

bool narr_elides(const char *w, size_t len)
{
    size_t k = 0;
    if (len == 0)
        return false;
    int32_t cp = narr_uc_to_lower(narr_utf8_next(w, len, &k));
    if (cp == 'y')
        return k >= len || !vowel(narr_uc_to_lower(narr_utf8_next(w, len, &k)));
    return cp == 'h' || vowel(cp);
}

bool narr_aspirated(const narr_norm *n, const char *w, size_t len)
{
    const narr_table *t = narr_norm_table(n, NARR_TABLE_H_ASPIRE);
    char low[64];
    if (!t || len == 0 || (w[0] != 'h' && w[0] != 'H') || len >= sizeof low)
        return false;
    size_t k = 0, o = 0;
    while (k < len) {
        char enc[4];
        size_t el = narr_utf8_encode(narr_uc_to_lower(narr_utf8_next(w, len, &k)), enc);
        if (o + el >= sizeof low)
            return false;
        memcpy(low + o, enc, el);
        o += el;
    }
    if (narr_table_find(t, low, o))
        return true;
    return o > 2 && (low[o - 1] == 's' || low[o - 1] == 'x') && narr_table_find(t, low, o - 1);
}

void narr_say_de_before(narr_norm *n, const char *w, size_t len)
{
    if (narr_elides(w, len) && !narr_aspirated(n, w, len)) {
        narr_say(n, "d'");
        narr_say_glue(n);
    } else {
        narr_say(n, "de");
    }
}

void narr_say_de(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (t && t->kind == NARR_TOK_WORD)
        narr_say_de_before(n, t->s, t->len);
    else
        narr_say(n, "de");
}

bool narr_is_count_noun(const narr_norm *n, size_t i)
{
    static const char *const nouns[] = {
        "ans", "mois", "jours", "semaines", "heures", "minutes", "fois", "enfants", "personnes",
    };
    return narr_word_in(n, i, nouns, sizeof nouns / sizeof nouns[0]);
}

bool narr_after_number_sign(const narr_norm *n, size_t i)
{
    if (i == 0)
        return false;
    if (narr_is_char(n, i - 1, 0xB0))
        return i >= 2 && narr_glued(n, i - 1) && narr_word_is(n, i - 2, "n");
    static const char *const words[] = {"numéro", "numéros", "nº"};
    return narr_word_in(n, i - 1, words, sizeof words / sizeof words[0]);
}

bool narr_is_century_word(const narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (!t || t->kind != NARR_TOK_WORD)
        return false;
    size_t len = t->len;
    if (len > 0 && t->s[len - 1] == 's')
        len--;
    return (len == strlen("siècle") && memcmp(t->s, "siècle", len) == 0) ||
           (len == strlen("millénaire") && memcmp(t->s, "millénaire", len) == 0);
}

/* Roman numerals: parsed, then written back in canonical form and
 * compared, so that only well-formed numerals count ("IIII", "IC" do not). */
static int roman_digit(char c)
{
    switch (c) {
    case 'I': return 1;
    case 'V': return 5;
    case 'X': return 10;
    case 'L': return 50;
    case 'C': return 100;
    case 'D': return 500;
    case 'M': return 1000;
    default: return 0;
    }
}

bool narr_parse_roman(const char *s, size_t len, bool lower, int64_t *v)
{
    if (len == 0 || len > 15)
        return false;
    char up[16];
    for (size_t k = 0; k < len; k++) {
        char c = s[k];
        if (lower) {
            if (c < 'a' || c > 'z')
                return false;
            c = (char)(c - 'a' + 'A');
        }
        if (!roman_digit(c))
            return false;
        up[k] = c;
    }
    int total = 0;
    for (size_t k = 0; k < len; k++) {
        int d = roman_digit(up[k]);
        int next = k + 1 < len ? roman_digit(up[k + 1]) : 0;
        total += d < next ? -d : d;
    }
    if (total <= 0 || total >= 4000)
        return false;
    static const struct { int value; const char *text; } parts[] = {
        {1000, "M"}, {900, "CM"}, {500, "D"}, {400, "CD"}, {100, "C"}, {90, "XC"},
        {50, "L"}, {40, "XL"}, {10, "X"}, {9, "IX"}, {5, "V"}, {4, "IV"}, {1, "I"},
    };
    char canon[20];
    size_t cl = 0;
    int rest = total;
    for (size_t p = 0; p < sizeof parts / sizeof parts[0]; p++) {
        while (rest >= parts[p].value) {
            size_t pl = strlen(parts[p].text);
            if (cl + pl >= sizeof canon)
                return false;
            memcpy(canon + cl, parts[p].text, pl);
            cl += pl;
            rest -= parts[p].value;
        }
    }
    if (cl != len || memcmp(canon, up, len) != 0)
        return false;
    *v = total;
    return true;
}

bool narr_vulgar_fraction(const narr_norm *n, size_t i, int64_t *a, int64_t *b)
{
    static const struct { int32_t cp; int a, b; } chars[] = {
        {0xBD, 1, 2},   {0xBC, 1, 4},   {0xBE, 3, 4},   {0x2153, 1, 3}, {0x2154, 2, 3},
        {0x2155, 1, 5}, {0x2156, 2, 5}, {0x2157, 3, 5}, {0x2158, 4, 5}, {0x2159, 1, 6},
        {0x215A, 5, 6}, {0x2150, 1, 7}, {0x215B, 1, 8}, {0x215C, 3, 8}, {0x215D, 5, 8},
        {0x215E, 7, 8}, {0x2151, 1, 9}, {0x2152, 1, 10},
    };
    const narr_token *t = narr_at(n, i);
    if (!t || t->kind == NARR_TOK_WORD || t->kind == NARR_TOK_NUMBER)
        return false;
    for (size_t k = 0; k < sizeof chars / sizeof chars[0]; k++)
        if (t->cp == chars[k].cp) {
            *a = chars[k].a;
            *b = chars[k].b;
            return true;
        }
    return false;
}

size_t narr_half_at(const narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    int64_t a, b;
    if (!t || !t->space_before)
        return 0;
    if (narr_vulgar_fraction(n, i, &a, &b))
        return a == 1 && b == 2 && narr_clean_end(n, i + 1, NULL, "/-.,") ? 1 : 0;
    if (narr_is(n, i, "1") && narr_is_char(n, i + 1, '/') && narr_glued(n, i + 1) &&
        narr_is(n, i + 2, "2") && narr_glued(n, i + 2) && narr_clean_end(n, i + 3, "/", "/-.,"))
        return 3;
    return 0;
}

size_t narr_code_part_at(const narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (!t || t->kind != NARR_TOK_WORD || t->len != 1 || !strchr("LRDA", t->s[0]))
        return 0;
    size_t used = narr_is_char(n, i + 1, '.') && narr_glued(n, i + 1) ? 2 : 1;
    /* Without a dot the number touches the letter: "L121", not "L 121". */
    if (!narr_is_kind(n, i + used, NARR_TOK_NUMBER) || (used == 1 && !narr_glued(n, i + 1)))
        return 0;
    return used;
}
