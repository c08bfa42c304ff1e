/* html: a web page → the article's blocks. The page is decoded in the
 * charset it declares and parsed whole by libxml2 into a tree whose size
 * and depth are bounded (a page past a limit is refused: "web page nested
 * too deeply (more than 512 levels)"); then the article is measured and
 * chosen (html_article.c), flattened into blocks (html_blocks.c), and the
 * blocks are handed out one by one, long paragraphs in pieces. */
#include "text/html_private.h"
#include "base/i18n.h"
#include "base/utf8.h"

#include <libxml/HTMLparser.h>
#include <stdlib.h>
#include <unicode/ucnv.h>

/* HUGE lifts libxml2's own limits (depth 256, 10 MB texts), which cut a
 * page short without a word: the limits are ours, and said (below). */
#define PARSE_OPTIONS                                                                  \
    (HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | \
     HTML_PARSE_IGNORE_ENC | XML_PARSE_HUGE)

narr_html *narr_html_new(narr_decoder *dec, const narr_table *boilerplate)
{
    narr_html *h = calloc(1, sizeof *h);
    if (!h)
        return NULL;
    h->dec = dec;
    h->boilerplate = boilerplate;
    narr_buf_init(&h->text);
    narr_buf_init(&h->current);
    return h;
}

void narr_html_free(narr_html *h)
{
    if (!h)
        return;
    narr_buf_deinit(&h->text);
    narr_buf_deinit(&h->current);
    free(h->blocks);
    free(h->spans);
    free(h->piece_spans);
    free(h);
}

const char *narr_html_errmsg(const narr_html *h) { return h->errmsg; }

/* ---- reading the page ----------------------------------------------- */

bool narr_html_declared_charset(const char *head, size_t n, char *charset, size_t size)
{
    for (size_t i = 0; i + 8 < n; i++) {
        if (head[i] != '<')
            continue;
        bool xml = i + 5 < n && strncmp(head + i, "<?xml", 5) == 0;
        bool meta = i + 5 < n && narr_html_lower(head[i + 1]) == 'm' &&
                    narr_html_lower(head[i + 2]) == 'e' && narr_html_lower(head[i + 3]) == 't' &&
                    narr_html_lower(head[i + 4]) == 'a';
        if (!xml && !meta)
            continue;
        const char *word = xml ? "encoding" : "charset";
        size_t wl = strlen(word);
        for (size_t j = i + 5; j + wl < n && head[j] != '>'; j++) {
            size_t k = 0;
            while (k < wl && narr_html_lower(head[j + k]) == word[k])
                k++;
            if (k < wl)
                continue;
            j += wl;
            while (j < n && narr_html_is_space(head[j]))
                j++;
            if (j >= n || head[j] != '=')
                continue;
            j++;
            while (j < n && (narr_html_is_space(head[j]) || head[j] == '"' || head[j] == '\''))
                j++;
            size_t len = 0;
            while (j + len < n && len + 1 < size &&
                   ((head[j + len] >= 'a' && head[j + len] <= 'z') ||
                    (head[j + len] >= 'A' && head[j + len] <= 'Z') ||
                    (head[j + len] >= '0' && head[j + len] <= '9') || head[j + len] == '-' ||
                    head[j + len] == '_' || head[j + len] == '.' || head[j + len] == ':'))
                len++;
            if (!len)
                continue;
            memcpy(charset, head + j, len);
            charset[len] = '\0';
            return true;
        }
    }
    return false;
}

/* True if s[0..n) has non-ASCII bytes and is valid UTF-8 (a character
 * cut at the very end allowed): a page that says "windows-1252" but is
 * UTF-8 is read as UTF-8, as its author saw it. */
static bool plainly_utf8(const char *s, size_t n)
{
    bool high = false;
    for (size_t i = 0; i < n && !high; i++)
        high = (unsigned char)s[i] >= 0x80;
    size_t bad;
    return high && (narr_utf8_valid(s, n, &bad) || bad + 4 > n);
}

