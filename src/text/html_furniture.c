/* html_furniture: page furniture known by its text or its shape rather
 * than by its tag or class: bylines ("Par Jean Dupont et Marie Durand"),
 * counters ("0", "12 commentaires"), section labels above the title
 * ("International"), footnote and citation markers (<sup>[3]</sup>,
 * <sup><a href="#cite_note-3">3</a></sup>) and the headings that open an
 * encyclopedia's end matter ("Notes et références", "Liens externes":
 * rows of assets/html_boilerplate.tsv whose why is end-matter). */
#include "text/html_private.h"
#include "text/sentences.h"

/* Words of s[0..n), split at spaces. */
static size_t count_words(const char *s, size_t n)
{
    size_t words = 0;
    bool in = false;
    for (size_t i = 0; i < n; i++) {
        bool space = narr_html_is_space(s[i]);
        words += !space && !in;
        in = !space;
    }
    return words;
}

static bool starts_with(const char *s, size_t n, const char *prefix)
{
    size_t m = strlen(prefix);
    return n >= m && memcmp(s, prefix, m) == 0;
}

/* A byline is short, opens with "Par" and does not end a sentence; what
 * is left of one whose names were dropped as links or authors ("Par et")
 * is one too. */
bool narr_html_is_byline(const char *s, size_t n)
{
    if (!starts_with(s, n, "Par ") && !starts_with(s, n, "By ") && !(n == 3 && starts_with(s, n, "Par")))
        return false;
    return count_words(s, n) <= 12 && !narr_sentence_ends(s, n, false);
}

/* A number alone or with the thing it counts: "0", "12 commentaires",
 * "1,2 k partages", "3 min de lecture". */
bool narr_html_is_counter(const char *s, size_t n)
{
    static const char *const counted[] = {
        "commentaire", "commentaires", "réaction", "réactions", "partage", "partages",
        "vue", "vues", "like", "likes", "j'aime", "min", "min de lecture", "minutes de lecture",
        "k", "k partages", "k vues", "abonnés", "contributions", NULL};
    size_t i = 0;
    while (i < n && ((s[i] >= '0' && s[i] <= '9') || s[i] == ',' || s[i] == '.'))
        i++;
    if (i == 0 || !(s[0] >= '0' && s[0] <= '9'))
        return false;
    if (i == n)
        return true;
    if (s[i] != ' ')
        return false;
    i++;
    for (const char *const *c = counted; *c; c++)
        if (strlen(*c) == n - i && memcmp(s + i, *c, n - i) == 0)
            return true;
    return false;
}

/* A label: a few words without a sentence's punctuation ("Politique",
 * "Monde — Europe", "30 avril 2015"). */
bool narr_html_is_label(const char *s, size_t n)
{
    return n > 0 && count_words(s, n) <= 5 && !memchr(s, ',', n) && !narr_sentence_ends(s, n, true);
}

/* Does heading (cleaned text) open the end matter: notes, references,
 * bibliography, external links? Compared in lower case (ASCII letters). */
bool narr_html_ends_matter(const narr_table *boilerplate, const char *heading)
{
    char key[64];
    size_t n = strlen(heading);
    if (!boilerplate || n == 0 || n >= sizeof key)
        return false;
    for (size_t i = 0; i < n; i++)
        key[i] = narr_html_lower(heading[i]);
    const narr_row *row = narr_table_find(boilerplate, key, n);
    return row && row->nfields > 1 && strcmp(row->field[1], "end-matter") == 0;
}

/* The text below n, raw, into out. */
static narr_status raw_text(narr_html_walker *w, xmlNode *n, narr_buf *out)
{
    narr_buf_clear(out);
    int depth = 0;
    narr_status st = NARR_OK;
    for (xmlNode *c = n->children; c && st == NARR_OK;) {
        if (c->type == XML_TEXT_NODE && c->content)
            st = narr_buf_append_str(out, (const char *)c->content);
        c = narr_html_step(c, n, false, &depth, NULL, w);
    }
    return st;
}

static bool contains_ci(const char *s, const char *word)
{
    for (; *s; s++) {
        size_t k = 0;
        while (word[k] && narr_html_lower(s[k]) == word[k])
            k++;
        if (!word[k])
            return true;
    }
    return false;
}

/* "3", "12", "1,4", "[3]", "[a]", "[note 3]", "note 3", "*", "†". */
static bool marker_text(const char *s, size_t n)
{
    while (n && narr_html_is_space(s[n - 1]))
        n--;
    while (n && narr_html_is_space(*s))
        s++, n--;
    if (n == 0)
        return false;
    if (n <= 16 && s[0] == '[' && s[n - 1] == ']')
        return true;
    if ((n == 1 && s[0] == '*') || (n == 3 && memcmp(s, "\xe2\x80\xa0", 3) == 0))
        return true;
    size_t i = 0;
    if (n > 5 && (memcmp(s, "note ", 5) == 0 || memcmp(s, "Note ", 5) == 0))
        i = 5;
    size_t digits = 0;
    for (; i < n; i++) {
        if (s[i] >= '0' && s[i] <= '9')
            digits++;
        else if (s[i] != ',' && s[i] != '-' && s[i] != ' ')
            return false;
    }
    return digits > 0 && digits <= 6;
}

/* The unit before a superscript 2 or 3 ("m<sup>2</sup>" is "m²"). */
static bool after_unit(const char *raw, size_t n)
{
    static const char *const units[] = {"m", "km", "cm", "mm", "dm", "hm", NULL};
    size_t start = n;
    while (start > 0 && ((raw[start - 1] >= 'a' && raw[start - 1] <= 'z')))
        start--;
    bool word_start = start == 0 || narr_html_is_space(raw[start - 1]) ||
                      (raw[start - 1] >= '0' && raw[start - 1] <= '9');
    for (int k = 0; units[k] && word_start; k++)
        if (strlen(units[k]) == n - start && memcmp(raw + start, units[k], n - start) == 0)
            return true;
    return false;
}

narr_html_sup narr_html_classify_sup(narr_html_walker *w, xmlNode *sup, const char *raw,
                                     size_t raw_len)
{
    xmlNode *a = narr_html_find_first(w, sup, "a", false);
    const char *href = a ? narr_html_attr(a, "href") : NULL;
    if (href && href[0] == '#' &&
        (contains_ci(href, "cite") || contains_ci(href, "fn") || contains_ci(href, "note") ||
         contains_ci(href, "ref")))
        return NARR_HTML_SUP_MARKER;
    if (raw_text(w, sup, &w->scratch) != NARR_OK)
        return NARR_HTML_SUP_TEXT;
    const char *s = narr_buf_str(&w->scratch);
    size_t n = w->scratch.len;
    if (after_unit(raw, raw_len) && n == 1 && (s[0] == '2' || s[0] == '3'))
        return s[0] == '2' ? NARR_HTML_SUP_SQUARED : NARR_HTML_SUP_CUBED;
    /* A number raised after a number is a power, not a note: left alone. */
    if (raw_len && raw[raw_len - 1] >= '0' && raw[raw_len - 1] <= '9')
        return NARR_HTML_SUP_TEXT;
    return marker_text(s, n) ? NARR_HTML_SUP_MARKER : NARR_HTML_SUP_TEXT;
}
