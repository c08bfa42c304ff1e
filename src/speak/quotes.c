/* quotes: rendering the « … » marks of the normalized text. */
#include "speak/quotes.h"

#include <string.h>

#define OPEN "\xc2\xab"  /* « */
#define CLOSE "\xc2\xbb" /* » */

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

narr_status narr_quotes_render(narr_quotes *q, const char *s, size_t n, bool print,
                               narr_buf *out)
{
    size_t start = out->len;
    /* Most sentences quote nothing: keep them as they are. */
    if (!has_marks(s, n))
        return narr_buf_append(out, s, n);
    narr_status st = NARR_OK;
    for (size_t i = 0; i < n && st == NARR_OK;) {
        bool open = is_mark(s + i, n - i, OPEN), close = is_mark(s + i, n - i, CLOSE);
        if (!open && !close) {
            st = append(out, s + i, 1);
            i++;
            continue;
        }
        const char *said = print ? " " : open ? " " OPEN " " : " " CLOSE " ";
        char closing[32];
        if (q->style == NARR_QUOTES_SPOKEN) {
            if (open && quoted_words(s + i, n - i) >= NARR_QUOTE_CITATION_WORDS) {
                said = " je cite, ";
                q->announced = true;
            } else if (close && q->announced) {
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
            }
        }
        q->inside = open;
        st = append(out, said, strlen(said));
        i += 2;
    }
    while (out->len > start && (narr_buf_last(out) == ' ' || narr_buf_last(out) == ','))
        out->data[--out->len] = '\0';
    /* "je cite" may now start the sentence. */
    if (out->len - start >= 7 && memcmp(out->data + start, "je cite", 7) == 0)
        out->data[start] = 'J';
    return st;
}

size_t narr_quotes_segment(narr_quotes *q, const char *s, size_t n, bool *quoted)
{
    if (is_mark(s, n, OPEN) || is_mark(s, n, CLOSE)) {
        q->inside = is_mark(s, n, OPEN);
        *quoted = q->inside;
        return 2;
    }
    size_t i = 0;
    while (i < n && !is_mark(s + i, n - i, OPEN) && !is_mark(s + i, n - i, CLOSE))
        i++;
    *quoted = q->inside;
    return i;
}
