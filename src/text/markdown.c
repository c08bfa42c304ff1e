/* markdown: Markdown → blocks with md4c. The decoder's lines are gathered
 * into one buffer (md4c parses a whole document, so this reader does not
 * stream like the plain text one: memory grows with the input, up to
 * NARR_MARKDOWN_MAX_BYTES, the same bound as a web page); the front
 * matter is cut off first; md4c's callbacks then gather each block's
 * text, stored until narr_markdown_next gives it out. */
#include "text/markdown.h"
#include "base/i18n.h"
#include "text/sentences.h"
#include "base/utf8.h"

#include <libxml/HTMLparser.h>
#include <md4c.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define HEADING_MAX_BYTES 100
#define LIST_DEPTH 32
/* Dialect: CommonMark plus what articles written for GitHub or static
 * site generators use. Not the permissive autolinks: a bare URL is read
 * as it is written anyway. */
#define MD_FLAGS (MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS)

typedef struct {
    narr_block_kind kind;
    size_t at, len; /* in text */
    long line;
} stored;

struct narr_markdown {
    narr_decoder *dec;
    bool loaded;
    narr_status st;      /* a loading error, given by every later call */
    char errmsg[256];
    narr_buf src;        /* the input, while it is parsed */
    size_t body;         /* where the Markdown starts, after front matter */
    narr_buf fm_title;   /* the front matter's title */
    long fm_line;        /* the front matter's closing line */
    long title_line;
    bool inline_only;    /* narr_markdown_inline: no title, blocks joined */
    bool decided_title;
    narr_buf text;       /* the blocks' texts, one after another */
    stored *blocks;
    size_t count, cap, next, piece;
    narr_buf current;
};

narr_markdown *narr_markdown_new(narr_decoder *dec)
{
    narr_markdown *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->dec = dec;
    narr_buf_init(&m->src);
    narr_buf_init(&m->fm_title);
    narr_buf_init(&m->text);
    narr_buf_init(&m->current);
    return m;
}

void narr_markdown_free(narr_markdown *m)
{
    if (!m)
        return;
    narr_buf_deinit(&m->src);
    narr_buf_deinit(&m->fm_title);
    narr_buf_deinit(&m->text);
    narr_buf_deinit(&m->current);
    free(m->blocks);
    free(m);
}

const char *narr_markdown_errmsg(const narr_markdown *m) { return m->errmsg; }

/* ---- blocks kept ---------------------------------------------------- */

static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static bool same_text(const narr_buf *a, const char *b, size_t n)
{
    if (a->len != n)
        return false;
    for (size_t i = 0; i < n; i++) {
        char x = a->data[i], y = b[i];
        if (x != y && !((x | 0x20) == (y | 0x20) && is_alpha(x)))
            return false;
    }
    return true;
}

static narr_status push(narr_markdown *m, narr_block_kind kind, const char *s, size_t n, long line)
{
    if (m->count == m->cap) {
        stored *b = narr_array_grow(m->blocks, &m->cap, sizeof *b, 64);
        if (!b)
            return NARR_E_NOMEM;
        m->blocks = b;
    }
    if (m->inline_only && m->text.len) {
        narr_status st = narr_buf_append_char(&m->text, ' ');
        if (st != NARR_OK)
            return st;
    }
    m->blocks[m->count++] = (stored){kind, m->text.len, n, line};
    return narr_buf_append(&m->text, s, n);
}

/* Keeps a finished block. The first one is the title when it is a
 * heading, or one short line without final punctuation; after a front
 * matter title, a first heading that repeats it is not read twice. */
static narr_status keep(narr_markdown *m, narr_block_kind kind, const char *s, size_t n, long line,
                        bool one_line)
{
    if (n == 0)
        return NARR_OK;
    if (!m->decided_title && !m->inline_only) {
        m->decided_title = true;
        if (m->fm_title.len) {
            if (kind == NARR_BLOCK_HEADING && same_text(&m->fm_title, s, n))
                return NARR_OK;
        } else if (kind == NARR_BLOCK_HEADING ||
                   (kind == NARR_BLOCK_PARAGRAPH && one_line && n <= HEADING_MAX_BYTES &&
                    !narr_sentence_ends(s, n, true))) {
            kind = NARR_BLOCK_TITLE;
        }
    }
    return push(m, kind, s, n, line);
}

/* ---- md4c's callbacks: one walk over the document ------------------- */

