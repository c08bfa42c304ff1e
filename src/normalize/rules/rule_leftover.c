/* rule_leftover: what a copied web page leaves inside sentences, from
 * assets/web_leftovers.tsv: "le texte (s'ouvre dans un nouvel onglet) mardi"
 * → le texte mardi, "blog (opens in new tab)Microsoft" → blog Microsoft,
 * "Publicité Les économistes…" → Les économistes…, "Lire aussi : …" and
 * "© AFP" → nothing, "Anne Hidalgo (Crédit photo : AFP) a dit" → Anne
 * Hidalgo a dit. Footnote markers ([1], [12], [a]) and a cut in a
 * quotation ([…]) vanish too. */
#include "normalize/rules.h"
#include "text/leftovers.h"

#include <string.h>

/* The bytes from token i to the end of the sentence. */
static size_t rest(const narr_norm *n, size_t i)
{
    const narr_token *tok = narr_at(n, i), *last = narr_at(n, n->ntok - 1);
    return (size_t)(last->s + last->len - tok->s);
}

/* Tokens from i that the first `bytes` bytes from token i cover. */
static size_t tokens_in(const narr_norm *n, size_t i, size_t bytes)
{
    size_t end = narr_at(n, i)->offset + bytes, k = i;
    while (k < n->ntok && narr_at(n, k)->offset < end)
        k++;
    return k - i;
}

/* After a removed span at [i, next): the next word keeps its distance
 * from the word before ("blog (…)Microsoft" → blog Microsoft). */
static void removed(narr_norm *n, size_t next)
{
    const narr_token *t = narr_at(n, next);
    bool closing = t && t->kind == NARR_TOK_PUNCT && t->cp > 0 && t->cp < 0x80 &&
                   strchr(",.;:!?)]", (int)t->cp);
    n->force_space = t && !closing;
}

/* Words that may come before a footnote number: "[note 3]", "[n 3]". */
static const char *const note_words[] = {"note", "Note", "n", "réf", "ref", NULL};

/* "[1]", "[12]", "[a]", "[note 3]", "[…]", "[...]": how many tokens, or 0. */
static size_t bracket_marker(const narr_norm *n, size_t i)
{
    if (!narr_is_char(n, i, '['))
        return 0;
    size_t k = i + 1;
    for (const char *const *w = note_words; *w; w++)
        if (narr_is(n, k, *w) && (narr_is_kind(n, k + 1, NARR_TOK_NUMBER) ||
                                  (narr_is_char(n, k + 1, '.') &&
                                   narr_is_kind(n, k + 2, NARR_TOK_NUMBER)))) {
            k += narr_is_char(n, k + 1, '.') ? 2 : 1;
            break;
        }
    const narr_token *t = narr_at(n, k);
    if (!t)
        return 0;
    if (t->kind == NARR_TOK_NUMBER && t->len <= 3)
        k++;
    else if (k == i + 1 && t->kind == NARR_TOK_WORD && t->len == 1 && t->s[0] >= 'a' &&
             t->s[0] <= 'z')
        k++;
    else if (narr_is_char(n, k, 0x2026))
        k++;
    else
        while (narr_is_char(n, k, '.'))
            k++;
    if (k == i + 1 || !narr_is_char(n, k, ']'))
        return 0;
    return k + 1 - i;
}

/* "(Crédit photo : AFP)", "(Lire aussi : …)": a leftover that would take
 * the rest of a sentence at its start, inside brackets mid-sentence, goes
 * up to its closing bracket. How many tokens, or 0. */
static size_t bracketed(const narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (t->kind != NARR_TOK_PUNCT || (t->cp != '(' && t->cp != '['))
        return 0;
    const narr_token *w = narr_at(n, i + 1);
    if (!w || (w->kind == NARR_TOK_NUMBER))
        return 0;
    if (!narr_leftover_credit(narr_norm_leftovers(n), w->s, rest(n, i + 1)))
        return 0;
    int32_t close = t->cp == '(' ? ')' : ']';
    for (size_t k = i + 2; k < n->ntok; k++) {
        if (narr_is_char(n, k, close))
            return k + 1 - i;
        if (narr_is_char(n, k, t->cp))
            return 0;
    }
    return 0;
}

static size_t apply(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    size_t used = bracket_marker(n, i);
    if (!used)
        used = bracketed(n, i);
    if (used) {
        removed(n, i + used);
        return used;
    }
    /* Every phrase starts with a letter or a mark like ( [ ©. */
    if (t->kind == NARR_TOK_NUMBER)
        return 0;
    const narr_leftovers *l = narr_norm_leftovers(n);
    /* A sentence starts where nothing has been said yet. */
    if (n->out->len == 0) {
        size_t cut;
        narr_leftover_cut kind = narr_leftover_opening(l, t->s, rest(n, i), &cut);
        if (kind == NARR_LEFTOVER_ALL)
            return n->ntok - i;
        if (kind == NARR_LEFTOVER_KEY)
            return tokens_in(n, i, cut);
    }
    /* Past the start only `anywhere` phrases count, and they all open with
     * a mark such as ( or [ (checked by test_table): words need no look-up. */
    if (t->kind == NARR_TOK_WORD)
        return 0;
    size_t bytes = narr_leftover_anywhere(l, t->s, rest(n, i));
    if (!bytes)
        return 0;
    used = tokens_in(n, i, bytes);
    removed(n, i + used);
    return used;
}

const narr_rule narr_rule_leftover = {"leftover", apply};
