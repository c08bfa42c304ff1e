/* rule_quote: quotation marks and pause punctuation. Quotes of every kind
 * (« » “ ” „ ‹ › " and 'single' ones, nested too) vanish: « Non », a-t-il
 * dit → Non, a-t-il dit. Parentheses, dashes and a mid-sentence ellipsis
 * become commas, heard as a short pause: "Le projet — très contesté —
 * sera voté" → Le projet, très contesté, sera voté; "Et pourtant… rien"
 * → Et pourtant, rien; a final "..." is a full stop; "!?" is "!".
 * The outermost quotation is said as « … », which normalize/quotes.c
 * then renders in the voice's quote style; an aside between dashes or
 * parentheses in the middle of a sentence keeps its commas in the text
 * and is marked (NARR_MARK_ASIDE_OPEN/CLOSE) to be read as an aside: a
 * little lower and faster, short pauses around it. */
#include "normalize/rules.h"
#include "normalize/quotes.h"

#include <string.h>

static bool is_quote(int32_t cp)
{
    return cp == 0xAB || cp == 0xBB || cp == 0x201C || cp == 0x201D || cp == 0x201E ||
           cp == 0x2039 || cp == 0x203A || cp == '"' || cp == 0x2018;
}

/* Punctuation that closes a clause: no comma is added before it. */
static bool is_clause_end(int32_t cp)
{
    return cp == ',' || cp == '.' || cp == ';' || cp == ':' || cp == '!' || cp == '?' ||
           cp == 0x2026 || cp == ')' || cp == ']';
}

static bool is_punct(const narr_norm *n, size_t i)
{
    return narr_is_kind(n, i, NARR_TOK_PUNCT);
}

/* The next token that is not a quotation mark. */
static size_t skip_quotes(const narr_norm *n, size_t i)
{
    while (i < n->ntok && is_punct(n, i) && is_quote(narr_at(n, i)->cp))
        i++;
    return i;
}

/* Does a clause end (or the sentence) come at token i, past quotes? */
static bool clause_ends_at(const narr_norm *n, size_t i)
{
    i = skip_quotes(n, i);
    return i >= n->ntok || (is_punct(n, i) && is_clause_end(narr_at(n, i)->cp));
}

/* The length of the words said so far, less trailing spaces and aside
 * marks. */
static size_t said_len(const narr_norm *n)
{
    size_t len = n->out->len, mark = sizeof NARR_MARK_ASIDE_OPEN - 1;
    for (;;) {
        while (len && n->out->data[len - 1] == ' ')
            len--;
        if (len >= mark && (memcmp(n->out->data + len - mark, NARR_MARK_ASIDE_OPEN, mark) == 0 ||
                            memcmp(n->out->data + len - mark, NARR_MARK_ASIDE_CLOSE, mark) == 0))
            len -= mark;
        else
            return len;
    }
}

/* Is an aside open in this sentence: was the last aside mark said an
 * opening one? */
static bool in_aside(const narr_norm *n)
{
    size_t mark = sizeof NARR_MARK_ASIDE_OPEN - 1;
    for (size_t len = n->out->len; len >= mark; len--) {
        const char *at = n->out->data + len - mark;
        if (memcmp(at, NARR_MARK_ASIDE_OPEN, mark) == 0)
            return true;
        if (memcmp(at, NARR_MARK_ASIDE_CLOSE, mark) == 0)
            return false;
    }
    return false;
}

/* Did the words said so far end with punctuation (or nothing)? */
static bool after_punct(const narr_norm *n)
{
    size_t len = said_len(n);
    if (!len)
        return true;
    char c = n->out->data[len - 1];
    return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '(';
}

/* A removed mark between words leaves a space ("un «juste» prix"), but
 * not after an apostrophe ("l'“affaire”"). */
static void removed(narr_norm *n, size_t next)
{
    const narr_token *t = narr_at(n, next);
    bool elided = next >= 2 && narr_glued(n, next - 1) && narr_is_char(n, next - 2, '\'');
    if (t && t->kind == NARR_TOK_PUNCT && is_clause_end(t->cp))
        n->force_space = false;
    else if (t && !elided && !(t->kind == NARR_TOK_PUNCT && is_quote(t->cp)))
        n->force_space = true;
}

