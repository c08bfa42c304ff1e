/* feed: the libxml2 tree of the whole document (feeds are small next to
 * the 40 MB input limit), then one pass over the items. */
#include "input/feed.h"
#include "base/i18n.h"

#include "base/buf.h"
#include "input/fetch.h"

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <libxml/uri.h>
#include <libxml/xmlreader.h>
#include <stdlib.h>
#include <string.h>

#define NS_ATOM "http://www.w3.org/2005/Atom"
#define NS_RDF "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
#define NS_RSS1 "http://purl.org/rss/1.0/"
#define NS_CONTENT "http://purl.org/rss/1.0/modules/content/"
#define NS_DC "http://purl.org/dc/elements/1.1/"

/* No network, no entity substitution (XML_PARSE_NOENT would load external
 * entities: XXE), no DTD loading; RECOVER because real feeds often have a
 * stray '&'. libxml2's default limits (depth, entity amplification) stay:
 * no XML_PARSE_HUGE. */
#define PARSE_OPTIONS (XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_RECOVER)

/* Element named name in namespace ns (NULL = no namespace). */
static bool is(const xmlNode *n, const char *ns, const char *name)
{
    if (n->type != XML_ELEMENT_NODE || strcmp((const char *)n->name, name) != 0)
        return false;
    if (!ns)
        return n->ns == NULL || n->ns->href == NULL || n->ns->href[0] == '\0';
    return n->ns && n->ns->href && strcmp((const char *)n->ns->href, ns) == 0;
}

static narr_feed_kind kind_of(const char *name, const char *ns)
{
    ns = ns ? ns : "";
    if (strcmp(name, "rss") == 0 && ns[0] == '\0')
        return NARR_FEED_RSS2;
    if (strcmp(name, "feed") == 0 && strcmp(ns, NS_ATOM) == 0)
        return NARR_FEED_ATOM;
    if (strcmp(name, "RDF") == 0 && strcmp(ns, NS_RDF) == 0)
        return NARR_FEED_RDF;
    return NARR_FEED_NONE;
}

narr_feed_kind narr_feed_detect(const char *data, size_t len)
{
    if (len > NARR_FETCH_MAX_BYTES)
        return NARR_FEED_NONE;
    xmlTextReader *r = xmlReaderForMemory(data, (int)len, NULL, NULL, PARSE_OPTIONS);
    narr_feed_kind kind = NARR_FEED_NONE;
    while (r && xmlTextReaderRead(r) == 1) {
        if (xmlTextReaderNodeType(r) == XML_READER_TYPE_ELEMENT) {
            const char *name = (const char *)xmlTextReaderConstLocalName(r);
            const char *ns = (const char *)xmlTextReaderConstNamespaceUri(r);
            kind = name ? kind_of(name, ns) : NARR_FEED_NONE;
            break;
        }
    }
    xmlFreeTextReader(r);
    return kind;
}

/* Appends the text under n. Entity references are skipped, never
 * expanded: that is where "billion laughs" documents explode. */
static narr_status gather(const xmlNode *n, narr_buf *out)
{
    for (const xmlNode *c = n->children; c; c = c->next) {
        narr_status st = NARR_OK;
        if ((c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) && c->content)
            st = narr_buf_append_str(out, (const char *)c->content);
        else if (c->type == XML_ELEMENT_NODE)
            st = gather(c, out);
        if (st != NARR_OK)
            return st;
    }
    return NARR_OK;
}

/* The text of n on one line (runs of white space → one space, trimmed),
 * at most max bytes, cut at a character boundary. NULL when out of memory. */
static char *line_text(const xmlNode *n, size_t max)
{
    narr_buf b;
    narr_buf_init(&b);
    if (n && gather(n, &b) != NARR_OK) {
        narr_buf_deinit(&b);
        return NULL;
    }
    char *s = b.data ? b.data : strdup("");
    if (!s)
        return NULL;
    size_t w = 0;
    for (size_t r = 0; s[r]; r++) {
        bool space = s[r] == ' ' || s[r] == '\t' || s[r] == '\n' || s[r] == '\r';
        if (!space)
            s[w++] = s[r];
        else if (w > 0 && s[w - 1] != ' ')
            s[w++] = ' ';
    }
    if (w > 0 && s[w - 1] == ' ')
        w--;
    if (w > max) {
        w = max;
        while (w > 0 && ((unsigned char)s[w] & 0xC0) == 0x80)
            w--;
    }
    s[w] = '\0';
    return s;
}

