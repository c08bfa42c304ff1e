/* markdown: Markdown → blocks, a line at a time. A line closes or opens
 * blocks by its first characters ("#", ">", "- ", "1. ", "```", "|");
 * a block's inline markup is resolved when it is complete, in two
 * passes: links, code spans, escapes, tags and entities first (with the
 * emphasis characters they protect set aside), then emphasis delimiters
 * paired as CommonMark does ("**a** * b" → "a * b"). */
#include "text/markdown.h"
#include "text/sentences.h"
#include "base/utf8.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <string.h>

#define QUEUE 16
#define HEADING_MAX_BYTES 100
#define LINK_DEPTH 8
/* Emphasis characters that are text (escaped, in code, in a URL) wait
 * in the private use area during the first pass: * _ ~ → U+E000.. */
#define PROTECT_BASE 0xE000

typedef struct {
    narr_buf text;
    narr_block_kind kind;
    bool continues;
    long line;
} queued;

struct narr_markdown {
    narr_decoder *dec;
    bool at_end;
    bool last_cut;            /* the last line was cut for its length */
    long lines;
    bool in_front_matter, in_fence, in_comment;
    char fence_char;
    size_t fence_len;
    char skip_until[16];      /* "</script>" while skipping raw HTML */
    narr_buf para;            /* the block being gathered, as Markdown */
    narr_block_kind para_kind;
    long para_line;
    int para_lines;
    bool in_list;             /* the last block was a list item */
    bool blank_before;
    bool decided_title;
    narr_buf fm_title;        /* the front matter's title */
    queued q[QUEUE];
    size_t q_head, q_count;
    narr_buf inl, tmp;
};

narr_markdown *narr_markdown_new(narr_decoder *dec)
{
    narr_markdown *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->dec = dec;
    narr_buf_init(&m->para);
    narr_buf_init(&m->fm_title);
    narr_buf_init(&m->inl);
    narr_buf_init(&m->tmp);
    for (int i = 0; i < QUEUE; i++)
        narr_buf_init(&m->q[i].text);
    return m;
}

void narr_markdown_free(narr_markdown *m)
{
    if (!m)
        return;
    narr_buf_deinit(&m->para);
    narr_buf_deinit(&m->fm_title);
    narr_buf_deinit(&m->inl);
    narr_buf_deinit(&m->tmp);
    for (int i = 0; i < QUEUE; i++)
        narr_buf_deinit(&m->q[i].text);
    free(m);
}

/* ---- inline markup -------------------------------------------------- */

static bool ascii_punct(char c)
{
    return (c >= '!' && c <= '/') || (c >= ':' && c <= '@') || (c >= '[' && c <= '`') ||
           (c >= '{' && c <= '~');
}

static bool is_alpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

static narr_status put_protected(narr_buf *out, char c)
{
    const char *delims = "*_~";
    const char *d = strchr(delims, c);
    if (c && d)
        return narr_utf8_append(out, PROTECT_BASE + (int32_t)(d - delims));
    return narr_buf_append_char(out, c);
}

static narr_status put_protected_span(narr_buf *out, const char *s, size_t n)
{
    narr_status st = NARR_OK;
    for (size_t i = 0; i < n && st == NARR_OK; i++)
        st = put_protected(out, s[i]);
    return st;
}

/* The ']' closing the '[' at s[i], or n. */
static size_t close_bracket(const char *s, size_t n, size_t i)
{
    int depth = 0;
    for (; i < n; i++) {
        if (s[i] == '\\') {
            i++;
            continue;
        }
        if (s[i] == '[')
            depth++;
        else if (s[i] == ']' && --depth == 0)
            return i;
    }
    return n;
}

/* The ')' closing the '(' at s[i], or n. */
static size_t close_paren(const char *s, size_t n, size_t i)
{
    int depth = 0;
    bool angle = false;
    for (; i < n; i++) {
        if (s[i] == '\\') {
            i++;
            continue;
        }
        if (s[i] == '<')
            angle = true;
        else if (s[i] == '>')
            angle = false;
        else if (s[i] == '(' && !angle)
            depth++;
        else if (s[i] == ')' && !angle && --depth == 0)
            return i;
    }
    return n;
}

/* A link or image at s[i] ('['): end of the whole construct and the
 * text's span, or 0 when it is not one. */
