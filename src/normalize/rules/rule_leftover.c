/* rule_leftover: what a copied web page leaves inside sentences, from
 * assets/web_leftovers.tsv: "le texte (s'ouvre dans un nouvel onglet) mardi"
 * → le texte mardi, "blog (opens in new tab)Microsoft" → blog Microsoft,
 * "Publicité Les économistes…" → Les économistes…, "Lire aussi : …" and
 * "© AFP" → nothing, "Anne Hidalgo (Crédit photo : AFP) a dit" → Anne
 * Hidalgo a dit. Footnote markers ([1], [12], [a]) and a cut in a
 * quotation ([…]) vanish too. */
#include "normalize/rules.h"
#include "base/utf8.h"

#include <string.h>

/* The first row whose key starts with byte b (rows are sorted by bytes). */
static size_t first_with(const narr_table *t, unsigned char b)
{
    size_t lo = 0, hi = narr_table_count(t);
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if ((unsigned char)narr_table_row(t, mid)->field[0][0] < b)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool is_block(const narr_row *row)
{
    return row->field[1][0] == 'b' && strcmp(row->field[1], "block") == 0;
}

/* The longest row matching at token i, and the bytes it covers; "block"
 * rows only where a sentence starts. */
static const narr_row *find(const narr_norm *n, size_t i, bool at_start, size_t *bytes)
{
    const narr_table *t = narr_norm_table(n, NARR_TABLE_WEB_LEFTOVERS);
    if (!t)
        return NULL;
    const narr_token *tok = narr_at(n, i);
    /* Past the start of a sentence only "anywhere" phrases count, and they
     * all open with a mark such as ( or [ (checked by test_table): most
     * tokens, words, need no look-up at all. */
    if (!at_start && tok->kind == NARR_TOK_WORD)
        return NULL;
    const narr_token *last = narr_at(n, n->ntok - 1);
    size_t avail = (size_t)(last->s + last->len - tok->s);
    unsigned char c = (unsigned char)tok->s[0];
    /* The table writes a phrase as it would open a line ("Lire aussi"). */
    unsigned char cases[2] = {c, c >= 'a' && c <= 'z'   ? (unsigned char)(c - 32)
                                 : c >= 'A' && c <= 'Z' ? (unsigned char)(c + 32)
                                                        : c};
    const narr_row *best = NULL;
    *bytes = 0;
    for (int k = 0; k < (cases[1] != c ? 2 : 1); k++) {
        for (size_t r = first_with(t, cases[k]); r < narr_table_count(t); r++) {
            const narr_row *row = narr_table_row(t, r);
            if ((unsigned char)row->field[0][0] != cases[k])
                break;
            if (!at_start && is_block(row))
                continue;
            size_t m = narr_utf8_match_phrase(row->field[0], tok->s, avail);
            if (m > *bytes)
                best = row, *bytes = m;
        }
    }
    return best;
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

/* Can text starting at token k follow a leftover that opens a sentence?
 * A new sentence, punctuation or nothing can: "Publicité Les économistes",
 * but not "Publicité mensongère". */
static bool fresh_start(const narr_norm *n, size_t k)
{
    const narr_token *t = narr_at(n, k);
    if (!t || t->kind != NARR_TOK_WORD)
        return true;
    size_t j = 0;
    return narr_uc_is_upper(narr_utf8_next(t->s, t->len, &j));
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
    size_t bytes;
    const narr_row *row = find(n, i + 1, true, &bytes);
    if (!row || !is_block(row) || strcmp(row->field[2], "sentence") != 0)
        return 0;
    size_t k = i + 1 + tokens_in(n, i + 1, bytes);
    if (!fresh_start(n, k))
        return 0;
    int32_t close = t->cp == '(' ? ')' : ']';
    for (; k < n->ntok; k++) {
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
    size_t bytes;
    /* A sentence starts where nothing has been said yet. */
    const narr_row *row = find(n, i, n->out->len == 0, &bytes);
    if (!row)
        return 0;
    used = tokens_in(n, i, bytes);
    if (is_block(row)) {
        if (strcmp(row->field[2], "whole") == 0)
            return n->ntok - i;
        if (!fresh_start(n, i + used))
            return 0;
        if (strcmp(row->field[2], "sentence") == 0)
            return n->ntok - i;
        /* "Publicité : Les…", "Partager | …": the separator goes too. */
        while (narr_is_char(n, i + used, ':') || narr_is_char(n, i + used, '|') ||
               narr_is_char(n, i + used, 0x2013) || narr_is_char(n, i + used, 0x2014) ||
               narr_is_char(n, i + used, '-'))
            used++;
        return used;
    }
    removed(n, i + used);
    return used;
}

const narr_rule narr_rule_leftover = {"leftover", apply};
