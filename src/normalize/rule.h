/* The interface between the normalizer and its rules. A rule looks at the
 * tokens at position i and either returns 0 (not mine) or says the spoken
 * words for a span with the narr_say* helpers and returns how many tokens
 * it consumed. Rules never call each other; shared readings (numbers)
 * live in numeral.h. */
#ifndef NARR_RULE_H
#define NARR_RULE_H

#include "data/tables.h"
#include "normalize/numbers.h"
#include "normalize/token.h"
#include "base/buf.h"

typedef struct narr_norm narr_norm;

typedef size_t (*narr_rule_apply)(narr_norm *n, size_t i);

typedef struct {
    const char *name;
    narr_rule_apply apply;
} narr_rule;

/* The state of one sentence being normalized. */
struct narr_norm {
    const narr_token *tok;
    size_t ntok;
    narr_buf *out;
    const narr_numbers *numbers;
    struct narr_normalizer *nz;
    narr_status status;   /* first error (sticky) */
    bool span_space;      /* source had a space before the current span */
    bool span_started;    /* the current rule has already said something */
    bool force_space;     /* a removed span: the next word gets a space */
    bool glue_next;       /* narr_say_glue: no space before the next word */
    bool masculine_first; /* inclusive writing: "électeurs et électrices" */
    int quote_depth;      /* quotation marks open (kept across sentences) */
};

/* Token access: NULL / false past the end. */
/* Inline: rules call these at every token. */
static inline const narr_token *narr_at(const narr_norm *n, size_t i)
{
    return i < n->ntok ? &n->tok[i] : NULL;
}
bool narr_is(const narr_norm *n, size_t i, const char *text);
static inline bool narr_is_kind(const narr_norm *n, size_t i, narr_token_kind kind)
{
    return i < n->ntok && n->tok[i].kind == kind;
}

static inline bool narr_is_char(const narr_norm *n, size_t i, int32_t cp)
{
    return i < n->ntok && n->tok[i].cp == cp &&
           (n->tok[i].kind == NARR_TOK_PUNCT || n->tok[i].kind == NARR_TOK_SYMBOL);
}
/* Token i exists and touches token i-1 (no space between). */
static inline bool narr_glued(const narr_norm *n, size_t i)
{
    return i > 0 && i < n->ntok && !n->tok[i].space_before;
}

/* Token i is the word `lower` in any case ("Mars" is "mars"), or any of list. */
bool narr_word_is(const narr_norm *n, size_t i, const char *lower);
bool narr_word_in(const narr_norm *n, size_t i, const char *const *list, size_t count);
/* Token i is a word whose first letter is a capital ("Louis", "Élysée"). */
bool narr_is_capitalized(const narr_norm *n, size_t i);
/* Token i is a word of 1 to max ASCII capitals ("XBB", "A"). */
bool narr_is_capitals(const narr_norm *n, size_t i, size_t max);

/* Nothing glued continues a span (sets: UTF-8 characters, "/-.,"). Start
 * at i: no word, number or char of seps touches it before ("COVID-19").
 * End before j: no word, number or char of stops touches it, nor a char
 * of joins with digits glued after ("5 m'", "26/11/2026/3"). */
bool narr_clean_start(const narr_norm *n, size_t i, const char *seps);
bool narr_clean_end(const narr_norm *n, size_t j, const char *stops, const char *joins);

/* Says words (UTF-8) as part of the current span; the first word of the
 * sentence gets a capital. */
void narr_say(narr_norm *n, const char *words);
void narr_say_n(narr_norm *n, const char *words, size_t len);
void narr_say_cardinal(narr_norm *n, int64_t v, narr_gender g);
void narr_say_ordinal(narr_norm *n, int64_t v, narr_gender g, bool plural);
/* Says a lexicon entry: a respelling as words, or [[eSpeak phonemes]],
 * the only way phoneme markup reaches eSpeak (the article's own "[[" is
 * always broken up). */
void narr_say_pronunciation(narr_norm *n, const char *said);
/* Says token i as written. */
void narr_say_token(narr_norm *n, size_t i);
/* Glues what comes next to what was said, with no space ("l'" + "I A"). */
void narr_say_glue(narr_norm *n);

/* A table (NARR_TABLE_UNITS, ...); NULL if absent (a lexicon slot). */
const narr_table *narr_norm_table(const narr_norm *n, narr_table_id id);
/* The web leftovers (text/leftovers.h), for the leftover rule. */
const struct narr_leftovers *narr_norm_leftovers(const narr_norm *n);

/* The pronunciation lexicons loaded, in the order they win (--lexicon,
 * the config one, assets/lexicon.tsv) into lex; returns how many. */
size_t narr_norm_lexicons(const narr_norm *n, const narr_table *lex[3]);

#endif
