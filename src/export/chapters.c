/* chapters: the chapter list and its Podcasting 2.0 JSON (chapters.h).
 * Times are printed from integer milliseconds ("12.5", "0"), so the output
 * does not depend on the C locale. */
#include "export/chapters.h"
#include "text/buf.h"

#include <math.h>
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

/* Trimmed, whitespace runs as one space; NULL when out of memory. */
static char *clean_title(const char *s, size_t n)
{
    char *t = malloc(n + 1);
    if (!t)
        return NULL;
    size_t len = 0;
    bool space = false;
    for (size_t i = 0; i < n; i++) {
        char ch = s[i];
        if (ch == ' ' || ch == '\n' || ch == '\r' || ch == '\t') {
            space = len > 0;
            continue;
        }
        if (space)
            t[len++] = ' ';
        space = false;
        t[len++] = ch;
    }
    t[len] = '\0';
    return t;
}

narr_status narr_chapters_add(narr_chapters *c, double start, const char *title, size_t len)
{
    char *t = clean_title(title, len);
    if (!t)
        return NARR_E_NOMEM;
    if (!*t) {
        free(t);
        return NARR_OK;
    }
    if (c->count && llround(c->items[c->count - 1].start * 1000) >= llround(start * 1000)) {
        free(c->items[c->count - 1].title);
        c->items[c->count - 1].title = t;
        return NARR_OK;
    }
    if (c->count == c->cap) {
        size_t cap = c->cap ? c->cap * 2 : 8;
        chapter *items = realloc(c->items, cap * sizeof *items);
        if (!items) {
            free(t);
            return NARR_E_NOMEM;
        }
        c->items = items;
        c->cap = cap;
    }
    c->items[c->count++] = (chapter){start, t};
    return NARR_OK;
}

size_t narr_chapters_count(const narr_chapters *c) { return c->count; }
double narr_chapters_start(const narr_chapters *c, size_t i) { return c->items[i].start; }
const char *narr_chapters_title(const narr_chapters *c, size_t i) { return c->items[i].title; }

static void put_json_string(FILE *out, const char *s)
{
    fputc('"', out);
    for (; *s; s++) {
        unsigned char ch = (unsigned char)*s;
        if (ch == '"' || ch == '\\')
            fprintf(out, "\\%c", ch);
        else if (ch < 0x20)
            fprintf(out, "\\u%04x", ch);
        else
            fputc(ch, out);
    }
    fputc('"', out);
}

/* 12.5 → "12.5", 3 → "3", 0.25 → "0.25". */
static void put_seconds(FILE *out, double seconds)
{
    long long ms = seconds > 0 ? llround(seconds * 1000.0) : 0;
    char frac[8];
    snprintf(frac, sizeof frac, "%03lld", ms % 1000);
    size_t n = strlen(frac);
    while (n && frac[n - 1] == '0')
        frac[--n] = '\0';
    if (n)
        fprintf(out, "%lld.%s", ms / 1000, frac);
    else
        fprintf(out, "%lld", ms / 1000);
}

narr_status narr_chapters_write_json(const narr_chapters *c, FILE *out)
{
    fputs("{\n  \"version\": \"1.2.0\",\n  \"chapters\": [", out);
    for (size_t i = 0; i < c->count; i++) {
        fputs(i ? ",\n    {\"startTime\": " : "\n    {\"startTime\": ", out);
        put_seconds(out, c->items[i].start);
        fputs(", \"title\": ", out);
        put_json_string(out, c->items[i].title);
        fputc('}', out);
    }
    fputs(c->count ? "\n  ]\n}\n" : "]\n}\n", out);
    return fflush(out) == 0 && !ferror(out) ? NARR_OK : NARR_E_IO;
}
