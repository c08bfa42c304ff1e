/* rule_money: amounts with a currency sign or code, before or after the
 * number (assets/currencies.tsv). "10 €" → dix euros, "$85" →
 * quatre-vingt-cinq dollars, "12,50 €" and "12 € 50" → douze euros
 * cinquante, "1,5 M€" → un virgule cinq million d'euros, "3 Mds$" → trois
 * milliards de dollars, "500 k€" → cinq cent mille euros, "2 €/mois" →
 * deux euros par mois. */
#include "normalize/numeral.h"
#include "normalize/rules.h"

#include <string.h>

#define MAX_KEY 32

enum { CURRENCY, SCALE, THOUSAND, KINDS };

/* The rows of the table whose key is the tokens from j, touching or one
 * space apart ("US$", "F CFA"), at most three tokens: the longest of each
 * kind (a currency; a scale word, flag s; the thousand multiplier, flag
 * k). used[kind] is its length in tokens, 0 if none. */
typedef struct {
    const narr_row *row[KINDS];
    size_t used[KINDS];
} matches;

static void match_all(const narr_norm *n, const narr_table *t, size_t j, matches *m)
{
    memset(m, 0, sizeof *m);
    char key[MAX_KEY];
    size_t len = 0;
    for (size_t k = 0; k < 3; k++) {
        const narr_token *tok = narr_at(n, j + k);
        if (!tok || tok->kind == NARR_TOK_NUMBER || (k == 0 && tok->kind == NARR_TOK_PUNCT))
            break;
        if (k > 0 && tok->space_before) {
            /* Only codes are written apart: "F CFA". */
            if (tok->kind != NARR_TOK_WORD || tok->s[0] < 'A' || tok->s[0] > 'Z' ||
                len + 1 > MAX_KEY)
                break;
            key[len++] = ' ';
        }
        if (len + tok->len > MAX_KEY)
            break;
        memcpy(key + len, tok->s, tok->len);
        len += tok->len;
        const narr_row *r = narr_table_find(t, key, len);
        if (!r)
            continue;
        const char *flags = r->field[3];
        int kind = strchr(flags, 's') ? SCALE : strchr(flags, 'k') ? THOUSAND : CURRENCY;
        m->row[kind] = r;
        m->used[kind] = k + 1;
    }
}

/* Nothing touches token j that would make it part of a longer word. */
static bool ends_here(const narr_norm *n, size_t j)
{
    return narr_clean_end(n, j, "'’@", NULL);
}

static const char *plural_of(const narr_row *r)
{
    return r->field[2][0] ? r->field[2] : r->field[1];
}

/* "d'euros", "de dollars". */
static void say_de_currency(narr_norm *n, const narr_row *cur)
{
    const char *w = plural_of(cur);
    narr_say_de_before(n, w, strlen(w));
    narr_say(n, w);
}

/* "/mois", "/kWh", "/m²" after the currency: "par mois", "par kilowattheure". */
static size_t per_unit(narr_norm *n, size_t j)
{
    if (!narr_is_char(n, j, '/') || !narr_glued(n, j) || !narr_glued(n, j + 1) ||
        !narr_is_kind(n, j + 1, NARR_TOK_WORD))
        return 0;
    const narr_table *units = narr_norm_table(n, NARR_TABLE_UNITS);
    const narr_token *w = narr_at(n, j + 1);
    const narr_row *u = NULL;
    size_t used = 0;
    /* The longest unit of touching tokens: "m²" is "m" and "²". */
    for (size_t k = 1; units && k <= 3; k++) {
        const narr_token *last = narr_at(n, j + k);
        if (!last || (k > 1 && last->space_before))
            break;
        const narr_row *r = narr_table_find(units, w->s, (size_t)(last->s + last->len - w->s));
        if (r) {
            u = r;
            used = k;
        }
    }
    if (!u) {
        if (!(w->s[0] >= 'a' && w->s[0] <= 'z'))
            return 0;
        used = 1;
    }
    if (!ends_here(n, j + 1 + used))
        return 0;
    narr_say(n, "par");
    if (u)
        narr_say(n, u->field[1]);
    else
        narr_say_n(n, w->s, w->len);
    return 1 + used;
}

