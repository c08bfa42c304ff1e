/* rule_url_email: web addresses and e-mails read as a person reads them.
 * "www.lemonde.fr" → W W W point lemonde point F R, "https://meteo.fr/alertes"
 * → météo point F R slash alertes (the scheme is not read),
 * "contact@mairie-lille.fr" → contact arobase mairie tiret lille point F R,
 * "laposte.fr" → la poste point F R (glued French words apart, with their
 * accents: a word list derived from Debian's wfrench).
 * Without a scheme, "www" or "@", the last part must be a known top-level
 * domain (assets/domains.tsv), so "fin.Puis" or "etc." stay text. */
#include "normalize/numeral.h"
#include "normalize/rules.h"
#include "normalize/wordlist.h"

#include <string.h>

/* Longest address looked at, in tokens. */
#define MAX_TOKENS 256

static bool is_part(const narr_token *t)
{
    return t && (t->kind == NARR_TOK_WORD || t->kind == NARR_TOK_NUMBER);
}

/* A label: words and numbers, joined by touching '-' or '_' ("mairie-lille",
 * "tf1"). Returns the token after it, or j if there is none. */
static size_t read_label(const narr_norm *n, size_t j, bool first)
{
    if (!is_part(narr_at(n, j)) || (!first && !narr_glued(n, j)))
        return j;
    size_t k = j + 1;
    for (;;) {
        if (is_part(narr_at(n, k)) && narr_glued(n, k)) {
            k++;
        } else if ((narr_is_char(n, k, '-') || narr_is_char(n, k, '_')) && narr_glued(n, k) &&
                   is_part(narr_at(n, k + 1)) && narr_glued(n, k + 1)) {
            k += 2;
        } else {
            return k;
        }
    }
}

/* Labels apart by touching dots: "www.lemonde.fr". Fills the index of the
 * last label's first token; returns the token after the name. */
static size_t read_name(const narr_norm *n, size_t j, bool first, size_t *labels,
                        size_t *last)
{
    size_t k = read_label(n, j, first);
    if (k == j)
        return j;
    *labels = 1;
    *last = j;
    while (narr_is_char(n, k, '.') && narr_glued(n, k) && k - j < MAX_TOKENS) {
        size_t end = read_label(n, k + 1, false);
        if (end == k + 1)
            break;
        *last = k + 1;
        (*labels)++;
        k = end;
    }
    return k;
}

static const narr_row *domain_row(const narr_norm *n, const narr_token *t)
{
    const narr_table *d = narr_norm_table(n, NARR_TABLE_DOMAINS);
    if (!d || t->kind != NARR_TOK_WORD)
        return NULL;
    const narr_row *r = narr_table_find(d, t->s, t->len);
    if (!r) {
        /* "Lemonde.FR": look the lower-case form up too. */
        char low[64];
        if (t->len >= sizeof low)
            return NULL;
        for (size_t k = 0; k < t->len; k++) {
            char c = t->s[k];
            low[k] = c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
        }
        r = narr_table_find(d, low, t->len);
    }
    return r;
}

static bool is_tld(const narr_norm *n, size_t j)
{
    const narr_token *t = narr_at(n, j);
    const narr_row *r = domain_row(n, t);
    /* The whole last label must be the domain: "fr", not "fr-x". */
    return r && strchr(r->field[2], 't') && !(narr_glued(n, j + 1) &&
                                              (narr_is_char(n, j + 1, '-') ||
                                               narr_is_char(n, j + 1, '_')));
}

static bool has_vowel(const narr_token *t)
{
    for (size_t k = 0; k < t->len; k++) {
        unsigned char c = (unsigned char)t->s[k];
        if (c >= 0x80 || strchr("aeiouyAEIOUY", c))
            return true;
    }
    return false;
}

/* The pronunciation lexicon's entry for a name in an address, written as
 * is or capitalized ("google" → the entry for "Google"). */