typedef struct {
    narr_markdown *m;
    const char *doc, *doc_end; /* the parsed text, for line numbers */
    long base_line;            /* the line where doc starts */
    const char *counted;       /* line numbers are counted up to here */
    long counted_line;
    narr_buf cur;              /* the open block's text */
    narr_buf clean;
    long cur_line;
    int breaks;                /* line breaks in the open block */
    bool after_break;          /* the next text starts a line */
    int quote, item, code, html, image;
    bool heading, cell_sep, row;
    int lists;                 /* open lists; the innermost first below */
    bool numbered[LIST_DEPTH]; /* the list's numbers are read */
    unsigned number[LIST_DEPTH];
    bool number_owed;          /* the open item's number is not yet read */
    char skip_tag[16];         /* inline <script> ... </script> is not read */
    narr_status st;
} walker;

/* The input line of p (in doc), counting from the last one asked. */
static long line_of(walker *w, const char *p)
{
    if (p < w->doc || p > w->doc_end)
        return 0;
    if (!w->counted) {
        w->counted = w->doc;
        w->counted_line = w->base_line;
    }
    for (; w->counted < p; w->counted++)
        w->counted_line += *w->counted == '\n';
    for (; w->counted > p; w->counted--)
        w->counted_line -= w->counted[-1] == '\n';
    return w->counted_line;
}

/* "[^1]" marks a footnote: not read; "[^1]:" opening a block defines it,
 * and its text is read. md4c knows no footnotes, so they come as text. */
static void drop_footnote_marks(narr_buf *b)
{
    size_t out = 0;
    for (size_t i = 0; i < b->len;) {
        size_t j = i + 2;
        if (b->data[i] == '[' && i + 1 < b->len && b->data[i + 1] == '^') {
            while (j < b->len && b->data[j] != ']' && b->data[j] != '[' && b->data[j] != ' ')
                j++;
        }
        if (j > i + 2 && j < b->len && b->data[j] == ']') {
            i = j + 1;
            if (out == 0 && i < b->len && b->data[i] == ':')
                i++;
            continue;
        }
        b->data[out++] = b->data[i++];
    }
    b->len = out;
    if (b->data)
        b->data[out] = '\0';
}

static void flush(walker *w)
{
    if (w->st != NARR_OK || w->cur.len == 0) {
        narr_buf_clear(&w->cur);
        w->breaks = 0;
        return;
    }
    drop_footnote_marks(&w->cur);
    narr_buf_clear(&w->clean);
    w->st = narr_decode_clean(w->cur.data, w->cur.len, &w->clean);
    /* One space between words, none at the ends. */
    size_t n = 0;
    char *t = w->clean.data;
    for (size_t i = 0; i < w->clean.len; i++)
        if (t[i] != ' ' || (n > 0 && t[n - 1] != ' '))
            t[n++] = t[i];
    while (n > 0 && t[n - 1] == ' ')
        n--;
    narr_block_kind kind = w->quote     ? NARR_BLOCK_QUOTE
                           : w->item    ? NARR_BLOCK_ITEM
                           : w->heading ? NARR_BLOCK_HEADING
                                        : NARR_BLOCK_PARAGRAPH;
    if (w->st == NARR_OK)
        w->st = keep(w->m, kind, t, n, w->cur_line, w->breaks == 0 && !w->row);
    narr_buf_clear(&w->cur);
    w->breaks = 0;
}

/* The number written before an ordered item's first text at p ("1914."),
 * or else the list's count. */
static narr_status put_number(walker *w, const char *p)
{
    const char *from = p, *to = NULL;
    if (p > w->doc && p <= w->doc_end) {
        const char *ls = p;
        while (ls > w->doc && ls[-1] != '\n')
            ls--;
        for (const char *q = p; q > ls && !to; q--)
            if ((q[-1] == '.' || q[-1] == ')') && q - 1 > ls && q[-2] >= '0' && q[-2] <= '9')
                to = q - 1;
        for (from = to; to && from > ls && from[-1] >= '0' && from[-1] <= '9';)
            from--;
    }
    if (to)
        return narr_buf_append(&w->cur, from, (size_t)(to - from + 1));
    char num[16];
    snprintf(num, sizeof num, "%u.", w->number[w->lists - 1]);
    return narr_buf_append_str(&w->cur, num);
}

/* True when p starts a footnote definition, "[^1]: ...". */
static bool footnote_definition(const char *p, const char *end)
{
    if (end - p < 5 || p[0] != '[' || p[1] != '^')
        return false;
    const char *q = p + 2;
    while (q < end && *q != ']' && *q != '[' && *q != ' ')
        q++;
    return q > p + 2 && q + 1 < end && q[0] == ']' && q[1] == ':';
}

