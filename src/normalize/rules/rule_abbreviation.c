/* rule_abbreviation: abbreviations from assets/abbreviations.tsv (columns:
 * written form, spoken form, context, "end"), each expanded only in its
 * context: "M. Dupont" → monsieur Dupont, "St-Pierre" → Saint-Pierre,
 * "p. 18" → page dix-huit, "av. J.-C." → avant Jésus-Christ but
 * "av. Foch" → avenue Foch (the longest written form wins), "la lettre M."
 * and "nos 3 enfants" stay as they are. */
#include "normalize/numeral.h"
#include "normalize/rules.h"
#include "base/utf8.h"

#include <string.h>

#define MAX_SPAN 8   /* tokens: "c.-à-d." is 7 */
#define MAX_KEY 48   /* bytes */
#define MAX_SPACES 1 /* "av. J.-C." */

static bool token_in(const narr_token *t, const char *const *words)
{
    for (; t && *words; words++)
        if (t->len == strlen(*words) && memcmp(t->s, *words, t->len) == 0)
            return true;
    return false;
}

/* Particles inside names: "M. de Villepin", "bd de la Villette". */
static const char *const particles[] = {"de", "du", "des", "d", "la", "l", "le",
                                        "van", "von", "di", "da", "del", NULL};
/* Titles after which "le"/"la" starts a function: "M. le maire". */
static const char *const title_keys[] = {"M.", "MM.", "Mme", "Mmes", "Mlle", "Mlles", NULL};
static const char *const articles[] = {"le", "la", "les", "l"};
/* A bare word abbreviation before a number ("nos 5 et 6") needs one of
 * these before it, or it is the plain word ("nos 3 enfants"). */
static const char *const determiners[] = {"les", "des", "aux", "ces"};

static bool is_title(const narr_row *row)
{
    for (const char *const *k = title_keys; *k; k++)
        if (strcmp(row->field[0], *k) == 0)
            return true;
    return false;
}

static bool is_roman(const narr_token *t)
{
    int64_t v;
    return t && t->kind == NARR_TOK_WORD && narr_parse_roman(t->s, t->len, false, &v);
}

static bool name_follows(const narr_norm *n, const narr_row *row, size_t next)
{
    if (narr_is_capitalized(n, next))
        return true;
    /* "St-Pierre" */
    if (narr_is_char(n, next, '-') && narr_glued(n, next + 1) && narr_is_capitalized(n, next + 1))
        return true;
    if (narr_word_in(n, next, articles, sizeof articles / sizeof articles[0]) && is_title(row))
        return narr_is_kind(n, next + 1, NARR_TOK_WORD);
    /* "M. et Mme Martin" */
    if (narr_is(n, next, "et") && is_title(row))
        return narr_is_capitalized(n, next + 1);
    /* Up to two particles, an elided one with its apostrophe. */
    for (int k = 0; k < 2 && token_in(narr_at(n, next), particles); k++) {
        next++;
        if (narr_is_char(n, next, '\''))
            next++;
        if (narr_is_capitalized(n, next))
            return true;
    }
    return false;
}

/* A form that could be a word ("nos"): letters only; the ordinal
 * indicators º and ª of "nº", "Nº" are letters to Unicode, not here. */
static bool only_letters(const char *s, size_t len)
{
    size_t k = 0;
    while (k < len) {
        int32_t c = narr_utf8_next(s, len, &k);
        if (!narr_uc_is_letter(c) || c == 0xBA || c == 0xAA)
            return false;
    }
    return true;
}

/* "(cat. A)", "fig. B,": a capital letter alone as a label, closed by
 * punctuation (the sentence splitter holds the same). */
static bool label_letter(const narr_norm *n, size_t k)
{
    if (!narr_is_capitals(n, k, 1))
        return false;
    return k + 1 == n->ntok || narr_is_char(n, k + 1, ')') || narr_is_char(n, k + 1, ']') ||
           narr_is_char(n, k + 1, ',') || narr_is_char(n, k + 1, ';') ||
           narr_is_char(n, k + 1, '.');
}

/* Does the one context named hold for the abbreviation at i..next? */
static bool one_context_holds(const narr_norm *n, const narr_row *row, const char *context,
                              size_t i, size_t next)
{
    if (strcmp(context, "any") == 0)
        return true;
    if (strcmp(context, "number") == 0) {
        if (!narr_is_kind(n, next, NARR_TOK_NUMBER) && !is_roman(narr_at(n, next)) &&
            !narr_code_part_at(n, next) && !label_letter(n, next))
            return false;
        /* Letters only ("nos"): a word too, unless a determiner precedes. */
        if (only_letters(row->field[0], row->key_len))
            return i > 0 && narr_word_in(n, i - 1, determiners, sizeof determiners / sizeof determiners[0]);
        return true;
    }
    if (strcmp(context, "name") == 0)
        return name_follows(n, row, next);
    /* "30 degrés max", "2 h min", "100 € max": after a number and its
     * noun, spaced; right after the number "min" is the unit (minutes). */
    if (strcmp(context, "quantity") == 0) {
        if (i < 2 || !narr_at(n, i)->space_before)
            return false;
        const narr_token *noun = narr_at(n, i - 1);
        return noun->kind != NARR_TOK_NUMBER && noun->kind != NARR_TOK_PUNCT &&
               narr_is_kind(n, i - 2, NARR_TOK_NUMBER);
    }
    return false;
}

