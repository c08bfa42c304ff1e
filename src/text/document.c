/* document: the reader for each format behind one interface, the format
 * guess, the plain-text reader (one line of lookahead) and the filter
 * that drops blocks starting with a web leftover ("Lire aussi : ...",
 * "Publicité", "© AFP") whatever the format. */
#include "text/document.h"
#include "base/i18n.h"
#include "text/sentences.h"
#include "data/tables.h"
#include "text/html.h"
#include "text/leftovers.h"
#include "text/markdown.h"
#include "text/outline.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

/* A heading is short: "IA pour tous", "Les chiffres clés". */
#define HEADING_MAX_BYTES 100
#define HEADING_MAX_WORDS 14

/* ---- the plain-text reader ------------------------------------------ */

typedef struct {
    narr_decoder *dec;
    const narr_leftovers *left;
    narr_buf para;      /* the paragraph being gathered */
    long para_line;
    int para_lines;     /* how many lines it holds */
    narr_buf ahead;     /* a line read ahead, if have_ahead */
    narr_line ahead_info;
    bool have_ahead;
    bool at_end;
    bool gave_title;
    bool para_cut;      /* the last line appended was cut (too long) */
    bool in_item;       /* the paragraph is a list item ("- ", "1. ") */
    narr_buf current;   /* the text of the block last returned */
} text_reader;

static void trim(const char **s, size_t *n)
{
    while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
        (*s)++;
        (*n)--;
    }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
        (*n)--;
}

/* Reads the next line into the lookahead slot (if empty). A whole line
 * that is a web leftover is skipped as if it were not there: pasted from
 * a page, "Publicité" may sit inside a paragraph. */
static narr_status peek(text_reader *doc)
{
    if (doc->have_ahead || doc->at_end)
        return NARR_OK;
    narr_line line;
    const char *s;
    size_t n;
    for (;;) {
        narr_status st = narr_decoder_next(doc->dec, &line);
        if (st == NARR_E_EMPTY) {
            doc->at_end = true;
            return NARR_OK;
        }
        if (st != NARR_OK)
            return st;
        s = line.text;
        n = line.len;
        if (!line.cut)
            trim(&s, &n);
        if (line.cut || doc->para_cut || !narr_leftover_block(doc->left, s, n))
            break;
    }
    narr_buf_clear(&doc->ahead);
    narr_status st = narr_buf_append(&doc->ahead, s, n);
    if (st != NARR_OK)
        return st;
    doc->ahead_info = line;
    doc->have_ahead = true;
    return NARR_OK;
}

static bool short_line(const char *s, size_t n)
{
    if (n == 0 || n > HEADING_MAX_BYTES)
        return false;
    int words = 1;
    for (size_t i = 0; i < n; i++)
        words += s[i] == ' ';
    return words <= HEADING_MAX_WORDS;
}

static narr_status give(text_reader *doc, narr_block_kind kind, bool continues,
                        narr_block *block)
{
    narr_buf tmp = doc->current;
    doc->current = doc->para;
    doc->para = tmp;
    narr_buf_clear(&doc->para);
    if (kind == NARR_BLOCK_PARAGRAPH && !doc->gave_title && doc->para_lines == 1 &&
        !continues)
        kind = NARR_BLOCK_TITLE;
    if (kind == NARR_BLOCK_HEADING && !doc->gave_title)
        kind = NARR_BLOCK_TITLE;
    doc->gave_title = true;
    doc->in_item = false;
    block->kind = kind;
    block->text = narr_buf_str(&doc->current);
    block->len = doc->current.len;
    block->continues = continues;
    block->line = doc->para_line;
    doc->para_lines = 0;
    return NARR_OK;
}

/* Appends a line to the paragraph: "infor-" + "mation" joins without the
 * hyphen (a line-break hyphen); other lines join with a space. */
static narr_status append_line(text_reader *doc, const char *s, size_t n, long line)
{
    narr_buf *p = &doc->para;
    narr_status st = NARR_OK;
    if (p->len == 0) {
        doc->para_line = line;
    } else if (!doc->para_cut) {
        size_t i = 0;
        int32_t first = n ? narr_utf8_next(s, n, &i) : 0;
        bool hyphen = p->len >= 2 && p->data[p->len - 1] == '-' &&
                      p->data[p->len - 2] != ' ' && narr_uc_is_lower(first);
        if (hyphen)
            p->len--, p->data[p->len] = '\0';
        else
            st = narr_buf_append_char(p, ' ');
    }
    doc->para_lines++;
    return st == NARR_OK ? narr_buf_append(p, s, n) : st;
}

