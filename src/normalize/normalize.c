/* normalize: tokenizes a sentence and runs the rules over it. */
#include "normalize/normalize.h"
#include "base/i18n.h"
#include "normalize/rules.h"
#include "text/leftovers.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/utf8.h"

static narr_status seal_phonemes(narr_buf *out, size_t start);

#define RULE_ENTRY(name) &narr_rule_##name,
static const narr_rule *const all_rules[] = {NARR_RULES(RULE_ENTRY)};
#undef RULE_ENTRY

struct narr_normalizer {
    narr_numbers *numbers;
    const narr_tables *tables; /* borrowed */
    narr_leftovers *leftovers; /* the web-leftover phrases, judged as the document stage does */
    narr_tokens tokens;
    narr_buf marked;    /* a sentence with the rules' « » marks */
    narr_quotes quotes; /* the quote style and its state across sentences */
    narr_inclusive_order inclusive_order;
    int quote_depth;    /* quotation marks open, across the block's sentences */
};

void narr_normalizer_free(narr_normalizer *nz)
{
    if (!nz)
        return;
    narr_numbers_free(nz->numbers);
    narr_leftovers_free(nz->leftovers);
    narr_tokens_deinit(&nz->tokens);
    narr_buf_deinit(&nz->marked);
    free(nz);
}

narr_normalizer *narr_normalizer_new(const char *number_locale, const narr_tables *tables,
                                     narr_status *err, char *msg, size_t msg_size)
{
    narr_normalizer *nz = calloc(1, sizeof *nz);
    if (!nz) {
        *err = NARR_E_NOMEM;
        snprintf(msg, msg_size, L_("out of memory"));
        return NULL;
    }
    nz->tables = tables;
    narr_tokens_init(&nz->tokens);
    nz->leftovers = narr_leftovers_new(narr_tables_get(tables, NARR_TABLE_WEB_LEFTOVERS));
    if (!nz->leftovers) {
        *err = NARR_E_NOMEM;
        snprintf(msg, msg_size, L_("out of memory"));
        narr_normalizer_free(nz);
        return NULL;
    }
    nz->numbers = narr_numbers_new(number_locale, err);
    if (!nz->numbers) {
        snprintf(msg, msg_size, L_("ICU has no French number spelling for locale '%s'"),
                 number_locale);
        narr_normalizer_free(nz);
        return NULL;
    }
    *err = NARR_OK;
    return nz;
}

void narr_normalizer_set_quotes(narr_normalizer *nz, narr_quote_style style)
{
    narr_quotes_init(&nz->quotes, style == NARR_QUOTES_DEFAULT ? NARR_QUOTES_PAUSE : style);
    nz->quote_depth = 0;
}

void narr_normalizer_set_inclusive_order(narr_normalizer *nz, narr_inclusive_order order)
{
    nz->inclusive_order = order;
}

void narr_normalizer_end_block(narr_normalizer *nz)
{
    nz->quote_depth = 0;
    narr_quotes_end_block(&nz->quotes);
}

/* Runs rules[0..nrules) over the sentence; a token no rule takes is said
 * as written. */
static narr_status run_rules(narr_normalizer *nz, const narr_rule *const *rules,
                             size_t nrules, const char *s, size_t n, narr_buf *out)
{
    narr_status st = narr_tokenize(s, n, &nz->tokens);
    if (st != NARR_OK)
        return st;
    size_t start = out->len;
    narr_norm norm = {
        .tok = nz->tokens.tok,
        .ntok = nz->tokens.count,
        .out = out,
        .numbers = nz->numbers,
        .nz = nz,
        .masculine_first = nz->inclusive_order == NARR_INCLUSIVE_MASCULINE_FIRST,
        .quote_depth = nz->quote_depth,
    };
    for (size_t i = 0; i < norm.ntok && norm.status == NARR_OK;) {
        size_t used = 0;
        for (size_t r = 0; r < nrules && !used; r++) {
            norm.span_space = norm.tok[i].space_before;
            norm.span_started = false;
            used = rules[r]->apply(&norm, i);
        }
        if (!used) {
            norm.span_space = norm.tok[i].space_before;
            norm.span_started = false;
            narr_say_token(&norm, i);
            used = 1;
        }
        i += used;
    }
    /* out->data is NULL while nothing was said: memchr must not see it. */
    if (norm.status == NARR_OK && out->len > start &&
        (memchr(out->data + start, '[', out->len - start) ||
         memchr(out->data + start, '\xee', out->len - start)))
        norm.status = seal_phonemes(out, start);
    if (rules == all_rules)
        nz->quote_depth = norm.quote_depth;
    return norm.status;
}

