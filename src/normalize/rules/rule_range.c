/* rule_range: numeric ranges with a hyphen or en dash. "10-15 ans" → dix à
 * quinze ans, "3 000-4 000 euros" → trois mille à quatre mille euros,
 * "p. 12-15" → pages douze à quinze, "1-2 heures" → une à deux heures,
 * "n° 2023-1234" → numéro deux mille vingt-trois tiret mille deux cent …;
 * tennis sets are no ranges: "7-6, 6-3" → sept-six, six-trois.
 * It says the first number and "à", and leaves the second number to the
 * rules that know what follows it (units, money, percent). */
#include "normalize/numeral.h"
#include "normalize/rules.h"

#include <string.h>

static bool is_dash(int32_t cp)
{
    return cp == '-' || cp == 0x2013 || cp == 0x2011;
}

/* The number must not continue a word or a code glued before it
 * ("COVID-19", "A320-200", "3,5-4" is read from its start); \u2011 is
 * the non-breaking hyphen. */
static bool starts_cleanly(const narr_norm *n, size_t i)
{
    return narr_clean_start(n, i, "-–\u2011/.,−+:");
}

/* The dash at k joins two numbers: glued on both sides ("10-15"), or an
 * en dash spaced on both sides ("10 – 15"). */
static bool dash_at(const narr_norm *n, size_t k)
{
    const narr_token *d = narr_at(n, k);
    const narr_token *b = narr_at(n, k + 1);
    if (!d || !b || b->kind != NARR_TOK_NUMBER || d->kind == NARR_TOK_WORD ||
        d->kind == NARR_TOK_NUMBER || !is_dash(d->cp))
        return false;
    if (!d->space_before && !b->space_before)
        return true;
    return d->cp == 0x2013 && d->space_before && b->space_before;
}

/* "1-2-3", "12-15/20", "06-12-45": a chain or a code, not a range. */
static bool chained(const narr_norm *n, size_t k)
{
    const narr_token *t = narr_at(n, k);
    if (!t || t->space_before || t->kind == NARR_TOK_WORD || t->kind == NARR_TOK_NUMBER)
        return false;
    return (is_dash(t->cp) || t->cp == '/' || t->cp == '.') &&
           narr_is_kind(n, k + 1, NARR_TOK_NUMBER) && narr_glued(n, k + 1);
}

/* A tennis set at token i: "6-3", "7-6", "4-6" (a side at 6 or 7, both
 * at most 7, glued), the value of each side in a and b. */
static bool set_at(const narr_norm *n, size_t i, int64_t *a, int64_t *b)
{
    const narr_token *x = narr_at(n, i), *y = narr_at(n, i + 2);
    if (!x || !y || x->kind != NARR_TOK_NUMBER || y->kind != NARR_TOK_NUMBER || x->len != 1 ||
        y->len != 1 || !narr_is_char(n, i + 1, '-') || !narr_glued(n, i + 1) ||
        !narr_glued(n, i + 2))
        return false;
    *a = x->s[0] - '0';
    *b = y->s[0] - '0';
    return *a <= 7 && *b <= 7 && *a != *b && (*a >= 6 || *b >= 6);
}

/* A tie-break after a set, from token k: " (7/5)" or " (7-5)", the
 * points in a and b; its tokens (5), else 0. */
static size_t tie_break_at(const narr_norm *n, size_t k, int64_t *a, int64_t *b)
{
    const narr_token *x = narr_at(n, k + 1), *y = narr_at(n, k + 3);
    if (!narr_is_char(n, k, '(') || !x || !y || x->kind != NARR_TOK_NUMBER ||
        y->kind != NARR_TOK_NUMBER || x->len > 2 || y->len > 2 || !narr_glued(n, k + 1) ||
        !(narr_is_char(n, k + 2, '/') || narr_is_char(n, k + 2, '-')) || !narr_glued(n, k + 2) ||
        !narr_glued(n, k + 3) || !narr_is_char(n, k + 4, ')') || !narr_glued(n, k + 4))
        return 0;
    return narr_parse_digits(x->s, x->len, a) && narr_parse_digits(y->s, y->len, b) ? 5 : 0;
}

/* A set ends just before the comma at token k - 1: "6-4, " or, with its
 * tie-break, "7-6 (7/5), ". */
static bool set_before(const narr_norm *n, size_t k)
{
    int64_t a, b, c, d;
    if (k < 4 || !narr_is_char(n, k - 1, ','))
        return false;
    if (set_at(n, k - 4, &a, &b))
        return true;
    return k >= 9 && set_at(n, k - 9, &a, &b) && tie_break_at(n, k - 6, &c, &d);
}

/* "7-6, 6-3": tennis sets, in a list of two or more, said "sept-six,
 * six-trois" (a single "2-1" stays a score: deux à un); a tie-break
 * after a set, "7-6 (7/5)", is said "sept-six, sept à cinq". */
