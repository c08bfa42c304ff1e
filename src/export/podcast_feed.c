/* podcast_feed: the feed is a model (channel + episodes) read from the
 * old file, merged with this run's episodes, then written whole through
 * libxml2's tree API. */
#include "export/podcast_feed.h"
#include "base/i18n.h"

#include "base/buf.h"
#include "base/utf8.h"
#include "export/file_lock.h"
#include "export/pending.h"
#include "input/feed_date.h"

#include <errno.h>
#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#define NS_ITUNES "http://www.itunes.com/dtds/podcast-1.0.dtd"
#define NS_PODCAST "https://podcastindex.org/namespace/1.0"
#define NS_ATOM "http://www.w3.org/2005/Atom"
#define MAX_FEED_BYTES ((size_t)40 * 1024 * 1024)

typedef struct {
    char *guid, *title, *link, *description;
    time_t date;
    char *enc_url, *enc_type;
    long long bytes;
    double duration;
    char *tr_url, *tr_type, *ch_url;
    size_t order; /* place before sorting: ties keep it */
} episode;

typedef struct {
    char *title, *description, *link, *image, *author, *language;
    episode *eps;
    size_t n, cap;
} model;

const char *narr_podcast_audio_type(const char *ext)
{
    static const char *const types[][2] = {{"mp3", "audio/mpeg"}, {"opus", "audio/ogg"},
                                           {"ogg", "audio/ogg"},  {"flac", "audio/flac"},
                                           {"wav", "audio/wav"}};
    for (size_t i = 0; i < sizeof types / sizeof types[0]; i++)
        if (strcasecmp(ext, types[i][0]) == 0)
            return types[i][1];
    return NULL;
}

static void episode_free(episode *e)
{
    char **s[] = {&e->guid,    &e->title,    &e->link,   &e->description, &e->enc_url,
                  &e->enc_type, &e->tr_url, &e->tr_type, &e->ch_url};
    for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
        free(*s[i]);
    *e = (episode){0};
}

static void model_free(model *m)
{
    for (size_t i = 0; i < m->n; i++)
        episode_free(&m->eps[i]);
    free(m->eps);
    char **s[] = {&m->title, &m->description, &m->link, &m->image, &m->author, &m->language};
    for (size_t i = 0; i < sizeof s / sizeof s[0]; i++)
        free(*s[i]);
    *m = (model){0};
}

/* ---- reading the old feed ---- */

static bool is(const xmlNode *n, const char *ns, const char *name)
{
    if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name) != 0)
        return false;
    const char *href = n->ns && n->ns->href ? (const char *)n->ns->href : "";
    return strcmp(href, ns ? ns : "") == 0;
}

/* The direct text of n (entities never expanded); NULL when empty. */
static char *text_of(const xmlNode *n)
{
    narr_buf b;
    narr_buf_init(&b);
    for (const xmlNode *c = n->children; c; c = c->next)
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            narr_buf_append_str(&b, (const char *)c->content);
    return b.data; /* NULL when empty (or out of memory: the field is lost) */
}

static char *prop(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s = v && v[0] ? strdup((const char *)v) : NULL;
    xmlFree(v);
    return s;
}

/* "1:02:03", "62:03" or "3723" → seconds. */
static double parse_duration(const char *s)
{
    double total = 0;
    for (const char *p = s; p && *p;) {
        char *end;
        double v = strtod(p, &end);
        if (end == p)
            break;
        total = total * 60 + v;
        p = *end == ':' ? end + 1 : end + strlen(end);
    }
    return total;
}

static void set(char **slot, char *value)
{
    if (!*slot)
        *slot = value;
    else
        free(value);
}