static size_t link_at(const char *s, size_t n, size_t i, size_t *text_from, size_t *text_to)
{
    size_t close = close_bracket(s, n, i);
    if (close >= n)
        return 0;
    *text_from = i + 1;
    *text_to = close;
    if (close + 1 < n && s[close + 1] == '(') {
        size_t end = close_paren(s, n, close + 1);
        return end < n ? end + 1 : 0;
    }
    if (close + 1 < n && s[close + 1] == '[') {
        size_t end = close_bracket(s, n, close + 1);
        return end < n ? end + 1 : 0;
    }
    return 0;
}

/* An HTML tag, comment or autolink at s[i] ('<'): its end, or 0. */
static size_t tag_at(const char *s, size_t n, size_t i, bool *autolink, bool *br)
{
    *autolink = *br = false;
    if (i + 4 <= n && strncmp(s + i, "<!--", 4) == 0) {
        for (size_t j = i + 4; j + 3 <= n; j++)
            if (strncmp(s + j, "-->", 3) == 0)
                return j + 3;
        return n; /* the comment runs to the end of the block */
    }
    size_t j = i + 1;
    if (j < n && s[j] == '/')
        j++;
    if (j >= n || !is_alpha(s[j]))
        return 0;
    size_t name = j;
    while (j < n && (is_alpha(s[j]) || (s[j] >= '0' && s[j] <= '9') || s[j] == '-' ||
                     s[j] == '+' || s[j] == '.'))
        j++;
    if (j < n && s[j] == ':' && s[i + 1] != '/') { /* <https://...> */
        while (j < n && s[j] != '>' && s[j] != ' ' && s[j] != '<')
            j++;
        *autolink = j < n && s[j] == '>';
        return *autolink ? j + 1 : 0;
    }
    if (j < n && s[j] == '@') { /* <nom@exemple.fr> */
        while (j < n && s[j] != '>' && s[j] != ' ' && s[j] != '<')
            j++;
        *autolink = j < n && s[j] == '>';
        return *autolink ? j + 1 : 0;
    }
    if (j < n && s[j] != '>' && s[j] != ' ' && s[j] != '/')
        return 0;
    *br = j - name == 2 && (s[name] | 0x20) == 'b' && (s[name + 1] | 0x20) == 'r';
    for (size_t k = j; k < n && k < j + 400; k++) {
        if (s[k] == '<')
            return 0;
        if (s[k] == '>')
            return k + 1;
    }
    return 0;
}

/* An entity at s[i] ('&'): appends its character and returns its end,
 * or 0. Named entities are HTML's, found by libxml2. */
static size_t entity_at(const char *s, size_t n, size_t i, narr_buf *out, narr_status *st)
{
    size_t j = i + 1;
    int32_t cp = -1;
    if (j < n && s[j] == '#') {
        j++;
        bool hex = j < n && (s[j] == 'x' || s[j] == 'X');
        j += hex;
        int32_t v = 0;
        size_t from = j;
        while (j < n && j - from < 7) {
            char c = s[j];
            int d = c >= '0' && c <= '9'               ? c - '0'
                    : hex && (c | 0x20) >= 'a' && (c | 0x20) <= 'f' ? (c | 0x20) - 'a' + 10
                                                                     : -1;
            if (d < 0)
                break;
            v = v * (hex ? 16 : 10) + d;
            j++;
        }
        if (j > from && j < n && s[j] == ';' && v > 0 && v <= 0x10FFFF &&
            !(v >= 0xD800 && v <= 0xDFFF))
            cp = v;
    } else {
        char name[32];
        size_t k = 0;
        while (j < n && k + 1 < sizeof name && (is_alpha(s[j]) || (s[j] >= '0' && s[j] <= '9')))
            name[k++] = s[j++];
        name[k] = '\0';
        const htmlEntityDesc *e = k && j < n && s[j] == ';' ? htmlEntityLookup((const xmlChar *)name) : NULL;
        if (e)
            cp = (int32_t)e->value;
    }
    if (cp < 0)
        return 0;
    char c = (char)cp;
    *st = cp < 0x80 ? put_protected(out, c) : narr_utf8_append(out, cp);
    return j + 1;
}

