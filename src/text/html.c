/* html: a web page → the article's blocks. Three walks over the libxml2
 * tree, none recursive (a page may nest deeply): one measures the text
 * each element holds, the article is chosen from those measures, and one
 * flattens the article into blocks, which are then handed out one by one.
 * The whole page is in memory for the parse: pages are small, and the
 * size is capped. */
#include "text/html.h"
#include "data/table.h"
#include "text/utf8.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>
#include <stdlib.h>
#include <string.h>

#define PARSE_OPTIONS                                                                  \
    (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
     HTML_PARSE_IGNORE_ENC)

/* Readability's figures: a paragraph counts from 25 characters; a
 * sibling of the best element joins it with a fifth of its score (and
 * at least 10 points). */
#define PARAGRAPH_MIN 25
#define SIBLING_SHARE 0.2
#define SIBLING_MIN 10.0
/* A <form> with less text than this is a form, not a page wrapper. */
#define FORM_TEXT_MAX 1000

typedef struct {
    narr_block_kind kind;
    size_t at, len;
} stored_block;

struct narr_html {
    narr_decoder *dec;
    narr_table *boilerplate;
    bool loaded;
    narr_buf text;          /* every block's text, one after the other */
    stored_block *blocks;
    size_t count, cap, next;
    size_t piece;           /* bytes of blocks[next] already handed out */
    narr_buf current;
    char errmsg[640];
};

/* What the first walk learns about an element (through its _private). */
typedef struct {
    double score;
    size_t own;         /* inline text whose nearest block is this element */
    size_t commas;
    size_t text;        /* all text below */
    size_t links;       /* text below inside <a> */
    size_t stops;       /* full stops below: running text has them */
    bool scored;
} stats;

typedef struct {
    narr_html *h;
    xmlDoc *doc;
    bool use_classes;   /* prune by class and id words too */
    bool measuring;     /* the first walk: forms are not judged yet */
    narr_status err;
    stats *st;
    size_t nst;
    /* the block being gathered */
    narr_buf raw;
    narr_block_kind kind;
    size_t link_bytes;
    size_t solid;       /* non-space bytes gathered */
    bool after_br;
    const char *title;  /* the title's text, to skip its <h1> once */
    bool title_skipped;
    narr_buf tmp, tmp2;
} walker;

narr_html *narr_html_new(narr_decoder *dec)
{
    narr_html *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->dec = dec;
    narr_buf_init(&h->text);
    narr_buf_init(&h->current);
    return h;
}

void narr_html_free(narr_html *h)
{
    if (!h)
        return;
    narr_table_free(h->boilerplate);
    narr_buf_deinit(&h->text);
    narr_buf_deinit(&h->current);
    free(h->blocks);
    free(h);
}

const char *narr_html_errmsg(const narr_html *h) { return h->errmsg; }

/* ---- small helpers -------------------------------------------------- */

static char lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