/* href (trimmed) made absolute against n's xml:base chain and the
 * document's address; "" when empty or over NARR_FEED_MAX_LINK. */
static char *resolve(xmlDoc *doc, const xmlNode *n, const char *href)
{
    size_t start = strspn(href, " \t\r\n"), len = strlen(href + start);
    while (len > 0 && strchr(" \t\r\n", href[start + len - 1]))
        len--;
    if (len == 0 || len > NARR_FEED_MAX_LINK)
        return strdup("");
    char *h = strndup(href + start, len);
    if (!h)
        return NULL;
    xmlChar *base = xmlNodeGetBase(doc, n);
    xmlChar *abs = xmlBuildURI((const xmlChar *)h, base);
    xmlFree(base);
    char *out = h;
    if (abs) {
        out = strlen((const char *)abs) <= NARR_FEED_MAX_LINK ? strdup((const char *)abs)
                                                                : strdup("");
        free(h);
        xmlFree(abs);
    }
    return out;
}

/* The text of n as a link; "" when n is NULL. */
static char *link_of(xmlDoc *doc, const xmlNode *n)
{
    if (!n)
        return strdup("");
    char *text = line_text(n, NARR_FEED_MAX_LINK + 1);
    char *link = text ? resolve(doc, n, text) : NULL;
    free(text);
    return link;
}

/* Attribute name of n, or "" (never NULL unless out of memory). */
static char *attr(const xmlNode *n, const char *name)
{
    xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
    char *s = strdup(v ? (const char *)v : "");
    xmlFree(v);
    return s;
}

/* Atom's alternate link: rel absent or "alternate"; the first wins. */
static char *atom_link(xmlDoc *doc, const xmlNode *parent)
{
    for (const xmlNode *c = parent->children; c; c = c->next) {
        if (!is(c, NS_ATOM, "link"))
            continue;
        xmlChar *rel = xmlGetProp(c, (const xmlChar *)"rel");
        bool alternate = !rel || strcmp((const char *)rel, "alternate") == 0;
        xmlFree(rel);
        xmlChar *href = xmlGetProp(c, (const xmlChar *)"href");
        char *link = alternate && href ? resolve(doc, c, (const char *)href) : NULL;
        xmlFree(href);
        if (link)
            return link;
    }
    return strdup("");
}

/* Escapes text for HTML, blank lines making paragraphs. */
static narr_status text_as_html(const char *s, narr_buf *out)
{
    narr_status st = narr_buf_append_str(out, "<p>");
    for (; *s && st == NARR_OK; s++) {
        if (*s == '&')
            st = narr_buf_append_str(out, "&amp;");
        else if (*s == '<')
            st = narr_buf_append_str(out, "&lt;");
        else if (*s == '>')
            st = narr_buf_append_str(out, "&gt;");
        else if (s[0] == '\n' && s[1] == '\n') {
            st = narr_buf_append_str(out, "</p>\n<p>");
            while (s[1] == '\n')
                s++;
        } else
            st = narr_buf_append_char(out, *s);
    }
    return st == NARR_OK ? narr_buf_append_str(out, "</p>") : st;
}

/* The HTML of an Atom content/summary element by its type; false when the
 * type is not text (e.g. out-of-line content with src=). */
static narr_status atom_html(xmlDoc *doc, const xmlNode *n, narr_buf *out, bool *usable)
{
    xmlChar *t = xmlGetProp(n, (const xmlChar *)"type");
    const char *type = t ? (const char *)t : "text";
    xmlChar *src = xmlGetProp(n, (const xmlChar *)"src");
    narr_status st = NARR_OK;
    *usable = !src;
    if (src) {
        /* out-of-line content: nothing here */
    } else if (strcmp(type, "xhtml") == 0) {
        const xmlNode *div = n->children;
        while (div && div->type != XML_ELEMENT_NODE)
            div = div->next;
        xmlBuffer *xb = xmlBufferCreate();
        for (const xmlNode *c = div ? div->children : NULL; c && xb; c = c->next)
            xmlNodeDump(xb, doc, (xmlNode *)c, 0, 0);
        st = xb ? narr_buf_append_str(out, (const char *)xmlBufferContent(xb)) : NARR_E_NOMEM;
        xmlBufferFree(xb);
    } else if (strcmp(type, "html") == 0 || strcmp(type, "text/html") == 0) {
        st = gather(n, out);
    } else if (strcmp(type, "text") == 0 || strncmp(type, "text/", 5) == 0) {
        narr_buf text;
        narr_buf_init(&text);
        st = gather(n, &text);
        if (st == NARR_OK)
            st = text_as_html(narr_buf_str(&text), out);
        narr_buf_deinit(&text);
    } else {
        *usable = false;
    }
    xmlFree(t);
    xmlFree(src);
    return st;
}