static narr_block_kind paragraph_kind(const text_reader *doc)
{
    return doc->in_item ? NARR_BLOCK_ITEM : NARR_BLOCK_PARAGRAPH;
}

static narr_status text_next(text_reader *doc, narr_block *block)
{
    narr_status st;
    for (;;) {
        if ((st = peek(doc)) != NARR_OK)
            return st;
        if (!doc->have_ahead) {
            if (doc->para.len)
                return give(doc, paragraph_kind(doc), false, block);
            return NARR_E_EMPTY;
        }
        const char *s = narr_buf_str(&doc->ahead);
        size_t n = doc->ahead.len;
        narr_line info = doc->ahead_info;
        if (n == 0) {
            doc->have_ahead = false;
            if (doc->para.len)
                return give(doc, paragraph_kind(doc), false, block);
            continue;
        }
        /* "- ", "1. ": a list item; the block before it ends there, and
         * its mark is not read. */
        size_t mark = info.cut || doc->para_cut ? 0 : narr_list_mark(s, n);
        if (mark && doc->para.len)
            return give(doc, paragraph_kind(doc), false, block);
        if (mark) {
            doc->in_item = true;
            s += mark;
            n -= mark;
        }
        bool standalone = doc->para.len == 0 && !info.cut && !mark;
        if (standalone && short_line(s, n) && !narr_sentence_ends(s, n, true) && narr_sentence_may_start(s, n)) {
            /* A heading if the next line starts a new block. */
            narr_buf line;
            narr_buf_init(&line);
            if ((st = narr_buf_append(&line, s, n)) != NARR_OK)
                return st;
            doc->have_ahead = false;
            st = peek(doc);
            bool heading = st == NARR_OK &&
                           (!doc->have_ahead || doc->ahead.len == 0 ||
                            narr_sentence_may_start(narr_buf_str(&doc->ahead), doc->ahead.len));
            if (st == NARR_OK)
                st = append_line(doc, line.data, line.len, info.number);
            narr_buf_deinit(&line);
            if (st != NARR_OK)
                return st;
            if (heading)
                return give(doc, NARR_BLOCK_HEADING, false, block);
            continue;
        }
        doc->have_ahead = false;
        if ((st = append_line(doc, s, n, info.number)) != NARR_OK)
            return st;
        doc->para_cut = info.cut;
        if (!info.cut && narr_sentence_ends(s, n, true))
            return give(doc, paragraph_kind(doc), false, block);
        if (doc->para.len >= NARR_BLOCK_MAX)
            return give(doc, paragraph_kind(doc), true, block);
    }
}

/* ---- the document: one reader, filtered ----------------------------- */

struct narr_document {
    narr_input_format format;
    narr_decoder *dec;
    text_reader text;
    narr_markdown *markdown;
    narr_html *html;
    narr_leftovers *left;
    bool dropping;      /* the leftover block being dropped continues */
    bool continuing;    /* the last block given continues */
};

static narr_document *document_new(narr_decoder *dec, narr_input_format format,
                                   const narr_tables *tables, narr_status *err, char *msg,
                                   size_t msg_size)
{
    narr_document *doc = calloc(1, sizeof *doc);
    if (!doc) {
        *err = NARR_E_NOMEM;
        return NULL;
    }
    doc->format = format;
    doc->dec = dec;
    narr_buf_init(&doc->text.para);
    narr_buf_init(&doc->text.ahead);
    narr_buf_init(&doc->text.current);
    doc->text.dec = dec;
    doc->left = narr_leftovers_new(narr_tables_get(tables, NARR_TABLE_WEB_LEFTOVERS));
    doc->text.left = doc->left;
    *err = doc->left ? NARR_OK : NARR_E_NOMEM;
    if (*err == NARR_OK && format == NARR_INPUT_MARKDOWN && !(doc->markdown = narr_markdown_new(dec)))
        *err = NARR_E_NOMEM;
    if (*err == NARR_OK && format == NARR_INPUT_HTML &&
        !(doc->html = narr_html_new(dec, narr_tables_get(tables, NARR_TABLE_HTML_BOILERPLATE))))
        *err = NARR_E_NOMEM;
    if (*err == NARR_E_NOMEM)
        snprintf(msg, msg_size, L_("out of memory"));
    if (*err != NARR_OK) {
        narr_document_free(doc);
        return NULL;
    }
    return doc;
}

void narr_document_free(narr_document *doc)
{
    if (!doc)
        return;
    narr_buf_deinit(&doc->text.para);
    narr_buf_deinit(&doc->text.ahead);
    narr_buf_deinit(&doc->text.current);
    narr_markdown_free(doc->markdown);
    narr_html_free(doc->html);
    narr_leftovers_free(doc->left);
    free(doc);
}

