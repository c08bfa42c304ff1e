/* rule_code: numbers that are codes, read as newsreaders do rather than as
 * quantities. A postal code before its town, "75002 Paris" → soixante-quinze
 * zéro zéro deux, "33000 Bordeaux" → trente-trois mille, "06400 Cannes" →
 * zéro six quatre cents; a train or flight number of four digits or more,
 * "TGV 6611" → soixante-six onze, "vol AF 1954" → dix-neuf cinquante-quatre
 * (three digits stay a number: "vol AF 447"). */
#include "normalize/numeral.h"
#include "normalize/rules.h"

/* Words before a train or flight number. */
static const char *const transport_words[] = {
    "vol", "vols", "train", "trains", "tgv", "ter", "ouigo", "intercités", "thalys",
    "eurostar", "lyria", "inoui", "frecciarossa", "ice",
};

static bool transport_word(const narr_norm *n, size_t k)
{
    return narr_word_in(n, k, transport_words, sizeof transport_words / sizeof transport_words[0]);
}

/* A postal code: five digits alone, a town after it ("Paris", "Cedex"),
 * a department 01-98, and either a leading zero, a hundreds digit 0 ("75002", "13008")
 * or a place where no quantity stands (the start, after a comma). */
static bool postal_code(const narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i), *town = narr_at(n, i + 1);
    if (t->len != 5 || !town || !town->space_before || !narr_is_capitalized(n, i + 1) ||
        (t->s[0] == '0' && t->s[1] == '0') || (t->s[0] == '9' && t->s[1] == '9'))
        return false;
    if (!narr_clean_start(n, i, ".,/-+") || (i > 0 && !narr_at(n, i)->space_before))
        return false;
    if (t->s[0] == '0' || t->s[2] == '0')
        return true;
    return i == 0 || narr_is_char(n, i - 1, ',');
}

static size_t apply(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (t->kind != NARR_TOK_NUMBER)
        return 0;
    if (postal_code(n, i)) {
        narr_say_decimals(n, t->s, 2);
        if (t->s[2] == '0' && t->s[3] == '0' && t->s[4] == '0')
            narr_say(n, "mille");
        else
            narr_say_decimals(n, t->s + 2, 3);
        return 1;
    }
    /* "TGV 6611", "vol AF 1954", "le vol AF1954". */
    if (t->len < 4 || t->len > 6 || !narr_clean_end(n, i + 1, NULL, ".,/-"))
        return 0;
    size_t w = i;
    bool code_glued = false;
    if (narr_glued(n, i)) {
        /* "AF1954": the airline's letters touch the number. */
        if (!narr_is_kind(n, i - 1, NARR_TOK_WORD) || narr_at(n, i - 1)->len != 2)
            return 0;
        code_glued = true;
        w = i - 1;
    } else if (!narr_clean_start(n, i, ".,/-+")) {
        return 0;
    } else if (i > 0 && narr_is_kind(n, i - 1, NARR_TOK_WORD) && narr_at(n, i - 1)->len == 2 &&
               !transport_word(n, i - 1)) {
        w = i - 1; /* "vol AF 1954" */
    }
    if (w == 0 || !transport_word(n, w - 1))
        return 0;
    if (code_glued)
        n->span_space = true;
    narr_say_decimals(n, t->s, t->len);
    return 1;
}

const narr_rule narr_rule_code = {"code", apply};
