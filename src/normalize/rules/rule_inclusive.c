/* rule_inclusive: inclusive writing (écriture inclusive) read as both
 * forms, as newsreaders do: "les électeur·rices" → "les électrices et les
 * électeurs", "député·e·s" → "députées et députés", "tous·tes" → "toutes
 * et tous", "étudiant(e)s", "invité.e.s" likewise. The feminine comes
 * first ("toutes et tous", "celles et ceux"); a voice may ask for the
 * masculine first (narr_normalizer_set_inclusive_order). A determiner
 * before the word is said with each form; a word right after an inclusive
 * one (an adjective: "les député·es élu·es") takes the masculine plural
 * alone, as for a mixed group. Also letters in parentheses at the start
 * of a word: "la (sur)représentation" → "la surreprésentation". */
#include "normalize/rules.h"
#include "base/utf8.h"

#include <string.h>

#define MAX_WORD 96

/* A feminine ending and the masculine ending it takes the place of (""
 * adds it): "électeur" + "rice" → "électrice". Longest first. */
static const struct {
    const char *fem, *masc;
} endings[] = {
    {"eresse", "eur"}, {"trice", "teur"}, {"euse", "eur"}, {"rice", "eur"}, {"ière", "ier"},
    {"esse", "e"},     {"ère", "er"},     {"ive", "if"},   {"elle", "eau"}, {"sse", ""},
    {"ve", "f"},       {"se", "x"},       {"te", "s"},     {"le", ""},      {"ne", ""},
    {"e", ""},
};

static const char *const determiners[] = {"les", "des", "aux", "ces", "nos", "vos",
                                          "leurs", "ses", "mes", "tes", "plusieurs"};

static bool is_separator(const narr_norm *n, size_t i)
{
    return narr_is_char(n, i, 0xB7) || narr_is_char(n, i, 0x2022) || narr_is_char(n, i, 0x2027) ||
           narr_is_char(n, i, 0x22C5) || narr_is_char(n, i, '.');
}

static bool is_word(const narr_norm *n, size_t i, const char *w)
{
    const narr_token *t = narr_at(n, i);
    return t && t->kind == NARR_TOK_WORD && t->len == strlen(w) && memcmp(t->s, w, t->len) == 0;
}

/* The feminine ending s[0..len) names, or -1. */
static int ending(const char *s, size_t len)
{
    for (size_t k = 0; k < sizeof endings / sizeof *endings; k++)
        if (strlen(endings[k].fem) == len && memcmp(endings[k].fem, s, len) == 0)
            return (int)k;
    return -1;
}

typedef struct {
    size_t used;   /* tokens from the stem on */
    int end;       /* the ending's row */
    bool plural;
} inclusive_word;

/* An inclusive word from token i: stem·ending[·s], stem·endings,
 * stem(ending)[s]; all glued, the ending in lower case. */
static bool read_word(const narr_norm *n, size_t i, inclusive_word *w)
{
    /* A stem of three letters at least: "i.e." is not "i" + "e". */
    if (!narr_is_kind(n, i, NARR_TOK_WORD) || narr_at(n, i)->len < 3 || !narr_glued(n, i + 1) ||
        !narr_glued(n, i + 2) || !narr_is_kind(n, i + 2, NARR_TOK_WORD))
        return false;
    bool paren = narr_is_char(n, i + 1, '(');
    if (!paren && !is_separator(n, i + 1))
        return false;
    const narr_token *e = narr_at(n, i + 2);
    w->end = ending(e->s, e->len);
    w->plural = false;
    w->used = 3;
    if (w->end < 0 && e->len > 1 && e->s[e->len - 1] == 's') {
        w->end = ending(e->s, e->len - 1);
        w->plural = true;
    }
    if (w->end < 0)
        return false;
    if (paren) {
        if (!narr_is_char(n, i + 3, ')') || !narr_glued(n, i + 3))
            return false;
        w->used = 4;
        if (!w->plural && narr_glued(n, i + 4) && (is_word(n, i + 4, "s") || is_word(n, i + 4, "x")))
            w->plural = true, w->used = 5;
    } else if (!w->plural && narr_glued(n, i + 3) && is_separator(n, i + 3) &&
               narr_glued(n, i + 4) && is_word(n, i + 4, "s")) {
        w->plural = true;
        w->used = 5;
    }
    /* Nothing else glued after: "a·b·c·d" is not a word. */
    const narr_token *after = narr_at(n, i + w->used);
    return !after || after->space_before || after->kind == NARR_TOK_PUNCT;
}

