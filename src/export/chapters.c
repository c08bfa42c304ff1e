/* chapters: the chapter list and its Podcasting 2.0 JSON (chapters.h).
 * Times are printed from integer milliseconds ("12.5", "0"), so the output
 * does not depend on the C locale. The JSON is built in memory (a few
 * entries) and written by the caller, which then knows why a write failed. */
#include "export/chapters.h"
#include "export/transcript.h"
#include "base/buf.h"

#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    double start;
    char *title;
} chapter;

struct narr_chapters {
    chapter *items;
    size_t count, cap;
};

narr_chapters *narr_chapters_new(void) { return calloc(1, sizeof(narr_chapters)); }

void narr_chapters_free(narr_chapters *c)
{
    if (!c)
        return;
    for (size_t i = 0; i < c->count; i++)
        free(c->items[i].title);
    free(c->items);
    free(c);
}

narr_status narr_chapters_add(narr_chapters *c, double start, const char *title, size_t len)
{
    narr_buf line;
    narr_buf_init(&line);
    if (narr_one_line(title, len, false, &line) != NARR_OK) {
        narr_buf_deinit(&line);
        return NARR_E_NOMEM;
    }
    if (!line.len) {
        narr_buf_deinit(&line);
        return NARR_OK;
    }
    char *t = line.data; /* the chapter owns the text now */
    if (c->count && llround(c->items[c->count - 1].start * 1000) >= llround(start * 1000)) {
        free(c->items[c->count - 1].title);
        c->items[c->count - 1].title = t;
        return NARR_OK;
    }
    if (c->count == c->cap) {
        chapter *items = narr_array_grow(c->items, &c->cap, sizeof *items, 8);
        if (!items) {
            free(t);
            return NARR_E_NOMEM;
        }
        c->items = items;
    }
    c->items[c->count++] = (chapter){start, t};
    return NARR_OK;
}

size_t narr_chapters_count(const narr_chapters *c) { return c->count; }
double narr_chapters_start(const narr_chapters *c, size_t i) { return c->items[i].start; }
const char *narr_chapters_title(const narr_chapters *c, size_t i) { return c->items[i].title; }

static narr_status put_json_string(narr_buf *out, const char *s)
{
    narr_status st = narr_buf_append_char(out, '"');
    for (; *s && st == NARR_OK; s++) {
        unsigned char ch = (unsigned char)*s;
        char esc[8];
        if (ch == '"' || ch == '\\') {
            snprintf(esc, sizeof esc, "\\%c", ch);
            st = narr_buf_append_str(out, esc);
        } else if (ch < 0x20) {
            snprintf(esc, sizeof esc, "\\u%04x", ch);
            st = narr_buf_append_str(out, esc);
        } else {
            st = narr_buf_append_char(out, (char)ch);
        }
    }
    return st == NARR_OK ? narr_buf_append_char(out, '"') : st;
}

/* 12.5 → "12.5", 3 → "3", 0.25 → "0.25". */
static narr_status put_seconds(narr_buf *out, double seconds)
{
    long long ms = seconds > 0 ? llround(seconds * 1000.0) : 0;
    char frac[8], text[48];
    snprintf(frac, sizeof frac, "%03lld", ms % 1000);
    size_t n = strlen(frac);
    while (n && frac[n - 1] == '0')
        frac[--n] = '\0';
    if (n)
        snprintf(text, sizeof text, "%lld.%s", ms / 1000, frac);
    else
        snprintf(text, sizeof text, "%lld", ms / 1000);
    return narr_buf_append_str(out, text);
}

narr_status narr_chapters_json(const narr_chapters *c, narr_buf *out)
{
    narr_status st = narr_buf_append_str(out, "{\n  \"version\": \"1.2.0\",\n  \"chapters\": [");
    for (size_t i = 0; i < c->count && st == NARR_OK; i++) {
        st = narr_buf_append_str(out, i ? ",\n    {\"startTime\": " : "\n    {\"startTime\": ");
        if (st == NARR_OK)
            st = put_seconds(out, c->items[i].start);
        if (st == NARR_OK)
            st = narr_buf_append_str(out, ", \"title\": ");
        if (st == NARR_OK)
            st = put_json_string(out, c->items[i].title);
        if (st == NARR_OK)
            st = narr_buf_append_char(out, '}');
    }
    if (st == NARR_OK)
        st = narr_buf_append_str(out, c->count ? "\n  ]\n}\n" : "]\n}\n");
    return st;
}
