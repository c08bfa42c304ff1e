/* rule_number: cardinal numbers, spelled by ICU.
 * "12 500" → douze mille cinq cents, "-8" → moins huit,
 * "3,05" → trois virgule zéro cinq, "21 mesures" → vingt et une mesures,
 * "1 250 000 000 euros" → un milliard deux cent cinquante millions d'euros. */
#include "normalize/numeral.h"
#include "normalize/rules.h"

static size_t apply(narr_norm *n, size_t i)
{
    narr_numeral num;
    if (!narr_read_numeral(n, i, &num))
        return 0;
    /* "G7", "A380": a number glued to a word is still a word of its own. */
    if (narr_glued(n, i) && narr_is_kind(n, i - 1, NARR_TOK_WORD))
        n->span_space = true;
    size_t next = i + num.ntok;
    /* Only "un" agrees ("vingt et une"): look the noun up just then
     * (past 10^18 the last group said as written may end in "un"). */
    bool agrees = !num.frac && ((num.integer % 10 == 1 && num.integer % 100 != 11) || num.groups);
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