narr_status narr_normalize_sentence(narr_normalizer *nz, const char *s, size_t n,
                                    narr_buf *out, narr_spans *quoted)
{
    narr_buf_clear(&nz->marked);
    narr_status st =
        run_rules(nz, all_rules, sizeof all_rules / sizeof all_rules[0], s, n, &nz->marked);
    return st == NARR_OK ? narr_quotes_render(&nz->quotes, narr_buf_str(&nz->marked),
                                              nz->marked.len, out, quoted)
                         : st;
}

narr_status narr_normalize_written(narr_normalizer *nz, const char *s, size_t n,
                                   narr_buf *out)
{
    static const narr_rule *const leftovers_only[] = {&narr_rule_leftover};
    return run_rules(nz, leftovers_only, 1, s, n, out);
}

/* ---- helpers for the rules (rule.h) ---- */

bool narr_is(const narr_norm *n, size_t i, const char *text)
{
    const narr_token *t = narr_at(n, i);
    return t && t->len == strlen(text) && memcmp(t->s, text, t->len) == 0;
}

const narr_leftovers *narr_norm_leftovers(const narr_norm *n) { return n->nz->leftovers; }

const narr_table *narr_norm_table(const narr_norm *n, narr_table_id id)
{
    return narr_tables_get(n->nz->tables, id);
}

size_t narr_norm_lexicons(const narr_norm *n, const narr_table *lex[3])
{
    static const narr_table_id order[] = {NARR_TABLE_USER_LEXICON, NARR_TABLE_CONFIG_LEXICON,
                                          NARR_TABLE_LEXICON};
    size_t count = 0;
    for (size_t i = 0; i < 3; i++) {
        const narr_table *t = narr_norm_table(n, order[i]);
        if (t)
            lex[count++] = t;
    }
    return count;
}

bool narr_word_is(const narr_norm *n, size_t i, const char *lower)
{
    const narr_token *t = narr_at(n, i);
    if (!t || t->kind != NARR_TOK_WORD)
        return false;
    size_t a = 0, b = 0, len = strlen(lower);
    while (a < t->len && b < len) {
        unsigned char x = (unsigned char)t->s[a], y = (unsigned char)lower[b];
        if (x < 0x80 && y < 0x80) { /* ASCII, most words: no UTF-8 decoding */
            if (narr_uc_to_lower(x) != y)
                return false;
            a++, b++;
            continue;
        }
        int32_t c = narr_utf8_next(t->s, t->len, &a);
        if (c < 0 || narr_uc_to_lower(c) != narr_utf8_next(lower, len, &b))
            return false;
    }
    return a == t->len && b == len;
}

bool narr_word_in(const narr_norm *n, size_t i, const char *const *list, size_t count)
{
    if (!narr_is_kind(n, i, NARR_TOK_WORD))
        return false;
    for (size_t k = 0; k < count; k++)
        if (narr_word_is(n, i, list[k]))
            return true;
    return false;
}

bool narr_is_capitalized(const narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    size_t k = 0;
    return t && t->kind == NARR_TOK_WORD && narr_uc_is_upper(narr_utf8_next(t->s, t->len, &k));
}

bool narr_is_capitals(const narr_norm *n, size_t i, size_t max)
{
    const narr_token *t = narr_at(n, i);
    if (!t || t->kind != NARR_TOK_WORD || t->len > max)
        return false;
    for (size_t k = 0; k < t->len; k++)
        if (t->s[k] < 'A' || t->s[k] > 'Z')
            return false;
    return true;
}

/* cp is one of the characters of the UTF-8 string set. */
static bool char_in(int32_t cp, const char *set)
{
    size_t len = set ? strlen(set) : 0, k = 0;
    while (k < len)
        if (narr_utf8_next(set, len, &k) == cp)
            return true;
    return false;
}

bool narr_clean_start(const narr_norm *n, size_t i, const char *seps)
{
    if (!narr_glued(n, i))
        return true;
    const narr_token *p = narr_at(n, i - 1);
    return p->kind != NARR_TOK_WORD && p->kind != NARR_TOK_NUMBER && !char_in(p->cp, seps);
}

bool narr_clean_end(const narr_norm *n, size_t j, const char *stops, const char *joins)
{
    const narr_token *t = narr_at(n, j);
    if (!t || t->space_before)
        return true;
    if (t->kind == NARR_TOK_WORD || t->kind == NARR_TOK_NUMBER || char_in(t->cp, stops))
        return false;
    return !(char_in(t->cp, joins) && narr_is_kind(n, j + 1, NARR_TOK_NUMBER) &&
             narr_glued(n, j + 1));
}