/* First pass, over s[0..n): everything but emphasis. */
static narr_status first_pass(const char *s, size_t n, narr_buf *out, int depth)
{
    narr_status st = NARR_OK;
    for (size_t i = 0; i < n && st == NARR_OK;) {
        char c = s[i];
        size_t from, to, end;
        bool autolink, br;
        if (c == '\\' && i + 1 < n && ascii_punct(s[i + 1])) {
            st = put_protected(out, s[i + 1]);
            i += 2;
        } else if (c == '\\' && i + 1 == n) {
            i++; /* a hard line break */
        } else if (c == '`') {
            size_t run = 0;
            while (i + run < n && s[i + run] == '`')
                run++;
            size_t j = i + run;
            for (; j < n; j++) {
                size_t k = 0;
                while (j + k < n && s[j + k] == '`')
                    k++;
                if (k == run)
                    break;
                j += k ? k - 1 : 0;
            }
            if (j >= n) {
                st = narr_buf_append(out, s + i, run);
                i += run;
                continue;
            }
            /* Inline code is read: "la commande `ls`" says "ls". */
            st = put_protected_span(out, s + i + run, j - i - run);
            i = j + run;
        } else if (c == '!' && i + 1 < n && s[i + 1] == '[' &&
                   (end = link_at(s, n, i + 1, &from, &to)) != 0) {
            i = end; /* an image is not read */
        } else if (c == '[' && i + 1 < n && s[i + 1] == '^' && (end = close_bracket(s, n, i)) < n &&
                   !memchr(s + i, ' ', end - i)) {
            i = end + 1; /* a footnote mark */
        } else if (c == '[' && depth < LINK_DEPTH && (end = link_at(s, n, i, &from, &to)) != 0) {
            st = first_pass(s + from, to - from, out, depth + 1);
            i = end;
        } else if (c == '<' && (end = tag_at(s, n, i, &autolink, &br)) != 0) {
            if (autolink)
                st = put_protected_span(out, s + i + 1, end - i - 2);
            else if (br)
                st = narr_buf_append_char(out, ' ');
            i = end;
        } else if (c == '&' && (end = entity_at(s, n, i, out, &st)) != 0) {
            i = end;
        } else {
            st = narr_buf_append_char(out, c);
            i++;
        }
    }
    return st;
}

typedef struct {
    size_t at, len;
    size_t left;   /* characters of the run not paired */
    char c;
    bool open, close;
} delimiter;

static bool cp_space(int32_t cp) { return cp == ' ' || cp < 0 || narr_uc_is_space(cp); }

static bool cp_punct(int32_t cp)
{
    return cp >= 0 && !cp_space(cp) && !narr_uc_is_letter(cp) && !(cp >= '0' && cp <= '9');
}

/* Second pass: pairs emphasis delimiter runs and drops the paired ones,
 * then puts the protected characters back. */
static narr_status second_pass(const char *s, size_t n, narr_buf *out)
{
    delimiter stack_d[64];
    delimiter *d = stack_d;
    size_t nd = 0, cap = 64;
    narr_status st = NARR_OK;
    for (size_t i = 0; i < n;) {
        char c = s[i];
        if (c != '*' && c != '_' && c != '~') {
            i++;
            continue;
        }
        size_t run = 0;
        while (i + run < n && s[i + run] == c)
            run++;
        size_t b = i, a = i + run;
        int32_t prev = i ? narr_utf8_prev(s, &b) : ' ';
        int32_t next = a < n ? narr_utf8_next(s, n, &a) : ' ';
        bool left = !cp_space(next) && (!cp_punct(next) || cp_space(prev) || cp_punct(prev));
        bool right = !cp_space(prev) && (!cp_punct(prev) || cp_space(next) || cp_punct(next));
        delimiter x = {i, run, run, c, left, right};
        if (c == '_') {
            x.open = left && (!right || cp_punct(prev));
            x.close = right && (!left || cp_punct(next));
        }
        if (c == '~' && run > 2)
            x.open = x.close = false;
        if (nd == cap) {
            delimiter *bigger = malloc(cap * 2 * sizeof *bigger);
            if (!bigger) {
                st = NARR_E_NOMEM;
                break;
            }
            memcpy(bigger, d, nd * sizeof *d);
            if (d != stack_d)
                free(d);
            d = bigger;
            cap *= 2;
        }
        d[nd++] = x;
        i += run;
    }
    /* Each closer takes the nearest opener of its kind, two characters at
     * a time when both have two ("***a***" is strong and emphasis); the
     * openers in between stay text. */
    for (size_t k = 0; k < nd; k++) {
        for (size_t j = k; d[k].close && d[k].left && j-- > 0;) {
            if (!d[j].left || !d[j].open || d[j].c != d[k].c)
                continue;
            size_t use = d[j].left >= 2 && d[k].left >= 2 ? 2 : 1;
            d[j].left -= use;
            d[k].left -= use;
            for (size_t m = j + 1; m < k; m++)
                d[m].open = false;
            j++; /* the same opener may have characters left */
        }
        if (d[k].left < d[k].len)
            d[k].open = false;
    }
    size_t next_d = 0;
    for (size_t i = 0; i < n && st == NARR_OK;) {
        if (next_d < nd && d[next_d].at == i) {
            st = narr_buf_append(out, s + i, d[next_d].left);
            i += d[next_d].len;
            next_d++;
            continue;
        }
        size_t j = i;
        int32_t cp = narr_utf8_next(s, n, &j);
        if (cp >= PROTECT_BASE && cp < PROTECT_BASE + 3)
            st = narr_buf_append_char(out, "*_~"[cp - PROTECT_BASE]);
        else
            st = narr_buf_append(out, s + i, j - i);
        i = j;
    }
    if (d != stack_d)
        free(d);
    return st;
}

