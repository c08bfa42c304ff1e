/* rule_percent: a number followed by %, ‰ or "pt(s)".
 * "7,3 %" → sept virgule trois pour cent, "+1,2 %" → plus un virgule deux
 * pour cent, "21 %" → vingt et un pour cent (masculine), "3 ‰" → trois
 * pour mille, "−0,4 pt" → moins zéro virgule quatre point. */
#include "normalize/numeral.h"
#include "normalize/rules.h"

static size_t apply(narr_norm *n, size_t i)
{
    if (!narr_is_kind(n, i, NARR_TOK_NUMBER) && !narr_is_kind(n, i + 1, NARR_TOK_NUMBER))
        return 0;
    narr_numeral num;
    if (!narr_read_numeral(n, i, &num))
        return 0;
    size_t j = i + num.ntok;
    const char *words;
    if (narr_is_char(n, j, '%') || narr_is_char(n, j, 0xFF05))
        words = "pour cent";
    else if (narr_is_char(n, j, 0x2030))
        words = "pour mille";
    else if ((narr_is(n, j, "pt") || narr_is(n, j, "pts")) && narr_at(n, j)->space_before &&
             !narr_glued(n, j + 1 + narr_is_char(n, j + 1, '.')))
        /* "−0,4 pt": points of percentage; "point" up to 1,99. */
        words = num.integer >= 2 ? "points" : "point";
    else
        return 0;
    /* A number glued to a word is a word of its own, as in rule_number. */
    if (narr_glued(n, i) && narr_is_kind(n, i - 1, NARR_TOK_WORD))
        n->span_space = true;
    narr_say_numeral(n, &num, NARR_MASCULINE);
    narr_say(n, words);
    return num.ntok + 1;
}

const narr_rule narr_rule_percent = {"percent", apply};