static void read_episode(const xmlNode *item, episode *e)
{
    for (const xmlNode *c = item->children; c; c = c->next) {
        if (is(c, NULL, "title"))
            set(&e->title, text_of(c));
        else if (is(c, NULL, "guid"))
            set(&e->guid, text_of(c));
        else if (is(c, NULL, "link"))
            set(&e->link, text_of(c));
        else if (is(c, NULL, "description"))
            set(&e->description, text_of(c));
        else if (is(c, NULL, "pubDate")) {
            char *d = text_of(c);
            narr_date date;
            if (d && narr_date_parse(d, &date))
                e->date = date.when;
            free(d);
        } else if (is(c, NULL, "enclosure")) {
            set(&e->enc_url, prop(c, "url"));
            set(&e->enc_type, prop(c, "type"));
            char *len = prop(c, "length");
            e->bytes = len ? strtoll(len, NULL, 10) : 0;
            free(len);
        } else if (is(c, NS_ITUNES, "duration")) {
            char *d = text_of(c);
            e->duration = parse_duration(d);
            free(d);
        } else if (is(c, NS_PODCAST, "transcript")) {
            set(&e->tr_url, prop(c, "url"));
            set(&e->tr_type, prop(c, "type"));
        } else if (is(c, NS_PODCAST, "chapters")) {
            set(&e->ch_url, prop(c, "url"));
        }
    }
}

static narr_status add_episode(model *m, episode *e)
{
    if (m->n == m->cap) {
        episode *grown = narr_array_grow(m->eps, &m->cap, sizeof *grown, 16);
        if (!grown)
            return NARR_E_NOMEM;
        m->eps = grown;
    }
    m->eps[m->n++] = *e;
    *e = (episode){0};
    return NARR_OK;
}

static narr_status read_channel(const xmlNode *ch, model *m)
{
    for (const xmlNode *c = ch->children; c; c = c->next) {
        if (is(c, NULL, "title"))
            set(&m->title, text_of(c));
        else if (is(c, NULL, "description"))
            set(&m->description, text_of(c));
        else if (is(c, NULL, "link"))
            set(&m->link, text_of(c));
        else if (is(c, NULL, "language"))
            set(&m->language, text_of(c));
        else if (is(c, NS_ITUNES, "author"))
            set(&m->author, text_of(c));
        else if (is(c, NS_ITUNES, "image"))
            set(&m->image, prop(c, "href"));
        else if (is(c, NULL, "item")) {
            episode e = {0};
            read_episode(c, &e);
            /* An item without GUID or enclosure is not one of ours. */
            if (!e.guid || !e.enc_url || !e.title) {
                episode_free(&e);
                continue;
            }
            if (add_episode(m, &e) != NARR_OK) {
                episode_free(&e);
                return NARR_E_NOMEM;
            }
        }
    }
    return NARR_OK;
}

/* The old feed at path into m; nothing when there is none. */
static narr_status read_old(const char *path, model *m, char *msg, size_t msg_size)
{
    narr_buf b;
    narr_buf_init(&b);
    bool exists;
    narr_status st = narr_buf_read_file(&b, path, MAX_FEED_BYTES, &exists, msg, msg_size);
    if (!exists || st == NARR_E_IO || st == NARR_E_NOMEM) {
        narr_buf_deinit(&b);
        return st;
    }
    xmlDoc *doc = st == NARR_OK && b.len
                      ? xmlReadMemory(b.data, (int)b.len, path, NULL,
                                      XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING)
                      : NULL;
    narr_buf_deinit(&b);
    const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    const xmlNode *ch = NULL;
    for (const xmlNode *c = root && is(root, NULL, "rss") ? root->children : NULL; c; c = c->next)
        if (is(c, NULL, "channel"))
            ch = c;
    st = ch ? read_channel(ch, m) : NARR_E_DATA;
    xmlFreeDoc(doc);
    if (st == NARR_E_DATA)
        snprintf(msg, msg_size, L_("%s: not an RSS feed; choose another file for the podcast feed"),
                 path);
    else if (st != NARR_OK)
        snprintf(msg, msg_size, L_("%s: out of memory"), path);
    return st;
}

/* ---- this run's episodes ---- */

/* A copy of s fit for XML 1.0: C0 controls (but tab and line breaks)
 * dropped; NULL for NULL. *st: NARR_E_BAD_UTF8 or NARR_E_NOMEM. */