static bool is_space(char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f'; }

static bool is(const xmlNode *n, const char *name)
{
    return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static bool is_any(const xmlNode *n, const char *const *names)
{
    if (n->type != XML_ELEMENT_NODE)
        return false;
    for (; *names; names++)
        if (strcmp((const char *)n->name, *names) == 0)
            return true;
    return false;
}

static bool is_heading(const xmlNode *n)
{
    const char *s = (const char *)n->name;
    return n->type == XML_ELEMENT_NODE && s[0] == 'h' && s[1] >= '1' && s[1] <= '6' && !s[2];
}

/* The value of attribute name ("" when empty), or NULL. The HTML parser
 * gives names in lower case. */
static const char *attr(const xmlNode *n, const char *name)
{
    for (const xmlAttr *a = n->properties; a; a = a->next) {
        if (strcmp((const char *)a->name, name) != 0)
            continue;
        if (a->children && a->children->type == XML_TEXT_NODE && a->children->content)
            return (const char *)a->children->content;
        return "";
    }
    return NULL;
}

/* True if s contains word (ASCII, case-insensitive), spaces ignored:
 * "display: none" contains "display:none". */
static bool contains_squeezed(const char *s, const char *word)
{
    for (; *s; s++) {
        const char *a = s, *b = word;
        while (*a && *b) {
            if (is_space(*a)) {
                a++;
                continue;
            }
            if (lower(*a) != *b)
                break;
            a++, b++;
        }
        if (!*b)
            return true;
    }
    return false;
}

static bool ci_equal(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (lower(*a) != lower(*b))
            return false;
    return *a == *b;
}

static stats *stats_of(const xmlNode *n)
{
    return n->type == XML_ELEMENT_NODE ? (stats *)n->_private : NULL;
}

/* ---- what is not the article ---------------------------------------- */

static const char *const always_dropped[] = {
    "script", "style", "noscript", "template", "iframe", "frame", "frameset", "object",
    "embed", "applet", "svg", "math", "canvas", "video", "audio", "picture", "img", "map",
    "button", "input", "select", "textarea", "label", "option", "nav", "aside", "footer",
    "figure", "figcaption", "dialog", "menu", "head", "title", "meta", "link", "base",
    "source", "track", "area", NULL};

static const char *const dropped_roles[] = {
    "navigation", "banner", "contentinfo", "complementary", "search", "dialog",
    "alertdialog", "menu", "menubar", "toolbar", "button", "tablist", "form", NULL};

static bool hidden(const xmlNode *n)
{
    if (attr(n, "hidden"))
        return true;
    const char *v = attr(n, "aria-hidden");
    if (v && ci_equal(v, "true"))
        return true;
    v = attr(n, "style");
    return v && (contains_squeezed(v, "display:none") || contains_squeezed(v, "visibility:hidden"));
}

/* Looks up the class or id words of value: each name whole, and its
 * parts split at '-', '_' and camelCase, alone or two and three in a
 * row: "article__share-buttons" tries "share", "share-buttons", ...;
 * "u-visually-hidden" finds "visually-hidden". */
static bool names_furniture(const narr_table *t, const char *value)
{
    char part[8][32];
    int parts = 0;
    size_t len = 0;
    for (const char *p = value;; p++) {
        bool alnum = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9');
        bool camel = *p >= 'A' && *p <= 'Z' && p > value && p[-1] >= 'a' && p[-1] <= 'z';
        if ((!alnum || camel) && len) {
            if (parts < 8)
                part[parts++][len] = '\0';
            len = 0;
        }
        bool name_end = !*p || is_space(*p);
        if (name_end && parts) {
            char joined[100];
            for (int i = 0; i < parts; i++) {
                size_t k = 0;
                for (int j = i; j < parts && j < i + 3; j++) {
                    size_t m = strlen(part[j]);
                    if (k + m + 2 > sizeof joined)
                        break;
                    if (j > i)
                        joined[k++] = '-';
                    memcpy(joined + k, part[j], m);
                    k += m;
                    joined[k] = '\0';
                    if (narr_table_find(t, joined, k))
                        return true;
                }
            }
            parts = 0;
        }
        if (!*p)
            return false;
        if (alnum && parts < 8 && len < sizeof part[0] - 1)
            part[parts][len++] = lower(*p);
    }
}

static bool has_ancestor(const xmlNode *n, const char *const *names)
{
    for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
        if (is_any(n, names))
            return true;
        const char *role = attr(n, "role");
        if (role && (strcmp(role, "main") == 0 || strcmp(role, "article") == 0))
            return true;
    }
    return false;
}

static bool has_descendant(const xmlNode *n, const char *name)
{
    const xmlNode *c = n->children;
    while (c && c != n) {
        if (is(c, name))
            return true;
        if (c->children) {
            c = c->children;
            continue;
        }
        while (c != n && !c->next)
            c = c->parent;
        if (c != n)
            c = c->next;
    }
    return false;
}

static bool is_content_tag(const xmlNode *n)
{
    static const char *const kept[] = {"html", "body", "article", "main", NULL};
    return is_any(n, kept);
}

/* True when the element and all below it are not read. */
static bool pruned(const walker *w, const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE)
        return n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE;
    static const char *const articles[] = {"article", "main", NULL};
    if (is_any(n, always_dropped) || hidden(n))
        return true;
    /* A page header goes, an article's header (title, standfirst) stays;
     * so does a header holding the title without navigation. */
    if (is(n, "header") && !has_ancestor(n, articles) &&
        (!has_descendant(n, "h1") || has_descendant(n, "nav")))
        return true;
    const char *role = attr(n, "role");
    for (const char *const *r = dropped_roles; role && *r; r++)
        if (ci_equal(role, *r))
            return true;
    /* Some sites wrap the whole page in a <form>: only a form without
     * much running text is a form. */
    if (is(n, "form") && !w->measuring) {
        const stats *s = stats_of(n);
        if (!s || s->text - s->links < FORM_TEXT_MAX)
            return true;
    }
    if (w->use_classes && w->h->boilerplate && !is_content_tag(n)) {
        const char *v = attr(n, "class");
        if (v && names_furniture(w->h->boilerplate, v))
            return true;
        v = attr(n, "id");
        if (v && names_furniture(w->h->boilerplate, v))
            return true;
    }
    return false;
}