narr_status narr_markdown_inline(const char *s, size_t n, narr_buf *out)
{
    narr_buf a, b;
    narr_buf_init(&a);
    narr_buf_init(&b);
    narr_status st = first_pass(s, n, &a, 0);
    if (st == NARR_OK)
        st = second_pass(narr_buf_str(&a), a.len, &b);
    narr_buf_clear(&a);
    if (st == NARR_OK)
        st = narr_decode_clean(narr_buf_str(&b), b.len, &a);
    /* One space between words, none at the ends. */
    const char *t = narr_buf_str(&a);
    for (size_t i = 0; st == NARR_OK && i < a.len; i++) {
        if (t[i] == ' ' && (i + 1 == a.len || t[i + 1] == ' ' || out->len == 0 ||
                            narr_buf_last(out) == ' '))
            continue;
        st = narr_buf_append_char(out, t[i]);
    }
    narr_buf_deinit(&a);
    narr_buf_deinit(&b);
    return st;
}

/* ---- blocks --------------------------------------------------------- */

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

static narr_status enqueue(narr_markdown *m, narr_block_kind kind, const char *s, size_t n,
                           bool continues, long line)
{
    if (m->q_count == QUEUE)
        return NARR_E_NOMEM; /* cannot happen: a line queues at most 6 */
    queued *q = &m->q[(m->q_head + m->q_count) % QUEUE];
    m->q_count++;
    narr_buf_clear(&q->text);
    q->kind = kind;
    q->continues = continues;
    q->line = line;
    return narr_buf_append(&q->text, s, n);
}

/* Resolves a block's inline markup and queues it. The first block is
 * the title when it is a heading, or a short line without final
 * punctuation; after a front matter title, a first heading that repeats
 * it is not read twice. */
static narr_status emit(narr_markdown *m, narr_block_kind kind, const char *s, size_t n,
                        bool continues, long line, int lines)
{
    narr_buf_clear(&m->inl);
    narr_status st = narr_markdown_inline(s, n, &m->inl);
    if (st != NARR_OK || m->inl.len == 0)
        return st;
    if (!m->decided_title) {
        m->decided_title = true;
        if (m->fm_title.len) {
            if (kind == NARR_BLOCK_HEADING && same_text(&m->fm_title, m->inl.data, m->inl.len))
                return NARR_OK;
        } else if (kind == NARR_BLOCK_HEADING ||
                   (kind == NARR_BLOCK_PARAGRAPH && lines == 1 && !continues &&
                    m->inl.len <= HEADING_MAX_BYTES && !narr_sentence_ends(m->inl.data, m->inl.len, true))) {
            kind = NARR_BLOCK_TITLE;
        }
    }
    return enqueue(m, kind, m->inl.data, m->inl.len, continues, line);
}

