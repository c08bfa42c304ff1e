/* rule_acronym: words in capitals. Known ones come from assets/acronyms.tsv
 * ("SNCF" → S N C F, "OTAN" → Otan, "INSEE" → Insé); an unknown one is read
 * as a word when it can be pronounced ("UNEF" → Unef) and spelled when not
 * ("CFDT" → C F D T). "L'IA", "L'A320" become "l'I A", "l'A320" (eSpeak
 * says "L apostrophe I" for "L'I"). In a headline written in
 * capitals ("LA FRANCE GAGNE") the words are words, not acronyms. */
#include "normalize/numeral.h"
#include "normalize/rules.h"
#include "base/utf8.h"

#include <string.h>

#define MAX_LETTERS 24 /* longer runs of capitals are left alone */
#define WINDOW 12      /* words looked at on each side for a headline */

/* Letters of an all-capitals word (at least two letters), else 0. */
static size_t caps_letters(const narr_token *t)
{
    if (!t || t->kind != NARR_TOK_WORD)
        return 0;
    size_t k = 0, letters = 0;
    while (k < t->len) {
        int32_t cp = narr_utf8_next(t->s, t->len, &k);
        if (!narr_uc_is_upper(cp))
            return 0;
        letters++;
    }
    return letters >= 2 ? letters : 0;
}

/* Is cp one of the ASCII letters of set? */
static bool in_set(const char *set, int32_t cp)
{
    return cp > 0 && cp < 0x80 && strchr(set, (int)cp) != NULL;
}

static bool is_vowel(int32_t cp)
{
    /* Accented capitals (É, È, À, Ô...) are all vowels. */
    return cp > 0x7F || in_set("AEIOUY", cp);
}

/* Consonant pairs that can open a French syllable: "CRous", "SMic". */
static bool onset(int32_t a, int32_t b)
{
    static const char *const pairs[] = {"BL", "BR", "CH", "CL", "CR", "DR", "FL", "FR",
                                        "GL", "GR", "PH", "PL", "PR", "TH", "TR", "VR",
                                        "SC", "SP", "ST", "SM", "SK", NULL};
    for (const char *const *p = pairs; *p; p++)
        if ((*p)[0] == a && (*p)[1] == b)
            return true;
    return false;
}

/* Consonant pairs that can close one: "InseRM", "FoRT". */
static bool coda(int32_t a, int32_t b)
{
    return (in_set("RLNS", a) && in_set("BCDFGKLMNPSTVXZ", b)) || (b == 'S' && in_set("CKPT", a)) ||
           (a == 'C' && b == 'T');
}

/* Is a consonant cluster c[0..len) possible where it stands? */
static bool cluster_ok(const int32_t *c, size_t len, bool initial, bool final)
{
    if (len <= 1)
        return true;
    if (initial)
        return len == 2 ? onset(c[0], c[1])
                        : len == 3 && c[0] == 'S' && onset(c[1], c[2]); /* STR */
    if (final)
        return len == 2 && coda(c[0], c[1]);
    /* Inside: "aRCom", "uNeSCo", "coNTRe": what ends it must open a syllable. */
    if (len == 2)
        return in_set("RLNMS", c[0]) || onset(c[0], c[1]);
    return len == 3 && onset(c[1], c[2]);
}

/* Can letters[0..n) be read as a word? strict: as an acronym, outside a
 * headline (three letters only as consonant-vowel-consonant: ZAD, CAF). */
static bool pronounceable(const int32_t *l, size_t n, bool strict)
{
    size_t vowels = 0;
    for (size_t k = 0; k < n; k++)
        vowels += is_vowel(l[k]);
    if (vowels == 0 || n < 2 || (strict && n < 3))
        return false;
    if (strict && n == 3)
        return !is_vowel(l[0]) && is_vowel(l[1]) && !is_vowel(l[2]) && l[1] != 'E' &&
               l[1] != 'Y';
    int32_t c[8];
    size_t len = 0;
    bool initial = true;
    for (size_t k = 0; k <= n; k++) {
        if (k < n && !is_vowel(l[k])) {
            /* A doubled consonant counts once: URSSAF. */
            if (len && c[len - 1] == l[k])
                continue;
            if (len == 8)
                return false;
            c[len++] = l[k];
            continue;
        }
        if (!cluster_ok(c, len, initial, k == n))
            return false;
        len = 0;
        initial = false;
    }
    return true;
}