/* False when charset is known and does not read ASCII as ASCII (UTF-16,
 * UTF-32, EBCDIC): a page whose declaration was found as ASCII bytes is
 * not in it. The HTML standard reads such a <meta> as UTF-8. */
static bool ascii_compatible(const char *charset)
{
    static const char sample[] = "<meta charset=\"x-Az09\">";
    UErrorCode e = U_ZERO_ERROR;
    UConverter *conv = ucnv_open(charset, &e);
    if (U_FAILURE(e))
        return true; /* unknown: the caller warns about it */
    UChar out[sizeof sample];
    int32_t n = ucnv_toUChars(conv, out, (int32_t)(sizeof sample), sample,
                              (int32_t)(sizeof sample - 1), &e);
    ucnv_close(conv);
    if (U_FAILURE(e) || n != (int32_t)(sizeof sample - 1))
        return false;
    for (int32_t i = 0; i < n; i++)
        if (out[i] != (UChar)sample[i])
            return false;
    return true;
}

/* Picks the charset: a byte order mark, else the declared one (Latin-1
 * and ASCII labels mean Windows-1252, as in browsers; UTF-16 and the like
 * mean UTF-8), else UTF-8 with the decoder's Windows-1252 fallback. */
static void apply_charset(narr_html *h)
{
    const char *head;
    size_t n;
    char charset[64];
    if (narr_decoder_peek(h->dec, &head, &n) != NARR_OK || narr_decoder_had_bom(h->dec) ||
        !narr_html_declared_charset(head, n, charset, sizeof charset))
        return;
    static const char *const latin1[] = {"iso-8859-1", "iso8859-1", "latin1", "l1",
                                         "us-ascii", "ascii", "iso_8859-1", "cp1252", NULL};
    for (int i = 0; latin1[i]; i++)
        if (narr_html_ci_equal(charset, latin1[i]))
            snprintf(charset, sizeof charset, "windows-1252");
    if (!narr_html_ci_equal(charset, "utf-8") && !narr_html_ci_equal(charset, "utf8") &&
        plainly_utf8(head, n))
        return;
    if (!ascii_compatible(charset))
        return;
    if (narr_decoder_set_charset(h->dec, charset) == NARR_E_ARG) {
        char msg[640];
        snprintf(msg, sizeof msg,
                 L_("%s: the page declares an unknown charset '%s'; reading it as UTF-8"),
                 narr_decoder_name(h->dec), charset);
        narr_decoder_warn(h->dec, msg);
    }
}

/* ---- parsing, with limits ------------------------------------------ *
 * libxml2 pulls the decoded lines through page_read, so the page is never
 * held whole beside its tree. What the tree costs is bounded by counting
 * what the parser adds (elements, attributes, texts, comments) and the
 * depth it reaches; past a limit nothing more is added, the reading ends,
 * and the page is refused with a message rather than read in part. */

typedef struct {
    narr_html *h;
    xmlParserCtxtPtr ctxt;
    startElementSAXFunc start_element; /* libxml2's own callbacks */
    charactersSAXFunc characters;
    cdataBlockSAXFunc cdata;
    commentSAXFunc comment;
    narr_line line;
    size_t at;       /* bytes of line already handed to libxml2 */
    bool newline;    /* a '\n' is owed before the rest of line */
    bool begun, cut, ended;
    size_t bytes, nodes;
    narr_status st;  /* NARR_OK, or why the reading stopped */
} page_reader;

static void refuse(page_reader *r, narr_status st)
{
    r->st = st;
    /* No more tree: the parser drains what it holds and meets the end. */
    r->ctxt->disableSAX = 1;
}

static void too_big(page_reader *r)
{
    snprintf(r->h->errmsg, sizeof r->h->errmsg,
             L_("%s: web page larger than %d MB; save the article's text instead"),
             narr_decoder_name(r->h->dec), NARR_HTML_MAX_BYTES / (1024 * 1024));
    refuse(r, NARR_E_ARG);
}

