/* rule_lexicon: names and anglicisms as French newsreaders say them, from
 * the pronunciation lexicon (assets/lexicon.tsv, then the user's lexicon,
 * which wins). Columns: written form, then a French respelling that
 * eSpeak NG reads right ("gougueule") or [[eSpeak phonemes]]. A key may
 * span several words ("Joe Biden"). Matching is case-aware: an entry in
 * lower case also matches the capitalized word at a sentence start. It
 * survives elision ("d'Airbus": the apostrophe ends the previous token)
 * and a plural s ("les iPhones"). */
#include "normalize/rules.h"
#include "base/utf8.h"

#include <string.h>

#define MAX_SPAN 7

/* The lexicons that are loaded, in the order they win: --lexicon, the
 * config one, ours. Fetched once per token. */
typedef struct {
    const narr_table *table[3];
    size_t count;
} lexicon_set;

static void loaded_lexicons(const narr_norm *n, lexicon_set *set)
{
    set->count = narr_norm_lexicons(n, set->table);
}

static const narr_row *find(const lexicon_set *set, const char *s, size_t len)
{
    for (size_t i = 0; i < set->count; i++) {
        const narr_row *row = narr_table_find(set->table[i], s, len);
        if (row)
            return row;
    }
    return NULL;
}

/* May a longer key start with s[0..len)? Prunes the search for names of
 * several words ("Joe Biden") at every word of the article. */
static bool continues(const lexicon_set *set, const char *s, size_t len)
{
    for (size_t i = 0; i < set->count; i++)
        if (narr_table_has_prefix(set->table[i], s, len))
            return true;
    return false;
}

/* The same with the first letter lower-cased: "Week-end" at the start of
 * a sentence is the entry "week-end". */
static const narr_row *find_lowered(const lexicon_set *set, const char *s, size_t len)
{
    char key[256];
    size_t n_key = narr_utf8_lower_first(s, len, key, sizeof key);
    return n_key ? find(set, key, n_key) : NULL;
}

static bool continues_lowered(const lexicon_set *set, const char *s, size_t len)
{
    char key[256];
    size_t n_key = narr_utf8_lower_first(s, len, key, sizeof key);
    return n_key && continues(set, key, n_key);
}

/* Does the span of tokens i..j read as words joined by single spaces,
 * hyphens or apostrophes (so that the source text is the key)? */
static bool joinable(const narr_norm *n, size_t j)
{
    const narr_token *prev = narr_at(n, j - 1), *t = narr_at(n, j);
    if (!t->space_before)
        return true;
    return prev->s + prev->len + 1 == t->s;
}

static size_t apply(narr_norm *n, size_t i)
{
    const narr_token *first = narr_at(n, i);
    if (first->kind != NARR_TOK_WORD)
        return 0;
    lexicon_set set;
    loaded_lexicons(n, &set);
    const narr_row *best = NULL;
    size_t best_span = 0;
    for (size_t span = 1; span <= MAX_SPAN && i + span <= n->ntok; span++) {
        if (span > 1 && !joinable(n, i + span - 1))
            break;
        const narr_token *last = narr_at(n, i + span - 1);
        size_t head = (size_t)(last->s - first->s);
        if (span > 1 && !continues(&set, first->s, head) && !continues_lowered(&set, first->s, head))
            break;
        if (last->kind != NARR_TOK_WORD)
            continue;
        size_t len = (size_t)(last->s + last->len - first->s);
        const narr_row *row = find(&set, first->s, len);
        if (!row && span == 1 && len > 2 && first->s[len - 1] == 's')
            row = find(&set, first->s, len - 1);
        if (!row)
            row = find_lowered(&set, first->s, len);
        if (row)
            best = row, best_span = span;
    }
    /* "Paris-Saclay": a hit glued to more of the same compound is no hit. */
    if (!best || (narr_is_char(n, i + best_span, '-') && narr_glued(n, i + best_span)))
        return 0;
    narr_say_pronunciation(n, best->field[1]);
    return best_span;
}

const narr_rule narr_rule_lexicon = {"lexicon", apply};