/* Token j makes the number before it a count of something ("12 € 50 ans
 * plus tard" has no cents): a plural noun, a unit, a decimal comma. */
static bool counts_something(const narr_norm *n, size_t j)
{
    const narr_token *t = narr_at(n, j);
    if (!t)
        return false;
    if (t->kind == NARR_TOK_PUNCT || t->kind == NARR_TOK_SYMBOL)
        return t->cp == '%' || (!t->space_before && (t->cp == ',' || t->cp == '.') &&
                                narr_is_kind(n, j + 1, NARR_TOK_NUMBER));
    if (t->kind != NARR_TOK_WORD)
        return true;
    const narr_table *units = narr_norm_table(n, NARR_TABLE_UNITS);
    char last = t->s[t->len - 1];
    return last == 's' || last == 'x' || (units && narr_table_find(units, t->s, t->len)) ||
           narr_gender_of(n, j) == NARR_FEMININE;
}

/* The digits of a decimal part as a value with `places` digits:
 * "5" → 500 for places 3. False if it has more digits. */
static bool scaled_frac(const char *s, size_t len, size_t places, int64_t *v)
{
    if (len > places || !narr_parse_digits(s, len, v))
        return false;
    for (size_t k = len; k < places; k++)
        *v *= 10;
    return true;
}

typedef struct {
    narr_numeral num;
    const narr_row *scale; /* 's' row or NULL */
    const narr_row *cur;
    const narr_token *cents; /* "12 € 50" */
} amount;

static void say_amount(narr_norm *n, const amount *a)
{
    narr_numeral num = a->num;
    const narr_row *cur = a->cur;
    narr_gender g = strchr(cur->field[3], 'f') ? NARR_FEMININE : NARR_MASCULINE;
    if (a->scale) {
        /* "un virgule cinq million d'euros": the scale agrees, the
         * currency always comes after "de". */
        narr_say_numeral(n, &num, NARR_MASCULINE);
        narr_say(n, num.integer >= 2 ? plural_of(a->scale) : a->scale->field[1]);
        say_de_currency(n, cur);
        return;
    }
    int64_t cents = 0;
    bool has_cents = false;
    if (num.frac && num.frac_len == 2) {
        has_cents = narr_parse_digits(num.frac, 2, &cents);
        num.frac = NULL;
    } else if (a->cents) {
        has_cents = narr_parse_digits(a->cents->s, a->cents->len, &cents);
    }
    narr_say_numeral(n, &num, g);
    if (narr_numeral_ends_in_scale(&num))
        say_de_currency(n, cur); /* "un million d'euros" */
    else
        narr_say(n, num.integer >= 2 ? plural_of(cur) : cur->field[1]);
    if (has_cents && cents > 0)
        narr_say_cardinal(n, cents, NARR_MASCULINE);
}

/* "3 Mds d'habitants": a money scale without a currency, before "de".
 * The written words ("milliards") are the number rule's. */
static size_t scale_alone(narr_norm *n, const narr_numeral *num, const narr_row *scale,
                          size_t j)
{
    if (strcmp(scale->field[0], scale->field[1]) == 0 ||
        strcmp(scale->field[0], scale->field[2]) == 0 ||
        !(narr_is(n, j + 1, "de") || narr_is(n, j + 1, "d")))
        return 0;
    narr_say_numeral(n, num, NARR_MASCULINE);
    narr_say(n, num->integer >= 2 ? plural_of(scale) : scale->field[1]);
    return num->ntok + 1;
}

/* After the number: "10 €", "1,5 M€", "500 k€", "75 000 F CFA", "12 € 50";
 * and "3 Mds d'habitants", a money scale before "de" without a currency. */