/* ---- walking -------------------------------------------------------- */

/* The next node in document order after n, below top; skip_children
 * steps over n's subtree. *depth follows the steps. */
static xmlNode *step(xmlNode *n, const xmlNode *top, bool skip_children, int *depth,
                     void (*leave)(walker *, xmlNode *), walker *w)
{
    if (!skip_children && n->children && *depth < NARR_HTML_MAX_DEPTH) {
        ++*depth;
        return n->children;
    }
    if (leave && n->type == XML_ELEMENT_NODE)
        leave(w, n);
    while (n != top && !n->next) {
        n = n->parent;
        --*depth;
        if (n != top && leave)
            leave(w, n);
    }
    return n == top ? NULL : n->next;
}

static const char *const block_tags[] = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "caption", "legend", "noscript", NULL};

static bool is_block(const xmlNode *n) { return is_any(n, block_tags); }

/* Non-space bytes of s. */
static size_t solid_bytes(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += !is_space(*s);
    return n;
}

/* Visible length of a text node: whitespace runs count as one. Adds its
 * commas to *commas and its full stops to *stops. */
static size_t visible_length(const char *s, size_t *commas, size_t *stops)
{
    size_t n = 0;
    bool space = true;
    for (; *s; s++) {
        if (is_space(*s)) {
            n += !space;
            space = true;
            continue;
        }
        space = false;
        n++;
        *commas += *s == ',';
        *stops += *s == '.' && (is_space(s[1]) || !s[1]);
    }
    return n;
}

/* First walk: the text below each element, its links, its own inline
 * text (for paragraph-like elements); needs stats in _private. */
static void measure(walker *w, xmlNode *top)
{
    int depth = 0;
    for (xmlNode *n = top->children; n;) {
        bool skip = pruned(w, n);
        if (!skip && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
            n->content) {
            size_t commas = 0, stops = 0;
            size_t len = visible_length((const char *)n->content, &commas, &stops);
            bool link = false;
            stats *owner = NULL;
            for (xmlNode *a = n->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
                link |= is(a, "a");
                if (!owner && is_block(a))
                    owner = stats_of(a);
            }
            if (owner) {
                owner->own += len;
                owner->commas += commas;
            }
            for (xmlNode *a = n->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
                stats *s = stats_of(a);
                s->text += len;
                s->links += link ? len : 0;
                s->stops += stops;
            }
        }
        n = step(n, top, skip, &depth, NULL, w);
    }
}

static double link_density(const stats *s)
{
    return s->text ? (double)s->links / (double)s->text : 0;
}

/* Readability's scores: each paragraph-like element gives its parent
 * 1 + commas + one point per 100 characters (at most 3), and less to
 * the ancestors above. The best element is returned (NULL if none). */