/* A "sentence" of marks only ("—") is left as it is. */
static bool only_marks(const narr_norm *n)
{
    for (size_t k = 0; k < n->ntok; k++)
        if (!narr_is_kind(n, k, NARR_TOK_PUNCT) && !narr_is_kind(n, k, NARR_TOK_SYMBOL))
            return false;
    return true;
}

/* Says a comma for a pause, glued to the word before it. */
static void say_pause(narr_norm *n, size_t next)
{
    if (after_punct(n) || clause_ends_at(n, next)) {
        removed(n, next);
        return;
    }
    narr_say_glue(n);
    narr_say(n, ",");
    n->force_space = true;
}

/* A dash or parenthesis that opens (or closes) an aside: a comma as
 * before, and the mark that quotes.c turns into a span. An aside opens
 * only after words (not a dialogue dash or a parenthesis that starts the
 * sentence); the mark touches the comma, so the text is unchanged. */
static void open_aside(narr_norm *n, size_t next)
{
    bool words_before = said_len(n) > 0;
    say_pause(n, next);
    if (!words_before || in_aside(n))
        return;
    bool space = n->force_space;
    narr_say_glue(n);
    narr_say(n, NARR_MARK_ASIDE_OPEN);
    n->force_space = space;
}

static void close_aside(narr_norm *n, size_t next)
{
    if (in_aside(n)) {
        narr_say_glue(n);
        narr_say(n, NARR_MARK_ASIDE_CLOSE);
    }
    say_pause(n, next);
}

/* An apostrophe used as a quotation mark: "d'un 'tournant' pour". An
 * opening one follows a space and touches a word; a closing one touches
 * the word before and not the one after; each needs the other. */
static bool opens_single(const narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    return (t->cp == '\'' || t->cp == 0x2018) && (i == 0 || t->space_before) &&
           narr_glued(n, i + 1) && narr_is_kind(n, i + 1, NARR_TOK_WORD);
}

static bool closes_single(const narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if ((t->cp != '\'' && t->cp != 0x2019) || i == 0 || t->space_before)
        return false;
    const narr_token *next = narr_at(n, i + 1);
    return !next || next->space_before || next->kind == NARR_TOK_PUNCT;
}

static bool single_quote(const narr_norm *n, size_t i)
{
    if (opens_single(n, i)) {
        for (size_t k = i + 2; k < n->ntok; k++)
            if (is_punct(n, k) && closes_single(n, k))
                return true;
        return false;
    }
    if (closes_single(n, i)) {
        for (size_t k = i; k-- > 0;)
            if (is_punct(n, k) && opens_single(n, k))
                return true;
    }
    return false;
}

/* "candidat(e)s", "retenu(s)", "citoyen(ne)s": inclusive writing, not an
 * aside: the "(" touches the word before it and the ")" comes within two
 * tokens. Returns the tokens up to the ")", or 0. */
static size_t inclusive(const narr_norm *n, size_t i)
{
    if (i == 0 || !narr_glued(n, i) || !narr_is_kind(n, i - 1, NARR_TOK_WORD) ||
        !narr_is_kind(n, i + 1, NARR_TOK_WORD) || !narr_glued(n, i + 1))
        return 0;
    for (size_t k = i + 2; k < n->ntok && k <= i + 3; k++) {
        if (narr_is_char(n, k, ')') && narr_glued(n, k))
            return k + 1 - i;
        if (!narr_glued(n, k))
            return 0;
    }
    return 0;
}

/* Says "retenu(s)" as "retenus" and "candidat(e)s" as "candidats": a
 * plural mark stays, a feminine ending goes. */
static size_t say_inclusive(narr_norm *n, size_t i, size_t used)
{
    if (used == 3 && (narr_is(n, i + 1, "s") || narr_is(n, i + 1, "x"))) {
        narr_say_glue(n);
        narr_say_token(n, i + 1);
    }
    if (narr_glued(n, i + used))
        narr_say_glue(n);
    return used;
}

