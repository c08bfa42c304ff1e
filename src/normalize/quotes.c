/* quotes: rendering the « … » marks of the normalized text. */
#include "normalize/quotes.h"

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

static narr_status add_span(narr_spans *s, size_t start, size_t end)
{
    if (!s || end <= start)
        return NARR_OK;
    if (s->count == s->cap) {
        narr_span *grown = narr_array_grow(s->span, &s->cap, sizeof *grown, 4);
        if (!grown)
            return NARR_E_NOMEM;
        s->span = grown;
    }
    s->span[s->count++] = (narr_span){start, end};
    return NARR_OK;
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

narr_status narr_quotes_render(narr_quotes *q, const char *s, size_t n, narr_buf *out,
                               narr_spans *spans)
{
    size_t start = out->len;
    if (spans)
        spans->count = 0;
    /* Most sentences quote nothing: keep them as they are. */
    if (!has_marks(s, n)) {
        narr_status st = narr_buf_append(out, s, n);
        return st == NARR_OK && q->inside && !q->announced ? add_span(spans, start, out->len) : st;
    }
    narr_status st = NARR_OK;
    /* Where the quoted range being read began; a quotation opened in an
     * earlier sentence begins here. */
    bool open_span = q->inside && !q->announced;
    size_t span_start = start;
    for (size_t i = 0; i < n && st == NARR_OK;) {
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
            span_start = out->len + (out->len > start);
            open_span = true;
        } else if (open_span) {
            st = add_span(spans, span_start, out->len);
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
        st = add_span(spans, span_start < out->len ? span_start : out->len, out->len);
    /* "je cite" may now start the sentence. */
    if (out->len - start >= 7 && memcmp(out->data + start, "je cite", 7) == 0)
        out->data[start] = 'J';
    /* Spans count from the sentence's start, within what was kept. */
    for (size_t k = 0; spans && k < spans->count; k++) {
        narr_span *sp = &spans->span[k];
        sp->end = (sp->end < out->len ? sp->end : out->len) - start;
        sp->start = sp->start - start < sp->end ? sp->start - start : sp->end;
    }
    return st;
}