narr_document *narr_document_new_text(narr_decoder *dec, const narr_tables *tables)
{
    narr_status st;
    char msg[256];
    return document_new(dec, NARR_INPUT_TEXT, tables, &st, msg, sizeof msg);
}

narr_document *narr_document_new_markdown(narr_decoder *dec, const narr_tables *tables)
{
    narr_status st;
    char msg[256];
    return document_new(dec, NARR_INPUT_MARKDOWN, tables, &st, msg, sizeof msg);
}

narr_document *narr_document_new_html(narr_decoder *dec, const narr_tables *tables)
{
    narr_status st;
    char msg[256];
    return document_new(dec, NARR_INPUT_HTML, tables, &st, msg, sizeof msg);
}

narr_status narr_document_open(narr_decoder *dec, narr_input_format format,
                               const char *path, const narr_tables *tables,
                               narr_document **doc, char *msg, size_t msg_size)
{
    *doc = NULL;
    narr_status st = NARR_OK;
    if (format == NARR_INPUT_AUTO) {
        const char *head;
        size_t n;
        if ((st = narr_decoder_peek(dec, &head, &n)) != NARR_OK) {
            snprintf(msg, msg_size, "%s", narr_decoder_errmsg(dec));
            return st;
        }
        format = narr_input_format_guess(path, head, n);
    }
    *doc = document_new(dec, format, tables, &st, msg, msg_size);
    return st;
}

narr_input_format narr_document_format(const narr_document *doc) { return doc->format; }

const char *narr_document_errmsg(const narr_document *doc)
{
    if (doc->html && *narr_html_errmsg(doc->html))
        return narr_html_errmsg(doc->html);
    if (doc->markdown && *narr_markdown_errmsg(doc->markdown))
        return narr_markdown_errmsg(doc->markdown);
    return narr_decoder_errmsg(doc->dec);
}

narr_status narr_document_next(narr_document *doc, narr_block *block)
{
    for (;;) {
        /* Readers set what they know; the rest (language, line ends) is none. */
        *block = (narr_block){0};
        narr_status st = doc->html       ? narr_html_next(doc->html, block)
                         : doc->markdown ? narr_markdown_next(doc->markdown, block)
                                         : text_next(&doc->text, block);
        if (st != NARR_OK)
            return st;
        if (doc->dropping) {
            doc->dropping = block->continues;
            continue;
        }
        if (!doc->continuing && narr_leftover_block(doc->left, block->text, block->len)) {
            doc->dropping = block->continues;
            continue;
        }
        doc->continuing = block->continues;
        /* "II. Développement", "1. Introduction": the heading's number;
         * "<li>1. Une baisse…</li>": an item's mark typed into its text. */
        size_t skip = block->kind == NARR_BLOCK_HEADING || block->kind == NARR_BLOCK_TITLE
                          ? narr_heading_number(block->text, block->len)
                      : block->kind == NARR_BLOCK_ITEM ? narr_list_mark(block->text, block->len)
                                                       : 0;
        block->text += skip;
        block->len -= skip;
        return NARR_OK;
    }
}

size_t narr_block_piece(const char *s, size_t n)
{
    if (n <= NARR_BLOCK_MAX)
        return n;
    size_t cut = NARR_BLOCK_MAX;
    while (cut > NARR_BLOCK_MAX / 2 && s[cut - 1] != ' ')
        cut--;
    if (s[cut - 1] != ' ')
        while (cut < n && ((unsigned char)s[cut] & 0xC0) == 0x80)
            cut++;
    return cut;
}

const char *narr_block_kind_name(narr_block_kind kind)
{
    static const char *const names[] = {"title", "heading", "paragraph",
                                        "quote", "item"};
    return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}

const char *narr_input_format_name(narr_input_format format)
{
    switch (format) {
    case NARR_INPUT_TEXT:
        return "text";
    case NARR_INPUT_MARKDOWN:
        return "markdown";
    case NARR_INPUT_HTML:
        return "html";
    case NARR_INPUT_AUTO:
        break;
    }
    return "auto";
}

/* ---- guessing the format -------------------------------------------- */

static char ascii_lower(char c) { return c >= 'A' && c <= 'Z' ? (char)(c + 32) : c; }

static bool starts_with_ci(const char *s, size_t n, const char *prefix)
{
    size_t m = strlen(prefix);
    if (n < m)
        return false;
    for (size_t i = 0; i < m; i++)
        if (ascii_lower(s[i]) != prefix[i])
            return false;
    return true;
}