static xmlNode *best_candidate(walker *w, xmlNode *top)
{
    static const char *const scored[] = {"p", "div", "section", "td", "pre", "blockquote",
                                         "dd", "article", "main", "center", NULL};
    xmlNode *best = NULL;
    double best_score = 0;
    int depth = 0;
    for (xmlNode *n = top->children; n;) {
        bool skip = pruned(w, n);
        const stats *s = stats_of(n);
        if (!skip && s && is_any(n, scored) && s->own >= PARAGRAPH_MIN) {
            double points = 1 + (double)s->commas + (s->own / 100 < 3 ? (double)(s->own / 100) : 3);
            xmlNode *a = n->parent;
            for (int level = 0; level < 5 && a && a->type == XML_ELEMENT_NODE;
                 level++, a = a->parent) {
                stats *as = stats_of(a);
                as->scored = true;
                as->score += points / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }
        n = step(n, top, skip, &depth, NULL, w);
    }
    for (size_t i = 0; i < w->nst; i++) {
        stats *s = &w->st[i];
        if (!s->scored)
            continue;
        s->score *= 1 - link_density(s);
    }
    depth = 0;
    for (xmlNode *n = top; n;) {
        bool skip = n != top && pruned(w, n);
        const stats *s = stats_of(n);
        if (!skip && s && s->scored && s->score > best_score) {
            best = n;
            best_score = s->score;
        }
        n = step(n, top, skip, &depth, NULL, w);
    }
    return best;
}

/* ---- gathering blocks ----------------------------------------------- */

static narr_block_kind kind_of(const xmlNode *n, const xmlNode *top)
{
    for (; n && n != top->parent && n->type == XML_ELEMENT_NODE; n = n->parent) {
        if (is_heading(n))
            return NARR_BLOCK_HEADING;
        if (is(n, "li") || is(n, "dd") || is(n, "dt"))
            return NARR_BLOCK_ITEM;
        if (is(n, "blockquote"))
            return NARR_BLOCK_QUOTE;
    }
    return NARR_BLOCK_PARAGRAPH;
}

/* Cleans raw (NFC, typography as decode does, one space between words)
 * into out, trimmed. */
static narr_status clean_text(walker *w, const char *raw, size_t n, narr_buf *out)
{
    narr_buf_clear(&w->tmp);
    narr_buf_clear(&w->tmp2);
    narr_status st = narr_utf8_nfc(raw, n, &w->tmp);
    if (st == NARR_OK)
        st = narr_decode_clean(narr_buf_str(&w->tmp), w->tmp.len, &w->tmp2);
    const char *s = narr_buf_str(&w->tmp2);
    for (size_t i = 0; st == NARR_OK && i < w->tmp2.len; i++) {
        if (s[i] == ' ' && (out->len == 0 || narr_buf_last(out) == ' '))
            continue;
        st = narr_buf_append_char(out, s[i]);
    }
    while (out->len && narr_buf_last(out) == ' ')
        out->data[--out->len] = '\0';
    return st;
}

static narr_status add_block(narr_html *h, narr_block_kind kind, const char *s, size_t n)
{
    if (h->count == h->cap) {
        size_t cap = h->cap ? h->cap * 2 : 64;
        stored_block *b = realloc(h->blocks, cap * sizeof *b);
        if (!b)
            return NARR_E_NOMEM;
        h->blocks = b;
        h->cap = cap;
    }
    h->blocks[h->count++] = (stored_block){kind, h->text.len, n};
    return narr_buf_append(&h->text, s, n);
}

/* Ends the block being gathered. A paragraph or item that is nothing
 * but a link ("Voir aussi notre dossier") is navigation, not text. */
static narr_status flush(walker *w)
{
    narr_status st = NARR_OK;
    w->after_br = false;
    if (w->raw.len == 0)
        return NARR_OK;
    narr_buf clean;
    narr_buf_init(&clean);
    st = clean_text(w, w->raw.data, w->raw.len, &clean);
    bool link_only = (w->kind == NARR_BLOCK_PARAGRAPH || w->kind == NARR_BLOCK_ITEM) &&
                     w->link_bytes * 10 >= w->solid * 9;
    bool is_title = w->kind == NARR_BLOCK_HEADING && w->title && !w->title_skipped &&
                    strcmp(narr_buf_str(&clean), w->title) == 0;
    w->title_skipped |= is_title;
    if (st == NARR_OK && clean.len && !link_only && !is_title)
        st = add_block(w->h, w->kind, clean.data, clean.len);
    narr_buf_deinit(&clean);
    narr_buf_clear(&w->raw);
    w->link_bytes = 0;
    w->solid = 0;
    return st;
}

static void leave_element(walker *w, xmlNode *n)
{
    if (is_block(n) && w->err == NARR_OK)
        w->err = flush(w);
}

static bool inside_link(const xmlNode *n, const xmlNode *top)
{
    for (n = n->parent; n && n != top->parent && n->type == XML_ELEMENT_NODE; n = n->parent)
        if (is(n, "a"))
            return true;
    return false;
}

/* Second walk: the text below top as blocks. */
static narr_status gather(walker *w, xmlNode *top)
{
    static const char *const listy[] = {"ul", "ol", "dl", "table", "div", "section", NULL};
    w->err = flush(w);
    int depth = 1;
    for (xmlNode *n = top->children; n && w->err == NARR_OK;) {
        bool skip = pruned(w, n);
        const stats *s = stats_of(n);
        /* Lists of links (tags, "related" lists without a name, menus). */
        if (!skip && s && is_any(n, listy) && s->text && link_density(s) > 0.5)
            skip = true;
        if (!skip && is(n, "pre") && has_descendant(n, "code"))
            skip = true;
        if (skip) {
            /* nothing */
        } else if (is(n, "br")) {
            w->err = w->after_br ? flush(w) : narr_buf_append_char(&w->raw, ' ');
            w->after_br = true;
        } else if (is_block(n)) {
            w->err = flush(w);
        } else if (n->type != XML_ELEMENT_NODE && n->content) {
            const char *text = (const char *)n->content;
            size_t solid = solid_bytes(text);
            if (solid) {
                if (w->solid == 0)
                    w->kind = kind_of(n->parent, top);
                w->solid += solid;
                w->after_br = false;
                if (inside_link(n, top))
                    w->link_bytes += solid;
            }
            w->err = narr_buf_append_str(&w->raw, text);
        }
        n = step(n, top, skip, &depth, leave_element, w);
    }
    if (w->err == NARR_OK)
        w->err = flush(w);
    return w->err;
}

/* The text of n's subtree, cleaned, into out ("" when pruned). */
static narr_status text_of(walker *w, xmlNode *n, narr_buf *out)
{
    narr_buf_clear(out);
    narr_buf raw;
    narr_buf_init(&raw);
    narr_status st = NARR_OK;
    int depth = 0;
    for (xmlNode *c = n->children; c && st == NARR_OK;) {
        bool skip = pruned(w, c);
        if (!skip && c->type != XML_ELEMENT_NODE && c->content)
            st = narr_buf_append_str(&raw, (const char *)c->content);
        else if (!skip && is(c, "br"))
            st = narr_buf_append_char(&raw, ' ');
        c = step(c, n, skip, &depth, NULL, w);
    }
    if (st == NARR_OK && raw.len)
        st = clean_text(w, raw.data, raw.len, out);
    narr_buf_deinit(&raw);
    return st;
}

/* ---- the title ------------------------------------------------------ */

static xmlNode *find_first(walker *w, xmlNode *top, const char *name, bool prune)
{
    int depth = 0;
    for (xmlNode *n = top; n;) {
        bool skip = prune && n != top && pruned(w, n);
        if (!skip && is(n, name))
            return n;
        n = step(n, top, skip, &depth, NULL, w);
    }
    return NULL;
}

/* "Le titre | Le Journal" → "Le titre": the longest part between
 * separators, since a site's name is shorter than its headlines. */
static void strip_site_name(narr_buf *title)
{
    static const char *const seps[] = {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ",
                                       " \xc2\xb7 ", " :: ", " \xe2\x80\xa2 ", NULL};
    const char *s = narr_buf_str(title);
    size_t n = title->len, best_at = 0, best_len = 0, start = 0;
    for (size_t i = 0; i <= n; i++) {
        size_t sep = 0;
        for (int k = 0; i < n && seps[k] && !sep; k++)
            if (strncmp(s + i, seps[k], strlen(seps[k])) == 0)
                sep = strlen(seps[k]);
        if (!sep && i < n)
            continue;
        if (i - start > best_len) {
            best_at = start;
            best_len = i - start;
        }
        if (i < n) {
            start = i + sep;
            i += sep - 1;
        }
    }
    if (best_len < n) {
        memmove(title->data, title->data + best_at, best_len);
        title->len = best_len;
        title->data[best_len] = '\0';
    }
}

/* The title: the article's <h1>, else og:title, else the page's first
 * <h1>, else <title> without the site's name. */
static narr_status find_title(walker *w, xmlNode **roots, size_t nroots, narr_buf *title)
{
    narr_status st = NARR_OK;
    narr_buf_clear(title);
    for (size_t i = 0; i < nroots && st == NARR_OK && !title->len; i++) {
        xmlNode *h1 = find_first(w, roots[i], "h1", true);
        if (h1)
            st = text_of(w, h1, title);
    }
    xmlNode *html = xmlDocGetRootElement(w->doc);
    if (!html)
        return st;
    int depth = 0;
    for (xmlNode *n = html; n && st == NARR_OK && !title->len;) {
        const char *prop = is(n, "meta") ? attr(n, "property") : NULL;
        const char *content = prop ? attr(n, "content") : NULL;
        if (prop && content && ci_equal(prop, "og:title"))
            st = clean_text(w, content, strlen(content), title);
        n = step(n, html, false, &depth, NULL, w);
    }
    xmlNode *h1 = title->len ? NULL : find_first(w, html, "h1", true);
    if (h1 && st == NARR_OK)
        st = text_of(w, h1, title);
    xmlNode *t = title->len ? NULL : find_first(w, html, "title", false);
    if (t && st == NARR_OK) {
        st = text_of(w, t, title);
        strip_site_name(title);
    }
    return st;
}

/* ---- choosing the article ------------------------------------------- */

static bool is_article_root(const xmlNode *n)
{
    static const char *const tags[] = {"article", "main", NULL};
    const char *role = n->type == XML_ELEMENT_NODE ? attr(n, "role") : NULL;
    return is_any(n, tags) || (role && (strcmp(role, "main") == 0 || strcmp(role, "article") == 0));
}

/* Readability's siblings: the best element and those next to it that
 * score well too, or hold running text (few links, or none and a full
 * stop); a heading comes with the element it introduces. */
static size_t siblings(walker *w, xmlNode *best, xmlNode **roots, size_t max)
{
    const stats *bs = stats_of(best);
    double threshold = bs->score * SIBLING_SHARE > SIBLING_MIN ? bs->score * SIBLING_SHARE
                                                               : SIBLING_MIN;
    enum { MAX_SIBLINGS = 4096, no = 0, yes, heading };
    xmlNode *child[MAX_SIBLINGS];
    int take[MAX_SIBLINGS];
    size_t k = 0;
    for (xmlNode *c = best->parent->children; c && k < MAX_SIBLINGS; c = c->next) {
        const stats *s = stats_of(c);
        if (!s || (c != best && pruned(w, c)))
            continue;
        child[k] = c;
        take[k++] = c == best                                              ? yes
                    : is_heading(c)                                       ? heading
                    : s->scored && s->score >= threshold                   ? yes
                    : s->text > 80 && link_density(s) < 0.25              ? yes
                    : s->text >= PARAGRAPH_MIN && !s->links && s->stops  ? yes
                                                                          : no;
    }
    bool next_taken = false;
    for (size_t i = k; i-- > 0;) {
        if (take[i] == heading)
            take[i] = next_taken ? yes : no;
        next_taken = take[i] == yes;
    }
    size_t count = 0;
    for (size_t i = 0; i < k && count < max; i++)
        if (take[i] == yes)
            roots[count++] = child[i];
    return count;
}

/* The elements to read, in order: the <article> or <main> around the
 * best-scored element; or that element with its siblings that score
 * well too (readability); or, without any, the largest <article>,
 * <main> or the body. */
static size_t choose_roots(walker *w, xmlNode *body, xmlNode **roots, size_t max)
{
    xmlNode *best = best_candidate(w, body);
    if (best) {
        for (xmlNode *a = best; a && a != body->parent; a = a->parent) {
            if (a->type != XML_ELEMENT_NODE || !is_article_root(a))
                continue;
            /* A live blog is a row of <article> posts: read them all when
             * the best one holds less than half of their text. */
            xmlNode *parent = a->parent;
            int posts = 0;
            for (xmlNode *c = parent ? parent->children : NULL; c; c = c->next)
                posts += is(c, "article") && !pruned(w, c);
            if (is(a, "article") && posts >= 3 && parent != body->parent &&
                stats_of(a)->text * 2 < stats_of(parent)->text)
                a = parent;
            roots[0] = a;
            return 1;
        }
        return siblings(w, best, roots, max);
    }
    xmlNode *largest = NULL;
    int depth = 0;
    for (xmlNode *n = body; n;) {
        bool skip = n != body && pruned(w, n);
        const stats *s = stats_of(n);
        if (!skip && s && is_article_root(n) && (!largest || s->text > stats_of(largest)->text))
            largest = n;
        n = step(n, body, skip, &depth, NULL, w);
    }
    roots[0] = largest ? largest : body;
    return 1;
}

/* ---- reading the page ----------------------------------------------- */

bool narr_html_declared_charset(const char *head, size_t n, char *charset, size_t size)
{
    for (size_t i = 0; i + 8 < n; i++) {
        if (head[i] != '<')
            continue;
        bool xml = i + 5 < n && strncmp(head + i, "<?xml", 5) == 0;
        bool meta = i + 5 < n && lower(head[i + 1]) == 'm' && lower(head[i + 2]) == 'e' &&
                    lower(head[i + 3]) == 't' && lower(head[i + 4]) == 'a';
        if (!xml && !meta)
            continue;
        const char *word = xml ? "encoding" : "charset";
        size_t wl = strlen(word);
        for (size_t j = i + 5; j + wl < n && head[j] != '>'; j++) {
            size_t k = 0;
            while (k < wl && lower(head[j + k]) == word[k])
                k++;
            if (k < wl)
                continue;
            j += wl;
            while (j < n && is_space(head[j]))
                j++;
            if (j >= n || head[j] != '=')
                continue;
            j++;
            while (j < n && (is_space(head[j]) || head[j] == '"' || head[j] == '\''))
                j++;
            size_t len = 0;
            while (j + len < n && len + 1 < size &&
                   ((head[j + len] >= 'a' && head[j + len] <= 'z') ||
                    (head[j + len] >= 'A' && head[j + len] <= 'Z') ||
                    (head[j + len] >= '0' && head[j + len] <= '9') || head[j + len] == '-' ||
                    head[j + len] == '_' || head[j + len] == '.' || head[j + len] == ':'))
                len++;
            if (!len)
                continue;
            memcpy(charset, head + j, len);
            charset[len] = '\0';
            return true;
        }
    }
    return false;
}

/* True if s[0..n) has non-ASCII bytes and is valid UTF-8 (a character
 * cut at the very end allowed): a page that says "windows-1252" but is
 * UTF-8 is read as UTF-8, as its author saw it. */
static bool plainly_utf8(const char *s, size_t n)
{
    bool high = false;
    for (size_t i = 0; i < n && !high; i++)
        high = (unsigned char)s[i] >= 0x80;
    size_t bad;
    return high && (narr_utf8_valid(s, n, &bad) || bad + 4 > n);
}

/* Picks the charset: a byte order mark, else the declared one (Latin-1
 * and ASCII labels mean Windows-1252, as in browsers), else UTF-8 with
 * the decoder's Windows-1252 fallback. */
static void apply_charset(narr_html *h)
{
    const char *head;
    size_t n;
    char charset[64];
    if (narr_decoder_peek(h->dec, &head, &n) != NARR_OK || narr_decoder_had_bom(h->dec) ||
        !narr_html_declared_charset(head, n, charset, sizeof charset))
        return;
    static const char *const latin1[] = {"iso-8859-1", "iso8859-1", "latin1", "l1",
                                         "us-ascii", "ascii", "iso_8859-1", "cp1252", NULL};
    for (int i = 0; latin1[i]; i++)
        if (ci_equal(charset, latin1[i]))
            snprintf(charset, sizeof charset, "windows-1252");
    if (!ci_equal(charset, "utf-8") && !ci_equal(charset, "utf8") && plainly_utf8(head, n))
        return;
    if (narr_decoder_set_charset(h->dec, charset) == NARR_E_ARG) {
        char msg[640];
        snprintf(msg, sizeof msg, "%s: the page declares an unknown charset '%s'; reading it as UTF-8",
                 narr_decoder_name(h->dec), charset);
        narr_decoder_warn(h->dec, msg);
    }
}

/* Reads the whole page (decoded lines, joined back) into page. */
static narr_status read_page(narr_html *h, narr_buf *page)
{
    narr_line line;
    narr_status st;
    bool joined = true;
    while ((st = narr_decoder_next(h->dec, &line)) == NARR_OK) {
        if (page->len + line.len + 1 > NARR_HTML_MAX_BYTES) {
            snprintf(h->errmsg, sizeof h->errmsg,
                     "%s: this page is larger than %d MB; save the article alone "
                     "(as text or HTML) and read that",
                     narr_decoder_name(h->dec), NARR_HTML_MAX_BYTES / (1024 * 1024));
            return NARR_E_ARG;
        }
        if (!joined && (st = narr_buf_append_char(page, '\n')) != NARR_OK)
            return st;
        if ((st = narr_buf_append(page, line.text, line.len)) != NARR_OK)
            return st;
        joined = line.cut;
    }
    return st == NARR_E_EMPTY ? NARR_OK : st;
}

static narr_status extract(narr_html *h, xmlDoc *doc)
{
    xmlNode *html = xmlDocGetRootElement(doc);
    if (!html)
        return NARR_OK;
    xmlNode *body = find_first(NULL, html, "body", false);
    if (!body)
        body = html;
    walker w = {.h = h, .doc = doc, .use_classes = true};
    narr_buf_init(&w.raw);
    narr_buf_init(&w.tmp);
    narr_buf_init(&w.tmp2);
    narr_buf title;
    narr_buf_init(&title);
    /* One stats record per element, reached through _private. */
    int depth = 0;
    for (xmlNode *n = html; n; n = step(n, html, false, &depth, NULL, &w))
        w.nst += n->type == XML_ELEMENT_NODE;
    narr_status st = NARR_OK;
    w.st = calloc(w.nst ? w.nst : 1, sizeof *w.st);
    if (!w.st)
        st = NARR_E_NOMEM;
    for (int pass = 0; pass < 2 && st == NARR_OK; pass++) {
        size_t i = 0;
        depth = 0;
        for (xmlNode *n = html; n; n = step(n, html, false, &depth, NULL, &w))
            if (n->type == XML_ELEMENT_NODE) {
                w.st[i] = (stats){0};
                n->_private = &w.st[i++];
            }
        w.measuring = true;
        measure(&w, html);
        w.measuring = false;
        xmlNode *roots[256];
        size_t nroots = choose_roots(&w, body, roots, 256);
        st = find_title(&w, roots, nroots, &title);
        h->count = 0;
        narr_buf_clear(&h->text);
        if (st == NARR_OK && title.len)
            st = add_block(h, NARR_BLOCK_TITLE, title.data, title.len);
        w.title = narr_buf_str(&title);
        w.title_skipped = false;
        for (size_t r = 0; r < nroots && st == NARR_OK; r++)
            st = gather(&w, roots[r]);
        /* Class words that caught the whole article: read without them. */
        if (h->count > (title.len ? 1u : 0u))
            break;
        w.use_classes = false;
    }
    depth = 0;
    for (xmlNode *n = html; n; n = step(n, html, false, &depth, NULL, &w))
        n->_private = NULL;
    free(w.st);
    narr_buf_deinit(&title);
    narr_buf_deinit(&w.raw);
    narr_buf_deinit(&w.tmp);
    narr_buf_deinit(&w.tmp2);
    return st;
}

static narr_status load(narr_html *h)
{
    h->loaded = true;
    narr_status st = NARR_OK;
    char msg[512];
    h->boilerplate = narr_table_from_asset("html_boilerplate", 1, &st, msg, sizeof msg);
    if (!h->boilerplate) {
        snprintf(h->errmsg, sizeof h->errmsg, "%s", msg);
        return st;
    }
    apply_charset(h);
    narr_buf page;
    narr_buf_init(&page);
    st = read_page(h, &page);
    if (st == NARR_OK && page.len) {
        xmlDoc *doc = htmlReadMemory(page.data, (int)page.len, NULL, "UTF-8", PARSE_OPTIONS);
        narr_buf_deinit(&page);
        if (doc) {
            st = extract(h, doc);
            xmlFreeDoc(doc);
        }
    }
    narr_buf_deinit(&page);
    return st;
}

narr_status narr_html_next(narr_html *h, narr_block *block)
{
    if (!h->loaded) {
        narr_status st = load(h);
        if (st != NARR_OK)
            return st;
    }
    if (h->next >= h->count)
        return NARR_E_EMPTY;
    const stored_block *b = &h->blocks[h->next];
    const char *s = h->text.data + b->at + h->piece;
    size_t n = b->len - h->piece;
    bool continues = false;
    /* A paragraph longer than a block comes in pieces cut at a space. */
    if (n > NARR_BLOCK_MAX) {
        size_t cut = NARR_BLOCK_MAX;
        while (cut > NARR_BLOCK_MAX / 2 && s[cut - 1] != ' ')
            cut--;
        if (s[cut - 1] != ' ')
            while (cut < n && ((unsigned char)s[cut] & 0xC0) == 0x80)
                cut++;
        n = cut;
        continues = true;
    }
    narr_buf_clear(&h->current);
    narr_status st = narr_buf_append(&h->current, s, n);
    if (st != NARR_OK)
        return st;
    block->kind = h->piece ? NARR_BLOCK_PARAGRAPH : b->kind;
    block->text = narr_buf_str(&h->current);
    block->len = h->current.len;
    block->continues = continues;
    block->line = 0;
    if (continues) {
        h->piece += n;
    } else {
        h->piece = 0;
        h->next++;
    }
    return NARR_OK;
}
