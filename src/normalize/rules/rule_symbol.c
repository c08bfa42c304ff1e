/* rule_symbol: symbols said as words (assets/symbols.tsv). "Durand &
 * Associés" → Durand et Associés, "Canal+" → Canal plus, "1 = 1" → un
 * égale un, "§ 4" → paragraphe quatre, "± 3" → plus ou moins trois,
 * "~2 000" → environ deux mille; "#NousToutes" → Nous toutes (the sign
 * of a hashtag is not read), "J-10" → J moins dix, "10⁸" or "10^8" → dix
 * puissance huit, "des rafales > 100" → supérieures à,
 * "#1" → numéro un, "@EmmanuelMacron" → arobase Emmanuel Macron,
 * "3 x 4" → trois fois quatre. */
#include "normalize/numeral.h"
#include "normalize/rules.h"
#include "base/utf8.h"

#include <stdio.h>
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

/* Where a small letter meets a capital in t, from byte `from`: the byte
 * offset of that capital, or t->len. */
static size_t next_camel(const narr_token *t, size_t from)
{
    size_t k = from;
    int32_t prev = -1;
    while (k < t->len) {
        size_t at = k;
        int32_t cp = narr_utf8_next(t->s, t->len, &k);
        if (prev >= 0 && narr_uc_is_lower(prev) && narr_uc_is_upper(cp))
            return at;
        prev = cp;
    }
    return t->len;
}

/* "SauvonsLaForêt" → "Sauvons la forêt": a hashtag's words split where a
 * small letter meets a capital; the words after the first are words of
 * the sentence, in small letters (a capital run such as "JO" stays);
 * a name after "@" keeps its capitals (lower false). */
static void say_camel(narr_norm *n, const narr_token *t, bool lower)
{
    size_t start = 0;
    while (start < t->len) {
        size_t end = next_camel(t, start);
        if (start == 0) {
            narr_say_n(n, t->s, end);
        } else {
            char low[64];
            size_t k = start;
            narr_utf8_next(t->s, end, &k);
            bool word = lower && k < end && narr_uc_is_lower(narr_utf8_next(t->s, end, &k));
            size_t len = word ? narr_utf8_lower_first(t->s + start, end - start, low, sizeof low)
                              : 0;
            if (len)
                narr_say_n(n, low, len);
            else
                narr_say_n(n, t->s + start, end - start);
        }
        start = end;
    }
}

static bool camel(const narr_token *t)
{
    return next_camel(t, 0) < t->len;
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
    say_camel(n, t, false);
    return 2;
}

/* The value of a superscript digit ("⁸" → 8), or -1. */
static int superscript_digit(int32_t cp)
{
    if (cp == 0x2070)
        return 0;
    if (cp == 0xB9)
        return 1;
    if (cp == 0xB2 || cp == 0xB3)
        return (int)(cp - 0xB0);
    if (cp >= 0x2074 && cp <= 0x2079)
        return (int)(cp - 0x2070);
    return -1;
}

/* Superscript digits from token i ("²³", "⁻³"): their value and how many
 * tokens; 0 if none. */
static size_t superscript_at(const narr_norm *n, size_t i, int64_t *v, bool *minus)
{
    size_t j = i;
    *v = 0;
    *minus = narr_is_char(n, j, 0x207B);
    if (*minus)
        j++;
    size_t start = j;
    while (j < n->ntok && j - start < 6 && (j == i || narr_glued(n, j)) &&
           n->tok[j].kind != NARR_TOK_WORD && n->tok[j].kind != NARR_TOK_NUMBER &&
           superscript_digit(n->tok[j].cp) >= 0) {
        *v = *v * 10 + superscript_digit(n->tok[j].cp);
        j++;
    }
    return j > start ? j - i : 0;
}

/* "10⁸", "10^8", "10⁻³": a power after a number; a superscript number
 * glued to a word ("texte²", a note) is not read. Units ("m²") are
 * rule_unit's, taken before. */
