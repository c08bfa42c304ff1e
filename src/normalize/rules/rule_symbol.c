/* rule_symbol: symbols said as words (assets/symbols.tsv). "Durand &
 * Associés" → Durand et Associés, "Canal+" → Canal plus, "1 = 1" → un
 * égale un, "§ 4" → paragraphe quatre, "± 3" → plus ou moins trois,
 * "~2 000" → environ deux mille; "#NousToutes" → hashtag Nous Toutes,
 * "#1" → numéro un, "@EmmanuelMacron" → arobase Emmanuel Macron,
 * "3 x 4" → trois fois quatre. */
#include "normalize/rules.h"

#include <string.h>

/* The next word gets a space even where the symbol touched it ("1+1"). */
static void space_after(narr_norm *n, size_t j)
{
    const narr_token *t = narr_at(n, j);
    if (t && !t->space_before && (t->kind == NARR_TOK_WORD || t->kind == NARR_TOK_NUMBER))
        n->force_space = true;
}

/* Says the symbol at token i as a word of its own: "Canal+" → "Canal plus". */
static void say_apart(narr_norm *n, size_t i, const char *words)
{
    if (i > 0 && !narr_is_kind(n, i - 1, NARR_TOK_PUNCT))
        n->span_space = true;
    narr_say(n, words);
}

static bool is_upper_ascii(char c)
{
    return c >= 'A' && c <= 'Z';
}

static bool is_lower_ascii(char c)
{
    return c >= 'a' && c <= 'z';
}

/* "NousToutes" → "Nous Toutes": a hashtag's words split where a small
 * letter meets a capital. */
static void say_camel(narr_norm *n, const narr_token *t)
{
    size_t start = 0;
    for (size_t k = 1; k < t->len; k++) {
        if (is_lower_ascii(t->s[k - 1]) && is_upper_ascii(t->s[k])) {
            narr_say_n(n, t->s + start, k - start);
            start = k;
        }
    }
    narr_say_n(n, t->s + start, t->len - start);
}

static bool camel(const narr_token *t)
{
    for (size_t k = 1; k < t->len; k++)
        if (is_lower_ascii(t->s[k - 1]) && is_upper_ascii(t->s[k]))
            return true;
    return false;
}

static bool in_lexicon(const narr_norm *n, const narr_token *t)
{
    const narr_table *lex[3];
    size_t count = narr_norm_lexicons(n, lex);
    for (size_t k = 0; k < count; k++)
        if (narr_table_find(lex[k], t->s, t->len))
            return true;
    return false;
}

/* "#NousToutes", "@EmmanuelMacron": the sign, then the words of the name
 * apart. A name without inner capitals ("#AFP", "@franceinfo") is left to
 * the rules that follow. */
static size_t tag(narr_norm *n, size_t i, const char *sign)
{
    /* "le hashtag #MeToo": the sign is not said twice. */
    if (i > 0 && narr_is_kind(n, i - 1, NARR_TOK_WORD) &&
        (narr_is(n, i - 1, sign) || (sign[0] == 'h' && narr_is(n, i - 1, "hashtags"))))
        n->force_space = true;
    else
        say_apart(n, i, sign);
    const narr_token *t = narr_at(n, i + 1);
    /* A name the lexicon knows ("#MeToo" → Mi tou) is left to it. */
    if (!camel(t) || in_lexicon(n, t)) {
        n->force_space = true;
        return 1;
    }
    say_camel(n, t);
    return 2;
}

static size_t apply(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (t->kind == NARR_TOK_WORD) {
        /* "3 x 4": the letter x between two numbers, apart from both. */
        if (narr_is(n, i, "x") && i > 0 && narr_is_kind(n, i - 1, NARR_TOK_NUMBER) &&
            t->space_before && narr_is_kind(n, i + 1, NARR_TOK_NUMBER) &&
            narr_at(n, i + 1)->space_before) {
            narr_say(n, "fois");
            return 1;
        }
        return 0;
    }
    if (t->kind == NARR_TOK_NUMBER)
        return 0;
    const narr_token *next = narr_at(n, i + 1);
    bool glued_word = next && !next->space_before && next->kind == NARR_TOK_WORD;
    if (t->cp == '#' && glued_word)
        return tag(n, i, "hashtag");
    if (t->cp == '@' && glued_word &&
        !(i > 0 && !t->space_before && narr_is_kind(n, i - 1, NARR_TOK_WORD)))
        return tag(n, i, "arobase");
    if (t->cp == '#' && next && !next->space_before && next->kind == NARR_TOK_NUMBER) {
        say_apart(n, i, "numéro");
        space_after(n, i + 1);
        return 1;
    }
    /* Ordinary punctuation is the quote rule's: no lookup for it. */
    if (t->cp < 0x80 && strchr(".,;:!?'()\"-[]/", (int)t->cp))
        return 0;
    const narr_table *symbols = narr_norm_table(n, NARR_TABLE_SYMBOLS);
    if (!symbols)
        return 0;
    /* "§§": a doubled sign has a row of its own. */
    const narr_row *r = NULL;
    size_t used = 0;
    if (next && !next->space_before && next->kind != NARR_TOK_WORD &&
        next->kind != NARR_TOK_NUMBER) {
        size_t len = (size_t)(next->s + next->len - t->s);
        if ((r = narr_table_find(symbols, t->s, len)))
            used = 2;
    }
    if (!r && (r = narr_table_find(symbols, t->s, t->len)))
        used = 1;
    if (!r)
        return 0;
    const char *context = r->field[2];
    if (strcmp(context, "drop") == 0) {
        space_after(n, i + used);
        return used;
    }
    if (strcmp(context, "num") == 0) {
        const narr_token *after = narr_at(n, i + used);
        if (!after || after->kind != NARR_TOK_NUMBER)
            return 0;
    }
    say_apart(n, i, r->field[1]);
    space_after(n, i + used);
    return used;
}

const narr_rule narr_rule_symbol = {"symbol", apply};
