/* quotes: rendering the « … » and clause marks of the normalized text. */
#include "normalize/quotes.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

#define OPEN "\xc2\xab"  /* « */
#define CLOSE "\xc2\xbb" /* » */

void narr_spans_free(narr_spans *s)
{
    free(s->span);
    s->span = NULL;
    s->count = s->cap = 0;
}

static narr_status add_span(narr_spans *s, size_t start, size_t end, narr_span_kind kind,
                            int lang)
{
    if (!s || end <= start)
        return NARR_OK;
    if (s->count == s->cap) {
        narr_span *grown = narr_array_grow(s->span, &s->cap, sizeof *grown, 4);
        if (!grown)
            return NARR_E_NOMEM;
        s->span = grown;
    }
    s->span[s->count++] = (narr_span){start, end, kind, lang};
    return NARR_OK;
}

size_t narr_clause_mark(const char *s, size_t n, narr_span_kind *kind, int *lang, bool *opens)
{
    if (n < 3 || (unsigned char)s[0] != 0xEE)
        return 0;
    size_t i = 0;
    int32_t cp = narr_utf8_next(s, 3, &i);
    *lang = -1;
    *opens = cp == 0xE002 || (cp >= NARR_MARK_FOREIGN_FIRST &&
                              cp < NARR_MARK_FOREIGN_FIRST + NARR_MARK_FOREIGN_LANGS);
    if (cp == 0xE002 || cp == 0xE003)
        *kind = NARR_SPAN_ASIDE;
    else if (cp == 0xE004 || *opens)
        *kind = NARR_SPAN_FOREIGN;
    else
        return 0;
    if (*opens && *kind == NARR_SPAN_FOREIGN)
        *lang = cp - NARR_MARK_FOREIGN_FIRST;
    return 3;
}

static bool clause_mark_at(const char *s, size_t n)
{
    narr_span_kind kind;
    int lang;
    bool opens;
    return narr_clause_mark(s, n, &kind, &lang, &opens) != 0;
}

void narr_quotes_init(narr_quotes *q, narr_quote_style style)
{
    q->style = style;
    q->inside = q->announced = false;
}

void narr_quotes_end_block(narr_quotes *q) { q->inside = q->announced = false; }

static bool is_mark(const char *s, size_t n, const char *mark)
{
    return n >= 2 && memcmp(s, mark, 2) == 0;
}

static bool has_marks(const char *s, size_t n)
{
    for (const char *p = s; (p = memchr(p, '\xc2', n - (size_t)(p - s))) != NULL; p++)
        if (is_mark(p, n - (size_t)(p - s), OPEN) || is_mark(p, n - (size_t)(p - s), CLOSE))
            return true;
    for (const char *p = s; (p = memchr(p, '\xee', n - (size_t)(p - s))) != NULL; p++)
        if (clause_mark_at(p, n - (size_t)(p - s)))
            return true;
    return false;
}

/* Words between an opening mark at s and its closing mark in the same
 * sentence; a quotation that goes on past the sentence counts as long. */
static int quoted_words(const char *s, size_t n)
{
    int words = 0;
    bool in_word = false;
    for (size_t i = 2; i < n; i++) {
        if (is_mark(s + i, n - i, CLOSE))
            return words;
        if (clause_mark_at(s + i, n - i)) {
            i += 2;
            continue;
        }
        bool letter = s[i] != ' ' && s[i] != ',' && s[i] != '.';
        words += letter && !in_word;
        in_word = letter;
    }
    return NARR_QUOTE_CITATION_WORDS;
}

/* Appends text, keeping single spaces and no space before punctuation. */
static narr_status append(narr_buf *out, const char *s, size_t n)
{
    narr_status st = NARR_OK;
    for (size_t i = 0; i < n && st == NARR_OK; i++) {
        bool space = s[i] == ' ';
        if (space && (out->len == 0 || narr_buf_last(out) == ' '))
            continue;
        if (s[i] == ',' || s[i] == '.') {
            while (narr_buf_last(out) == ' ')
                out->data[--out->len] = '\0';
            char last = narr_buf_last(out);
            if (s[i] == ',' && (last == '.' || last == '!' || last == '?'))
                continue;
            if (last == ',') {
                /* ", fin de citation," then the text's own comma */
                if (s[i] == ',')
                    continue;
                out->data[--out->len] = '\0';
            }
        }
        st = narr_buf_append_char(out, s[i]);
    }
    return st;
}

static int by_start(const void *a, const void *b)
{
    const narr_span *x = a, *y = b;
    return x->start < y->start ? -1 : x->start > y->start ? 1 : (int)x->kind - (int)y->kind;
}

