/* html_article: finds the article in the page, readability-style. The
 * first walk measures each element's text, links, commas and full stops;
 * paragraphs then score their ancestors, and the best-scored element is
 * read within its <article> or <main>, or else with its siblings that hold
 * running text; a live blog (a row of <article> posts) is read whole. */
#include "text/html_private.h"

/* Readability's figures: a paragraph counts from 25 characters; a
 * sibling of the best element joins it with a fifth of its score (and
 * at least 10 points). */
#define PARAGRAPH_MIN 25
#define SIBLING_SHARE 0.2
#define SIBLING_MIN 10.0

/* Visible length of a text node: whitespace runs count as one. Adds its
 * commas to *commas and its full stops to *stops. */
static size_t visible_length(const char *s, size_t *commas, size_t *stops)
{
    size_t n = 0;
    bool space = true;
    for (; *s; s++) {
        if (narr_html_is_space(*s)) {
            n += !space;
            space = true;
            continue;
        }
        space = false;
        n++;
        *commas += *s == ',';
        *stops += *s == '.' && (narr_html_is_space(s[1]) || !s[1]);
    }
    return n;
}

/* The text below each element, its links, its own inline text (for
 * paragraph-like elements); needs stats in _private. */
void narr_html_measure(narr_html_walker *w, xmlNode *top)
{
    int depth = 0;
    for (xmlNode *n = top->children; n;) {
        bool skip = narr_html_pruned(w, n);
        if (!skip && (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) &&
            n->content) {
            size_t commas = 0, stops = 0;
            size_t len = visible_length((const char *)n->content, &commas, &stops);
            bool link = false;
            narr_html_stats *owner = NULL;
            for (xmlNode *a = n->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
                link |= narr_html_is(a, "a");
                if (!owner && narr_html_is_block(a))
                    owner = narr_html_stats_of(a);
            }
            if (owner) {
                owner->own += len;
                owner->commas += commas;
            }
            for (xmlNode *a = n->parent; a && a->type == XML_ELEMENT_NODE; a = a->parent) {
                narr_html_stats *s = narr_html_stats_of(a);
                s->text += len;
                s->links += link ? len : 0;
                s->stops += stops;
            }
        }
        n = narr_html_step(n, top, skip, &depth, NULL, w);
    }
}

/* Readability's scores: each paragraph-like element gives its parent
 * 1 + commas + one point per 100 characters (at most 3), and less to
 * the ancestors above. The best element is returned (NULL if none). */
static xmlNode *best_candidate(narr_html_walker *w, xmlNode *top)
{
    static const char *const scored[] = {"p", "div", "section", "td", "pre", "blockquote",
                                         "dd", "article", "main", "center", NULL};
    xmlNode *best = NULL;
    double best_score = 0;
    int depth = 0;
    for (xmlNode *n = top->children; n;) {
        bool skip = narr_html_pruned(w, n);
        const narr_html_stats *s = narr_html_stats_of(n);
        if (!skip && s && narr_html_is_any(n, scored) && s->own >= PARAGRAPH_MIN) {
            double points = 1 + (double)s->commas + (s->own / 100 < 3 ? (double)(s->own / 100) : 3);
            xmlNode *a = n->parent;
            for (int level = 0; level < 5 && a && a->type == XML_ELEMENT_NODE;
                 level++, a = a->parent) {
                narr_html_stats *as = narr_html_stats_of(a);
                as->scored = true;
                as->score += points / (level == 0 ? 1 : level == 1 ? 2 : level * 3);
            }
        }
        n = narr_html_step(n, top, skip, &depth, NULL, w);
    }
    for (size_t i = 0; i < w->nst; i++) {
        narr_html_stats *s = &w->st[i];
        if (!s->scored)
            continue;
        s->score *= 1 - narr_html_link_density(s);
    }
    depth = 0;
    for (xmlNode *n = top; n;) {
        bool skip = n != top && narr_html_pruned(w, n);
        const narr_html_stats *s = narr_html_stats_of(n);
        if (!skip && s && s->scored && s->score > best_score) {
            best = n;
            best_score = s->score;
        }
        n = narr_html_step(n, top, skip, &depth, NULL, w);
    }
    return best;
}

static bool is_article_root(const xmlNode *n)
{
    static const char *const tags[] = {"article", "main", NULL};
    const char *role = n->type == XML_ELEMENT_NODE ? narr_html_attr(n, "role") : NULL;
    return narr_html_is_any(n, tags) ||
           (role && (strcmp(role, "main") == 0 || strcmp(role, "article") == 0));
}

/* Readability's siblings: the best element and those next to it that
 * score well too, or hold running text (few links, or none and a full
 * stop); a heading comes with the element it introduces. */
static size_t siblings(narr_html_walker *w, xmlNode *best, xmlNode **roots, size_t max)
{
    const narr_html_stats *bs = narr_html_stats_of(best);
    double threshold = bs->score * SIBLING_SHARE > SIBLING_MIN ? bs->score * SIBLING_SHARE
                                                               : SIBLING_MIN;
    enum { MAX_SIBLINGS = 4096, no = 0, yes, heading };
    xmlNode *child[MAX_SIBLINGS];
    int take[MAX_SIBLINGS];
    size_t k = 0;
    for (xmlNode *c = best->parent->children; c && k < MAX_SIBLINGS; c = c->next) {
        const narr_html_stats *s = narr_html_stats_of(c);
        if (!s || (c != best && narr_html_pruned(w, c)))
            continue;
        child[k] = c;
        take[k++] = c == best                                                   ? yes
                    : narr_html_is_heading(c)                                  ? heading
                    : s->scored && s->score >= threshold                        ? yes
                    : s->text > 80 && narr_html_link_density(s) < 0.25         ? yes
                    : s->text >= PARAGRAPH_MIN && !s->links && s->stops       ? yes
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
size_t narr_html_choose_roots(narr_html_walker *w, xmlNode *body, xmlNode **roots, size_t max)
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
                posts += narr_html_is(c, "article") && !narr_html_pruned(w, c);
            if (narr_html_is(a, "article") && posts >= 3 && parent != body->parent &&
                narr_html_stats_of(a)->text * 2 < narr_html_stats_of(parent)->text)
                a = parent;
            roots[0] = a;
            return 1;
        }
        return siblings(w, best, roots, max);
    }
    xmlNode *largest = NULL;
    int depth = 0;
    for (xmlNode *n = body; n;) {
        bool skip = n != body && narr_html_pruned(w, n);
        const narr_html_stats *s = narr_html_stats_of(n);
        if (!skip && s && is_article_root(n) &&
            (!largest || s->text > narr_html_stats_of(largest)->text))
            largest = n;
        n = narr_html_step(n, body, skip, &depth, NULL, w);
    }
    roots[0] = largest ? largest : body;
    return 1;
}
