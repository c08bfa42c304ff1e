/* articles: the program's arguments as a list of articles (narrateur.h):
 * files, standard input, web pages (input/fetch) and the items of feeds
 * (input/feed), and reading one of them through a narration. */
#include "narrateur.h"
#include "base/i18n.h"
#include "narration.h"
#include "base/buf.h"
#include "export/batch_state.h"
#include "input/feed.h"
#include "input/fetch.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* How much of a file is looked at to tell a feed from an article. */
#define FEED_PEEK 4096

typedef struct {
    char *key, *title, *link, *source;
    char day[11];
    long long date;
    char *path;       /* a file or "-" to read when narrated; NULL: in memory */
    char *data;       /* a page's body, or a feed item's HTML */
    size_t len;
    char *charset;    /* a page's, from its Content-Type header; NULL if none */
    narr_input_format format;
    bool feed_item;   /* data is the item's HTML, read after its title */
    bool fetch_link;  /* read the page at link instead */
    long long size;
} article;

struct narr_articles {
    narr_articles_options o;
    narr_feed_filter filter;
    narr_fetch_options fetch;
    article *items;
    size_t n, cap;
};

narr_articles *narr_articles_new(const narr_articles_options *o, narr_status *st, char *msg,
                                 size_t msg_size)
{
    narr_articles *a = calloc(1, sizeof *a);
    if (!a) {
        *st = NARR_E_NOMEM;
        snprintf(msg, msg_size, L_("out of memory"));
        return NULL;
    }
    if (o)
        a->o = *o;
    a->o.since = NULL; /* not kept: only its parsed value */
    narr_date since;
    if (o && o->since) {
        if (!narr_date_parse(o->since, &since)) {
            *st = NARR_E_ARG;
            snprintf(msg, msg_size,
                     L_("--since takes a date such as 2026-12-07 or 2026-12-07T09:30:00+01:00, "
                     "not '%s'"), o->since);
            free(a);
            return NULL;
        }
        a->filter.has_since = true;
        a->filter.since = since.when;
    }
    a->filter.max_items = a->o.max_items;
    narr_fetch_options_default(&a->fetch);
    if (a->o.connect_timeout_ms > 0)
        a->fetch.connect_timeout_ms = a->o.connect_timeout_ms;
    if (a->o.timeout_ms > 0)
        a->fetch.timeout_ms = a->o.timeout_ms;
    a->fetch.interrupted = a->o.interrupted;
    *st = NARR_OK;
    return a;
}

static void article_free(article *it)
{
    free(it->key);
    free(it->title);
    free(it->link);
    free(it->source);
    free(it->path);
    free(it->data);
    free(it->charset);
}

void narr_articles_free(narr_articles *a)
{
    if (!a)
        return;
    for (size_t i = 0; i < a->n; i++)
        article_free(&a->items[i]);
    free(a->items);
    free(a);
}

size_t narr_articles_count(const narr_articles *a) { return a->n; }

/* Appends it (taking its strings); frees them on failure. */
static narr_status push(narr_articles *a, article *it)
{
    bool ok = it->key && it->title && it->link && it->source;
    if (ok && a->n == a->cap) {
        article *grown = narr_array_grow(a->items, &a->cap, sizeof *grown, 16);
        ok = grown != NULL;
        if (grown)
            a->items = grown;
    }
    if (!ok) {
        article_free(it);
        return NARR_E_NOMEM;
    }
    a->items[a->n++] = *it;
    return NARR_OK;
}

/* The items of a parsed feed; name is the feed's argument (messages). */
static narr_status add_feed(narr_articles *a, const narr_feed *f, const char *name)
{
    for (size_t i = 0; i < f->n_items; i++) {
        const narr_feed_item *fi = &f->items[i];
        article it = {.format = NARR_INPUT_HTML, .feed_item = true};
        const char *key = fi->guid[0] ? fi->guid : fi->link;
        char source[64];
        snprintf(source, sizeof source, ": item %zu", i + 1);
        if (!key[0]) /* neither GUID nor link: the feed and the item's place */
            key = NULL;
        it.key = key ? strdup(key) : NULL;
        if (!key && (it.key = malloc(strlen(name) + sizeof source)))
            sprintf(it.key, "%s%s", name, source);
        it.title = strdup(fi->title);
        it.link = strdup(fi->link);
        if ((it.source = malloc(strlen(name) + sizeof source)))
            sprintf(it.source, "%s%s", name, source);
        it.fetch_link = a->o.fetch_links && fi->link[0];
        if (!it.fetch_link) {
            it.data = strdup(fi->html);
            it.len = strlen(fi->html);
            if (!it.data)
                it.key = (free(it.key), NULL);
        }
        it.size = it.fetch_link ? -1 : (long long)(it.len + strlen(fi->title));
        if (fi->has_date) {
            memcpy(it.day, fi->date.day, sizeof it.day);
            it.date = (long long)fi->date.when;
        }
        narr_status st = push(a, &it);
        if (st != NARR_OK)
            return st;
    }
    return NARR_OK;
}

