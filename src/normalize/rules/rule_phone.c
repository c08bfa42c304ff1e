/* rule_phone: telephone numbers, read group by group as written.
 * "01 23 45 67 89" (or with dots or dashes) → zéro un, vingt-trois,
 * quarante-cinq, soixante-sept, quatre-vingt-neuf; "0800 123 456" → zéro
 * huit cents, cent vingt-trois, quatre cent cinquante-six; "+33 1 23 45 67
 * 89" → plus trente-trois, un, vingt-trois…; a four-digit service number
 * after a phone word ("composez le 3919") → trente-neuf, dix-neuf. */
#include "normalize/numeral.h"
#include "normalize/rules.h"

#include <string.h>

#define MAX_GROUPS 8

typedef struct {
    size_t tok[MAX_GROUPS]; /* token index of each digit group */
    size_t count;
    size_t digits;
    size_t end; /* token after the last group */
} groups;

/* Digit groups from token j, apart by spaces or by one touching '.' or '-'
 * (the same separator throughout). */
static void read_groups(const narr_norm *n, size_t j, groups *g)
{
    memset(g, 0, sizeof *g);
    int32_t sep = -1; /* 0 = space */
    while (g->count < MAX_GROUPS && narr_is_kind(n, j, NARR_TOK_NUMBER)) {
        const narr_token *t = narr_at(n, j);
        g->tok[g->count++] = j;
        g->digits += t->len;
        g->end = j + 1;
        const narr_token *next = narr_at(n, j + 1);
        if (!next)
            break;
        if (next->kind == NARR_TOK_NUMBER && next->space_before && (sep == -1 || sep == 0)) {
            sep = 0;
            j += 1;
        } else if ((next->cp == '.' || next->cp == '-') && next->kind == NARR_TOK_PUNCT &&
                   !next->space_before && narr_glued(n, j + 2) &&
                   narr_is_kind(n, j + 2, NARR_TOK_NUMBER) && (sep == -1 || sep == next->cp)) {
            sep = next->cp;
            j += 2;
        } else {
            break;
        }
    }
}

static int64_t digits_value(const narr_token *t)
{
    int64_t v = 0;
    narr_parse_digits(t->s, t->len, &v);
    return v;
}

/* "01.23.45.67.89.0" or "06-12-34-56-78-9": more digits follow. */
static bool ends_here(const narr_norm *n, size_t j)
{
    return narr_clean_end(n, j, NULL, ".-,");
}

/* A comma between groups: the pause a newsreader makes. */
static void pause(narr_norm *n)
{
    narr_say_glue(n);
    narr_say(n, ",");
}

/* Digits as a group is said: zeros first one by one, then the rest as a
 * number ("0800" → zéro huit cents); four digits or more go in pairs. */
static void say_digits(narr_norm *n, const char *s, size_t len)
{
    size_t k = 0;
    while (k < len && s[k] == '0') {
        narr_say(n, "zéro");
        k++;
    }
    if (k == len)
        return;
    if (len - k <= 3) {
        int64_t v;
        if (narr_parse_digits(s + k, len - k, &v))
            narr_say_cardinal(n, v, NARR_MASCULINE);
        return;
    }
    /* "3919" → trente-neuf dix-neuf; an odd digit leads alone. */
    for (size_t step = (len - k) % 2 ? 1 : 2; k < len; k += step, step = 2)
        say_digits(n, s + k, step);
}

/* One group as written: "05" → zéro cinq, "0800" → zéro huit cents; a
 * long run of digits goes in pairs (an odd one leads alone). */
static void say_group(narr_norm *n, const narr_token *t, bool first)
{
    if (t->len <= 4) {
        if (!first)
            pause(n);
        say_digits(n, t->s, t->len);
        return;
    }
    size_t k = 0;
    size_t step = t->len % 2 ? 1 : 2;
    while (k < t->len) {
        if (!first || k > 0)
            pause(n);
        say_digits(n, t->s + k, step);
        k += step;
        step = 2;
    }
}

static bool national(const narr_norm *n, const groups *g)
{
    if (g->digits != 10 || narr_at(n, g->tok[0])->s[0] != '0')
        return false;
    for (size_t k = 0; k < g->count; k++)
        if (narr_at(n, g->tok[k])->len > 4 && g->count > 1)
            return false;
    return g->count >= 3 || g->count == 1;
}

/* A number called from abroad, from token i: the prefix said as `prefix`,
 * the country code cc, then the digit groups from token j. */
static size_t abroad(narr_norm *n, size_t i, size_t j, const char *prefix,
                     const narr_token *cc)
{
    groups g;
    read_groups(n, j, &g);
    if (g.digits < 6 || g.digits > 12 || (g.count < 3 && g.digits < 8) || !ends_here(n, g.end))
        return 0;
    narr_say(n, prefix);
    narr_say_cardinal(n, digits_value(cc), NARR_MASCULINE);
    for (size_t k = 0; k < g.count; k++)
        say_group(n, narr_at(n, g.tok[k]), false);
    return g.end - i;
}