/* A headline in capitals: most words around token i are in capitals. */
static bool in_headline(const narr_norm *n, size_t i)
{
    size_t caps = 0, other = 0;
    size_t lo = i, seen = 0;
    while (lo > 0 && seen < WINDOW) {
        lo--;
        if (narr_is_kind(n, lo, NARR_TOK_WORD))
            seen++;
    }
    seen = 0;
    for (size_t k = lo; k < n->ntok && seen < 2 * WINDOW + 1; k++) {
        const narr_token *t = narr_at(n, k);
        if (t->kind != NARR_TOK_WORD)
            continue;
        seen++;
        if (caps_letters(t))
            caps++;
        else if (t->len > 1)
            other++;
    }
    return caps >= 3 && other * 4 <= caps;
}

/* A valid roman numeral ("XIV", "MIX", "DC"): the roman rule's business,
 * left as written when that rule did not take it. */
static bool roman(const narr_token *t)
{
    int64_t v;
    return narr_parse_roman(t->s, t->len, false, &v);
}

/* Says the letters one by one: "S N C F". */
static void say_spelled(narr_norm *n, const int32_t *l, size_t count)
{
    char buf[MAX_LETTERS * 5];
    size_t o = 0;
    for (size_t k = 0; k < count; k++) {
        if (k)
            buf[o++] = ' ';
        o += narr_utf8_encode(l[k], buf + o);
    }
    narr_say_n(n, buf, o);
}

/* Says the word with only its first letter in capitals ("Otan"), or none
 * (a word of a headline: "remporte"). */
static void say_word(narr_norm *n, const int32_t *l, size_t count, bool lower)
{
    char buf[MAX_LETTERS * 4];
    size_t o = 0;
    for (size_t k = 0; k < count; k++)
        o += narr_utf8_encode(k || lower ? narr_uc_to_lower(l[k]) : l[k], buf + o);
    narr_say_n(n, buf, o);
}

static bool unknown_pronounceable(const narr_norm *n, size_t i)
{
    int32_t l[MAX_LETTERS];
    const narr_token *t = narr_at(n, i);
    size_t count = caps_letters(t);
    if (count == 0 || count > MAX_LETTERS)
        return false;
    const narr_table *table = narr_norm_table(n, NARR_TABLE_ACRONYMS);
    if (table && narr_table_find(table, t->s, t->len))
        return false;
    size_t k = 0;
    for (size_t c = 0; c < count; c++)
        l[c] = narr_utf8_next(t->s, t->len, &k);
    return pronounceable(l, count, false);
}

/* Is token j (a neighbour of a word in capitals, with the one at `after`
 * right after the space or hyphen between them) an unknown word in
 * capitals that can be pronounced? */
static bool word_in_caps(const narr_norm *n, size_t j, size_t after)
{
    if (j >= n->ntok || after >= n->ntok)
        return false;
    const narr_token *next = narr_at(n, after);
    return next->space_before && unknown_pronounceable(n, j);
}

/* How the all-capitals token i is read: "spell", "word", "lower" (a word
 * of a headline), a spoken form, or NULL to leave it as written. Its
 * letters go to l[0..*count). */