narr_status narr_quotes_render(narr_quotes *q, const char *s, size_t n, narr_buf *out,
                               narr_spans *spans)
{
    size_t start = out->len;
    if (spans)
        spans->count = 0;
    /* Most sentences quote nothing: keep them as they are. */
    if (!has_marks(s, n)) {
        narr_status st = narr_buf_append(out, s, n);
        return st == NARR_OK && q->inside && !q->announced
                   ? add_span(spans, 0, out->len - start, NARR_SPAN_QUOTE, -1)
                   : st;
    }
    narr_status st = NARR_OK;
    /* Where the quoted range being read began; a quotation opened in an
     * earlier sentence begins here. */
    bool open_span = q->inside && !q->announced;
    size_t span_start = start;
    /* An aside or a passage open, where it began, and which language. */
    bool clause_open[NARR_SPAN_FOREIGN + 1] = {false};
    size_t clause_start[NARR_SPAN_FOREIGN + 1] = {0};
    int lang = -1;
    for (size_t i = 0; i < n && st == NARR_OK;) {
        narr_span_kind kind;
        int mark_lang;
        bool opens;
        size_t m = narr_clause_mark(s + i, n - i, &kind, &mark_lang, &opens);
        if (m) {
            if (opens && !clause_open[kind]) {
                clause_open[kind] = true;
                clause_start[kind] = out->len;
                if (kind == NARR_SPAN_FOREIGN)
                    lang = mark_lang;
            } else if (!opens && clause_open[kind]) {
                clause_open[kind] = false;
                st = add_span(spans, clause_start[kind], out->len, kind,
                              kind == NARR_SPAN_FOREIGN ? lang : -1);
            }
            i += m;
            continue;
        }
        bool open = is_mark(s + i, n - i, OPEN), close = is_mark(s + i, n - i, CLOSE);
        if (!open && !close) {
            st = append(out, s + i, 1);
            i++;
            continue;
        }
        const char *said = " ";
        char closing[32];
        if (q->style == NARR_QUOTES_SPOKEN && open &&
            quoted_words(s + i, n - i) >= NARR_QUOTE_CITATION_WORDS) {
            said = " je cite, ";
            q->announced = true;
        } else if (q->style == NARR_QUOTES_SPOKEN && close && q->announced) {
            /* "… plus forts. »" → "… plus forts, fin de citation." */
            while (out->len > start && narr_buf_last(out) == ' ')
                out->data[--out->len] = '\0';
            char end = narr_buf_last(out);
            bool final = out->len > start && (end == '.' || end == '!' || end == '?');
            if (final)
                out->data[--out->len] = '\0';
            snprintf(closing, sizeof closing, ", fin de citation%c ", final ? end : ',');
            said = closing;
            q->announced = false;
        } else if (open) {
            span_start = out->len; /* its leading space is trimmed below */
            open_span = true;
        } else if (open_span) {
            st = add_span(spans, span_start, out->len, NARR_SPAN_QUOTE, -1);
            open_span = false;
        }
        q->inside = open;
        if (st == NARR_OK)
            st = append(out, said, strlen(said));
        i += 2;
    }
    while (out->len > start && (narr_buf_last(out) == ' ' || narr_buf_last(out) == ','))
        out->data[--out->len] = '\0';
    if (st == NARR_OK && open_span)
        st = add_span(spans, span_start < out->len ? span_start : out->len, out->len,
                      NARR_SPAN_QUOTE, -1);
    /* An aside or a passage still open ends with the sentence. */
    for (int k = NARR_SPAN_ASIDE; k <= NARR_SPAN_FOREIGN && st == NARR_OK; k++)
        if (clause_open[k])
            st = add_span(spans, clause_start[k] < out->len ? clause_start[k] : out->len,
                          out->len, (narr_span_kind)k, k == NARR_SPAN_FOREIGN ? lang : -1);
    /* "je cite" may now start the sentence. */
    if (out->len - start >= 7 && memcmp(out->data + start, "je cite", 7) == 0)
        out->data[start] = 'J';
    /* Spans count from the sentence's start, within what was kept, and
     * hold no space at their ends. */
    for (size_t k = 0; spans && k < spans->count; k++) {
        narr_span *sp = &spans->span[k];
        sp->end = (sp->end < out->len ? sp->end : out->len) - start;
        sp->start = sp->start - start < sp->end ? sp->start - start : sp->end;
        while (sp->start < sp->end && out->data[start + sp->start] == ' ')
            sp->start++;
        while (sp->end > sp->start && out->data[start + sp->end - 1] == ' ')
            sp->end--;
    }
    if (spans && spans->count > 1)
        qsort(spans->span, spans->count, sizeof *spans->span, by_start);
    return st;
}