static const narr_row *lexicon_row(const narr_norm *n, const narr_token *t)
{
    char cap[64];
    if (t->len >= sizeof cap)
        return NULL;
    memcpy(cap, t->s, t->len);
    if (cap[0] >= 'a' && cap[0] <= 'z')
        cap[0] = (char)(cap[0] - 'a' + 'A');
    const narr_table *lex[3];
    size_t count = narr_norm_lexicons(n, lex);
    for (size_t k = 0; k < count; k++) {
        const narr_row *r = narr_table_find(lex[k], t->s, t->len);
        if (!r)
            r = narr_table_find(lex[k], cap, t->len);
        if (r && r->field[1][0])
            return r;
    }
    return NULL;
}

/* French words glued in a name, in small letters: "laposte" → la poste,
 * "monespacesante" → mon espace santé, "sante" → santé (the accents the
 * word list knows). False when t is no such thing. */
static bool say_french(narr_norm *n, const narr_token *t)
{
    size_t cuts[8], count;
    for (size_t k = 0; k < t->len; k++)
        if (t->s[k] < 'a' || t->s[k] > 'z')
            return false;
    const char *w;
    size_t wl;
    if (t->len >= 2 && narr_wordlist_find(t->s, t->len, &w, &wl)) {
        narr_say_n(n, w, wl);
        return true;
    }
    /* Three letters a word at least on average: "bfmtv" is no split. */
    if (t->len < 5 || !narr_wordlist_split(t->s, t->len, cuts, t->len / 3, &count))
        return false;
    for (size_t c = 0; c < count; c++) {
        size_t end = c + 1 < count ? cuts[c + 1] : t->len;
        narr_wordlist_find(t->s + cuts[c], end - cuts[c], &w, &wl);
        narr_say_n(n, w, wl);
    }
    return true;
}

/* A word of an address: from the table, the lexicon, French words,
 * spelled when it cannot be read ("bfm", "x"), else as written. A
 * top-level domain's reading counts only at the end ("mairie-de-lyon":
 * "de" is a word there, not D E). */
static void say_word(narr_norm *n, const narr_token *t, bool last, bool split)
{
    const narr_row *r = domain_row(n, t);
    if (r && r->field[1][0] && (last || !strchr(r->field[2], 't'))) {
        narr_say(n, r->field[1]);
        return;
    }
    const narr_row *lex = lexicon_row(n, t);
    if (lex) {
        narr_say(n, lex->field[1]);
        return;
    }
    if (!last && split && say_french(n, t))
        return;
    if (t->len == 1 || !has_vowel(t)) {
        for (size_t k = 0; k < t->len; k++) {
            char c = t->s[k];
            char up[2] = {c >= 'a' && c <= 'z' ? (char)(c - 'a' + 'A') : c, '\0'};
            narr_say(n, up);
        }
        return;
    }
    narr_say_n(n, t->s, t->len);
}

/* Says tokens [j, end) of a name or path; token `last` is the top-level
 * domain; words in [split, last) may be glued French words: the host name,
 * not the person's name before an e-mail's "@" ("jean.dupont"), nor a
 * path, which stays as written. */
static void say_span(narr_norm *n, size_t j, size_t end, size_t last, size_t split)
{
    for (size_t k = j; k < end; k++) {
        const narr_token *t = narr_at(n, k);
        if (t->kind == NARR_TOK_WORD) {
            say_word(n, t, k == last, k >= split && k < last);
        } else if (t->kind == NARR_TOK_NUMBER) {
            int64_t v;
            if (t->len <= 4 && t->s[0] != '0' && narr_parse_digits(t->s, t->len, &v))
                narr_say_cardinal(n, v, NARR_MASCULINE);
            else
                narr_say_decimals(n, t->s, t->len);
        } else if (t->cp == '.') {
            narr_say(n, "point");
        } else if (t->cp == '-') {
            narr_say(n, "tiret");
        } else if (t->cp == '_') {
            narr_say(n, "tiret bas");
        } else if (t->cp == '/') {
            if (k + 1 < end)
                narr_say(n, "slash");
        } else if (t->cp == '@') {
            narr_say(n, "arobase");
        }
    }
}

