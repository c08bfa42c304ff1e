/* document: plain text → blocks, with one line of lookahead. */
#include "text/document.h"
#include "text/utf8.h"

#include <stdlib.h>
#include <string.h>

/* A heading is short: "IA pour tous", "Les chiffres clés". */
#define HEADING_MAX_BYTES 100
#define HEADING_MAX_WORDS 14

struct narr_document {
    narr_decoder *dec;
    narr_buf para;      /* the paragraph being gathered */
    long para_line;
    int para_lines;     /* how many lines it holds */
    narr_buf ahead;     /* a line read ahead, if have_ahead */
    narr_line ahead_info;
    bool have_ahead;
    bool at_end;
    bool gave_title;
    bool para_cut;      /* the last line appended was cut (too long) */
    narr_buf current;   /* the text of the block last returned */
};

narr_document *narr_document_new_text(narr_decoder *dec)
{
    narr_document *doc = calloc(1, sizeof *doc);
    if (!doc)
        return NULL;
    doc->dec = dec;
    narr_buf_init(&doc->para);
    narr_buf_init(&doc->ahead);
    narr_buf_init(&doc->current);
    return doc;
}

void narr_document_free(narr_document *doc)
{
    if (!doc)
        return;
    narr_buf_deinit(&doc->para);
    narr_buf_deinit(&doc->ahead);
    narr_buf_deinit(&doc->current);
    free(doc);
}

const char *narr_block_kind_name(narr_block_kind kind)
{
    static const char *const names[] = {"title", "heading", "paragraph",
                                        "quote", "item"};
    return (unsigned)kind < sizeof names / sizeof names[0] ? names[kind] : "?";
}

static void trim(const char **s, size_t *n)
{
    while (*n && ((*s)[0] == ' ' || (*s)[0] == '\t')) {
        (*s)++;
        (*n)--;
    }
    while (*n && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
        (*n)--;
}

/* Reads the next line into the lookahead slot (if empty). */
static narr_status peek(narr_document *doc)
{
    if (doc->have_ahead || doc->at_end)
        return NARR_OK;
    narr_line line;
    narr_status st = narr_decoder_next(doc->dec, &line);
    if (st == NARR_E_EMPTY) {
        doc->at_end = true;
        return NARR_OK;
    }
    if (st != NARR_OK)
        return st;
    const char *s = line.text;
    size_t n = line.len;
    if (!line.cut)
        trim(&s, &n);
    narr_buf_clear(&doc->ahead);
    if ((st = narr_buf_append(&doc->ahead, s, n)) != NARR_OK)
        return st;
    doc->ahead_info = line;
    doc->have_ahead = true;
    return NARR_OK;
}

static bool ends_sentence(const char *s, size_t n)
{
    size_t i = n;
    /* Skip closing quotes and brackets: « … fin. » ends too. */
    for (;;) {
        size_t at = i;
        int32_t cp = narr_utf8_prev(s, &at);
        if (cp == ' ' || cp == 0xBB || cp == '"' || cp == 0x201D || cp == ')' ||
            cp == 0x203A) {
            i = at;
            continue;
        }
        return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026 || cp == ':';
    }
}

static bool starts_upper(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        int32_t cp = narr_utf8_next(s, n, &i);
        if (narr_uc_is_letter(cp))
            return narr_uc_is_upper(cp);
        if (narr_uc_is_digit(cp))
            return true;
        if (cp != 0xAB && cp != '"' && cp != 0x201C && cp != '-' &&
            cp != 0x2014 && cp != 0x2013 && cp != ' ' && cp != '(')
            return false;
    }
    return false;
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

static narr_status give(narr_document *doc, narr_block_kind kind, bool continues,
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
static narr_status append_line(narr_document *doc, const char *s, size_t n, long line)
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

narr_status narr_document_next(narr_document *doc, narr_block *block)
{
    narr_status st;
    for (;;) {
        if ((st = peek(doc)) != NARR_OK)
            return st;
        if (!doc->have_ahead) {
            if (doc->para.len)
                return give(doc, NARR_BLOCK_PARAGRAPH, false, block);
            return NARR_E_EMPTY;
        }
        const char *s = narr_buf_str(&doc->ahead);
        size_t n = doc->ahead.len;
        narr_line info = doc->ahead_info;
        if (n == 0) {
            doc->have_ahead = false;
            if (doc->para.len)
                return give(doc, NARR_BLOCK_PARAGRAPH, false, block);
            continue;
        }
        bool standalone = doc->para.len == 0 && !info.cut;
        if (standalone && short_line(s, n) && !ends_sentence(s, n) && starts_upper(s, n)) {
            /* A heading if the next line starts a new block. */
            narr_buf line;
            narr_buf_init(&line);
            if ((st = narr_buf_append(&line, s, n)) != NARR_OK)
                return st;
            doc->have_ahead = false;
            st = peek(doc);
            bool heading = st == NARR_OK &&
                           (!doc->have_ahead || doc->ahead.len == 0 ||
                            starts_upper(narr_buf_str(&doc->ahead), doc->ahead.len));
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
        if (!info.cut && ends_sentence(s, n))
            return give(doc, NARR_BLOCK_PARAGRAPH, false, block);
        if (doc->para.len >= NARR_BLOCK_MAX)
            return give(doc, NARR_BLOCK_PARAGRAPH, true, block);
    }
}