static size_t after_number(narr_norm *n, const narr_table *t, size_t i)
{
    amount a = {0};
    if (!narr_read_numeral(n, i, &a.num))
        return 0;
    size_t j = i + a.num.ntok;
    const narr_token *next = narr_at(n, j);
    /* Most numbers are followed by a word or by nothing of ours. */
    if (!next || next->kind == NARR_TOK_NUMBER || next->kind == NARR_TOK_PUNCT)
        return 0;
    matches m;
    match_all(n, t, j, &m);
    int scale_kind = m.used[SCALE] ? SCALE : THOUSAND;
    const narr_row *scale = m.row[scale_kind];
    size_t used = m.used[scale_kind];
    size_t after_scale = j + used;
    if (used) {
        matches cur;
        match_all(n, t, after_scale, &cur);
        a.cur = cur.row[CURRENCY];
        m.used[CURRENCY] = cur.used[CURRENCY];
    } else {
        a.cur = m.row[CURRENCY];
    }
    size_t cur_used = m.used[CURRENCY];
    if (!cur_used)
        return scale_kind == SCALE && used == 1 ? scale_alone(n, &a.num, scale, j) : 0;
    if (!ends_here(n, after_scale + cur_used))
        return 0;
    if (scale_kind == THOUSAND && used) {
        int64_t frac = 0;
        /* Times 1000 from 10^15 would reach 10^18, past ICU's words (and
         * int64): the number and its "k" are then read as written. */
        if (a.num.groups || a.num.integer >= 1000000000000000LL ||
            (a.num.frac && !scaled_frac(a.num.frac, a.num.frac_len, 3, &frac)))
            return 0;
        a.num.integer = a.num.integer * 1000 + frac;
        a.num.frac = NULL;
        scale = NULL;
    } else {
        a.scale = scale;
    }
    size_t k = after_scale + cur_used;
    /* "12 € 50": cents after the sign. */
    const narr_token *c = narr_at(n, k);
    if (!scale && !a.num.frac && c && c->kind == NARR_TOK_NUMBER && c->len == 2 &&
        ends_here(n, k + 1) && !counts_something(n, k + 1)) {
        a.cents = c;
        k++;
    }
    say_amount(n, &a);
    return k - i + per_unit(n, k);
}

/* Before the number: "$85", "£5", "€ 10", "$1,5 milliard". */
static size_t before_number(narr_norm *n, const narr_table *t, size_t i)
{
    amount a = {0};
    matches m;
    match_all(n, t, i, &m);
    size_t used = m.used[CURRENCY];
    a.cur = m.row[CURRENCY];
    if (!used || !strchr(a.cur->field[3], 'p'))
        return 0;
    /* "10 € 20 €": a sign after a number belongs to that number. */
    if (i > 0 && narr_is_kind(n, i - 1, NARR_TOK_NUMBER))
        return 0;
    size_t j = i + used;
    if (!narr_read_numeral(n, j, &a.num))
        return 0;
    size_t k = j + a.num.ntok;
    match_all(n, t, k, &m);
    size_t sused = m.used[SCALE];
    if (sused && ends_here(n, k + sused)) {
        a.scale = m.row[SCALE];
        k += sused;
    } else if (!ends_here(n, k)) {
        return 0;
    }
    say_amount(n, &a);
    return k - i;
}

static size_t apply(narr_norm *n, size_t i)
{
    const narr_token *tok = narr_at(n, i);
    bool number = tok->kind == NARR_TOK_NUMBER || tok->cp == '-' || tok->cp == '+' ||
                  tok->cp == 0x2212;
    /* Signs and codes before a number: "$85", "US$ 5", "CHF 20". */
    bool sign = tok->kind == NARR_TOK_SYMBOL ||
                (tok->kind == NARR_TOK_WORD && tok->s[0] >= 'A' && tok->s[0] <= 'Z' &&
                 tok->len <= 3 && narr_at(n, i + 1) &&
                 (narr_is_kind(n, i + 1, NARR_TOK_NUMBER) || narr_glued(n, i + 1)));
    if (!number && !sign)
        return 0;
    const narr_table *t = narr_norm_table(n, NARR_TABLE_CURRENCIES);
    if (!t)
        return 0;
    if (number)
        return after_number(n, t, i);
    return before_number(n, t, i);
}

const narr_rule narr_rule_money = {"money", apply};