/* True (and the page refused) when n more nodes pass the limit. */
static bool too_many(page_reader *r, size_t n)
{
    r->nodes += n;
    if (r->nodes <= NARR_HTML_MAX_NODES)
        return false;
    snprintf(r->h->errmsg, sizeof r->h->errmsg,
             L_("%s: web page with too much markup (more than %d tags, attributes and "
             "texts); save the article's text instead"),
             narr_decoder_name(r->h->dec), NARR_HTML_MAX_NODES);
    refuse(r, NARR_E_ARG);
    return true;
}

static void on_start_element(void *ctx, const xmlChar *name, const xmlChar **atts)
{
    xmlParserCtxtPtr ctxt = ctx;
    page_reader *r = ctxt->_private;
    size_t n = 1;
    for (size_t i = 0; atts && atts[i]; i += 2)
        n++;
    if (r->st != NARR_OK || too_many(r, n))
        return;
    /* The element would sit below nodeNr open ones. */
    if (ctxt->nodeNr >= NARR_HTML_MAX_DEPTH) {
        snprintf(r->h->errmsg, sizeof r->h->errmsg,
                 L_("%s: web page nested too deeply (more than %d levels); save the "
                 "article's text instead"),
                 narr_decoder_name(r->h->dec), NARR_HTML_MAX_DEPTH);
        refuse(r, NARR_E_ARG);
        return;
    }
    r->start_element(ctx, name, atts);
}

static void on_characters(void *ctx, const xmlChar *s, int len)
{
    page_reader *r = ((xmlParserCtxtPtr)ctx)->_private;
    if (r->st == NARR_OK && !too_many(r, 1))
        r->characters(ctx, s, len);
}

static void on_cdata(void *ctx, const xmlChar *s, int len)
{
    page_reader *r = ((xmlParserCtxtPtr)ctx)->_private;
    if (r->st == NARR_OK && !too_many(r, 1))
        r->cdata(ctx, s, len);
}

static void on_comment(void *ctx, const xmlChar *s)
{
    page_reader *r = ((xmlParserCtxtPtr)ctx)->_private;
    if (r->st == NARR_OK && !too_many(r, 1))
        r->comment(ctx, s);
}

/* libxml2's input: the decoded lines, joined back with '\n' (a line cut
 * for length goes on without one). 0 is the end, also after a refusal. */
static int page_read(void *ctx, char *buffer, int len)
{
    page_reader *r = ctx;
    size_t got = 0, want = len > 0 ? (size_t)len : 0;
    while (got < want && r->st == NARR_OK) {
        if (r->newline) {
            buffer[got++] = '\n';
            r->newline = false;
        } else if (r->at < r->line.len) {
            size_t n = r->line.len - r->at;
            if (n > want - got)
                n = want - got;
            memcpy(buffer + got, r->line.text + r->at, n);
            got += n;
            r->at += n;
        } else if (r->ended) {
            break;
        } else {
            narr_status st = narr_decoder_next(r->h->dec, &r->line);
            if (st == NARR_E_EMPTY) {
                r->ended = true;
                break;
            }
            if (st != NARR_OK) {
                refuse(r, st);
                break;
            }
            r->newline = r->begun && !r->cut;
            r->begun = true;
            r->cut = r->line.cut;
            r->at = 0;
            r->bytes += r->line.len + 1;
            if (r->bytes > NARR_HTML_MAX_BYTES)
                too_big(r);
        }
    }
    return r->st == NARR_OK ? (int)got : 0;
}

/* The page's tree, or NULL with the reason in *st (NARR_OK and NULL: an
 * empty page). */
