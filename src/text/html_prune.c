/* html_prune: what is not the article, and so is never read: scripts,
 * media, forms and controls, nav, aside, footer, a page's header, ARIA
 * roles such as navigation or banner, hidden text (hidden, aria-hidden,
 * display:none), and elements whose class or id names furniture from
 * assets/html_boilerplate.tsv: class="article__share-buttons" → "share". */
#include "text/html_private.h"

/* A <form> with less text than this is a form, not a page wrapper. */
#define FORM_TEXT_MAX 1000

/* True if s contains word (ASCII, case-insensitive), spaces ignored:
 * "display: none" contains "display:none". */
static bool contains_squeezed(const char *s, const char *word)
{
    for (; *s; s++) {
        const char *a = s, *b = word;
        while (*a && *b) {
            if (narr_html_is_space(*a)) {
                a++;
                continue;
            }
            if (narr_html_lower(*a) != *b)
                break;
            a++, b++;
        }
        if (!*b)
            return true;
    }
    return false;
}

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
    if (narr_html_attr(n, "hidden"))
        return true;
    const char *v = narr_html_attr(n, "aria-hidden");
    if (v && narr_html_ci_equal(v, "true"))
        return true;
    v = narr_html_attr(n, "style");
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
        bool alnum = (*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                     (*p >= '0' && *p <= '9');
        bool camel = *p >= 'A' && *p <= 'Z' && p > value && p[-1] >= 'a' && p[-1] <= 'z';
        if ((!alnum || camel) && len) {
            if (parts < 8)
                part[parts++][len] = '\0';
            len = 0;
        }
        bool name_end = !*p || narr_html_is_space(*p);
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
                    const narr_row *row = narr_table_find(t, joined, k);
                    if (row && strcmp(row->field[1], "end-matter") != 0)
                        return true;
                }
            }
            parts = 0;
        }
        if (!*p)
            return false;
        if (alnum && parts < 8 && len < sizeof part[0] - 1)
            part[parts][len++] = narr_html_lower(*p);
    }
}

static bool has_ancestor(const xmlNode *n, const char *const *names)
{
    for (n = n->parent; n && n->type == XML_ELEMENT_NODE; n = n->parent) {
        if (narr_html_is_any(n, names))
            return true;
        const char *role = narr_html_attr(n, "role");
        if (role && (strcmp(role, "main") == 0 || strcmp(role, "article") == 0))
            return true;
    }
    return false;
}

static bool is_content_tag(const xmlNode *n)
{
    static const char *const kept[] = {"html", "body", "article", "main", NULL};
    return narr_html_is_any(n, kept);
}

bool narr_html_pruned(const narr_html_walker *w, const xmlNode *n)
{
    if (n->type != XML_ELEMENT_NODE)
        return n->type != XML_TEXT_NODE && n->type != XML_CDATA_SECTION_NODE;
    static const char *const articles[] = {"article", "main", NULL};
    if (narr_html_is_any(n, always_dropped) || hidden(n))
        return true;
    /* A page header goes, an article's header (title, standfirst) stays;
     * so does a header holding the title without navigation. */
    if (narr_html_is(n, "header") && !has_ancestor(n, articles) &&
        (!narr_html_has_descendant(n, "h1") || narr_html_has_descendant(n, "nav")))
        return true;
    const char *role = narr_html_attr(n, "role");
    for (const char *const *r = dropped_roles; role && *r; r++)
        if (narr_html_ci_equal(role, *r))
            return true;
    /* Some sites wrap the whole page in a <form>: only a form without
     * much running text is a form. */
    if (narr_html_is(n, "form") && !w->measuring) {
        const narr_html_stats *s = narr_html_stats_of(n);
        if (!s || s->text - s->links < FORM_TEXT_MAX)
            return true;
    }
    if (w->use_classes && w->h->boilerplate && !is_content_tag(n)) {
        const char *v = narr_html_attr(n, "class");
        if (v && names_furniture(w->h->boilerplate, v))
            return true;
        v = narr_html_attr(n, "id");
        if (v && names_furniture(w->h->boilerplate, v))
            return true;
    }
    return false;
}