static void add(walker *w, const char *s, size_t n)
{
    if (w->st != NARR_OK)
        return;
    /* Each footnote definition is a block of its own, as in GitHub's
     * Markdown, even on the line after another one. */
    if (w->after_break && s >= w->doc && s < w->doc_end && footnote_definition(s, w->doc_end))
        flush(w);
    w->after_break = false;
    if (w->st != NARR_OK)
        return;
    if (w->cur.len == 0)
        w->cur_line = line_of(w, s);
    if (w->cell_sep && w->cur.len)
        w->st = narr_buf_append_str(&w->cur, ", ");
    w->cell_sep = false;
    if (w->number_owed && w->st == NARR_OK) {
        w->number_owed = false;
        if ((w->st = put_number(w, s)) == NARR_OK)
            w->st = narr_buf_append_char(&w->cur, ' ');
    }
    if (w->st == NARR_OK)
        w->st = narr_buf_append(&w->cur, s, n);
}

static void add_entity(walker *w, const char *s, size_t n)
{
    /* md4c gives "&name;", "&#233;" or "&#xE9;". */
    int32_t cp = -1;
    if (n > 3 && s[1] == '#') {
        bool hex = s[2] == 'x' || s[2] == 'X';
        long v = strtol(s + 2 + hex, NULL, hex ? 16 : 10);
        cp = v > 0 && v <= 0x10FFFF && !(v >= 0xD800 && v <= 0xDFFF) ? (int32_t)v : 0xFFFD;
    } else if (n > 2 && n < 40) {
        char name[40];
        memcpy(name, s + 1, n - 2);
        name[n - 2] = '\0';
        const htmlEntityDesc *e = htmlEntityLookup((const xmlChar *)name);
        if (e)
            cp = (int32_t)e->value;
    }
    if (cp < 0) {
        add(w, s, n); /* not an entity: the text as written */
        return;
    }
    narr_buf b;
    narr_buf_init(&b);
    w->st = narr_utf8_append(&b, cp);
    if (w->st == NARR_OK)
        add(w, b.data, b.len);
    narr_buf_deinit(&b);
}

/* Inline raw HTML: tags are not read, "<br>" is a space, and what an
 * element such as <script> holds is not text a browser would show. */
static void add_html(walker *w, const char *s, size_t n)
{
    static const char *const hidden[] = {"script", "style", "template", "textarea", "iframe",
                                         "svg", "noscript", "object", NULL};
    bool closing = n > 2 && s[1] == '/';
    size_t a = 1 + closing, b = a;
    while (b < n && (is_alpha(s[b]) || (s[b] >= '0' && s[b] <= '9')))
        b++;
    char name[16] = "";
    if (b - a < sizeof name) {
        for (size_t i = a; i < b; i++)
            name[i - a] = (char)(s[i] | 0x20);
        name[b - a] = '\0';
    }
    if (w->skip_tag[0]) {
        if (closing && strcmp(name, w->skip_tag) == 0)
            w->skip_tag[0] = '\0';
        return;
    }
    if (strcmp(name, "br") == 0) {
        add(w, " ", 1);
        return;
    }
    if (closing || (n >= 2 && s[n - 2] == '/'))
        return;
    for (int i = 0; hidden[i]; i++)
        if (strcmp(name, hidden[i]) == 0)
            snprintf(w->skip_tag, sizeof w->skip_tag, "%s", name);
}

static int on_text(MD_TEXTTYPE type, const MD_CHAR *s, MD_SIZE n, void *u)
{
    walker *w = u;
    if (w->code || w->html || w->image)
        return 0; /* code, raw HTML and images are not read */
    if (type == MD_TEXT_HTML) {
        add_html(w, s, n);
    } else if (w->skip_tag[0] || type == MD_TEXT_NULLCHAR) {
        /* not read */
    } else if (type == MD_TEXT_BR || type == MD_TEXT_SOFTBR) {
        w->breaks++;
        w->after_break = type == MD_TEXT_SOFTBR;
        if (w->cur.len)
            w->st = narr_buf_append_char(&w->cur, ' ');
    } else if (type == MD_TEXT_ENTITY) {
        add_entity(w, s, n);
    } else {
        add(w, s, n);
    }
    return w->st == NARR_OK ? 0 : -1;
}