static size_t power(narr_norm *n, size_t i)
{
    if (!narr_glued(n, i))
        return 0;
    const narr_token *prev = narr_at(n, i - 1);
    int64_t v;
    bool minus;
    size_t used = superscript_at(n, i, &v, &minus);
    if (used && prev->kind == NARR_TOK_NUMBER) {
        n->span_space = true;
        narr_say(n, "puissance");
        if (minus)
            narr_say(n, "moins");
        narr_say_cardinal(n, v, NARR_MASCULINE);
        return used;
    }
    if (used && prev->kind == NARR_TOK_WORD) {
        space_after(n, i + used);
        return used;
    }
    if (prev->kind == NARR_TOK_NUMBER && narr_is_char(n, i, '^') &&
        narr_glued(n, i + 1) && narr_read_numeral(n, i + 1, &(narr_numeral){0})) {
        n->span_space = true;
        narr_say(n, "puissance");
        n->force_space = true;
        return 1;
    }
    return 0;
}

/* "des rafales > 100 km/h" → supérieures à: the comparison agrees with
 * the noun before it. */
static void say_agreed(narr_norm *n, size_t i, const char *words)
{
    const narr_token *noun = i > 0 ? narr_at(n, i - 1) : NULL;
    if (!noun || noun->kind != NARR_TOK_WORD || noun->len < 3) {
        say_apart(n, i, words);
        return;
    }
    bool fem = narr_gender_of(n, i - 1) == NARR_FEMININE;
    /* The determiner says the number ("un taux", "des rafales"), else
     * the ending does. */
    static const char *const plural_det[] = {"des", "les", "ces", "mes", "tes", "ses",
                                             "nos", "vos", "leurs", "aux", "plusieurs"};
    static const char *const singular_det[] = {"un", "une", "le", "la", "ce", "cet",
                                               "cette", "son", "sa", "mon", "ma", "leur"};
    char last = noun->s[noun->len - 1];
    bool plural = i > 1 && narr_word_in(n, i - 2, plural_det, sizeof plural_det / sizeof plural_det[0]);
    if (!plural && !(i > 1 && narr_word_in(n, i - 2, singular_det,
                                           sizeof singular_det / sizeof singular_det[0])))
        plural = last == 's' || last == 'x';
    size_t root = strlen("supérieur");
    char buf[64];
    snprintf(buf, sizeof buf, "%.*s%s%s%s", (int)root, words, fem ? "e" : "",
             plural ? "s" : "", words + root);
    say_apart(n, i, buf);
}

static bool only_emoji(const narr_token *t)
{
    size_t k = 0;
    while (k < t->len)
        if (!narr_uc_is_emoji_part(narr_utf8_next(t->s, t->len, &k)))
            return false;
    return t->len > 0;
}

static size_t apply(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    /* "🚨 ALERTE", "Bravo 👏👏", "🇫🇷": emoji are seen, not read (eSpeak NG
     * would name each one: "gyrophare"); their variation selector is a
     * mark, which makes a word token of its own. */
    if (t->kind != NARR_TOK_NUMBER && only_emoji(t)) {
        space_after(n, i + 1);
        return 1;
    }
    if (t->kind == NARR_TOK_WORD) {
        /* "J-10", "H-2": a countdown, the dash said "moins". */
        if ((narr_is(n, i, "J") || narr_is(n, i, "H") || narr_is(n, i, "D")) &&
            narr_clean_start(n, i, NULL) &&
            (narr_is_char(n, i + 1, '-') || narr_is_char(n, i + 1, 0x2212)) &&
            narr_glued(n, i + 1) && narr_is_kind(n, i + 2, NARR_TOK_NUMBER) &&
            narr_glued(n, i + 2)) {
            narr_say_token(n, i);
            narr_say(n, "moins");
            n->force_space = true;
            return 2;
        }
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
    size_t used = power(n, i);
    if (used)
        return used;
    const narr_token *next = narr_at(n, i + 1);
    bool glued_word = next && !next->space_before && next->kind == NARR_TOK_WORD;
    /* "#SauvonsLaForêt": the sign of a hashtag is not read. */
    if (t->cp == '#' && glued_word) {
        if (!camel(next) || in_lexicon(n, next)) {
            n->force_space = t->space_before;
            return 1;
        }
        if (t->space_before)
            n->span_space = true;
        say_camel(n, next, true);
        return 2;
    }
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
    if (strncmp(r->field[1], "supérieur", 10) == 0 || strncmp(r->field[1], "inférieur", 10) == 0)
        say_agreed(n, i, r->field[1]);
    else
        say_apart(n, i, r->field[1]);
    space_after(n, i + used);
    return used;
}

const narr_rule narr_rule_symbol = {"symbol", apply};