static bool has_extension(const char *path, const char *const *exts)
{
    const char *slash = strrchr(path, '/');
    const char *dot = strrchr(slash ? slash : path, '.');
    if (!dot)
        return false;
    for (; *exts; exts++) {
        size_t m = strlen(*exts);
        if (strlen(dot + 1) == m && starts_with_ci(dot + 1, m, *exts))
            return true;
    }
    return false;
}

/* The name of the tag opening at s[0] ('<' or "</"), lower case, or "". */
static size_t tag_name(const char *s, size_t n, char *name, size_t size)
{
    size_t i = 1, k = 0;
    if (i < n && s[i] == '/')
        i++;
    while (i < n && k + 1 < size &&
           ((ascii_lower(s[i]) >= 'a' && ascii_lower(s[i]) <= 'z') || (s[i] >= '1' && s[i] <= '6')))
        name[k++] = ascii_lower(s[i++]);
    name[k] = '\0';
    bool ends = i < n && (s[i] == '>' || s[i] == ' ' || s[i] == '/' || s[i] == '\n');
    return ends ? k : 0;
}

static bool looks_like_html(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' || s[i] == '\n'))
        i++;
    if (starts_with_ci(s + i, n - i, "<!doctype html") || starts_with_ci(s + i, n - i, "<html"))
        return true;
    static const char *const tags[] = {"a", "body", "br", "div", "h1", "h2", "h3", "head",
                                       "li", "meta", "p", "script", "span", "ul", "article",
                                       "section", "title", "img", "strong", "em", NULL};
    int count = 0, kinds = 0;
    bool seen[sizeof tags / sizeof tags[0]] = {false};
    for (; i < n; i++) {
        char name[16];
        if (s[i] != '<' || !tag_name(s + i, n - i, name, sizeof name))
            continue;
        for (int t = 0; tags[t]; t++) {
            if (strcmp(name, tags[t]) == 0) {
                count++;
                kinds += !seen[t];
                seen[t] = true;
            }
        }
    }
    return count >= 6 && kinds >= 2;
}

/* Markdown marks, each counted once: a document needs two of them (or
 * front matter) so that a plain text with one "#" line stays text. */
static bool looks_like_markdown(const char *s, size_t n)
{
    if (starts_with_ci(s, n, "---\n") || starts_with_ci(s, n, "---\r\n"))
        return true;
    bool heading = false, fence = false, link = false, strong = false, setext = false;
    for (size_t i = 0; i < n; i++) {
        bool line_start = i == 0 || s[i - 1] == '\n';
        if (line_start && s[i] == '#') {
            size_t j = i;
            while (j < n && s[j] == '#')
                j++;
            heading |= j - i <= 6 && j < n && s[j] == ' ';
        }
        if (line_start && (starts_with_ci(s + i, n - i, "```") || starts_with_ci(s + i, n - i, "~~~")))
            fence = true;
        if (line_start && (starts_with_ci(s + i, n - i, "===") || starts_with_ci(s + i, n - i, "---")) &&
            i > 1 && s[i - 2] != '\n') {
            size_t j = i;
            while (j < n && s[j] == s[i])
                j++;
            setext |= j == n || s[j] == '\n' || s[j] == '\r';
        }
        if (s[i] == ']' && i + 1 < n && s[i + 1] == '(')
            link = true;
        if ((s[i] == '*' || s[i] == '_') && i + 2 < n && s[i + 1] == s[i] && s[i + 2] != ' ' &&
            s[i + 2] != s[i])
            strong = true;
    }
    return heading + fence + link + strong + setext >= 2;
}

narr_input_format narr_input_format_guess(const char *path, const char *head, size_t n)
{
    static const char *const html_ext[] = {"html", "htm", "xhtml", "shtml", "xht", NULL};
    static const char *const md_ext[] = {"md", "markdown", "mdown", "mkd", "mkdn", NULL};
    if (path && has_extension(path, html_ext))
        return NARR_INPUT_HTML;
    if (path && has_extension(path, md_ext))
        return NARR_INPUT_MARKDOWN;
    if (looks_like_html(head, n))
        return NARR_INPUT_HTML;
    if (looks_like_markdown(head, n))
        return NARR_INPUT_MARKDOWN;
    return NARR_INPUT_TEXT;
}

narr_input_format narr_input_format_named(const char *name)
{
    if (strcmp(name, "text") == 0 || strcmp(name, "txt") == 0)
        return NARR_INPUT_TEXT;
    if (strcmp(name, "markdown") == 0 || strcmp(name, "md") == 0)
        return NARR_INPUT_MARKDOWN;
    if (strcmp(name, "html") == 0)
        return NARR_INPUT_HTML;
    return NARR_INPUT_AUTO;
}