static size_t tennis(narr_norm *n, size_t i)
{
    int64_t a, b, c, d;
    if (!set_at(n, i, &a, &b))
        return 0;
    size_t tie = tie_break_at(n, i + 3, &c, &d);
    size_t after = i + 3 + tie;
    int64_t e, f;
    bool listed = (narr_is_char(n, after, ',') && set_at(n, after + 1, &e, &f)) ||
                  set_before(n, i);
    if (!listed || !narr_clean_start(n, i, "-/.,:") ||
        (!tie && !narr_clean_end(n, i + 3, "-/", "-/.,")))
        return 0;
    narr_say_cardinal(n, a, NARR_MASCULINE);
    narr_say_glue(n);
    narr_say(n, "-");
    narr_say_glue(n);
    narr_say_cardinal(n, b, NARR_MASCULINE);
    if (tie) { /* "à": "dix-huit" would be 10-8 run together */
        narr_say_glue(n);
        narr_say(n, ",");
        narr_say_cardinal(n, c, NARR_MASCULINE);
        narr_say(n, "à");
        narr_say_cardinal(n, d, NARR_MASCULINE);
    }
    return after - i;
}

/* Says the number a (tokens i..k-1) and leaves the dash at k unsaid: the
 * number after it is read apart, not glued ("cinquante-neuf cents"). */
static size_t say_before_dash(narr_norm *n, const narr_numeral *a, size_t i, size_t k)
{
    narr_say_numeral(n, a, NARR_MASCULINE);
    n->force_space = true;
    return k + 1 - i;
}

/* "A350-900", "B737-800": a model glued to its maker's letter, then its
 * variant, said apart (the dash would glue "cinquante-neuf cents"). */
static size_t model_variant(narr_norm *n, size_t i)
{
    narr_numeral a, b;
    if (i == 0 || !narr_glued(n, i) || !narr_is_capitals(n, i - 1, 3) ||
        !narr_clean_start(n, i - 1, "-/.,") || !narr_read_numeral(n, i, &a) || a.frac ||
        a.negative || a.positive)
        return 0;
    size_t k = i + a.ntok;
    if (!dash_at(n, k) || !narr_read_numeral(n, k + 1, &b) || b.frac ||
        b.integer % 100 != 0 || chained(n, k + 1 + b.ntok))
        return 0;
    n->span_space = true; /* the number touched the letter */
    return say_before_dash(n, &a, i, k);
}

static size_t apply(narr_norm *n, size_t i)
{
    size_t used = tennis(n, i);
    if (!used)
        used = model_variant(n, i);
    if (used)
        return used;
    const narr_token *t = narr_at(n, i);
    size_t j = i;
    bool pages = false;
    /* "p. 12-15", "pp. 12-15": several pages. */
    if (t->kind == NARR_TOK_WORD) {
        if (!(narr_is(n, i, "p") || narr_is(n, i, "pp")) || !narr_is_char(n, i + 1, '.') ||
            !narr_glued(n, i + 1) || !narr_is_kind(n, i + 2, NARR_TOK_NUMBER))
            return 0;
        pages = true;
        j = i + 2;
    } else if (t->kind != NARR_TOK_NUMBER || !starts_cleanly(n, i)) {
        return 0;
    }
    narr_numeral a, b;
    if (!narr_read_numeral(n, j, &a) || a.negative || a.positive)
        return 0;
    const narr_token *first = narr_at(n, j);
    /* "06-12": a leading zero is a code, not a quantity. */
    if (first->len > 1 && first->s[0] == '0')
        return 0;
    size_t k = j + a.ntok;
    if (!dash_at(n, k) || !narr_read_numeral(n, k + 1, &b))
        return 0;
    size_t end = k + 1 + b.ntok;
    if (chained(n, end))
        return 0;
    const narr_token *second = narr_at(n, k + 1);
    if (second->len > 1 && second->s[0] == '0')
        return 0;
    /* "décret n° 2023-1234": an identifier, its dash said "tiret". */
    if (!pages && !a.frac && !b.frac && narr_after_number_sign(n, j)) {
        narr_say_numeral(n, &a, NARR_MASCULINE);
        narr_say(n, "tiret");
        n->force_space = true;
        return k + 1 - i;
    }
    /* "le 49-3", "l'article 80-1": a big number then a digit is a
     * reference, not a range (scores such as "3-1" or "25-23" still are);
     * "Boeing 737-800", "A350-900": a model and its variant (a range starts
     * at a round-ish number: "150-200", "125-150"). The two numbers are
     * said one after the other, apart: glued by the dash they would run
     * together ("cinquante-neuf cents"). */
    if (!pages && !a.frac && !b.frac &&
        ((b.integer < 10 && a.integer >= 20 && b.integer < a.integer) ||
         (a.integer >= 100 && a.integer % 5 != 0 && b.integer % 100 == 0)))
        return say_before_dash(n, &a, i, k);
    if (pages)
        narr_say(n, "pages");
    /* The first number agrees with the noun after the second:
     * "21-22 heures" → vingt et une à vingt-deux heures. */
    narr_say_numeral(n, &a, narr_gender_of(n, end));
    narr_say(n, "à");
    /* The second number touched the dash: it still needs its space. */
    n->force_space = true;
    return k + 1 - i;
}

const narr_rule narr_rule_range = {"range", apply};
