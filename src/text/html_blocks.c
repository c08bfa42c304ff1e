/* html_blocks: the article's text, flattened into blocks (headings, items,
 * quotations, paragraphs), cleaned like decoded text (NFC, one space
 * between words), without lists of links or code; and its title: the
 * article's <h1>, og:title, the page's <h1>, or <title> without the site's
 * name ("Le titre | Le Journal" → "Le titre"). */
#include "text/html_private.h"
#include "base/utf8.h"

#include <stdlib.h>

static narr_block_kind kind_of(const xmlNode *n, const xmlNode *top)
{
    for (; n && n != top->parent && n->type == XML_ELEMENT_NODE; n = n->parent) {
        if (narr_html_is_heading(n))
            return NARR_BLOCK_HEADING;
        if (narr_html_is(n, "li") || narr_html_is(n, "dd") || narr_html_is(n, "dt"))
            return NARR_BLOCK_ITEM;
        if (narr_html_is(n, "blockquote"))
            return NARR_BLOCK_QUOTE;
    }
    return NARR_BLOCK_PARAGRAPH;
}

/* Non-space bytes of s. */
static size_t solid_bytes(const char *s)
{
    size_t n = 0;
    for (; *s; s++)
        n += !narr_html_is_space(*s);
    return n;
}

/* Cleans raw (NFC, typography as decode does, one space between words)
 * into out, trimmed. */
static narr_status clean_text(narr_html_walker *w, const char *raw, size_t n, narr_buf *out)
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

narr_status narr_html_add_block(narr_html *h, narr_block_kind kind, const char *s, size_t n)
{
    if (h->count == h->cap) {
        narr_html_stored *b = narr_array_grow(h->blocks, &h->cap, sizeof *b, 64);
        if (!b)
            return NARR_E_NOMEM;
        h->blocks = b;
    }
    h->blocks[h->count++] = (narr_html_stored){kind, h->text.len, n};
    return narr_buf_append(&h->text, s, n);
}

/* Ends the block being gathered. A paragraph or item that is nothing
 * but a link ("Voir aussi notre dossier") is navigation, not text. */
static narr_status flush(narr_html_walker *w)
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
        st = narr_html_add_block(w->h, w->kind, clean.data, clean.len);
    narr_buf_deinit(&clean);
    narr_buf_clear(&w->raw);
    w->link_bytes = 0;
    w->solid = 0;
    return st;
}

static void leave_element(narr_html_walker *w, xmlNode *n)
{
    if (narr_html_is_block(n) && w->err == NARR_OK)
        w->err = flush(w);
}

static bool inside_link(const xmlNode *n, const xmlNode *top)
{
    for (n = n->parent; n && n != top->parent && n->type == XML_ELEMENT_NODE; n = n->parent)
        if (narr_html_is(n, "a"))
            return true;
    return false;
}

narr_status narr_html_gather(narr_html_walker *w, xmlNode *top)
{
    static const char *const listy[] = {"ul", "ol", "dl", "table", "div", "section", NULL};
    w->err = flush(w);
    int depth = 1;
    for (xmlNode *n = top->children; n && w->err == NARR_OK;) {
        bool skip = narr_html_pruned(w, n);
        const narr_html_stats *s = narr_html_stats_of(n);
        /* Lists of links (tags, "related" lists without a name, menus). */
        if (!skip && s && narr_html_is_any(n, listy) && s->text && narr_html_link_density(s) > 0.5)
            skip = true;
        if (!skip && narr_html_is(n, "pre") && narr_html_has_descendant(n, "code"))
            skip = true;
        if (skip) {
            /* nothing */
        } else if (narr_html_is(n, "br")) {
            w->err = w->after_br ? flush(w) : narr_buf_append_char(&w->raw, ' ');
            w->after_br = true;
        } else if (narr_html_is_block(n)) {
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
        n = narr_html_step(n, top, skip, &depth, leave_element, w);
    }
    if (w->err == NARR_OK)
        w->err = flush(w);
    return w->err;
}

/* ---- the title ---- */

/* The text of n's subtree, cleaned, into out ("" when pruned). */
static narr_status text_of(narr_html_walker *w, xmlNode *n, narr_buf *out)
{
    narr_buf_clear(out);
    narr_buf raw;
    narr_buf_init(&raw);
    narr_status st = NARR_OK;
    int depth = 0;
    for (xmlNode *c = n->children; c && st == NARR_OK;) {
        bool skip = narr_html_pruned(w, c);
        if (!skip && c->type != XML_ELEMENT_NODE && c->content)
            st = narr_buf_append_str(&raw, (const char *)c->content);
        else if (!skip && narr_html_is(c, "br"))
            st = narr_buf_append_char(&raw, ' ');
        c = narr_html_step(c, n, skip, &depth, NULL, w);
    }
    if (st == NARR_OK && raw.len)
        st = clean_text(w, raw.data, raw.len, out);
    narr_buf_deinit(&raw);
    return st;
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
narr_status narr_html_find_title(narr_html_walker *w, xmlNode **roots, size_t nroots,
                                 narr_buf *title)
{
    narr_status st = NARR_OK;
    narr_buf_clear(title);
    for (size_t i = 0; i < nroots && st == NARR_OK && !title->len; i++) {
        xmlNode *h1 = narr_html_find_first(w, roots[i], "h1", true);
        if (h1)
            st = text_of(w, h1, title);
    }
    xmlNode *html = xmlDocGetRootElement(w->doc);
    if (!html)
        return st;
    int depth = 0;
    for (xmlNode *n = html; n && st == NARR_OK && !title->len;) {
        const char *prop = narr_html_is(n, "meta") ? narr_html_attr(n, "property") : NULL;
        const char *content = prop ? narr_html_attr(n, "content") : NULL;
        if (prop && content && narr_html_ci_equal(prop, "og:title"))
            st = clean_text(w, content, strlen(content), title);
        n = narr_html_step(n, html, false, &depth, NULL, w);
    }
    xmlNode *h1 = title->len ? NULL : narr_html_find_first(w, html, "h1", true);
    if (h1 && st == NARR_OK)
        st = text_of(w, h1, title);
    xmlNode *t = title->len ? NULL : narr_html_find_first(w, html, "title", false);
    if (t && st == NARR_OK) {
        st = text_of(w, t, title);
        strip_site_name(title);
    }
    return st;
}