/* The row's context field: one context or several separated by commas
 * ("quantity,number"); empty is "any". */
static bool context_holds(const narr_norm *n, const narr_row *row, size_t i, size_t next)
{
    const char *c = row->field[2];
    if (!c[0])
        return true;
    while (*c) {
        char one[16];
        size_t len = strcspn(c, ",");
        if (len < sizeof one) {
            memcpy(one, c, len);
            one[len] = '\0';
            if (one_context_holds(n, row, one, i, next))
                return true;
        }
        c += len + (c[len] == ',');
    }
    return false;
}

/* Words before "M." that are not a first name (in lower case): "Selon M.
 * Dupont" is monsieur, "Stephanie M. Lee" is an initial. */
static const char *const not_first_names[] = {
    "selon", "pour", "par", "avec", "chez", "contre", "entre", "et", "mais", "or", "car",
    "comme", "sans", "face", "quant", "hier", "ici", "alors", "puis", "enfin", "ainsi",
    "donc", "dont", "lorsque", "quand", "si", "depuis", "après", "avant", "vers", "malgré",
    "sur", "sous", "devant", "auprès", "dans", "en", "de", "du", "des", "le", "la", "les",
    "un", "une", "à", "au", "aux", "où", "que", "qui", "interrogé", "interrogée", "cher",
    "chère", "madame", "monsieur", "maître", "docteur", "professeur"};

/* "Stephanie M. Lee", "Marsha P. Johnson": a single capital with a dot
 * between a capitalized first name and a capitalized name is an initial,
 * read as its letter (without the dot, where eSpeak NG would pause). */
static size_t initial(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    size_t k = 0;
    if (!narr_uc_is_upper(narr_utf8_next(t->s, t->len, &k)) || k != t->len || i == 0 ||
        !t->space_before || !narr_is_char(n, i + 1, '.') || !narr_glued(n, i + 1))
        return 0;
    const narr_token *prev = narr_at(n, i - 1);
    if (!narr_is_capitalized(n, i - 1) || prev->len < 2 ||
        narr_word_in(n, i - 1, not_first_names, sizeof not_first_names / sizeof *not_first_names) ||
        !narr_is_capitalized(n, i + 2) || !narr_at(n, i + 2)->space_before ||
        narr_at(n, i + 2)->len < 2)
        return 0;
    narr_say_n(n, t->s, t->len);
    return 2;
}

/* Appends token t to key (with a space if spaced); false if it is full. */
static bool add_token(char *key, size_t *len, const narr_token *t, bool spaced)
{
    size_t need = t->len + spaced;
    if (*len + need >= MAX_KEY)
        return false;
    if (spaced)
        key[(*len)++] = ' ';
    memcpy(key + *len, t->s, t->len);
    *len += t->len;
    return true;
}

static size_t apply(narr_norm *n, size_t i)
{
    const narr_table *table = narr_norm_table(n, NARR_TABLE_ABBREVIATIONS);
    const narr_token *first = narr_at(n, i);
    if (!table || first->kind != NARR_TOK_WORD)
        return 0;
    /* Inside a word ("J.-M. Le Pen", "Jean-M."), not an abbreviation. */
    if (i > 0 && !first->space_before) {
        const narr_token *prev = narr_at(n, i - 1);
        if (prev->kind != NARR_TOK_PUNCT || prev->cp == '-' || prev->cp == '.')
            return 0;
    }
    size_t initial_span = initial(n, i);
    if (initial_span)
        return initial_span;
    char key[MAX_KEY], low[MAX_KEY];
    size_t len = 0, low_len = 0;
    bool alive = true, low_alive = true; /* some key starts with key / low */
    int spaces = 0;
    const narr_row *best = NULL, *row;
    size_t best_span = 0;
    for (size_t span = 1; span <= MAX_SPAN && i + span <= n->ntok; span++) {
        const narr_token *t = narr_at(n, i + span - 1);
        bool spaced = span > 1 && t->space_before;
        if ((spaced && ++spaces > MAX_SPACES) || !add_token(key, &len, t, spaced))
            break;
        if (alive) {
            row = narr_table_seek(table, key, len, &alive);
            if (row && context_holds(n, row, i, i + span))
                best = row, best_span = span;
        }
        /* "Cf." at the start of a sentence is "cf.". */
        if (low_alive && (low_alive = (low_len = narr_utf8_lower_first(key, len, low, MAX_KEY - 1)) > 0)) {
            row = narr_table_seek(table, low, low_len, &low_alive);
            if (row && best_span < span && context_holds(n, row, i, i + span))
                best = row, best_span = span;
        }
        if (!alive && !low_alive)
            break;
    }
    if (!best)
        return 0;
    /* Letters glued after a form without a dot ("Mmes" is not "Mme" + s). */
    const narr_token *after = narr_at(n, i + best_span);
    if (after && !after->space_before && after->kind == NARR_TOK_WORD &&
        best->field[0][best->key_len - 1] != '.')
        return 0;
    narr_say(n, best->field[1]);
    /* "n°12", "M.Dupont": a word glued after the span still gets a space. */
    if (after && (after->kind == NARR_TOK_WORD || after->kind == NARR_TOK_NUMBER))
        n->force_space = true;
    /* "… des fromages, etc." keeps its full stop. */
    if (!after && best->field[0][best->key_len - 1] == '.') {
        narr_say_glue(n);
        narr_say(n, ".");
    }
    return best_span;
}

const narr_rule narr_rule_abbreviation = {"abbreviation", apply};