static narr_status flush(narr_markdown *m)
{
    if (!m->para.len)
        return NARR_OK;
    narr_status st = emit(m, m->para_kind, m->para.data, m->para.len, false, m->para_line,
                          m->para_lines);
    narr_buf_clear(&m->para);
    m->para_lines = 0;
    return st;
}

/* Adds a line of text to the open block (or opens one of kind); glue:
 * the line is the rest of a line cut for its length, no space between. */
static narr_status append_text(narr_markdown *m, narr_block_kind kind, const char *s, size_t n,
                               bool glue)
{
    narr_status st = NARR_OK;
    if (!m->para.len) {
        m->para_kind = kind;
        m->para_line = m->lines;
    } else if (!glue) {
        st = narr_buf_append_char(&m->para, ' ');
    }
    m->para_lines++;
    /* A backslash ending a line is a line break: a space is enough. */
    if (n && s[n - 1] == '\\' && (n < 2 || s[n - 2] != '\\'))
        n--;
    if (st == NARR_OK)
        st = narr_buf_append(&m->para, s, n);
    while (st == NARR_OK && m->para.len >= NARR_BLOCK_MAX) {
        /* A huge paragraph goes out in pieces, cut after a space. */
        size_t cut = m->para.len;
        while (cut > m->para.len / 2 && m->para.data[cut - 1] != ' ')
            cut--;
        if (cut <= m->para.len / 2)
            cut = m->para.len;
        st = emit(m, m->para_kind, m->para.data, cut, true, m->para_line, 2);
        memmove(m->para.data, m->para.data + cut, m->para.len - cut);
        m->para.len -= cut;
        m->para.data[m->para.len] = '\0';
    }
    return st;
}

static narr_status append(narr_markdown *m, narr_block_kind kind, const char *s, size_t n)
{
    return append_text(m, kind, s, n, false);
}

static size_t count_run(const char *s, size_t n, char c)
{
    size_t k = 0;
    while (k < n && s[k] == c)
        k++;
    return k;
}

static bool only(const char *s, size_t n, const char *chars)
{
    for (size_t i = 0; i < n; i++)
        if (!strchr(chars, s[i]))
            return false;
    return true;
}

/* "---", "***", "_ _ _": three or more of one mark, spaces between. */
static bool thematic_break(const char *s, size_t n)
{
    if (!n || !strchr("-*_", s[0]))
        return false;
    size_t marks = 0;
    for (size_t i = 0; i < n; i++) {
        if (s[i] == s[0])
            marks++;
        else if (s[i] != ' ')
            return false;
    }
    return marks >= 3;
}

/* A list marker at s: "- ", "* ", "+ ", "1. ", "12) " (at most two
 * digits: "1914. La guerre" is a sentence). Returns the text's start. */
static size_t list_marker(const char *s, size_t n)
{
    size_t i = 0;
    if (n && strchr("-*+", s[0]))
        i = 1;
    else {
        while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9')
            i++;
        if (i == 0 || i > 2 || i >= n || (s[i] != '.' && s[i] != ')'))
            return 0;
        i++;
    }
    if (i < n && s[i] != ' ')
        return 0;
    while (i < n && s[i] == ' ')
        i++;
    /* Task lists: "- [ ] à faire", "- [x] fait". */
    if (i + 3 < n && s[i] == '[' && (s[i + 1] == ' ' || (s[i + 1] | 0x20) == 'x') && s[i + 2] == ']' &&
        s[i + 3] == ' ')
        i += 4;
    return i;
}

/* Raw HTML blocks whose content is not text. */
static bool raw_html_start(narr_markdown *m, const char *s, size_t n)
{
    static const char *const tags[] = {"script", "style", "pre", "template", "iframe", "svg",
                                       "textarea", NULL};
    if (n < 2 || s[0] != '<')
        return false;
    for (int i = 0; tags[i]; i++) {
        size_t k = strlen(tags[i]);
        if (n > k && strncmp(s + 1, tags[i], k) == 0 && (s[k + 1] == '>' || s[k + 1] == ' ')) {
            snprintf(m->skip_until, sizeof m->skip_until, "</%s>", tags[i]);
            return true;
        }
    }
    return false;
}

