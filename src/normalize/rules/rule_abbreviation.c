/* rule_abbreviation: abbreviations from assets/abbreviations.tsv, whose
 * columns are: written form, spoken form, context, and "end" when it may
 * close a sentence. Context says when the expansion applies: "any",
 * "name" (before a capitalized word: "M. Dupont" → monsieur Dupont) or
 * "number" (before a number: "p. 12" → page douze). The longest written
 * form that matches wins ("c.-à-d." over "c."). */
#include "normalize/rules.h"
#include "text/utf8.h"

#include <string.h>

#define MAX_SPAN 8

static bool context_holds(const narr_norm *n, const char *context, size_t next)
{
    if (strcmp(context, "any") == 0 || context[0] == '\0')
        return true;
    const narr_token *t = narr_at(n, next);
    if (strcmp(context, "number") == 0)
        return t && t->kind == NARR_TOK_NUMBER;
    if (strcmp(context, "name") == 0) {
        if (!t || t->kind != NARR_TOK_WORD)
            return false;
        size_t k = 0;
        return narr_uc_is_upper(narr_utf8_next(t->s, t->len, &k));
    }
    return false;
}

static size_t apply(narr_norm *n, size_t i)
{
    const narr_table *table = narr_norm_table(n, "abbreviations");
    const narr_token *first = narr_at(n, i);
    if (!table || first->kind != NARR_TOK_WORD)
        return 0;
    const narr_row *best = NULL;
    size_t best_span = 0;
    for (size_t span = 1; span <= MAX_SPAN && i + span <= n->ntok; span++) {
        if (span > 1 && !narr_glued(n, i + span - 1))
            break;
        const narr_token *last = narr_at(n, i + span - 1);
        size_t len = (size_t)(last->s + last->len - first->s);
        const narr_row *row = narr_table_find(table, first->s, len);
        if (row && context_holds(n, row->field[2], i + span))
            best = row, best_span = span;
    }
    if (!best)
        return 0;
    /* A word glued after the span ("M.Dupont") still counts, but letters
     * glued to an abbreviation without a dot ("Mmes" vs "Mme") do not. */
    const narr_token *after = narr_at(n, i + best_span);
    if (after && !after->space_before && after->kind == NARR_TOK_WORD &&
        best->field[0][best->key_len - 1] != '.')
        return 0;
    narr_say(n, best->field[1]);
    return best_span;
}

const narr_rule narr_rule_abbreviation = {"abbreviation", apply};
