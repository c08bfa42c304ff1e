/* numeral: written numbers → values and words. */
#include "normalize/numeral.h"

#include <string.h>

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

/* A thousands group: exactly three digits after one space or a dot. */
static bool group_at(const narr_norm *n, size_t i, size_t *used)
{
    const narr_token *t = narr_at(n, i);
    if (!t)
        return false;
    if (t->kind == NARR_TOK_NUMBER && t->space_before && t->len == 3) {
        *used = 1;
        return true;
    }
    if (t->kind == NARR_TOK_PUNCT && t->cp == '.' && !t->space_before &&
        narr_is_kind(n, i + 1, NARR_TOK_NUMBER) && narr_glued(n, i + 1) &&
        narr_at(n, i + 1)->len == 3) {
        *used = 2;
        return true;
    }
    return false;
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
    int64_t v;
    if (!narr_parse_digits(t->s, t->len, &v))
        return false;
    j++;
    /* Groups only after a leading group of one to three digits. */
    size_t used;
    bool dot_groups = false;
    if (t->len <= 3) {
        while (group_at(n, j, &used)) {
            bool dot = used == 2;
            if (j > i + 1 && dot != dot_groups)
                break;
            /* "1.5" is no group, and "2 000 000" needs 3-digit groups. */
            dot_groups = dot;
            const narr_token *g = narr_at(n, j + used - 1);
            int64_t part;
            if (v > 999999999999999LL || !narr_parse_digits(g->s, g->len, &part))
                break;
            v = v * 1000 + part;
            j += used;
        }
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

void narr_say_decimals(narr_norm *n, const char *digits, size_t len)
{
    size_t k = 0;
    while (k < len && digits[k] == '0') {
        narr_say(n, "zéro");
        k++;
    }
    int64_t rest;
    if (k < len && narr_parse_digits(digits + k, len - k, &rest))
        narr_say_cardinal(n, rest, NARR_MASCULINE);
}

void narr_say_numeral(narr_norm *n, const narr_numeral *num, narr_gender g)
{
    if (num->negative)
        narr_say(n, "moins");
    else if (num->positive)
        narr_say(n, "plus");
    narr_say_cardinal(n, num->integer, num->frac ? NARR_MASCULINE : g);
    if (num->frac) {
        narr_say(n, "virgule");
        narr_say_decimals(n, num->frac, num->frac_len);
    }
}

narr_gender narr_gender_of(const narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    const narr_table *fem = narr_norm_table(n, "feminine_nouns");
    if (!t || t->kind != NARR_TOK_WORD || !fem)
        return NARR_MASCULINE;
    if (narr_table_find(fem, t->s, t->len))
        return NARR_FEMININE;
    if (t->len > 1 && (t->s[t->len - 1] == 's' || t->s[t->len - 1] == 'x') &&
        narr_table_find(fem, t->s, t->len - 1))
        return NARR_FEMININE;
    return NARR_MASCULINE;
}