static char *clean(const char *s, narr_status *st)
{
    if (!s || *st != NARR_OK)
        return NULL;
    if (!narr_utf8_valid(s, strlen(s), NULL)) {
        *st = NARR_E_BAD_UTF8;
        return NULL;
    }
    char *c = malloc(strlen(s) + 1), *w = c;
    if (!c) {
        *st = NARR_E_NOMEM;
        return NULL;
    }
    for (; *s; s++)
        if ((unsigned char)*s >= 0x20 || *s == '\t' || *s == '\n' || *s == '\r')
            *w++ = *s;
    *w = '\0';
    return c;
}

/* base_url + "/" + name, the name percent-encoded. */
static char *file_url(const char *base, const char *name, narr_status *st)
{
    if (!name || *st != NARR_OK)
        return NULL;
    xmlChar *esc = xmlURIEscapeStr((const xmlChar *)name, (const xmlChar *)"");
    size_t bl = strlen(base), size = bl + (esc ? strlen((const char *)esc) : 0) + 2;
    char *url = esc ? malloc(size) : NULL;
    if (url)
        snprintf(url, size, "%s%s%s", base, bl && base[bl - 1] == '/' ? "" : "/", esc);
    else
        *st = NARR_E_NOMEM;
    xmlFree(esc);
    return url;
}

static const char *transcript_type(const narr_podcast_item *it)
{
    if (it->transcript_type)
        return it->transcript_type;
    const char *dot = strrchr(it->transcript_file, '.');
    return dot && strcasecmp(dot, ".srt") == 0 ? "application/x-subrip" : "text/vtt";
}

static narr_status to_episode(const narr_podcast_item *it, const char *base, episode *e)
{
    narr_status st = NARR_OK;
    *e = (episode){
        .guid = clean(it->guid, &st),
        .title = clean(it->title, &st),
        .link = clean(it->link, &st),
        .description = clean(it->description, &st),
        .date = it->pub_date,
        .enc_url = file_url(base, it->audio_file, &st),
        .enc_type = clean(it->audio_type ? it->audio_type : "audio/mpeg", &st),
        .bytes = it->audio_bytes,
        .duration = it->duration,
        .tr_url = file_url(base, it->transcript_file, &st),
        .tr_type = it->transcript_file ? clean(transcript_type(it), &st) : NULL,
        .ch_url = file_url(base, it->chapters_file, &st),
    };
    if (st != NARR_OK)
        episode_free(e);
    return st;
}

static narr_status merge(model *m, const narr_podcast_item *items, size_t n, const char *base)
{
    for (size_t i = 0; i < n; i++) {
        episode e;
        narr_status st = to_episode(&items[i], base, &e);
        if (st != NARR_OK)
            return st;
        episode *same = NULL;
        for (size_t j = 0; j < m->n && !same; j++)
            if (strcmp(m->eps[j].guid, e.guid) == 0)
                same = &m->eps[j];
        if (same) {
            episode_free(same);
            *same = e;
        } else if ((st = add_episode(m, &e)) != NARR_OK) {
            episode_free(&e);
            return st;
        }
    }
    return NARR_OK;
}

/* Newest first; equal dates keep their order (qsort is not stable). */
static int newest_first(const void *a, const void *b)
{
    const episode *x = a, *y = b;
    if (x->date != y->date)
        return x->date < y->date ? 1 : -1;
    return x->order < y->order ? -1 : x->order > y->order;
}

/* The option if given, else the old value, else the fallback. */
static narr_status choose(char **slot, const char *option, const char *fallback)
{
    narr_status st = NARR_OK;
    if (option || (!*slot && fallback)) {
        char *v = clean(option ? option : fallback, &st);
        if (st != NARR_OK)
            return st;
        free(*slot);
        *slot = v;
    }
    return NARR_OK;
}

static narr_status apply_channel(model *m, const narr_podcast_channel *c)
{
    narr_status st = choose(&m->title, c->title, "narrateur");
    if (st == NARR_OK)
        st = choose(&m->description, c->description, m->title);
    if (st == NARR_OK)
        st = choose(&m->link, c->link, c->base_url);
    if (st == NARR_OK)
        st = choose(&m->language, c->language, "fr");
    if (st == NARR_OK)
        st = choose(&m->image, c->image_url, NULL);
    if (st == NARR_OK)
        st = choose(&m->author, c->author, NULL);
    return st;
}

