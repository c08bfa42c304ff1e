/* html_blocks: the article's text, flattened into blocks (headings, items,
 * quotations, paragraphs), cleaned like decoded text (NFC, one space
 * between words), without lists of links or code; and its title: the
 * article's <h1>, og:title, the page's <h1>, or <title> without the site's
 * name ("Le titre | Le Journal" → "Le titre"). */
#include "text/html_private.h"
#include "base/utf8.h"
#include "text/sentences.h"

#include <stdlib.h>
#include <strings.h>

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

/* Cleans raw[0..n) (NFC, typography as decode does, one space between
 * words) onto the end of out, with no space at its start. */
static narr_status clean_append(narr_html_walker *w, const char *raw, size_t n, narr_buf *out)
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
    return st;
}

static void trim_end(narr_buf *out)
{
    while (out->len && narr_buf_last(out) == ' ')
        out->data[--out->len] = '\0';
}

/* Cleans raw into out, trimmed. */
static narr_status clean_text(narr_html_walker *w, const char *raw, size_t n, narr_buf *out)
{
    narr_status st = clean_append(w, raw, n, out);
    trim_end(out);
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
    h->blocks[h->count++] = (narr_html_stored){.kind = kind, .at = h->text.len, .len = n,
                                               .span_at = h->nspans};
    return narr_buf_append(&h->text, s, n);
}

/* ---- languages ---- */

bool narr_html_lang_is_french(const char *lang)
{
    return narr_html_lower(lang[0]) == 'f' && narr_html_lower(lang[1]) == 'r' &&
           (lang[2] == '\0' || lang[2] == '-' || lang[2] == '_');
}

const char *narr_html_intern_lang(narr_html *h, const char *lang)
{
    size_t n = strlen(lang);
    if (n == 0 || n >= NARR_HTML_LANG_SIZE)
        return NULL;
    for (size_t i = 0; i < h->nlangs; i++)
        if (narr_html_ci_equal(h->langs[i], lang))
            return h->langs[i];
    if (h->nlangs == NARR_HTML_MAX_LANGS)
        return NULL;
    memcpy(h->langs[h->nlangs], lang, n + 1);
    return h->langs[h->nlangs++];
}

/* The language of text node n when it is not French: the nearest lang
 * attribute above it; the page's own (on <html>) is not a passage. */
static const char *lang_of(narr_html_walker *w, const xmlNode *n)
{
    for (const xmlNode *a = n->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
        const char *lang = narr_html_attr(a, "lang");
        if (!lang || !*lang)
            continue;
        if (narr_html_is(a, "html") || narr_html_lang_is_french(lang))
            return NULL;
        return narr_html_intern_lang(w->h, lang);
    }
    return NULL;
}

static narr_status add_span(narr_html *h, size_t at, size_t len, const char *lang)
{
    if (h->nspans == h->spans_cap) {
        narr_lang_span *s = narr_array_grow(h->spans, &h->spans_cap, sizeof *s, 16);
        if (!s)
            return NARR_E_NOMEM;
        h->spans = s;
    }
    h->spans[h->nspans++] = (narr_lang_span){at, len, lang};
    return NARR_OK;
}

/* ---- lines and paragraphs ---- */

/* Stores raw's text as a block (a line of the paragraph when line_end),
 * with its passages in other languages; a byline or a counter is not
 * stored. */
