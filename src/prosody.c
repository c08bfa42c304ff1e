/* prosody: a sentence cut into clauses, each with its prosody. */
#include "prosody.h"

#include <stdlib.h>
#include <string.h>

/* A breath leaves at least this many words on each side. */
#define BREATH_MIN_SIDE 6

void narr_clauses_free(narr_clauses *c)
{
    free(c->clause);
    c->clause = NULL;
    c->count = c->cap = 0;
}

/* A place where the sentence is cut, with the silence there. */
typedef struct {
    size_t at;
    int pause_ms;
    bool breath;
} cut;

typedef struct {
    cut *cut;
    size_t count, cap;
    narr_status st;
} cuts;

static void add_cut(cuts *c, size_t at, int pause_ms, bool breath)
{
    if (c->st != NARR_OK)
        return;
    if (c->count == c->cap) {
        cut *grown = narr_array_grow(c->cut, &c->cap, sizeof *grown, 8);
        if (!grown) {
            c->st = NARR_E_NOMEM;
            return;
        }
        c->cut = grown;
    }
    c->cut[c->count++] = (cut){at, pause_ms, breath};
}

static int by_place(const void *a, const void *b)
{
    const cut *x = a, *y = b;
    return x->at < y->at ? -1 : x->at > y->at;
}

static bool is_space(char c) { return c == ' '; }

bool narr_prosody_sayable(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80 || (s[i] >= '0' && s[i] <= '9') ||
            ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
            return true;
    return false;
}

/* A span ends after the clause punctuation that follows it: "fini, a-t-il
 * dit" cuts after the comma, so the clause ends as a clause, not as a
 * sentence. */
static size_t span_end(const char *text, size_t len, size_t end)
{
    while (end < len && (text[end] == ',' || text[end] == ';' || text[end] == ':'))
        end++;
    return end;
}

static int span_pause(const narr_voice *v, narr_span_kind kind)
{
    return kind == NARR_SPAN_QUOTE ? v->pause_quote_ms
           : kind == NARR_SPAN_ASIDE ? v->pause_aside_ms
                                     : 0;
}

/* ---- a breath in a long sentence ---- */

typedef struct {
    size_t start, end; /* bytes of a word (spaces around it excluded) */
} word;

static bool is_conjunction(const char *s, size_t n)
{
    static const char *const words[] = {"et", "mais", "ou", "car", "donc", "puis", "qui",
                                        "que", "dont", "où", "lorsque", "quand", "parce",
                                        "tandis", "afin", "alors"};
    for (size_t i = 0; i < sizeof words / sizeof words[0]; i++)
        if (strlen(words[i]) == n && memcmp(words[i], s, n) == 0)
            return true;
    return n >= 3 && memcmp(s, "qu'", 3) == 0;
}

/* How good a breath is after words[k-1], before words[k]: 3 after a
 * semicolon or a colon, 2 after a comma, 1 before a conjunction, 0 not
 * a clause boundary. */
static int boundary_weight(const char *text, const word *w, size_t k)
{
    char last = text[w[k - 1].end - 1];
    if (last == ';' || last == ':')
        return 3;
    if (last == ',')
        return 2;
    return is_conjunction(text + w[k].start, w[k].end - w[k].start) ? 1 : 0;
}

static bool inside_passage(const narr_spans *spans, size_t at)
{
    for (size_t i = 0; spans && i < spans->count; i++)
        if (spans->span[i].kind == NARR_SPAN_FOREIGN && spans->span[i].start < at &&
            at < spans->span[i].end)
            return true;
    return false;
}

/* Breathes in words[from..to) while it is longer than the preset allows,
 * at the boundary that weighs most, near the middle. */
static void breathe(const narr_voice *v, const char *text, const word *w, size_t from,
                    size_t to, const narr_spans *spans, cuts *c)
{
    size_t total = to - from;
    if (total <= (size_t)v->breath_words)
        return;
    long best_score = 0;
    size_t best = 0;
    for (size_t k = from + BREATH_MIN_SIDE; k + BREATH_MIN_SIDE <= to; k++) {
        int weight = boundary_weight(text, w, k);
        size_t at = weight == 1 ? w[k].start : w[k - 1].end;
        if (!weight || inside_passage(spans, at))
            continue;
        long off = labs((long)(k - from) - (long)total / 2);
        long score = weight * (long)(total / 4) - off + 1;
        if (score > best_score) {
            best_score = score;
            best = k;
        }
    }
    if (!best)
        return;
    int weight = boundary_weight(text, w, best);
    add_cut(c, weight == 1 ? w[best].start : w[best - 1].end, v->pause_breath_ms, true);
    breathe(v, text, w, from, best, spans, c);
    breathe(v, text, w, best, to, spans, c);
}