/* ---- writing ---- */

typedef struct {
    xmlNs *itunes, *podcast, *atom;
    bool ok; /* false after any allocation failed */
} writer;

static xmlNode *add(writer *w, xmlNode *parent, xmlNs *ns, const char *name, const char *text)
{
    xmlNode *n = xmlNewTextChild(parent, ns, (const xmlChar *)name, (const xmlChar *)text);
    w->ok = w->ok && n;
    return n;
}

static void add_prop(writer *w, xmlNode *n, const char *name, const char *value)
{
    w->ok = w->ok && n && xmlNewProp(n, (const xmlChar *)name, (const xmlChar *)value);
}

static void write_episode(writer *w, xmlNode *ch, const episode *e, const char *language)
{
    xmlNode *item = add(w, ch, NULL, "item", NULL);
    if (!item)
        return;
    char date[32], num[32];
    add(w, item, NULL, "title", e->title);
    if (e->link)
        add(w, item, NULL, "link", e->link);
    if (e->description)
        add(w, item, NULL, "description", e->description);
    add_prop(w, add(w, item, NULL, "guid", e->guid), "isPermaLink", "false");
    narr_date_rfc822(e->date, date);
    add(w, item, NULL, "pubDate", date);
    xmlNode *enc = add(w, item, NULL, "enclosure", NULL);
    add_prop(w, enc, "url", e->enc_url);
    snprintf(num, sizeof num, "%lld", e->bytes);
    add_prop(w, enc, "length", num);
    add_prop(w, enc, "type", e->enc_type ? e->enc_type : "audio/mpeg");
    snprintf(num, sizeof num, "%lld", (long long)llround(e->duration));
    add(w, item, w->itunes, "duration", num);
    if (e->tr_url) {
        xmlNode *t = add(w, item, w->podcast, "transcript", NULL);
        add_prop(w, t, "url", e->tr_url);
        add_prop(w, t, "type", e->tr_type ? e->tr_type : "text/vtt");
        add_prop(w, t, "language", language);
    }
    if (e->ch_url) {
        xmlNode *c = add(w, item, w->podcast, "chapters", NULL);
        add_prop(w, c, "url", e->ch_url);
        add_prop(w, c, "type", "application/json+chapters");
    }
}

/* The document for m; NULL when out of memory. self: the feed's URL. */
static xmlDoc *build(const model *m, const char *self)
{
    xmlDoc *doc = xmlNewDoc((const xmlChar *)"1.0");
    xmlNode *rss = doc ? xmlNewDocNode(doc, NULL, (const xmlChar *)"rss", NULL) : NULL;
    if (!rss) {
        xmlFreeDoc(doc);
        return NULL;
    }
    xmlDocSetRootElement(doc, rss);
    writer w = {.ok = true};
    add_prop(&w, rss, "version", "2.0");
    w.itunes = xmlNewNs(rss, (const xmlChar *)NS_ITUNES, (const xmlChar *)"itunes");
    w.podcast = xmlNewNs(rss, (const xmlChar *)NS_PODCAST, (const xmlChar *)"podcast");
    w.atom = xmlNewNs(rss, (const xmlChar *)NS_ATOM, (const xmlChar *)"atom");
    w.ok = w.ok && w.itunes && w.podcast && w.atom;
    xmlNode *ch = add(&w, rss, NULL, "channel", NULL);
    if (ch) {
        add(&w, ch, NULL, "title", m->title);
        add(&w, ch, NULL, "link", m->link);
        add(&w, ch, NULL, "description", m->description);
        add(&w, ch, NULL, "language", m->language);
        add(&w, ch, NULL, "generator", "narrateur " NARR_VERSION);
        if (m->n) { /* the newest episode's date: the same feed gives the same file */
            char date[32];
            narr_date_rfc822(m->eps[0].date, date);
            add(&w, ch, NULL, "lastBuildDate", date);
        }
        xmlNode *link = add(&w, ch, w.atom, "link", NULL);
        add_prop(&w, link, "href", self);
        add_prop(&w, link, "rel", "self");
        add_prop(&w, link, "type", "application/rss+xml");
        if (m->author)
            add(&w, ch, w.itunes, "author", m->author);
        if (m->image) {
            add_prop(&w, add(&w, ch, w.itunes, "image", NULL), "href", m->image);
            xmlNode *img = add(&w, ch, NULL, "image", NULL);
            if (img) {
                add(&w, img, NULL, "url", m->image);
                add(&w, img, NULL, "title", m->title);
                add(&w, img, NULL, "link", m->link);
            }
        }
        add(&w, ch, w.itunes, "explicit", "false");
        for (size_t i = 0; i < m->n; i++)
            write_episode(&w, ch, &m->eps[i], m->language);
    }
    if (!w.ok) {
        xmlFreeDoc(doc);
        return NULL;
    }
    return doc;
}