/* The format a page's MIME type says; AUTO to let its content decide. */
static narr_input_format format_of_mime(const char *mime)
{
    if (strcmp(mime, "text/html") == 0 || strcmp(mime, "application/xhtml+xml") == 0)
        return NARR_INPUT_HTML;
    if (strcmp(mime, "text/markdown") == 0)
        return NARR_INPUT_MARKDOWN;
    return NARR_INPUT_AUTO;
}

static narr_status add_url(narr_articles *a, const char *url, char *msg, size_t msg_size)
{
    narr_fetch_result r;
    narr_status st = narr_fetch(url, &a->fetch, &r, msg, msg_size);
    if (st == NARR_OK && narr_feed_detect(r.data, r.len) != NARR_FEED_NONE) {
        narr_feed *f = NULL;
        st = narr_feed_parse(r.data, r.len, r.final_url, &a->filter, &f, msg, msg_size);
        if (st == NARR_OK)
            st = add_feed(a, f, url);
        narr_feed_free(f);
    } else if (st == NARR_OK) {
        article it = {.key = strdup(r.final_url), .title = strdup(""),
                      .link = strdup(r.final_url), .source = strdup(r.final_url),
                      .data = r.data, .len = r.len, .charset = r.charset,
                      .format = format_of_mime(r.mime_type), .size = (long long)r.len};
        r.data = r.charset = NULL; /* now the article's */
        st = push(a, &it);
    }
    narr_fetch_result_free(&r);
    if (st == NARR_E_NOMEM)
        snprintf(msg, msg_size, L_("%s: out of memory"), url);
    return st;
}

/* A whole file into memory (a feed), at most NARR_FETCH_MAX_BYTES. */
static narr_status slurp(FILE *f, const char *path, narr_buf *out, char *msg, size_t msg_size)
{
    char chunk[65536];
    size_t k;
    while ((k = fread(chunk, 1, sizeof chunk, f)) > 0) {
        if (out->len + k > NARR_FETCH_MAX_BYTES) {
            snprintf(msg, msg_size, L_("%s: too large for a feed (over 40 MB)"), path);
            return NARR_E_IO;
        }
        if (narr_buf_append(out, chunk, k) != NARR_OK)
            return NARR_E_NOMEM;
    }
    if (ferror(f)) {
        snprintf(msg, msg_size, L_("%s: cannot read: %s"), path, strerror(errno));
        return NARR_E_IO;
    }
    return NARR_OK;
}

static narr_status add_file(narr_articles *a, const char *path, char *msg, size_t msg_size)
{
    bool is_stdin = strcmp(path, "-") == 0;
    article it = {.key = strdup(path), .title = strdup(""), .link = strdup(""),
                  .source = strdup(is_stdin ? L_("standard input") : path), .path = strdup(path),
                  .size = -1};
    if (is_stdin || !it.path)
        return push(a, &it);
    FILE *f = fopen(path, "rb");
    struct stat info;
    if (!f || fstat(fileno(f), &info) != 0 || S_ISDIR(info.st_mode)) {
        snprintf(msg, msg_size, L_("%s: cannot read: %s"), path,
                 f ? (S_ISDIR(info.st_mode) ? L_("Is a directory") : strerror(errno))
                   : strerror(errno));
        if (f)
            fclose(f);
        article_free(&it);
        return NARR_E_IO;
    }
    if (S_ISREG(info.st_mode))
        it.size = (long long)info.st_size;
    char head[FEED_PEEK];
    size_t n = S_ISREG(info.st_mode) ? fread(head, 1, sizeof head, f) : 0;
    narr_status st = NARR_OK;
    if (n && narr_feed_detect(head, n) != NARR_FEED_NONE) {
        narr_buf all;
        narr_buf_init(&all);
        st = narr_buf_append(&all, head, n);
        if (st == NARR_OK)
            st = slurp(f, path, &all, msg, msg_size);
        narr_feed *feed = NULL;
        if (st == NARR_OK)
            st = narr_feed_parse(all.data, all.len, path, &a->filter, &feed, msg, msg_size);
        if (st == NARR_OK)
            st = add_feed(a, feed, path);
        narr_feed_free(feed);
        narr_buf_deinit(&all);
        article_free(&it);
    } else {
        st = push(a, &it);
    }
    fclose(f);
    if (st == NARR_E_NOMEM)
        snprintf(msg, msg_size, L_("%s: out of memory"), path);
    return st;
}