static narr_status long_sentence(const narr_voice *v, const char *text, size_t len,
                                 const narr_spans *spans, cuts *c)
{
    size_t count = 0;
    for (size_t i = 0; i < len; i++)
        count += !is_space(text[i]) && (i == 0 || is_space(text[i - 1]));
    if (count <= (size_t)v->breath_words)
        return NARR_OK;
    word *w = malloc(count * sizeof *w);
    if (!w)
        return NARR_E_NOMEM;
    size_t k = 0;
    for (size_t i = 0; i < len;) {
        while (i < len && is_space(text[i]))
            i++;
        if (i == len)
            break;
        w[k].start = i;
        while (i < len && !is_space(text[i]))
            i++;
        w[k++].end = i;
    }
    breathe(v, text, w, 0, k, spans, c);
    free(w);
    return NARR_OK;
}

/* ---- clauses ---- */

static int clamp(int x, int lo, int hi) { return x < lo ? lo : x > hi ? hi : x; }

/* The prosody of text[start..end): what covers it, and how that is read. */
static void read_as(const narr_voice *v, narr_quote_style quotes, narr_block_kind kind,
                    const char *text, size_t len, const narr_spans *spans, narr_clause *cl)
{
    cl->flags = 0;
    cl->lang = -1;
    for (size_t i = 0; spans && i < spans->count; i++) {
        const narr_span *sp = &spans->span[i];
        if (sp->start > cl->start || span_end(text, len, sp->end) < cl->end)
            continue;
        static const unsigned flag[] = {NARR_CLAUSE_QUOTE, NARR_CLAUSE_ASIDE,
                                        NARR_CLAUSE_FOREIGN};
        cl->flags |= flag[sp->kind];
        if (sp->kind == NARR_SPAN_FOREIGN)
            cl->lang = sp->lang;
    }
    int rate = kind == NARR_BLOCK_TITLE     ? v->title_rate
               : kind == NARR_BLOCK_HEADING ? v->heading_rate
                                            : 100;
    bool aside = cl->flags & NARR_CLAUSE_ASIDE;
    bool higher = (cl->flags & NARR_CLAUSE_QUOTE) && quotes == NARR_QUOTES_VOICE;
    cl->rate_percent = aside ? rate * v->aside_rate / 100 : rate;
    cl->pitch = clamp(v->pitch + (aside ? v->aside_pitch : 0) + (higher ? v->quote_pitch : 0),
                      0, 100);
    cl->range = clamp(v->range + (aside ? v->aside_range : 0), 0, 100);
}

static narr_status add_clause(narr_clauses *out, const narr_clause *cl)
{
    if (out->count == out->cap) {
        narr_clause *grown = narr_array_grow(out->clause, &out->cap, sizeof *grown, 4);
        if (!grown)
            return NARR_E_NOMEM;
        out->clause = grown;
    }
    out->clause[out->count++] = *cl;
    return NARR_OK;
}

narr_status narr_prosody_plan(const narr_voice *v, narr_quote_style quotes,
                              narr_block_kind kind, const char *text, size_t len,
                              const narr_spans *spans, narr_clauses *out)
{
    out->count = 0;
    cuts c = {0};
    for (size_t i = 0; spans && i < spans->count; i++) {
        const narr_span *sp = &spans->span[i];
        int pause = span_pause(v, sp->kind);
        add_cut(&c, sp->start, pause, false);
        add_cut(&c, span_end(text, len, sp->end), pause, false);
    }
    if (c.st == NARR_OK)
        c.st = long_sentence(v, text, len, spans, &c);
    add_cut(&c, len, 0, false);
    if (c.st != NARR_OK) {
        free(c.cut);
        return c.st;
    }
    qsort(c.cut, c.count, sizeof *c.cut, by_place);
    narr_status st = NARR_OK;
    size_t from = 0;
    int pause = 0;
    bool breath = false;
    for (size_t i = 0; i < c.count && st == NARR_OK; i++) {
        size_t to = c.cut[i].at;
        if (to > from && narr_prosody_sayable(text + from, to - from)) {
            narr_clause cl = {.start = from, .end = to, .pause_ms = out->count ? pause : 0};
            read_as(v, quotes, kind, text, len, spans, &cl);
            cl.flags |= breath && out->count ? NARR_CLAUSE_BREATH : 0;
            st = add_clause(out, &cl);
            pause = 0;
            breath = false;
        }
        /* A piece with nothing to say passes its pause on. */
        pause = pause > c.cut[i].pause_ms ? pause : c.cut[i].pause_ms;
        breath = breath || c.cut[i].breath;
        from = to;
    }
    free(c.cut);
    if (st == NARR_OK && kind == NARR_BLOCK_ITEM && out->count)
        out->clause[out->count - 1].flags |= NARR_CLAUSE_FALLING;
    return st;
}