/* "+33 1 23 45 67 89", "+33 (0)1 23 45 67 89", "+32 2 123 45 67". */
static size_t international(narr_norm *n, size_t i)
{
    const narr_token *plus = narr_at(n, i);
    if (plus->cp != '+' || plus->kind == NARR_TOK_WORD || plus->kind == NARR_TOK_NUMBER)
        return 0;
    if (i > 0 && !plus->space_before && (narr_is_kind(n, i - 1, NARR_TOK_NUMBER) ||
                                         narr_is_kind(n, i - 1, NARR_TOK_WORD)))
        return 0;
    const narr_token *cc = narr_at(n, i + 1);
    if (!cc || cc->kind != NARR_TOK_NUMBER || cc->space_before || cc->len > 3 ||
        cc->s[0] == '0')
        return 0;
    size_t j = i + 2;
    /* "(0)": the trunk zero is not dialled from abroad. */
    bool trunk = narr_is_char(n, j, '(') && narr_is(n, j + 1, "0") && narr_is_char(n, j + 2, ')');
    if (trunk)
        j += 3;
    const narr_token *first = narr_at(n, j);
    if (!first || first->kind != NARR_TOK_NUMBER || (!first->space_before && !trunk))
        return 0;
    return abroad(n, i, j, "plus", cc);
}

/* "0033 1 23 45 67 89": the international prefix 00, then the country. */
static size_t international_00(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    const narr_token *first = narr_at(n, i + 1);
    if (!first || first->kind != NARR_TOK_NUMBER || !first->space_before || t->s[2] == '0')
        return 0;
    return abroad(n, i, i + 1, "zéro zéro", t);
}

/* Words that announce a phone number within the few tokens before it
 * (after it too with ahead: "le 3114 est le numéro national"). */
static bool phone_context(const narr_norm *n, size_t i, bool ahead)
{
    static const char *const words[] = {"composez", "composer", "appelez", "appeler",
                                        "appelant", "joignable", "joindre", "numéro",
                                        "téléphone", "tél", "contactez", "contacter",
                                        "sms", "texto", "écoute", "allô"};
    size_t from = i >= 4 ? i - 4 : 0, end = ahead ? i + 5 : i;
    for (size_t k = from; k < end && k < n->ntok; k++)
        if (k != i && narr_word_in(n, k, words, sizeof words / sizeof words[0]))
            return true;
    return false;
}

static size_t apply(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (t->kind != NARR_TOK_NUMBER)
        return t->cp == '+' ? international(n, i) : 0;
    /* Inside something else: "A320", "12.01", "n°0123". */
    if (i > 0 && !t->space_before) {
        const narr_token *prev = narr_at(n, i - 1);
        if (prev->kind != NARR_TOK_PUNCT || prev->cp == '.' || prev->cp == ',' ||
            prev->cp == '-' || prev->cp == '/')
            return 0;
    }
    groups g;
    if (t->len >= 3 && t->len <= 5 && t->s[0] == '0' && t->s[1] == '0') {
        size_t used = international_00(n, i);
        if (used)
            return used;
    }
    if (t->s[0] == '0') {
        read_groups(n, i, &g);
        if (!national(n, &g) || !ends_here(n, g.end))
            return 0;
        for (size_t k = 0; k < g.count; k++)
            say_group(n, narr_at(n, g.tok[k]), k == 0);
        return g.end - i;
    }
    /* "composez le 116 000": the European six-digit numbers, after "le" or
     * "au" and a phone word ("le numéro de 12 500 abonnés" is a count). */
    read_groups(n, i, &g);
    if (g.count == 2 && g.digits == 6 && t->len == 3 && t->s[0] == '1' && i > 0 &&
        (narr_is(n, i - 1, "le") || narr_is(n, i - 1, "au")) && ends_here(n, g.end) &&
        phone_context(n, i, false)) {
        for (size_t k = 0; k < g.count; k++)
            say_group(n, narr_at(n, g.tok[k]), k == 0);
        return g.end - i;
    }
    /* "3919", "3114": short service numbers, in pairs, after a phone word
     * or "au 3xxx" (the French service numbers start with 3). */
    if (t->len == 4 && ends_here(n, i + 1) && !narr_is_kind(n, i + 1, NARR_TOK_NUMBER) &&
        (phone_context(n, i, t->s[0] == '3' && i > 0 && narr_word_is(n, i - 1, "le")) ||
         (t->s[0] == '3' && i > 0 && narr_is(n, i - 1, "au")))) {
        say_digits(n, t->s, 2);
        pause(n);
        say_digits(n, t->s + 2, 2);
        return 1;
    }
    return 0;
}

const narr_rule narr_rule_phone = {"phone", apply};