narr_status narr_articles_add(narr_articles *a, const char *arg, char *msg, size_t msg_size)
{
    *msg = '\0';
    return narr_fetch_is_url(arg) ? add_url(a, arg, msg, msg_size)
                                  : add_file(a, arg, msg, msg_size);
}

narr_status narr_articles_info(const narr_articles *a, size_t i, narr_article_info *out)
{
    if (i >= a->n)
        return NARR_E_ARG;
    const article *it = &a->items[i];
    *out = (narr_article_info){.key = it->key, .title = it->title, .link = it->link,
                               .day = it->day, .date = it->date, .source = it->source,
                               .size = it->size};
    return NARR_OK;
}

narr_status narr_articles_hash(const narr_articles *a, size_t i, const char *settings,
                               char out[17], char *msg, size_t msg_size)
{
    if (i >= a->n)
        return NARR_E_ARG;
    const article *it = &a->items[i];
    narr_hash h;
    narr_hash_init(&h);
    /* Each part ends with a NUL, so "ab"+"c" differs from "a"+"bc". */
    const char *parts[] = {settings ? settings : "", it->title, it->link, it->day};
    for (size_t k = 0; k < sizeof parts / sizeof parts[0]; k++)
        narr_hash_add(&h, parts[k], strlen(parts[k]) + 1);
    if (it->data)
        narr_hash_add(&h, it->data, it->len);
    if (it->path) {
        FILE *f = strcmp(it->path, "-") == 0 ? stdin : fopen(it->path, "rb");
        char chunk[65536];
        size_t k;
        while (f && (k = fread(chunk, 1, sizeof chunk, f)) > 0)
            narr_hash_add(&h, chunk, k);
        bool failed = !f || ferror(f);
        if (failed)
            snprintf(msg, msg_size, L_("%s: cannot read: %s"), it->source, strerror(errno));
        if (f && f != stdin)
            fclose(f);
        if (failed)
            return NARR_E_IO;
    }
    narr_hash_hex(&h, out);
    return NARR_OK;
}

/* A feed item as one HTML document: its title as the heading, then its
 * text. The title is plain text, so it is escaped. */
static narr_status item_document(const article *it, narr_buf *doc)
{
    narr_status st = narr_buf_append_str(doc, "<html><body><article><h1>");
    for (const char *p = it->title; *p && st == NARR_OK; p++) {
        switch (*p) {
        case '<': st = narr_buf_append_str(doc, "&lt;"); break;
        case '>': st = narr_buf_append_str(doc, "&gt;"); break;
        case '&': st = narr_buf_append_str(doc, "&amp;"); break;
        default: st = narr_buf_append_char(doc, *p);
        }
    }
    if (st == NARR_OK)
        st = narr_buf_append_str(doc, "</h1>\n");
    if (st == NARR_OK)
        st = narr_buf_append(doc, it->data, it->len);
    if (st == NARR_OK)
        st = narr_buf_append_str(doc, "\n</article></body></html>\n");
    return st;
}

narr_status narr_narration_read_article(narr_narration *n, narr_articles *a, size_t i)
{
    if (i >= a->n)
        return NARR_E_ARG;
    const article *it = &a->items[i];
    if (it->path)
        return narr_narration_read(n, it->path);
    if (!it->feed_item)
        return narr_narration_read_source(n, it->data, it->len, it->source, it->format,
                                          it->charset);
    if (!it->fetch_link) {
        narr_buf doc;
        narr_buf_init(&doc);
        narr_status st = item_document(it, &doc);
        if (st == NARR_OK)
            st = narr_narration_read_source(n, doc.data, doc.len, it->source, NARR_INPUT_HTML,
                                            "utf-8");
        narr_buf_deinit(&doc);
        return st;
    }
    narr_fetch_result r;
    char msg[1024];
    narr_status st = narr_fetch(it->link, &a->fetch, &r, msg, sizeof msg);
    if (st == NARR_OK)
        st = narr_narration_read_source(n, r.data, r.len, r.final_url, format_of_mime(r.mime_type),
                                        r.charset);
    else
        narr_narration_fail(n, st, msg);
    narr_fetch_result_free(&r);
    return st;
}