static bool contains(const char *s, size_t n, const char *needle)
{
    size_t k = strlen(needle);
    for (size_t i = 0; i + k <= n; i++)
        if (strncmp(s + i, needle, k) == 0)
            return true;
    return false;
}

/* "| a | b |" → "a, b"; the "|---|:--:|" line gives nothing. */
static narr_status table_row(narr_markdown *m, const char *s, size_t n)
{
    if (only(s, n, "|-: "))
        return NARR_OK;
    narr_buf_clear(&m->tmp);
    narr_status st = NARR_OK;
    size_t from = s[0] == '|';
    for (size_t i = from; i <= n && st == NARR_OK; i++) {
        if (i < n && (s[i] != '|' || (i > 0 && s[i - 1] == '\\')))
            continue;
        size_t a = from, b = i;
        while (a < b && s[a] == ' ')
            a++;
        while (b > a && s[b - 1] == ' ')
            b--;
        if (b > a) {
            if (m->tmp.len)
                st = narr_buf_append_str(&m->tmp, ", ");
            if (st == NARR_OK)
                st = narr_buf_append(&m->tmp, s + a, b - a);
        }
        from = i + 1;
    }
    if (st == NARR_OK && m->tmp.len)
        st = emit(m, NARR_BLOCK_PARAGRAPH, m->tmp.data, m->tmp.len, false, m->lines, 2);
    return st;
}

/* The front matter: only its title is kept ("title: Le titre"). */
static narr_status front_matter_line(narr_markdown *m, const char *s, size_t n)
{
    if ((n == 3 && (strncmp(s, "---", 3) == 0 || strncmp(s, "...", 3) == 0))) {
        m->in_front_matter = false;
        if (!m->fm_title.len)
            return NARR_OK;
        return enqueue(m, NARR_BLOCK_TITLE, m->fm_title.data, m->fm_title.len, false, m->lines);
    }
    if (n > 6 && strncmp(s, "title:", 6) == 0) {
        size_t a = 6, b = n;
        while (a < b && s[a] == ' ')
            a++;
        while (b > a && s[b - 1] == ' ')
            b--;
        if (b - a >= 2 && (s[a] == '"' || s[a] == '\'') && s[b - 1] == s[a])
            a++, b--;
        narr_buf_clear(&m->fm_title);
        return narr_markdown_inline(s + a, b - a, &m->fm_title);
    }
    return NARR_OK;
}