static const char *reading(const narr_norm *n, size_t i, int32_t *l, size_t *count)
{
    const narr_token *t = narr_at(n, i);
    *count = caps_letters(t);
    if (*count == 0 || *count > MAX_LETTERS)
        return NULL;
    size_t k = 0;
    for (size_t c = 0; c < *count; c++)
        l[c] = narr_utf8_next(t->s, t->len, &k);
    const narr_table *table = narr_norm_table(n, NARR_TABLE_ACRONYMS);
    const narr_row *row = table ? narr_table_find(table, t->s, t->len) : NULL;
    if (row)
        return row->field[1][0] ? row->field[1] : "spell";
    if (roman(t))
        return NULL;
    if (in_headline(n, i))
        return pronounceable(l, *count, false) ? "lower" : "spell";
    if (pronounceable(l, *count, true))
        return "word";
    /* A name in capitals: "Marine LE PEN", "Charles DE GAULLE". */
    if (pronounceable(l, *count, false) &&
        (word_in_caps(n, i - 1, i) || word_in_caps(n, i + 1, i + 1)))
        return "word";
    return "spell";
}

static void say_reading(narr_norm *n, const char *how, const int32_t *l, size_t count)
{
    if (strcmp(how, "spell") == 0)
        say_spelled(n, l, count);
    else if (strcmp(how, "word") == 0 || strcmp(how, "lower") == 0)
        say_word(n, l, count, how[0] == 'l');
    else
        narr_say(n, how);
}

/* The name of a capital consonant said with a vowel first, as eSpeak
 * reads it after "l'"; NULL for the others. */
static const char *letter_name(int32_t cp)
{
    switch (cp) {
    case 'F': return "èf";
    case 'H': return "ache";
    case 'L': return "èle";
    case 'M': return "èm";
    case 'N': return "ène";
    case 'R': return "ère";
    case 'S': return "èsse";
    case 'X': return "ixe";
    default: return NULL;
    }
}

static size_t apply(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (t->kind != NARR_TOK_WORD)
        return 0;
    int32_t l[MAX_LETTERS];
    size_t count;
    /* "L'IA", "L'A320", "« L'X »": eSpeak reads a capital "L'" before a
     * capital letter as "L apostrophe", in any position. It becomes a
     * small "l'" (written as is at the start of a sentence, where narr_say
     * would capitalize it); the word after it is read by the rules. */
    if ((narr_is(n, i, "L") || narr_is(n, i, "l")) && narr_is_char(n, i + 1, '\'') &&
        narr_glued(n, i + 1) &&
        narr_glued(n, i + 2) && narr_is_kind(n, i + 2, NARR_TOK_WORD) &&
        narr_clean_start(n, i, NULL)) {
        const narr_token *w = narr_at(n, i + 2);
        const char *how = reading(n, i + 2, l, &count);
        size_t k = 0;
        int32_t first = narr_utf8_next(w->s, w->len, &k);
        bool letter = narr_uc_is_upper(first) &&
                      (k == w->len || (how && strcmp(how, "spell") == 0));
        if (letter && (narr_is(n, i, "L") || letter_name(first))) {
            if (n->out->len == 0) {
                if (narr_buf_append(n->out, "l'", 2) != NARR_OK)
                    n->status = NARR_E_NOMEM;
                n->span_started = true;
            } else {
                narr_say(n, "l'");
            }
            narr_say_glue(n);
            /* "l'F M I", "l'X" are English to eSpeak: a consonant whose
             * name starts with a vowel is said by its name ("l'èf M I"). */
            const char *name = letter_name(first);
            if (!name)
                return 2;
            narr_say(n, name);
            if (how && strcmp(how, "spell") == 0 && count > 1)
                say_spelled(n, l + 1, count - 1);
            else if (k < w->len)
                return 2;
            /* "l'H2": the number after the letter is a word of its own. */
            n->force_space = narr_glued(n, i + 3) && (narr_is_kind(n, i + 3, NARR_TOK_NUMBER) ||
                                                      narr_is_kind(n, i + 3, NARR_TOK_WORD));
            return 3;
        }
    }
    const char *how = reading(n, i, l, &count);
    if (!how)
        return 0;
    say_reading(n, how, l, count);
    return 1;
}

const narr_rule narr_rule_acronym = {"acronym", apply};
