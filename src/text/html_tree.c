/* html_tree: tests on libxml2 nodes (tag names, attributes, headings,
 * block elements) and the walk in document order that every pass over the
 * page uses: a loop, not recursion, since a page may nest deeply (the
 * parser refuses pages deeper than NARR_HTML_MAX_DEPTH; the walk does not
 * go below it either). */
#include "text/html_private.h"

bool narr_html_is_any(const xmlNode *n, const char *const *names)
{
    if (n->type != XML_ELEMENT_NODE)
        return false;
    const char *name = (const char *)n->name;
    /* The first letter first: this runs for every element on every walk. */
    for (; *names; names++)
        if (name[0] == (*names)[0] && strcmp(name, *names) == 0)
            return true;
    return false;
}

bool narr_html_is_heading(const xmlNode *n)
{
    const char *s = (const char *)n->name;
    return n->type == XML_ELEMENT_NODE && s[0] == 'h' && s[1] >= '1' && s[1] <= '6' && !s[2];
}

static const char *const block_tags[] = {
    "address", "article", "aside", "blockquote", "body", "center", "dd", "details", "dialog",
    "dir", "div", "dl", "dt", "fieldset", "figcaption", "figure", "footer", "form", "h1",
    "h2", "h3", "h4", "h5", "h6", "header", "hgroup", "hr", "html", "li", "main", "menu",
    "nav", "ol", "p", "pre", "section", "summary", "table", "tbody", "td", "tfoot", "th",
    "thead", "tr", "ul", "caption", "legend", "noscript", NULL};

bool narr_html_is_block(const xmlNode *n) { return narr_html_is_any(n, block_tags); }

const char *narr_html_attr(const xmlNode *n, const char *name)
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

bool narr_html_ci_equal(const char *a, const char *b)
{
    for (; *a && *b; a++, b++)
        if (narr_html_lower(*a) != narr_html_lower(*b))
            return false;
    return *a == *b;
}

bool narr_html_has_descendant(const xmlNode *n, const char *name)
{
    const xmlNode *c = n->children;
    while (c && c != n) {
        if (narr_html_is(c, name))
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

xmlNode *narr_html_step(xmlNode *n, const xmlNode *top, bool skip_children, int *depth,
                        void (*leave)(narr_html_walker *, xmlNode *), narr_html_walker *w)
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

xmlNode *narr_html_find_first(narr_html_walker *w, xmlNode *top, const char *name, bool prune)
{
    int depth = 0;
    for (xmlNode *n = top; n;) {
        bool skip = prune && n != top && narr_html_pruned(w, n);
        if (!skip && narr_html_is(n, name))
            return n;
        n = narr_html_step(n, top, skip, &depth, NULL, w);
    }
    return NULL;
}