static narr_status line(narr_markdown *m, const char *s, size_t n)
{
    narr_status st = NARR_OK;
    while (n && s[n - 1] == ' ')
        n--;
    if (m->in_front_matter)
        return front_matter_line(m, s, n);
    if (m->lines == 1 && n == 3 && strncmp(s, "---", 3) == 0) {
        m->in_front_matter = true;
        return NARR_OK;
    }
    size_t indent = 0;
    while (indent < n && s[indent] == ' ')
        indent++;
    const char *r = s + indent;
    size_t rn = n - indent;
    if (m->in_fence) {
        size_t k = count_run(r, rn, m->fence_char);
        if (indent <= 3 && k >= m->fence_len && only(r + k, rn - k, " "))
            m->in_fence = false;
        return NARR_OK;
    }
    if (m->in_comment) {
        m->in_comment = !contains(s, n, "-->");
        return NARR_OK;
    }
    if (m->skip_until[0]) {
        if (contains(s, n, m->skip_until))
            m->skip_until[0] = '\0';
        return NARR_OK;
    }
    bool blank_before = m->blank_before;
    m->blank_before = rn == 0;
    if (rn == 0)
        return flush(m);
    /* Code is not read: indented (outside lists) or fenced. */
    if (indent >= 4 && !m->para.len && !m->in_list)
        return NARR_OK;
    size_t k;
    if (indent <= 3 && ((k = count_run(r, rn, '`')) >= 3 || (k = count_run(r, rn, '~')) >= 3)) {
        m->in_fence = true;
        m->fence_char = r[0];
        m->fence_len = k;
        return flush(m);
    }
    if (strncmp(r, "<!--", rn < 4 ? rn : 4) == 0 && rn >= 4) {
        if (!contains(r, rn, "-->"))
            m->in_comment = true;
        return flush(m);
    }
    if (raw_html_start(m, r, rn)) {
        if (contains(r, rn, m->skip_until))
            m->skip_until[0] = '\0';
        return flush(m);
    }
    /* ATX heading: "## Les chiffres clés ##". */
    k = count_run(r, rn, '#');
    if (indent <= 3 && k >= 1 && k <= 6 && (k == rn || r[k] == ' ')) {
        size_t a = k, b = rn;
        while (b > a && r[b - 1] == '#')
            b--;
        if (b < rn && b > a && r[b - 1] != ' ')
            b = rn; /* "# C#" keeps its '#' */
        m->in_list = false;
        if ((st = flush(m)) == NARR_OK)
            st = emit(m, NARR_BLOCK_HEADING, r + a, b - a, false, m->lines, 1);
        return st;
    }
    /* Setext underline: the paragraph above is a heading. */
    if (indent <= 3 && m->para.len && m->para_kind == NARR_BLOCK_PARAGRAPH &&
        (only(r, rn, "=") || (rn >= 2 && only(r, rn, "-")))) {
        m->para_kind = NARR_BLOCK_HEADING;
        return flush(m);
    }
    if (indent <= 3 && thematic_break(r, rn)) {
        m->in_list = false;
        return flush(m);
    }
    if (indent <= 3 && r[0] == '>') {
        size_t i = 0;
        while (i < rn && (r[i] == '>' || r[i] == ' '))
            i++;
        if (m->para.len && m->para_kind != NARR_BLOCK_QUOTE)
            st = flush(m);
        m->in_list = false;
        if (i == rn)
            return st == NARR_OK ? flush(m) : st;
        /* Marks inside a quotation ("> - point") are dropped. */
        size_t h = count_run(r + i, rn - i, '#');
        if (h && h <= 6 && i + h < rn && r[i + h] == ' ')
            i += h + 1;
        else if ((k = list_marker(r + i, rn - i)) != 0)
            i += k;
        return st == NARR_OK ? append(m, NARR_BLOCK_QUOTE, r + i, rn - i) : st;
    }
    if ((k = list_marker(r, rn)) != 0 && (indent <= 3 || m->in_list)) {
        m->in_list = true;
        if ((st = flush(m)) == NARR_OK)
            st = append(m, NARR_BLOCK_ITEM, r + k, rn - k);
        return st;
    }
    if (indent <= 3 && r[0] == '|')
        return flush(m) == NARR_OK ? table_row(m, r, rn) : NARR_E_NOMEM;
    /* "[1]: https://..." defines a link; it is not text. */
    if (indent <= 3 && r[0] == '[' && (k = close_bracket(r, rn, 0)) < rn && k + 1 < rn &&
        r[k + 1] == ':') {
        if (r[1] != '^')
            return flush(m);
        if ((st = flush(m)) == NARR_OK)
            st = append(m, NARR_BLOCK_PARAGRAPH, r + k + 2, rn - k - 2);
        return st;
    }
    if (m->para.len)
        return append(m, m->para_kind, r, rn);
    /* After a blank line, an indented line goes on with the list item. */
    if (m->in_list && blank_before && indent >= 2)
        return append(m, NARR_BLOCK_ITEM, r, rn);
    m->in_list = false;
    return append(m, NARR_BLOCK_PARAGRAPH, r, rn);
}

narr_status narr_markdown_next(narr_markdown *m, narr_block *block)
{
    narr_status st = NARR_OK;
    while (!m->q_count && st == NARR_OK) {
        if (m->at_end)
            return NARR_E_EMPTY;
        narr_line l;
        st = narr_decoder_next(m->dec, &l);
        if (st == NARR_E_EMPTY) {
            m->at_end = true;
            st = flush(m);
            continue;
        }
        if (st != NARR_OK)
            return st;
        m->lines = l.number;
        bool glue = m->last_cut && m->para.len;
        m->last_cut = l.cut;
        st = glue ? append_text(m, m->para_kind, l.text, l.len, true) : line(m, l.text, l.len);
    }
    if (st != NARR_OK)
        return st;
    queued *q = &m->q[m->q_head];
    m->q_head = (m->q_head + 1) % QUEUE;
    m->q_count--;
    /* The slot is reused no sooner than the next call. */
    block->kind = q->kind;
    block->text = narr_buf_str(&q->text);
    block->len = q->text.len;
    block->continues = q->continues;
    block->line = q->line;
    return NARR_OK;
}