static void keep(narr_norm *n, narr_status st)
{
    if (n->status == NARR_OK)
        n->status = st;
}

void narr_say_glue(narr_norm *n)
{
    n->glue_next = true;
    n->force_space = false;
}

void narr_say_n(narr_norm *n, const char *words, size_t len)
{
    if (len == 0 || n->status != NARR_OK)
        return;
    bool space;
    if (n->out->len == 0)
        space = false;
    else if (n->glue_next)
        space = false;
    else if (n->force_space)
        space = true;
    else
        space = n->span_started || n->span_space;
    char last = narr_buf_last(n->out);
    if (last == ' ')
        space = false;
    if (space)
        keep(n, narr_buf_append_char(n->out, ' '));
    n->glue_next = n->force_space = false;
    if (n->out->len == 0) {
        /* The first word of the sentence gets a capital. */
        size_t i = 0;
        int32_t cp = narr_utf8_next(words, len, &i);
        if (cp >= 0 && narr_uc_is_lower(cp)) {
            keep(n, narr_utf8_append(n->out, narr_uc_to_upper(cp)));
            words += i;
            len -= i;
        }
    }
    keep(n, narr_buf_append(n->out, words, len));
    n->span_started = true;
}

/* Phoneme spans are said between U+E000 and U+E001 (the decode stage
 * removes those from articles) and become [[ ]] once the sentence is done. */
#define PHONEMES_OPEN "\xee\x80\x80"
#define PHONEMES_CLOSE "\xee\x80\x81"

void narr_say_pronunciation(narr_norm *n, const char *said)
{
    size_t len = strlen(said);
    if (len >= 4 && memcmp(said, "[[", 2) == 0 && memcmp(said + len - 2, "]]", 2) == 0) {
        narr_say(n, PHONEMES_OPEN);
        narr_say_glue(n);
        narr_say_n(n, said + 2, len - 4);
        narr_say_glue(n);
        narr_say(n, PHONEMES_CLOSE);
        return;
    }
    narr_say(n, said);
}

/* The finished sentence: any "[[" from the article becomes "[ [", then
 * the lexicon's phoneme spans get their [[ ]]. */
static narr_status seal_phonemes(narr_buf *out, size_t start)
{
    narr_buf sealed;
    narr_buf_init(&sealed);
    narr_status st = NARR_OK;
    const char *s = out->data + start;
    size_t n = out->len - start;
    for (size_t i = 0; i < n && st == NARR_OK; i++) {
        if (s[i] == '[' && narr_buf_last(&sealed) == '[')
            st = narr_buf_append_char(&sealed, ' ');
        if (st != NARR_OK)
            break;
        if (n - i >= 3 && memcmp(s + i, PHONEMES_OPEN, 3) == 0) {
            st = narr_buf_append_str(&sealed, narr_buf_last(&sealed) == '[' ? " [[" : "[[");
            i += 2;
        } else if (n - i >= 3 && memcmp(s + i, PHONEMES_CLOSE, 3) == 0) {
            st = narr_buf_append_str(&sealed, "]]");
            i += 2;
        } else {
            st = narr_buf_append_char(&sealed, s[i]);
        }
    }
    if (st == NARR_OK) {
        out->len = start;
        st = narr_buf_append(out, sealed.data ? sealed.data : "", sealed.len);
    }
    narr_buf_deinit(&sealed);
    return st;
}

void narr_say(narr_norm *n, const char *words)
{
    narr_say_n(n, words, strlen(words));
}

void narr_say_token(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (t)
        narr_say_n(n, t->s, t->len);
}

void narr_say_cardinal(narr_norm *n, int64_t v, narr_gender g)
{
    narr_buf words;
    narr_buf_init(&words);
    keep(n, narr_spell_cardinal(n->numbers, v, g, &words));
    narr_say_n(n, narr_buf_str(&words), words.len);
    narr_buf_deinit(&words);
}

void narr_say_ordinal(narr_norm *n, int64_t v, narr_gender g, bool plural)
{
    narr_buf words;
    narr_buf_init(&words);
    keep(n, narr_spell_ordinal(n->numbers, v, g, plural, &words));
    /* A scale word joins what it multiplies: "deux-millionième" (ICU
     * gives "millième" for 1 000; "un millionième" keeps its "un", as the
     * NeMo references say it). */
    char *w = words.data ? words.data : "";
    size_t len = words.len;
    for (size_t k = 0; k + 5 < len; k++)
        if (w[k] == ' ' && memcmp(w + k + 1, "mill", 4) == 0 && !(k == 2 && w[0] == 'u'))
            w[k] = '-';
    narr_say_n(n, w, len);
    narr_buf_deinit(&words);
}