/* Entering (step 1) or leaving (step -1) a block: what is gathered so
 * far is a block of its own, except inside a table row. */
static int on_block(walker *w, MD_BLOCKTYPE type, void *detail, int step)
{
    if (type == MD_BLOCK_TH || type == MD_BLOCK_TD)
        w->cell_sep = true;
    else
        flush(w);
    w->skip_tag[0] = '\0'; /* an unclosed <script> ends with its block */
    switch (type) {
    case MD_BLOCK_QUOTE:
        w->quote += step;
        break;
    case MD_BLOCK_UL:
    case MD_BLOCK_OL:
        if (step > 0 && w->lists < LIST_DEPTH) {
            unsigned start = type == MD_BLOCK_OL ? ((MD_BLOCK_OL_DETAIL *)detail)->start : 1;
            /* "1." marks a list like a bullet; a list that starts
             * elsewhere ("1914. La guerre éclate.") says a number. */
            w->numbered[w->lists] = type == MD_BLOCK_OL && start != 1;
            w->number[w->lists] = start - 1;
        }
        w->lists += step;
        break;
    case MD_BLOCK_LI:
        w->item += step;
        w->number_owed = false;
        if (step > 0 && w->lists > 0 && w->lists <= LIST_DEPTH) {
            w->number[w->lists - 1]++;
            w->number_owed = w->numbered[w->lists - 1];
        }
        break;
    case MD_BLOCK_H:
        w->heading = step > 0;
        break;
    case MD_BLOCK_CODE:
        w->code += step;
        break;
    case MD_BLOCK_HTML:
        w->html += step;
        break;
    case MD_BLOCK_TR:
        w->row = step > 0;
        break;
    default:
        break;
    }
    return w->st == NARR_OK ? 0 : -1;
}

static int on_enter_block(MD_BLOCKTYPE type, void *detail, void *u)
{
    return on_block(u, type, detail, 1);
}

static int on_leave_block(MD_BLOCKTYPE type, void *detail, void *u)
{
    return on_block(u, type, detail, -1);
}

static int on_enter_span(MD_SPANTYPE type, void *detail, void *u)
{
    (void)detail;
    walker *w = u;
    /* An image is not read, nor its description: an article's pictures
     * are illustrations, as in the HTML reader, which drops figures. */
    w->image += type == MD_SPAN_IMG;
    return 0;
}

static int on_leave_span(MD_SPANTYPE type, void *detail, void *u)
{
    (void)detail;
    walker *w = u;
    w->image -= type == MD_SPAN_IMG;
    return 0;
}

/* Parses s[0..n), which starts at input line line, into m's blocks. */
static narr_status parse(narr_markdown *m, const char *s, size_t n, long line)
{
    walker w = {.m = m, .doc = s, .doc_end = s + n, .base_line = line, .st = NARR_OK};
    narr_buf_init(&w.cur);
    narr_buf_init(&w.clean);
    MD_PARSER p = {
        .abi_version = 0,
        .flags = MD_FLAGS,
        .enter_block = on_enter_block,
        .leave_block = on_leave_block,
        .enter_span = on_enter_span,
        .leave_span = on_leave_span,
        .text = on_text,
    };
    int rc = n ? md_parse(s, (MD_SIZE)n, &p, &w) : 0;
    if (w.st == NARR_OK && rc != 0)
        w.st = NARR_E_NOMEM; /* md4c fails only for memory */
    narr_buf_deinit(&w.cur);
    narr_buf_deinit(&w.clean);
    return w.st;
}

/* ---- the input and its front matter --------------------------------- */

static bool is_line(const char *s, size_t n, const char *what)
{
    while (n && s[n - 1] == ' ')
        n--;
    return n == strlen(what) && memcmp(s, what, n) == 0;
}

/* "title: Le titre" (YAML) or "title = \"Le titre\"" (TOML) → the title,
 * its Markdown resolved like the text's. */
static narr_status front_matter_title(narr_markdown *m, const char *s, size_t n, char sep,
                                      long line)
{
    if (n < 6 || strncmp(s, "title", 5) != 0)
        return NARR_OK;
    size_t a = 5, b = n;
    while (a < b && s[a] == ' ')
        a++;
    if (a == b || s[a] != sep)
        return NARR_OK;
    a++;
    while (a < b && s[a] == ' ')
        a++;
    while (b > a && s[b - 1] == ' ')
        b--;
    if (b - a >= 2 && (s[a] == '"' || s[a] == '\'') && s[b - 1] == s[a])
        a++, b--;
    narr_buf_clear(&m->fm_title);
    m->title_line = line;
    return narr_markdown_inline(s + a, b - a, &m->fm_title);
}

