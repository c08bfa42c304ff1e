/* rule_number: cardinal numbers, spelled by ICU.
 * "12 500" → douze mille cinq cents, "-8" → moins huit,
 * "3,05" → trois virgule zéro cinq, "21 mesures" → vingt et une mesures,
 * "1 250 000 000 euros" → un milliard deux cent cinquante millions d'euros,
 * "3x plus" → trois fois plus, "4x100 m" → quatre fois cent mètres,
 * "x10" → fois dix, "4x4" → quatre-quatre, "10K abonnés" → dix mille. */
#include "normalize/numeral.h"
#include "normalize/rules.h"

/* Token i is a lone "x" (or "×") used as "times". */
static bool is_times(const narr_norm *n, size_t i)
{
    return narr_is(n, i, "x") || narr_is_char(n, i, 0xD7);
}

/* "4x4", "6x6": a vehicle, not "quatre fois quatre" (other "2x3" are
 * dimensions, and "2x2 voies" a road). */
static bool vehicle(const narr_norm *n, size_t i, size_t x)
{
    const narr_token *a = narr_at(n, i), *b = narr_at(n, x + 1);
    return narr_at(n, x)->kind == NARR_TOK_WORD && b && b->kind == NARR_TOK_NUMBER &&
           narr_glued(n, x + 1) && a->len == 1 && b->len == 1 && a->s[0] == b->s[0] &&
           (a->s[0] == '4' || a->s[0] == '6' || a->s[0] == '8');
}

static size_t apply(narr_norm *n, size_t i)
{
    narr_numeral num;
    /* "x10", "×3": a multiplier before a number, not glued to a word. */
    if (is_times(n, i) && narr_is_kind(n, i + 1, NARR_TOK_NUMBER) && narr_glued(n, i + 1) &&
        !(i > 0 && narr_glued(n, i) && n->tok[i - 1].kind != NARR_TOK_PUNCT)) {
        narr_say(n, "fois");
        n->force_space = true;
        return 1;
    }
    if (!narr_read_numeral(n, i, &num))
        return 0;
    /* "G7", "A380": a number glued to a word is still a word of its own. */
    if (narr_glued(n, i) && narr_is_kind(n, i - 1, NARR_TOK_WORD))
        n->span_space = true;
    size_t next = i + num.ntok;
    /* "4x4" said "quatre-quatre" when nothing but punctuation touches it. */
    bool car = is_times(n, next) && narr_glued(n, next) && vehicle(n, i, next);
    if (car && !(narr_glued(n, next + 2) && !narr_is_kind(n, next + 2, NARR_TOK_PUNCT))) {
        narr_say_numeral(n, &num, NARR_MASCULINE);
        narr_say_glue(n);
        narr_say(n, "-");
        narr_say_glue(n);
        narr_say_cardinal(n, narr_at(n, next + 1)->s[0] - '0', NARR_MASCULINE);
        return num.ntok + 2;
    }
    /* "3x plus", "4x100": an x glued after the number is "fois", when
     * nothing but a space or a number follows it ("3xl" is a size). */
    bool times = !num.frac && is_times(n, next) && narr_glued(n, next) &&
                 (!narr_glued(n, next + 1) || narr_is_kind(n, next + 1, NARR_TOK_NUMBER) ||
                  narr_is_kind(n, next + 1, NARR_TOK_PUNCT)) &&
                 !car && num.ntok == 1;
    /* Only "un" agrees ("vingt et une"): look the noun up just then
     * (past 10^18 digits are said one by one and never agree). */
    bool agrees = !num.frac && !num.groups && num.integer % 10 == 1 && num.integer % 100 != 11;
    if (times) {
        narr_say_numeral(n, &num, NARR_MASCULINE);
        narr_say(n, "fois");
        n->force_space = narr_is_kind(n, next + 1, NARR_TOK_NUMBER);
        return num.ntok + 1;
    }
    /* "10K abonnés", "1,5k vues": thousands (money, "50 k€", is
     * rule_money's); below ten it is a name ("4K", "un 5K"). */
    if ((narr_is(n, next, "k") || narr_is(n, next, "K")) && narr_glued(n, next) &&
        narr_clean_end(n, next + 1, "'’@/_-", ".-") && !num.negative && !num.groups &&
        (num.frac || num.integer >= 10)) {
        narr_say_numeral(n, &num, NARR_MASCULINE);
        narr_say(n, "mille");
        return num.ntok + 1;
    }
    narr_say_numeral(n, &num, agrees ? narr_gender_of(n, next) : NARR_MASCULINE);
    /* "68 000 000 habitants": after millions a noun takes "de". */
    if (narr_numeral_ends_in_scale(&num) && narr_takes_de(n, next))
        narr_say_de(n, next);
    /* "3D", "5G": the letters after the number are not part of its words. */
    else if (narr_is_kind(n, next, NARR_TOK_WORD) && narr_glued(n, next))
        n->force_space = true;
    return num.ntok;
}

const narr_rule narr_rule_number = {"number", apply};