static narr_status publish(const char *path, xmlDoc *doc, char *msg, size_t msg_size)
{
    xmlChar *mem = NULL;
    int size = 0;
    xmlDocDumpFormatMemoryEnc(doc, &mem, &size, "UTF-8", 1);
    if (!mem) {
        snprintf(msg, msg_size, L_("%s: out of memory"), path);
        return NARR_E_NOMEM;
    }
    narr_pending p = {.fd = -1};
    narr_status st = narr_pending_open(&p, path, msg, msg_size);
    if (st == NARR_OK) {
        if (!narr_pwrite_all(p.fd, mem, (size_t)size, 0)) {
            snprintf(msg, msg_size, L_("%s: cannot write (%s)"), path, strerror(errno));
            st = NARR_E_IO;
        } else {
            narr_pending *all[] = {&p};
            st = narr_pending_publish_all(all, 1, msg, msg_size);
        }
    }
    narr_pending_discard(&p);
    xmlFree(mem);
    return st;
}

static narr_status check_args(const char *path, const narr_podcast_channel *c,
                              const narr_podcast_item *items, size_t n, char *msg,
                              size_t msg_size)
{
    if (!c->base_url || !c->base_url[0]) {
        snprintf(msg, msg_size, L_("%s: a podcast feed needs the address its folder is served at "
                                "(--base-url)"), path);
        return NARR_E_ARG;
    }
    for (size_t i = 0; i < n; i++) {
        if (!items[i].guid || !items[i].guid[0] || !items[i].title || !items[i].audio_file) {
            snprintf(msg, msg_size, L_("%s: episode %zu lacks a GUID, a title or an audio file"),
                     path, i + 1);
            return NARR_E_ARG;
        }
    }
    return NARR_OK;
}

narr_status narr_podcast_feed_update(const char *path, const narr_podcast_channel *channel,
                                     const narr_podcast_item *items, size_t n, char *msg,
                                     size_t msg_size)
{
    narr_status st = check_args(path, channel, items, n, msg, msg_size);
    if (st != NARR_OK)
        return st;
    int lock = narr_file_lock(path, msg, msg_size);
    if (lock < 0)
        return NARR_E_IO;
    model m = {0};
    const char *slash = strrchr(path, '/');
    narr_status cst = NARR_OK;
    char *self = file_url(channel->base_url, slash ? slash + 1 : path, &cst);
    st = read_old(path, &m, msg, msg_size);
    if (st == NARR_OK)
        st = cst != NARR_OK ? cst : apply_channel(&m, channel);
    if (st == NARR_OK)
        st = merge(&m, items, n, channel->base_url);
    if (st == NARR_E_BAD_UTF8 || st == NARR_E_NOMEM)
        snprintf(msg, msg_size, L_("%s: %s"), path,
                 st == NARR_E_BAD_UTF8 ? L_("a title or description is not UTF-8") : L_("out of memory"));
    if (st == NARR_OK) {
        for (size_t i = 0; i < m.n; i++)
            m.eps[i].order = i;
        qsort(m.eps, m.n, sizeof *m.eps, newest_first);
        xmlDoc *doc = build(&m, self);
        st = doc ? publish(path, doc, msg, msg_size) : NARR_E_NOMEM;
        if (!doc)
            snprintf(msg, msg_size, L_("%s: out of memory"), path);
        xmlFreeDoc(doc);
    }
    free(self);
    model_free(&m);
    narr_file_unlock(lock);
    return st;
}