/* Reads the whole input into m->src; the front matter, when it closes,
 * is before m->body. */
static narr_status read_input(narr_markdown *m)
{
    enum { NONE, YAML, TOML, CLOSED } fm = NONE;
    bool cut = false;
    narr_status st;
    narr_line l;
    while ((st = narr_decoder_next(m->dec, &l)) == NARR_OK) {
        if (m->src.len + l.len + 1 > NARR_MARKDOWN_MAX_BYTES) {
            snprintf(m->errmsg, sizeof m->errmsg,
                     L_("%s: Markdown article larger than %d MB; read it as plain text instead "
                     "(--input-format text)"),
                     narr_decoder_name(m->dec), NARR_MARKDOWN_MAX_BYTES / (1024 * 1024));
            return NARR_E_ARG;
        }
        if (m->src.len && !cut)
            st = narr_buf_append_char(&m->src, '\n');
        if (st == NARR_OK)
            st = narr_buf_append(&m->src, l.text, l.len);
        if (st != NARR_OK)
            return st;
        bool whole = !cut && !l.cut;
        cut = l.cut;
        if (l.number == 1 && whole && (is_line(l.text, l.len, "---") || is_line(l.text, l.len, "+++"))) {
            fm = l.text[0] == '-' ? YAML : TOML;
        } else if ((fm == YAML || fm == TOML) && whole &&
                   (is_line(l.text, l.len, fm == YAML ? "---" : "+++") ||
                    (fm == YAML && is_line(l.text, l.len, "...")))) {
            fm = CLOSED;
            m->body = m->src.len;
            m->fm_line = l.number;
        } else if ((fm == YAML || fm == TOML) && whole) {
            if ((st = front_matter_title(m, l.text, l.len, fm == YAML ? ':' : '=', l.number)) !=
                NARR_OK)
                return st;
        }
    }
    if (fm != CLOSED)
        narr_buf_clear(&m->fm_title); /* "---" without an end: a break */
    return st == NARR_E_EMPTY ? NARR_OK : st;
}

static narr_status load(narr_markdown *m)
{
    m->loaded = true;
    narr_status st = read_input(m);
    if (st == NARR_OK && m->fm_title.len)
        st = push(m, NARR_BLOCK_TITLE, m->fm_title.data, m->fm_title.len, m->title_line);
    if (st == NARR_OK) {
        long line = m->body ? m->fm_line : 1;
        /* narr_buf_str: "" for an empty input, never NULL + 0 (UB). */
        st = parse(m, narr_buf_str(&m->src) + m->body, m->src.len - m->body, line);
    }
    narr_buf_deinit(&m->src); /* the blocks hold what is read */
    m->st = st;
    return st;
}

narr_status narr_markdown_next(narr_markdown *m, narr_block *block)
{
    if (!m->loaded)
        load(m);
    if (m->st != NARR_OK)
        return m->st;
    if (m->next >= m->count)
        return NARR_E_EMPTY;
    const stored *b = &m->blocks[m->next];
    const char *s = m->text.data + b->at + m->piece;
    size_t n = b->len - m->piece;
    bool continues = false;
    if (n > NARR_BLOCK_MAX) {
        n = narr_block_piece(s, n);
        continues = true;
    }
    narr_buf_clear(&m->current);
    narr_status st = narr_buf_append(&m->current, s, n - (continues && s[n - 1] == ' '));
    if (st != NARR_OK)
        return st;
    block->kind = b->kind;
    block->text = narr_buf_str(&m->current);
    block->len = m->current.len;
    block->continues = continues;
    block->line = b->line;
    if (continues) {
        m->piece += n;
    } else {
        m->piece = 0;
        m->next++;
    }
    return NARR_OK;
}

narr_status narr_markdown_inline(const char *s, size_t n, narr_buf *out)
{
    narr_markdown m = {.inline_only = true, .loaded = true};
    narr_buf_init(&m.text);
    /* Leading spaces would make an indented code block of a title. */
    while (n && *s == ' ')
        s++, n--;
    narr_status st = parse(&m, s, n, 0);
    if (st == NARR_OK && m.text.len)
        st = narr_buf_append(out, m.text.data, m.text.len);
    narr_buf_deinit(&m.text);
    free(m.blocks);
    return st;
}
