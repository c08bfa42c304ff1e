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

/* The row of the first lexicon that has s[0..len), or NULL; *longer
 * when some lexicon has a longer key starting with it (a name of several
 * words: "Joe" of "Joe Biden"), which prunes the search at every word. */
static const narr_row *seek(const lexicon_set *set, const char *s, size_t len, bool *longer)
{
    const narr_row *found = NULL;
    *longer = false;
    for (size_t i = 0; i < set->count; i++) {
        bool more;
        const narr_row *row = narr_table_seek(set->table[i], s, len, &more);
        if (!found)
            found = row;
        *longer = *longer || more;
    }
    return found;
}

static const narr_row *find(const lexicon_set *set, const char *s, size_t len)
{
    bool longer;
    return seek(set, s, len, &longer);
}

/* The same with the first letter lower-cased: "Week-end" at the start of
 * a sentence is the entry "week-end". */
static const narr_row *seek_lowered(const lexicon_set *set, const char *s, size_t len,
                                    bool *longer)
{
    char key[256];
    size_t n_key = narr_utf8_lower_first(s, len, key, sizeof key);
    *longer = false;
    return n_key ? seek(set, key, n_key, longer) : NULL;
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
        size_t len = (size_t)(last->s + last->len - first->s);
        bool longer, longer_lowered;
        const narr_row *row = seek(&set, first->s, len, &longer);
        const narr_row *lowered = seek_lowered(&set, first->s, len, &longer_lowered);
        if (last->kind == NARR_TOK_WORD) {
            if (!row)
                row = lowered;
            /* A plural: "iPhones", and "Bitcoins" for the entry "bitcoin". */
            if (!row && span == 1 && len > 2 && first->s[len - 1] == 's') {
                bool more;
                row = find(&set, first->s, len - 1);
                if (!row)
                    row = seek_lowered(&set, first->s, len - 1, &more);
            }
            if (row)
                best = row, best_span = span;
        }
        if (!longer && !longer_lowered)
            break;
    }
    /* "Paris-Saclay": a hit glued to more of the same compound is no hit. */
    if (!best || (narr_is_char(n, i + best_span, '-') && narr_glued(n, i + best_span)))
        return 0;
    narr_say_pronunciation(n, best->field[1]);
    return best_span;
}

const narr_rule narr_rule_lexicon = {"lexicon", apply};
