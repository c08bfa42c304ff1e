/* token: sentence → tokens (words, numbers, single characters). */
#include "normalize/token.h"
#include "base/buf.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <unicode/uchar.h>

void narr_tokens_init(narr_tokens *t)
{
    t->tok = NULL;
    t->count = t->cap = 0;
}

void narr_tokens_deinit(narr_tokens *t)
{
    free(t->tok);
    narr_tokens_init(t);
}

static narr_status push(narr_tokens *t, narr_token tok)
{
    if (t->count == t->cap) {
        narr_token *grown = narr_array_grow(t->tok, &t->cap, sizeof *grown, 64);
        if (!grown)
            return NARR_E_NOMEM;
        t->tok = grown;
    }
    t->tok[t->count++] = tok;
    return NARR_OK;
}

narr_status narr_tokenize(const char *s, size_t n, narr_tokens *t)
{
    t->count = 0;
    bool space = false;
    size_t i = 0;
    while (i < n) {
        size_t start = i;
        int32_t cp = narr_utf8_next(s, n, &i);
        if (narr_uc_is_space(cp)) {
            space = true;
            continue;
        }
        narr_token tok = {.s = s + start, .offset = start, .cp = cp, .space_before = space};
        if (narr_uc_is_digit(cp)) {
            tok.kind = NARR_TOK_NUMBER;
            while (i < n && narr_uc_is_digit((unsigned char)s[i]))
                i++;
        } else if (narr_uc_is_letter(cp)) {
            tok.kind = NARR_TOK_WORD;
            while (i < n) {
                size_t next = i;
                int32_t c2 = narr_utf8_next(s, n, &next);
                if (!narr_uc_is_letter(c2))
                    break;
                i = next;
            }
        } else {
            tok.kind = (U_GET_GC_MASK(cp) & U_GC_P_MASK) ? NARR_TOK_PUNCT : NARR_TOK_SYMBOL;
        }
        tok.len = i - start;
        if (push(t, tok) != NARR_OK)
            return NARR_E_NOMEM;
        space = false;
    }
    return NARR_OK;
}
