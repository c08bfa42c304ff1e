/* token: splits one sentence into tokens for the normalizer rules.
 * Words are runs of letters, numbers runs of ASCII digits, and every other
 * character is a token of its own (punctuation or symbol), so that rules
 * can see "14" "h" "30" or "l" "'" "IA" and whether they touch. */
#ifndef NARR_TOKEN_H
#define NARR_TOKEN_H

#include "narrateur.h"
#include <stdbool.h>
#include <stdint.h>

typedef enum {
    NARR_TOK_WORD,   /* letters: "Dupont", "h", "IA", "er" */
    NARR_TOK_NUMBER, /* ASCII digits: "14", "007" */
    NARR_TOK_PUNCT,  /* one punctuation character: . , ' « - */
    NARR_TOK_SYMBOL, /* one other character: € % + ° */
} narr_token_kind;

typedef struct {
    narr_token_kind kind;
    const char *s;     /* borrowed from the sentence */
    size_t len;        /* bytes */
    size_t offset;     /* byte offset in the sentence */
    int32_t cp;        /* for PUNCT and SYMBOL: the character */
    bool space_before; /* white space separates it from the previous token */
} narr_token;

typedef struct {
    narr_token *tok;
    size_t count;
    size_t cap;
} narr_tokens;

void narr_tokens_init(narr_tokens *t);
void narr_tokens_deinit(narr_tokens *t);

/* Replaces t's contents with the tokens of s[0..n) (valid UTF-8, which
 * must outlive them). NARR_OK or NARR_E_NOMEM. */
narr_status narr_tokenize(const char *s, size_t n, narr_tokens *t);

#endif