static bool opening(int32_t cp)
{
    return cp == 0xAB || cp == 0x201C || cp == 0x201E || cp == 0x2039 || cp == 0x2018;
}

/* Keeps the outermost quotation as « … »; inner marks vanish. A straight
 * " opens when no quotation is open, and closes one otherwise. */
static void keep_quote(narr_norm *n, size_t i)
{
    int32_t cp = narr_at(n, i)->cp;
    bool opens = cp == '"'    ? n->quote_depth == 0
                 : cp == '\'' ? opens_single(n, i)
                               : opening(cp);
    if (opens && n->quote_depth++ == 0) {
        narr_say(n, "«");
        n->force_space = true;
        return;
    }
    if (!opens && n->quote_depth > 0 && --n->quote_depth == 0) {
        n->force_space = true;
        narr_say(n, "»");
        const narr_token *next = narr_at(n, i + 1);
        if (next && next->kind != NARR_TOK_PUNCT)
            n->force_space = true;
        return;
    }
    removed(n, i + 1);
}

/* The last byte said, past spaces and the marks of asides (U+E002 and
 * U+E003, three bytes each); 0 if none. */
static char last_said(const narr_norm *n)
{
    size_t len = n->out->len;
    const char *s = n->out->data;
    while (len) {
        if (s[len - 1] == ' ')
            len--;
        else if (len >= 3 && (memcmp(s + len - 3, NARR_MARK_ASIDE_OPEN, 3) == 0 ||
                              memcmp(s + len - 3, NARR_MARK_ASIDE_CLOSE, 3) == 0))
            len -= 3;
        else
            return s[len - 1];
    }
    return 0;
}

static size_t apply(narr_norm *n, size_t i)
{
    const narr_token *t = narr_at(n, i);
    if (t->kind != NARR_TOK_PUNCT || only_marks(n))
        return 0;
    int32_t cp = t->cp;
    if (is_quote(cp) || ((cp == '\'' || cp == 0x2019) && single_quote(n, i))) {
        keep_quote(n, i);
        return 1;
    }
    if (cp == '(' || cp == ')') {
        size_t used = cp == '(' ? inclusive(n, i) : 0;
        if (used)
            return say_inclusive(n, i, used);
        if (cp == '(')
            open_aside(n, i + 1);
        else
            close_aside(n, i + 1);
        return 1;
    }
    if (cp == 0x2014 || cp == 0x2013 || cp == '-') {
        bool spaced = (i == 0 || t->space_before) &&
                      (i + 1 == n->ntok || narr_at(n, i + 1)->space_before);
        if (cp == '-' && !spaced)
            return 0;
        if (!spaced && cp == 0x2013) {
            /* "Paris–Lyon": the two names, said one after the other. */
            n->force_space = true;
            return 1;
        }
        if (in_aside(n))
            close_aside(n, i + 1);
        else
            open_aside(n, i + 1);
        return 1;
    }
    /* An ellipsis: "…" or "..." (any run of dots). */
    size_t dots = 0;
    while (narr_is_char(n, i + dots, '.') && (dots == 0 || narr_glued(n, i + dots)))
        dots++;
    if (cp == 0x2026 || dots >= 2) {
        size_t used = cp == 0x2026 ? 1 : dots;
        if (skip_quotes(n, i + used) >= n->ntok) {
            narr_say_glue(n);
            narr_say(n, ".");
        } else {
            say_pause(n, i + used);
        }
        return used;
    }
    /* "(g.a.).": the aside closed, a final dot right after the dot of an
     * abbreviation kept as written says nothing more. */
    if (cp == '.' && skip_quotes(n, i + 1) >= n->ntok && last_said(n) == '.')
        return 1;
    /* "!?", "?!", "!!!": the first mark only. */
    if ((cp == '!' || cp == '?') && narr_glued(n, i) && i > 0 &&
        (narr_is_char(n, i - 1, '!') || narr_is_char(n, i - 1, '?')))
        return 1;
    /* « Pourquoi ? », s'interroge… : no comma after the question mark. */
    if (cp == ',' && (last_said(n) == '?' || last_said(n) == '!'))
        return 1;
    return 0;
}

const narr_rule narr_rule_quote = {"quote", apply};