static narr_status store_line(narr_html_walker *w, bool line_end)
{
    narr_html *h = w->h;
    narr_buf clean;
    narr_buf_init(&clean);
    narr_status st = NARR_OK;
    /* Segment k runs from its start to the next one's; segment 0 is French. */
    size_t first_span = h->nspans;
    narr_lang_span spans[NARR_HTML_MAX_SEGMENTS];
    size_t nspans = 0;
    for (size_t k = 0; k <= w->nseg && st == NARR_OK; k++) {
        size_t from = k ? w->seg_at[k - 1] : 0;
        size_t to = k < w->nseg ? w->seg_at[k] : w->raw.len;
        const char *lang = k ? w->seg_lang[k - 1] : NULL;
        size_t before = clean.len;
        st = clean_append(w, w->raw.data + from, to - from, &clean);
        if (lang && clean.len > before && nspans < NARR_HTML_MAX_SEGMENTS)
            spans[nspans++] = (narr_lang_span){before, clean.len - before, lang};
    }
    trim_end(&clean);
    const char *s = narr_buf_str(&clean);
    bool prose = w->kind == NARR_BLOCK_PARAGRAPH || w->kind == NARR_BLOCK_ITEM;
    bool furniture = prose && (narr_html_is_byline(s, clean.len) || narr_html_is_counter(s, clean.len));
    const char *whole = NULL;
    for (size_t i = 0; st == NARR_OK && i < nspans && clean.len && !furniture; i++) {
        narr_lang_span sp = spans[i];
        if (sp.at >= clean.len)
            continue;
        if (sp.at + sp.len > clean.len)
            sp.len = clean.len - sp.at;
        while (sp.len && s[sp.at] == ' ')
            sp.at++, sp.len--;
        while (sp.len && s[sp.at + sp.len - 1] == ' ')
            sp.len--;
        if (!sp.len)
            continue;
        /* Passages in one language with only a space between are one. */
        narr_lang_span *last = h->nspans > first_span ? &h->spans[h->nspans - 1] : NULL;
        if (last && last->lang == sp.lang && last->at + last->len + 1 >= sp.at)
            last->len = sp.at + sp.len - last->at;
        else
            st = add_span(h, sp.at, sp.len, sp.lang);
    }
    if (h->nspans == first_span + 1 && h->spans[first_span].at == 0 &&
        h->spans[first_span].len == clean.len) {
        whole = h->spans[first_span].lang;
        h->nspans = first_span;
    }
    if (st == NARR_OK && clean.len && !furniture) {
        st = narr_html_add_block(h, w->kind, clean.data, clean.len);
        if (st == NARR_OK) {
            narr_html_stored *b = &h->blocks[h->count - 1];
            b->line_end = line_end;
            b->lang = whole;
            b->span_at = first_span;
            b->nspans = h->nspans - first_span;
        }
    } else {
        h->nspans = first_span;
    }
    narr_buf_deinit(&clean);
    narr_buf_clear(&w->raw);
    w->nseg = 0;
    return st;
}

/* Drops the stored blocks from the first on. */
static void drop_blocks(narr_html *h, size_t first)
{
    if (first >= h->count)
        return;
    h->text.len = h->blocks[first].at;
    h->text.data[h->text.len] = '\0';
    h->nspans = h->blocks[first].span_at;
    h->count = first;
}

/* Ends the paragraph being gathered. A paragraph or item that is nothing
 * but a link ("Voir aussi notre dossier") is navigation, not text; one
 * that opens with a note's marker is the note. */
static narr_status flush(narr_html_walker *w)
{
    narr_status st = NARR_OK;
    w->after_br = false;
    w->line_pending = false;
    if (w->raw.len)
        st = store_line(w, false);
    bool link_only = (w->kind == NARR_BLOCK_PARAGRAPH || w->kind == NARR_BLOCK_ITEM) &&
                     w->solid && w->link_bytes * 10 >= w->solid * 9;
    if (link_only || w->footnote_body)
        drop_blocks(w->h, w->para_first);
    w->footnote_body = false;
    w->para_first = w->h->count;
    w->link_bytes = 0;
    w->solid = 0;
    return st;
}

/* Section labels, dates and the like above the title ("International",
 * "30 avril 2015") are not read: dropped when the title's heading comes. */