/* The elements of one item that matter, by kind. */
typedef struct {
    const xmlNode *title, *link, *guid, *date, *alt_date, *content, *summary;
} item_parts;

static void find_parts(const xmlNode *item, narr_feed_kind kind, item_parts *p)
{
    const char *ns = kind == NARR_FEED_ATOM ? NS_ATOM : kind == NARR_FEED_RDF ? NS_RSS1 : NULL;
    *p = (item_parts){0};
    for (const xmlNode *c = item->children; c; c = c->next) {
        const xmlNode **slot = NULL;
        if (is(c, ns, "title"))
            slot = &p->title;
        else if (kind != NARR_FEED_ATOM && is(c, ns, "link"))
            slot = &p->link;
        else if (is(c, ns, kind == NARR_FEED_ATOM ? "id" : "guid"))
            slot = &p->guid;
        else if (is(c, ns, kind == NARR_FEED_ATOM ? "published" : "pubDate"))
            slot = &p->date;
        else if (is(c, NS_DC, "date") || (kind == NARR_FEED_ATOM && is(c, ns, "updated")))
            slot = &p->alt_date;
        else if (is(c, NS_CONTENT, "encoded") || (kind == NARR_FEED_ATOM && is(c, ns, "content")))
            slot = &p->content;
        else if (is(c, ns, kind == NARR_FEED_ATOM ? "summary" : "description"))
            slot = &p->summary;
        if (slot && !*slot)
            *slot = c;
    }
}

static void item_free(narr_feed_item *it)
{
    free(it->title);
    free(it->link);
    free(it->guid);
    free(it->html);
    *it = (narr_feed_item){0};
}

/* The item's content as HTML: full content first, else the summary. */
static narr_status item_html(xmlDoc *doc, const item_parts *p, narr_feed_kind kind,
                             narr_feed_item *it)
{
    narr_buf b;
    narr_buf_init(&b);
    const xmlNode *from[] = {p->content, p->summary};
    narr_status st = NARR_OK;
    for (int i = 0; i < 2 && st == NARR_OK && b.len == 0; i++) {
        if (!from[i])
            continue;
        bool usable = true;
        if (kind == NARR_FEED_ATOM)
            st = atom_html(doc, from[i], &b, &usable);
        else
            st = gather(from[i], &b);
        it->summary_only = i == 1;
    }
    it->html = st == NARR_OK ? (b.data ? b.data : strdup("")) : NULL;
    if (!it->html)
        narr_buf_deinit(&b);
    return it->html ? NARR_OK : NARR_E_NOMEM;
}

static narr_status read_item(xmlDoc *doc, const xmlNode *item, narr_feed_kind kind,
                             narr_feed_item *it)
{
    item_parts p;
    find_parts(item, kind, &p);
    *it = (narr_feed_item){0};
    it->title = line_text(p.title, NARR_FEED_MAX_TITLE);
    it->guid = p.guid ? line_text(p.guid, NARR_FEED_MAX_LINK + 1)
               : kind == NARR_FEED_RDF ? attr(item, "about")
                                      : strdup("");
    if (it->guid && strlen(it->guid) > NARR_FEED_MAX_LINK)
        it->guid[0] = '\0';
    it->link = kind == NARR_FEED_ATOM ? atom_link(doc, item) : link_of(doc, p.link);
    /* RSS: a permalink GUID stands for a missing link. */
    if (it->link && it->guid && !it->link[0] && kind == NARR_FEED_RSS2 && p.guid) {
        xmlChar *perma = xmlGetProp(p.guid, (const xmlChar *)"isPermaLink");
        if (!perma || strcmp((const char *)perma, "false") != 0) {
            free(it->link);
            it->link = link_of(doc, p.guid);
        }
        xmlFree(perma);
    }
    const xmlNode *dates[] = {p.date, p.alt_date};
    for (int i = 0; i < 2 && !it->has_date; i++) {
        char *d = dates[i] ? line_text(dates[i], 64) : NULL;
        it->has_date = d && narr_date_parse(d, &it->date);
        free(d);
    }
    if (!it->title || !it->guid || !it->link || item_html(doc, &p, kind, it) != NARR_OK) {
        item_free(it);
        return NARR_E_NOMEM;
    }
    return NARR_OK;
}

static bool wanted(const narr_feed_item *it, const narr_feed_filter *f)
{
    return !f || !f->has_since || !it->has_date || it->date.when >= f->since;
}