/* Characters that end an address when nothing touches them after. */
static bool trailing(const narr_token *t)
{
    return t->cp == '.' || t->cp == ',' || t->cp == ';' || t->cp == ':' || t->cp == '!' ||
           t->cp == '?' || t->cp == ')' || t->cp == 0xBB /* » */ || t->cp == '"' ||
           t->cp == 0x201D || t->cp == '\'' || t->cp == 0x2019;
}

/* Something we cannot read touches the end of the address ("x.fr:8080"). */
static bool touches_more(const narr_norm *n, size_t j)
{
    const narr_token *t = narr_at(n, j);
    if (!t || t->space_before)
        return false;
    return !trailing(t) || (narr_glued(n, j + 1) && is_part(narr_at(n, j + 1)));
}

/* The path after the name: "/particuliers", "/a/b.html?x=1". Returns its
 * end; *said is where saying stops (a query is not read). */
static size_t read_path(const narr_norm *n, size_t j, size_t *said)
{
    *said = j;
    if (!narr_is_char(n, j, '/') || !narr_glued(n, j))
        return j;
    size_t k = j;
    bool quiet = false;
    while (narr_at(n, k) && (k == j || narr_glued(n, k)) && k - j < MAX_TOKENS) {
        const narr_token *t = narr_at(n, k);
        if (trailing(t) && !(narr_glued(n, k + 1) && !trailing(narr_at(n, k + 1))))
            break;
        if (t->cp == '?' || t->cp == '#' || t->cp == '=' || t->cp == '&')
            quiet = true;
        k++;
        if (!quiet)
            *said = k;
    }
    return k;
}

static size_t apply(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (!is_part(t))
        return 0;
    /* The start of an address: nothing address-like touches it before. */
    if (i > 0 && !t->space_before) {
        const narr_token *prev = narr_at(n, i - 1);
        if (prev->cp == '.' || prev->cp == '@' || prev->cp == '/' || prev->cp == '-' ||
            prev->cp == '_')
            return 0;
    }
    /* Cheap test first: an address goes on with a touching token. */
    const narr_token *next = narr_at(n, i + 1);
    if (!next || next->space_before)
        return 0;
    size_t j = i;
    bool scheme = false;
    if ((narr_is(n, i, "http") || narr_is(n, i, "https") || narr_is(n, i, "ftp")) &&
        narr_is_char(n, i + 1, ':') && narr_is_char(n, i + 2, '/') &&
        narr_is_char(n, i + 3, '/') && narr_glued(n, i + 2) && narr_glued(n, i + 3) &&
        narr_glued(n, i + 4)) {
        scheme = true;
        j = i + 4;
    }
    size_t labels = 0, last = j;
    size_t end = read_name(n, j, true, &labels, &last);
    if (end == j)
        return 0;
    /* An e-mail: local part, '@', a name with a dot. */
    if (!scheme && narr_is_char(n, end, '@') && narr_glued(n, end) && narr_glued(n, end + 1)) {
        size_t dlabels = 0, dlast = end + 1;
        size_t dend = read_name(n, end + 1, false, &dlabels, &dlast);
        if (dlabels < 2 || !narr_is_kind(n, dlast, NARR_TOK_WORD) || touches_more(n, dend))
            return 0;
        say_span(n, j, dend, dlast, end + 1);
        return dend - i;
    }
    if (labels < 2 && !scheme)
        return 0;
    if (!scheme && !narr_is(n, j, "www") && !is_tld(n, last))
        return 0;
    size_t said;
    size_t pend = read_path(n, end, &said);
    if (pend == end && touches_more(n, end))
        return 0;
    say_span(n, j, said, last, j);
    return pend - i;
}

const narr_rule narr_rule_url_email = {"url_email", apply};