static void drop_labels(narr_html_walker *w)
{
    narr_html *h = w->h;
    while (h->count > 1) {
        const narr_html_stored *b = &h->blocks[h->count - 1];
        if ((b->kind != NARR_BLOCK_PARAGRAPH && b->kind != NARR_BLOCK_ITEM) ||
            !narr_html_is_label(h->text.data + b->at, b->len))
            break;
        drop_blocks(h, h->count - 1);
    }
    w->para_first = h->count;
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

/* Does the line before a <br> end with punctuation (a comma counts)? */
static bool ends_with_punctuation(const narr_buf *raw)
{
    size_t n = raw->len;
    while (n && narr_html_is_space(raw->data[n - 1]))
        n--;
    return n && (strchr(",;", raw->data[n - 1]) || narr_sentence_ends(raw->data, n, true));
}

/* A <br>: two end the paragraph; one ends a line, which is a block of its
 * own when the next line starts with a capital or this one has no
 * punctuation (decided when the next text comes). In a heading, a space. */
static narr_status line_break(narr_html_walker *w)
{
    narr_status st;
    if (w->after_br) {
        st = flush(w);
    } else {
        if (w->solid && w->kind != NARR_BLOCK_HEADING && w->kind != NARR_BLOCK_TITLE) {
            w->line_pending = true;
            w->line_punct = ends_with_punctuation(&w->raw);
        }
        st = narr_buf_append_char(&w->raw, ' ');
    }
    w->after_br = true;
    return st;
}

/* Text with letters: a line begins after a pending <br>, and the text's
 * language opens a passage when it changes. */
static narr_status add_text(narr_html_walker *w, xmlNode *n, const char *text, size_t solid,
                            const xmlNode *top)
{
    narr_status st = NARR_OK;
    if (solid && w->line_pending) {
        w->line_pending = false;
        const char *t = text;
        while (narr_html_is_space(*t))
            t++;
        if (!w->line_punct || narr_sentence_may_start(t, strlen(t)))
            st = store_line(w, true);
    }
    if (solid) {
        if (w->solid == 0)
            w->kind = kind_of(n->parent, top);
        w->solid += solid;
        w->after_br = false;
        if (inside_link(n, top))
            w->link_bytes += solid;
        const char *lang = lang_of(w, n);
        const char *current = w->nseg ? w->seg_lang[w->nseg - 1] : NULL;
        if (lang != current && w->nseg < NARR_HTML_MAX_SEGMENTS) {
            w->seg_at[w->nseg] = w->raw.len;
            w->seg_lang[w->nseg++] = lang;
        }
    }
    if (st == NARR_OK)
        st = narr_buf_append_str(&w->raw, text);
    return st;
}

static narr_status text_of(narr_html_walker *w, xmlNode *n, narr_buf *out);

/* A heading: the end of a skipped end-matter section, the start of one,
 * or the title's own heading (read once, as the title). True when it is
 * not read. */
static bool skipped_heading(narr_html_walker *w, xmlNode *n, narr_buf *text)
{
    int level = ((const char *)n->name)[1] - '0';
    if (w->skip_section && level <= w->skip_section)
        w->skip_section = 0;
    if (w->skip_section)
        return true;
    if ((w->err = text_of(w, n, text)) != NARR_OK)
        return true;
    if (narr_html_ends_matter(w->h->boilerplate, narr_buf_str(text))) {
        w->skip_section = level;
        return true;
    }
    if (w->title && !w->title_skipped && strcmp(narr_buf_str(text), w->title) == 0) {
        w->title_skipped = true;
        drop_labels(w);
        return true;
    }
    return false;
}

narr_status narr_html_gather(narr_html_walker *w, xmlNode *top)
{
    static const char *const listy[] = {"ul", "ol", "dl", "table", "div", "section", NULL};
    w->err = flush(w);
    narr_buf heading;
    narr_buf_init(&heading);
    int depth = 1;
    /* A root may be a heading itself (readability's siblings). */
    bool top_skipped = w->err == NARR_OK && narr_html_is_heading(top) &&
                       skipped_heading(w, top, &heading);
    for (xmlNode *n = top_skipped ? NULL : top->children; n && w->err == NARR_OK;) {
        bool skip = narr_html_pruned(w, n);
        const narr_html_stats *s = narr_html_stats_of(n);
        /* Lists of links (tags, "related" lists without a name, menus). */
        if (!skip && s && narr_html_is_any(n, listy) && s->text && narr_html_link_density(s) > 0.5)
            skip = true;
        if (!skip && narr_html_is(n, "pre") && narr_html_has_descendant(n, "code"))
            skip = true;
        if (!skip && narr_html_is_heading(n)) {
            w->err = flush(w);
            skip = w->err != NARR_OK || skipped_heading(w, n, &heading);
        }
        if (!skip && narr_html_is(n, "sup")) {
            narr_html_sup kind = narr_html_classify_sup(w, n, w->raw.data ? w->raw.data : "",
                                                        w->raw.len);
            skip = kind != NARR_HTML_SUP_TEXT;
            /* "<sup>1</sup> Sur le site…": a footnote's own text. */
            w->footnote_body |= kind == NARR_HTML_SUP_MARKER && w->solid == 0;
            if (kind == NARR_HTML_SUP_SQUARED || kind == NARR_HTML_SUP_CUBED)
                w->err = narr_buf_append_str(&w->raw, kind == NARR_HTML_SUP_SQUARED ? "\xc2\xb2"
                                                                                   : "\xc2\xb3");
        }
        if (skip || w->skip_section) {
            /* nothing */
        } else if (narr_html_is(n, "br")) {
            w->err = line_break(w);
        } else if (narr_html_is_block(n)) {
            w->err = flush(w);
        } else if (n->type != XML_ELEMENT_NODE && n->content) {
            const char *text = (const char *)n->content;
            w->err = add_text(w, n, text, solid_bytes(text), top);
        }
        n = narr_html_step(n, top, skip, &depth, leave_element, w);
    }
    if (w->err == NARR_OK)
        w->err = flush(w);
    narr_buf_deinit(&heading);
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

/* "Le titre | Le Journal" → "Le titre": the part that is the page's
 * <h1> (h1, may be ""), or else the one that is not the site's name
 * (og:site_name or application-name, site may be ""), else the longest
 * part, since a site's name is shorter than its headlines. Returns
 * whether the title had the site's name or the <h1> as one part. */
static bool strip_site_name(narr_buf *title, const char *site, const char *h1)
{
    static const char *const seps[] = {" | ", " - ", " \xe2\x80\x93 ", " \xe2\x80\x94 ",
                                       " \xc2\xb7 ", " :: ", " \xe2\x80\xa2 ", NULL};
    const char *s = narr_buf_str(title);
    size_t n = title->len, best_at = 0, best_len = 0, start = 0, parts = 0;
    size_t other_at = 0, other_len = 0, site_len = strlen(site), h1_len = strlen(h1);
    bool site_found = false, h1_found = false;
    for (size_t i = 0; i <= n; i++) {
        size_t sep = 0;
        for (int k = 0; i < n && seps[k] && !sep; k++)
            if (strncmp(s + i, seps[k], strlen(seps[k])) == 0)
                sep = strlen(seps[k]);
        if (!sep && i < n)
            continue;
        parts++;
        bool is_site = site_len && i - start == site_len && strncasecmp(s + start, site, site_len) == 0;
        site_found |= is_site;
        if (!h1_found && h1_len && i - start == h1_len && strncmp(s + start, h1, h1_len) == 0) {
            h1_found = true;
            other_at = start;
            other_len = h1_len;
        }
        if (!is_site && !h1_found && i - start > other_len) {
            other_at = start;
            other_len = i - start;
        }
        if (i - start > best_len) {
            best_at = start;
            best_len = i - start;
        }
        if (i < n) {
            start = i + sep;
            i += sep - 1;
        }
    }
    bool known = (site_found || h1_found) && parts > 1;
    if (known) {
        best_at = other_at;
        best_len = other_len;
    }
    if (best_len < n) {
        memmove(title->data, title->data + best_at, best_len);
        title->len = best_len;
        title->data[best_len] = '\0';
    }
    return known;
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
    /* og:title, and the site's name to take off it and <title>. */
    int depth = 0;
    const char *og_title = NULL, *site = "";
    for (xmlNode *n = html; n; n = narr_html_step(n, html, false, &depth, NULL, w)) {
        const char *prop = narr_html_is(n, "meta") ? narr_html_attr(n, "property") : NULL;
        if (!prop && narr_html_is(n, "meta"))
            prop = narr_html_attr(n, "name");
        const char *content = prop ? narr_html_attr(n, "content") : NULL;
        if (!content)
            continue;
        if (!og_title && narr_html_ci_equal(prop, "og:title"))
            og_title = content;
        if (!*site && (narr_html_ci_equal(prop, "og:site_name") ||
                       narr_html_ci_equal(prop, "application-name")))
            site = content;
    }
    /* The page's <h1>: the title when og:title has it as one part
     * ("Mozilla — Wikipédia"), or without og:title. */
    narr_buf h1_text;
    narr_buf_init(&h1_text);
    xmlNode *h1 = title->len ? NULL : narr_html_find_first(w, html, "h1", true);
    if (h1 && st == NARR_OK)
        st = text_of(w, h1, &h1_text);
    if (og_title && st == NARR_OK && !title->len) {
        st = clean_text(w, og_title, strlen(og_title), title);
        narr_buf og;
        narr_buf_init(&og);
        if (st == NARR_OK)
            st = narr_buf_append(&og, title->data, title->len);
        /* A part of it only when the site's name or the <h1> is another. */
        if (st == NARR_OK && !strip_site_name(title, site, narr_buf_str(&h1_text))) {
            narr_buf_clear(title);
            st = narr_buf_append(title, og.data, og.len);
        }
        narr_buf_deinit(&og);
    }
    if (st == NARR_OK && !title->len)
        st = narr_buf_append(title, h1_text.data ? h1_text.data : "", h1_text.len);
    narr_buf_deinit(&h1_text);
    xmlNode *t = title->len ? NULL : narr_html_find_first(w, html, "title", false);
    if (t && st == NARR_OK) {
        st = text_of(w, t, title);
        strip_site_name(title, site, "");
    }
    return st;
}