/* The element that holds the items' siblings-or-children: RSS's channel,
 * the Atom feed or the RDF root; and the channel for title and link. */
static narr_status read_items(xmlDoc *doc, const xmlNode *holder, narr_feed_kind kind,
                              const narr_feed_filter *filter, narr_feed *f)
{
    const char *name = kind == NARR_FEED_ATOM ? "entry" : "item";
    const char *ns = kind == NARR_FEED_ATOM ? NS_ATOM : kind == NARR_FEED_RDF ? NS_RSS1 : NULL;
    size_t cap = 0, max = filter && filter->max_items ? filter->max_items : NARR_FEED_MAX_ITEMS;
    if (max > NARR_FEED_MAX_ITEMS)
        max = NARR_FEED_MAX_ITEMS;
    for (const xmlNode *c = holder->children; c && f->n_items < max; c = c->next) {
        if (!is(c, ns, name))
            continue;
        if (f->n_items == cap) {
            narr_feed_item *grown = narr_array_grow(f->items, &cap, sizeof *grown, 16);
            if (!grown)
                return NARR_E_NOMEM;
            f->items = grown;
        }
        narr_feed_item *it = &f->items[f->n_items];
        if (read_item(doc, c, kind, it) != NARR_OK)
            return NARR_E_NOMEM;
        if (wanted(it, filter))
            f->n_items++;
        else
            item_free(it);
    }
    return NARR_OK;
}

static const xmlNode *child(const xmlNode *n, const char *ns, const char *name)
{
    for (const xmlNode *c = n ? n->children : NULL; c; c = c->next)
        if (is(c, ns, name))
            return c;
    return NULL;
}

static narr_status read_feed(xmlDoc *doc, narr_feed_kind kind, const narr_feed_filter *filter,
                             narr_feed *f)
{
    const xmlNode *root = xmlDocGetRootElement(doc);
    const xmlNode *channel = root, *holder = root;
    if (kind == NARR_FEED_RSS2)
        holder = channel = child(root, NULL, "channel");
    else if (kind == NARR_FEED_RDF)
        channel = child(root, NS_RSS1, "channel");
    const char *ns = kind == NARR_FEED_ATOM ? NS_ATOM : kind == NARR_FEED_RDF ? NS_RSS1 : NULL;
    f->title = line_text(child(channel, ns, "title"), NARR_FEED_MAX_TITLE);
    f->link = kind == NARR_FEED_ATOM ? atom_link(doc, root)
                                     : link_of(doc, child(channel, ns, "link"));
    if (!f->title || !f->link)
        return NARR_E_NOMEM;
    return holder ? read_items(doc, holder, kind, filter, f) : NARR_OK;
}

static void say(char *msg, size_t size, const char *url, const char *what)
{
    if (msg && size)
        snprintf(msg, size, L_("%s: %s"), url ? url : L_("feed"), what);
}

narr_status narr_feed_parse(const char *data, size_t len, const char *url,
                            const narr_feed_filter *filter, narr_feed **out, char *msg,
                            size_t msg_size)
{
    *out = NULL;
    if (len > NARR_FETCH_MAX_BYTES) {
        say(msg, msg_size, url, L_("too large (over 40 MB)"));
        return NARR_E_ARG;
    }
    xmlDoc *doc = xmlReadMemory(data, (int)len, url, NULL, PARSE_OPTIONS);
    const xmlNode *root = doc ? xmlDocGetRootElement(doc) : NULL;
    narr_feed_kind kind = root ? kind_of((const char *)root->name,
                                         root->ns ? (const char *)root->ns->href : NULL)
                               : NARR_FEED_NONE;
    if (kind == NARR_FEED_NONE) {
        xmlFreeDoc(doc);
        say(msg, msg_size, url, L_("not an RSS or Atom feed"));
        return NARR_E_DATA;
    }
    narr_feed *f = calloc(1, sizeof *f);
    narr_status st = f ? read_feed(doc, kind, filter, f) : NARR_E_NOMEM;
    xmlFreeDoc(doc);
    if (st != NARR_OK) {
        narr_feed_free(f);
        say(msg, msg_size, url, L_("out of memory"));
        return st;
    }
    f->kind = kind;
    *out = f;
    return NARR_OK;
}

void narr_feed_free(narr_feed *f)
{
    if (!f)
        return;
    for (size_t i = 0; i < f->n_items; i++)
        item_free(&f->items[i]);
    free(f->items);
    free(f->title);
    free(f->link);
    free(f);
}