static xmlDoc *parse_page(narr_html *h, narr_status *st)
{
    *st = NARR_E_NOMEM;
    xmlParserCtxtPtr ctxt = htmlNewParserCtxt();
    if (!ctxt || !ctxt->sax) {
        if (ctxt)
            htmlFreeParserCtxt(ctxt);
        return NULL;
    }
    page_reader r = {.h = h, .ctxt = ctxt, .st = NARR_OK};
    /* ctxt->sax is the context's own copy: wrapping it touches no other
     * parser. */
    xmlSAXHandler *sax = ctxt->sax;
    r.start_element = sax->startElement;
    r.characters = sax->characters;
    r.cdata = sax->cdataBlock;
    r.comment = sax->comment;
    sax->startElement = r.start_element ? on_start_element : NULL;
    sax->characters = r.characters ? on_characters : NULL;
    sax->cdataBlock = r.cdata ? on_cdata : NULL;
    sax->comment = r.comment ? on_comment : NULL;
    ctxt->_private = &r;
    xmlDoc *doc = htmlCtxtReadIO(ctxt, page_read, NULL, &r, NULL, "UTF-8", PARSE_OPTIONS);
    *st = r.st;
    /* A parse libxml2 gave up on (out of memory, say) is not read in part. */
    if (*st == NARR_OK && ctxt->disableSAX) {
        const xmlError *e = xmlCtxtGetLastError(ctxt);
        bool nomem = ctxt->errNo == XML_ERR_NO_MEMORY;
        snprintf(h->errmsg, sizeof h->errmsg,
                 L_("%s: the web page could not be read to the end (%s); save the "
                 "article's text instead"),
                 narr_decoder_name(h->dec),
                 nomem ? L_("out of memory")
                 : e && e->message ? e->message : L_("the HTML parser stopped"));
        /* libxml2's messages end with a newline. */
        for (char *p = strchr(h->errmsg, '\n'); p; p = strchr(p, '\n'))
            memmove(p, p + 1, strlen(p));
        *st = nomem ? NARR_E_NOMEM : NARR_E_ARG;
    }
    if (*st != NARR_OK && doc) {
        xmlFreeDoc(doc);
        doc = NULL;
    }
    htmlFreeParserCtxt(ctxt);
    return doc;
}

static narr_status extract(narr_html *h, xmlDoc *doc)
{
    xmlNode *html = xmlDocGetRootElement(doc);
    if (!html)
        return NARR_OK;
    xmlNode *body = narr_html_find_first(NULL, html, "body", false);
    if (!body)
        body = html;
    narr_html_walker w = {.h = h, .doc = doc, .use_classes = true};
    narr_buf_init(&w.raw);
    narr_buf_init(&w.tmp);
    narr_buf_init(&w.tmp2);
    narr_buf_init(&w.scratch);
    narr_buf title;
    narr_buf_init(&title);
    /* One stats record per element, reached through _private. */
    int depth = 0;
    for (xmlNode *n = html; n; n = narr_html_step(n, html, false, &depth, NULL, &w))
        w.nst += n->type == XML_ELEMENT_NODE;
    narr_status st = NARR_OK;
    w.st = calloc(w.nst ? w.nst : 1, sizeof *w.st);
    if (!w.st)
        st = NARR_E_NOMEM;
    for (int pass = 0; pass < 2 && st == NARR_OK; pass++) {
        size_t i = 0;
        depth = 0;
        for (xmlNode *n = html; n; n = narr_html_step(n, html, false, &depth, NULL, &w))
            if (n->type == XML_ELEMENT_NODE) {
                w.st[i] = (narr_html_stats){0};
                n->_private = &w.st[i++];
            }
        w.measuring = true;
        narr_html_measure(&w, html);
        w.measuring = false;
        xmlNode *roots[256];
        size_t nroots = narr_html_choose_roots(&w, body, roots, 256);
        st = narr_html_find_title(&w, roots, nroots, &title);
        h->count = 0;
        h->nspans = 0;
        narr_buf_clear(&h->text);
        w.para_first = 0;
        w.skip_section = 0;
        if (st == NARR_OK && title.len)
            st = narr_html_add_block(h, NARR_BLOCK_TITLE, title.data, title.len);
        w.title = narr_buf_str(&title);
        w.title_skipped = false;
        for (size_t r = 0; r < nroots && st == NARR_OK; r++)
            st = narr_html_gather(&w, roots[r]);
        /* Class words that caught the whole article: read without them. */
        if (h->count > (title.len ? 1u : 0u))
            break;
        w.use_classes = false;
    }
    depth = 0;
    for (xmlNode *n = html; n; n = narr_html_step(n, html, false, &depth, NULL, &w))
        n->_private = NULL;
    free(w.st);
    narr_buf_deinit(&title);
    narr_buf_deinit(&w.raw);
    narr_buf_deinit(&w.tmp);
    narr_buf_deinit(&w.tmp2);
    narr_buf_deinit(&w.scratch);
    return st;
}

