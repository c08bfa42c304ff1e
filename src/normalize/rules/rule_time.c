/* rule_time: clock times. "14h30" → quatorze heures trente,
 * "9 h 05" → neuf heures cinq, "21h" → vingt et une heures,
 * "1h" → une heure; minutes "00" are not said. */
#include "normalize/numbers.h"
#include "normalize/rules.h"

static bool small_number(const narr_norm *n, size_t i, size_t max_len, int64_t max,
                         int64_t *v)
{
    const narr_token *t = narr_at(n, i);
    return t && t->kind == NARR_TOK_NUMBER && t->len <= max_len &&
           narr_parse_digits(t->s, t->len, v) && *v <= max;
}

static size_t apply(narr_norm *n, size_t i)
{
    int64_t hours, minutes = 0;
    if (!small_number(n, i, 2, 24, &hours) || !narr_is(n, i + 1, "h"))
        return 0;
    /* "14h30" touches; "14 h 30" is spaced throughout. */
    bool spaced = !narr_glued(n, i + 1);
    size_t used = 2;
    const narr_token *m = narr_at(n, i + 2);
    if (m && m->kind == NARR_TOK_NUMBER && m->space_before == spaced && m->len == 2) {
        if (!small_number(n, i + 2, 2, 59, &minutes))
            return 0;
        used = 3;
    } else if (m && (m->kind == NARR_TOK_WORD || m->kind == NARR_TOK_NUMBER) &&
               !m->space_before) {
        return 0; /* "3hX", "14h3": not a time */
    }
    narr_say_cardinal(n, hours, NARR_FEMININE);
    narr_say(n, hours > 1 ? "heures" : "heure");
    if (minutes > 0)
        narr_say_cardinal(n, minutes, NARR_FEMININE);
    return used;
}

const narr_rule narr_rule_time = {"time", apply};