static bool ends_with(const char *s, size_t len, const char *end)
{
    size_t m = strlen(end);
    return len >= m && memcmp(s + len - m, end, m) == 0;
}

/* The masculine (stem, plural with s unless it ends in s, x or z) and
 * feminine forms into masc and fem; lower is the stem's first letter in
 * lower case (a sentence's first word gets its capital back when said). */
static bool forms(const narr_token *stem, const inclusive_word *w, bool lower, char *masc,
                  char *fem)
{
    const char *fe = endings[w->end].fem, *me = endings[w->end].masc;
    size_t len = 0, k = 0;
    if (stem->len + strlen(fe) + 8 >= MAX_WORD)
        return false;
    if (lower)
        len = narr_utf8_encode(narr_uc_to_lower(narr_utf8_next(stem->s, stem->len, &k)), masc);
    memcpy(masc + len, stem->s + k, stem->len - k);
    len += stem->len - k;
    masc[len] = '\0';
    size_t keep = *me && ends_with(masc, len, me) ? len - strlen(me) : len;
    memcpy(fem, masc, keep);
    strcpy(fem + keep, fe);
    if (w->plural) {
        if (!ends_with(masc, len, "s") && !ends_with(masc, len, "x") && !ends_with(masc, len, "z"))
            strcat(masc, "s");
        strcat(fem, "s");
    }
    return true;
}

/* An inclusive word ends just before token i: "les député·es" before "élu·es". */
static bool after_inclusive(const narr_norm *n, size_t i)
{
    for (size_t back = 3; back <= 5 && back <= i; back++) {
        inclusive_word w;
        if (!narr_at(n, i - back + 1)->space_before && read_word(n, i - back, &w) && w.used == back)
            return true;
    }
    return false;
}

/* "(sur)représentation": the letters in parentheses join the word. */
static size_t prefix_in_parentheses(narr_norm *n, size_t i)
{
    if (!narr_is_char(n, i, '(') || (i > 0 && !narr_at(n, i)->space_before) ||
        !narr_is_kind(n, i + 1, NARR_TOK_WORD) || !narr_glued(n, i + 1) ||
        !narr_is_char(n, i + 2, ')') || !narr_glued(n, i + 2) ||
        !narr_is_kind(n, i + 3, NARR_TOK_WORD) || !narr_glued(n, i + 3))
        return 0;
    narr_say_token(n, i + 1);
    narr_say_glue(n);
    narr_say_token(n, i + 3);
    return 4;
}

static size_t apply(narr_norm *n, size_t i)
{
    size_t used = prefix_in_parentheses(n, i);
    if (used)
        return used;
    size_t word = i;
    /* The cheap tests first: this runs at every word. */
    bool det = narr_is_kind(n, i + 1, NARR_TOK_WORD) && narr_at(n, i + 1)->space_before &&
               narr_glued(n, i + 2) &&
               narr_word_in(n, i, determiners, sizeof determiners / sizeof *determiners);
    if (det)
        word = i + 1;
    inclusive_word w;
    char masc[MAX_WORD], fem[MAX_WORD];
    if (!read_word(n, word, &w) || !forms(narr_at(n, word), &w, word == 0, masc, fem))
        return 0;
    if (!det && after_inclusive(n, i)) {
        /* An adjective of a mixed group: the masculine plural. */
        narr_say(n, masc);
        return w.used;
    }
    char article[16] = "";
    if (det) {
        const narr_token *d = narr_at(n, i);
        size_t k = 0, o = 0;
        while (k < d->len && o + 4 < sizeof article)
            o += narr_utf8_encode(narr_uc_to_lower(narr_utf8_next(d->s, d->len, &k)), article + o);
        article[o] = '\0';
    }
    const char *first = n->masculine_first ? masc : fem;
    const char *second = n->masculine_first ? fem : masc;
    if (det)
        narr_say(n, article);
    narr_say(n, first);
    narr_say(n, "et");
    if (det)
        narr_say(n, article);
    narr_say(n, second);
    return word - i + w.used;
}

const narr_rule narr_rule_inclusive = {"inclusive", apply};