/* A page declared in another language is read anyway, with a warning. */
static void check_language(narr_html *h, xmlDoc *doc)
{
    xmlNode *html = xmlDocGetRootElement(doc);
    const char *lang = html ? narr_html_attr(html, "lang") : NULL;
    if (!lang || !*lang || narr_html_lang_is_french(lang))
        return;
    char msg[640];
    snprintf(msg, sizeof msg,
             L_("%s: the page is declared in another language (lang=\"%.40s\"); narrateur "
             "reads French, and reads it anyway"),
             narr_decoder_name(h->dec), lang);
    narr_decoder_warn(h->dec, msg);
}

static narr_status load(narr_html *h)
{
    h->loaded = true;
    narr_status st = NARR_OK;
    apply_charset(h);
    xmlDoc *doc = parse_page(h, &st);
    if (doc) {
        check_language(h, doc);
        st = extract(h, doc);
        xmlFreeDoc(doc);
    }
    return st;
}

/* The passages of b within its piece [at, at + n), offsets into the piece. */
static narr_status piece_spans(narr_html *h, const narr_html_stored *b, size_t at, size_t n,
                               narr_block *block)
{
    block->spans = NULL;
    block->nspans = 0;
    size_t count = 0;
    for (size_t i = b->span_at; i < b->span_at + b->nspans; i++) {
        const narr_lang_span *sp = &h->spans[i];
        size_t from = sp->at > at ? sp->at : at;
        size_t to = sp->at + sp->len < at + n ? sp->at + sp->len : at + n;
        if (from >= to)
            continue;
        if (count == h->piece_spans_cap) {
            narr_lang_span *p = narr_array_grow(h->piece_spans, &h->piece_spans_cap, sizeof *p, 8);
            if (!p)
                return NARR_E_NOMEM;
            h->piece_spans = p;
        }
        h->piece_spans[count++] = (narr_lang_span){from - at, to - from, sp->lang};
    }
    block->spans = count ? h->piece_spans : NULL;
    block->nspans = count;
    return NARR_OK;
}

narr_status narr_html_next(narr_html *h, narr_block *block)
{
    if (!h->loaded) {
        narr_status st = load(h);
        if (st != NARR_OK)
            return st;
    }
    if (h->next >= h->count)
        return NARR_E_EMPTY;
    const narr_html_stored *b = &h->blocks[h->next];
    const char *s = h->text.data + b->at + h->piece;
    size_t n = b->len - h->piece;
    bool continues = false;
    /* A paragraph longer than a block comes in pieces cut at a space. */
    if (n > NARR_BLOCK_MAX) {
        n = narr_block_piece(s, n);
        continues = true;
    }
    narr_buf_clear(&h->current);
    narr_status st = narr_buf_append(&h->current, s, n);
    if (st != NARR_OK)
        return st;
    block->kind = h->piece ? NARR_BLOCK_PARAGRAPH : b->kind;
    block->text = narr_buf_str(&h->current);
    block->len = h->current.len;
    block->continues = continues;
    block->line_end = !continues && b->line_end;
    block->line = 0;
    block->lang = b->lang;
    if ((st = piece_spans(h, b, h->piece, n, block)) != NARR_OK)
        return st;
    if (continues) {
        h->piece += n;
    } else {
        h->piece = 0;
        h->next++;
    }
    return NARR_OK;
}
