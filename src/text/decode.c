/* decode: bytes → clean NFC UTF-8 lines, bounded memory. Charset
 * conversion (UTF-16, a declared legacy charset) is streamed through an
 * ICU converter pair into the same line buffer as plain UTF-8 input. */
#include "text/decode.h"
#include "base/i18n.h"
#include "base/utf8.h"

#include <errno.h>
#include <poll.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unicode/ucnv.h>
#include <unistd.h>

#define READ_CHUNK (64 * 1024)
#define IN_CAP (NARR_DECODE_MAX_LINE + READ_CHUNK)
#define PIVOT 1024

struct narr_decoder {
    FILE *f;
    volatile sig_atomic_t *interrupted;
    char name[512];
    char *in;          /* UTF-8 (or unknown legacy) bytes not yet consumed */
    size_t start, end; /* pending bytes are in[start..end) */
    bool eof;
    bool stream;       /* a pipe or terminal: never wait for more than a line */
    bool sniffed;
    bool bom_checked;
    bool had_bom;
    bool charset_fixed; /* the transport named it: the page's declaration is ignored */
    bool warned_cp1252;
    long line_no;
    bool last_cut;
    /* When the input is not UTF-8: its bytes wait in raw[raw_start..
     * raw_end) and go through conv → Unicode → to_utf8 into in. */
    UConverter *conv, *to_utf8;
    char *raw;
    size_t raw_start, raw_end;
    bool raw_eof;
    UChar pivot[PIVOT];
    UChar *pivot_source, *pivot_target;
    narr_buf raw_line, nfc, out;
    char errmsg[640];
    char warning[640];
    bool has_warning;
};

narr_decoder *narr_decoder_new(FILE *f, const char *name)
{
    narr_decoder *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->in = malloc(IN_CAP);
    if (!d->in) {
        free(d);
        return NULL;
    }
    d->f = f;
    struct stat info;
    int fd = fileno(f);
    d->stream = fd >= 0 && fstat(fd, &info) == 0 && !S_ISREG(info.st_mode);
    snprintf(d->name, sizeof d->name, "%s", name);
    narr_buf_init(&d->raw_line);
    narr_buf_init(&d->nfc);
    narr_buf_init(&d->out);
    return d;
}

void narr_decoder_free(narr_decoder *d)
{
    if (!d)
        return;
    if (d->conv)
        ucnv_close(d->conv);
    if (d->to_utf8)
        ucnv_close(d->to_utf8);
    free(d->raw);
    narr_buf_deinit(&d->raw_line);
    narr_buf_deinit(&d->nfc);
    narr_buf_deinit(&d->out);
    free(d->in);
    free(d);
}

const char *narr_decoder_errmsg(const narr_decoder *d) { return d->errmsg; }

void narr_decoder_set_interrupt(narr_decoder *d, volatile sig_atomic_t *flag)
{
    d->interrupted = flag;
}

const char *narr_decoder_name(const narr_decoder *d) { return d->name; }

bool narr_decoder_had_bom(const narr_decoder *d) { return d->had_bom; }

const char *narr_decoder_take_warning(narr_decoder *d)
{
    if (!d->has_warning)
        return NULL;
    d->has_warning = false;
    return d->warning;
}

void narr_decoder_warn(narr_decoder *d, const char *warning)
{
    snprintf(d->warning, sizeof d->warning, "%s", warning);
    d->has_warning = true;
}

/* Reads what the stream has, up to room bytes, into *got (0 at the end).
 * NARR_E_INTERRUPTED when a signal the caller waits for came, NARR_E_IO
 * on an error: a status, not a byte count, so that no error passes for a
 * count. read(2), not fread: on a pipe, a line must be handled as soon as
 * it arrives, not when 64 KiB have come. */
static narr_status read_input(narr_decoder *d, char *dst, size_t room, size_t *got)
{
    int fd = fileno(d->f);
    for (;;) {
        ssize_t n = fd >= 0 ? read(fd, dst, room) : (ssize_t)fread(dst, 1, room, d->f);
        if (n < 0 && errno == EINTR && d->interrupted && *d->interrupted) {
            snprintf(d->errmsg, sizeof d->errmsg, L_("%s: interrupted"), d->name);
            return NARR_E_INTERRUPTED;
        }
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0 || (fd < 0 && n == 0 && ferror(d->f))) {
            snprintf(d->errmsg, sizeof d->errmsg, L_("%s: cannot read: %s"), d->name,
                     strerror(errno));
            return NARR_E_IO;
        }
        *got = (size_t)n;
        return NARR_OK;
    }
}

/* From now on the input is read as charset: the bytes already buffered
 * (from `skip` on) move back to the raw side to be converted. */
static narr_status start_converter(narr_decoder *d, const char *charset, size_t skip)
{
    UErrorCode e = U_ZERO_ERROR;
    d->conv = ucnv_open(charset, &e);
    if (U_SUCCESS(e))
        d->to_utf8 = ucnv_open("UTF-8", &e);
    if (U_FAILURE(e)) {
        snprintf(d->errmsg, sizeof d->errmsg, L_("%s: unknown charset '%s'"), d->name, charset);
        if (d->conv)
            ucnv_close(d->conv);
        d->conv = NULL;
        return NARR_E_ARG;
    }
    /* Bytes that mean nothing in the charset are dropped, not guessed. */
    ucnv_setToUCallBack(d->conv, UCNV_TO_U_CALLBACK_SKIP, NULL, NULL, NULL, &e);
    if (!d->raw && !(d->raw = malloc(IN_CAP)))
        return NARR_E_NOMEM;
    size_t n = d->end - d->start - skip;
    memcpy(d->raw, d->in + d->start + skip, n);
    d->raw_start = 0;
    d->raw_end = n;
    d->raw_eof = d->eof;
    d->eof = false;
    d->start = d->end = 0;
    d->pivot_source = d->pivot_target = d->pivot;
    return NARR_OK;
}

/* Appends more input to in[end..): as read, or converted to UTF-8. */
static narr_status produce(narr_decoder *d)
{
    if (!d->conv) {
        size_t got = 0;
        narr_status st = read_input(d, d->in + d->end, IN_CAP - d->end, &got);
        if (st != NARR_OK)
            return st;
        d->end += got;
        d->eof = got == 0;
        return NARR_OK;
    }
    for (;;) {
        if (d->raw_start == d->raw_end && !d->raw_eof) {
            size_t got = 0;
            narr_status st = read_input(d, d->raw, IN_CAP, &got);
            if (st != NARR_OK)
                return st;
            d->raw_start = 0;
            d->raw_end = got;
            d->raw_eof = got == 0;
        }
        char *target = d->in + d->end;
        const char *source = d->raw + d->raw_start;
        UErrorCode e = U_ZERO_ERROR;
        ucnv_convertEx(d->to_utf8, d->conv, &target, d->in + IN_CAP, &source,
                       d->raw + d->raw_end, d->pivot, &d->pivot_source, &d->pivot_target,
                       d->pivot + PIVOT, false, d->raw_eof, &e);
        size_t made = (size_t)(target - (d->in + d->end));
        d->end += made;
        d->raw_start = (size_t)(source - d->raw);
        if (U_FAILURE(e) && e != U_BUFFER_OVERFLOW_ERROR) {
            UErrorCode e2 = U_ZERO_ERROR;
            const char *from = ucnv_getName(d->conv, &e2);
            snprintf(d->errmsg, sizeof d->errmsg, L_("%s: cannot convert from %s: %s"), d->name,
                     from ? from : L_("its charset"), u_errorName(e));
            return NARR_E_IO;
        }
        if (made)
            return NARR_OK;
        if (d->raw_eof && d->raw_start == d->raw_end && e != U_BUFFER_OVERFLOW_ERROR) {
            d->eof = true;
            return NARR_OK;
        }
    }
}

/* A byte order mark says the encoding: UTF-8's is dropped, UTF-16's
 * switches to conversion. */
static narr_status check_bom(narr_decoder *d)
{
    d->bom_checked = true;
    if (d->line_no > 0)
        return NARR_OK; /* a mark is only a mark at the very start */
    const unsigned char *p = (const unsigned char *)d->in + d->start;
    size_t n = d->end - d->start;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF) {
        d->had_bom = true;
        d->start += 3;
    } else if (n >= 2 && ((p[0] == 0xFF && p[1] == 0xFE) || (p[0] == 0xFE && p[1] == 0xFF))) {
        d->had_bom = true;
        return start_converter(d, p[0] == 0xFF ? "UTF-16LE" : "UTF-16BE", 2);
    }
    return NARR_OK;
}

/* Reads until the buffer holds a whole line (or a maximal one), or, when
 * want is less than a line, want bytes; or the input ends. */
static narr_status fill(narr_decoder *d, size_t want)
{
    if (d->start > 0) {
        memmove(d->in, d->in + d->start, d->end - d->start);
        d->end -= d->start;
        d->start = 0;
    }
    bool whole_line = want >= NARR_DECODE_MAX_LINE;
    size_t scanned = 0;
    while (!d->eof && d->end < want) {
        if (whole_line && memchr(d->in + scanned, '\n', d->end - scanned))
            return NARR_OK;
        scanned = d->end;
        narr_status st = produce(d);
        if (st == NARR_OK && !d->bom_checked && (d->end >= 3 || d->eof)) {
            st = check_bom(d);
            scanned = 0;
        }
        if (st != NARR_OK)
            return st;
    }
    return NARR_OK;
}

/* True when reading the stream now would not block. */
static bool waiting(const narr_decoder *d)
{
    struct pollfd p = {.fd = fileno(d->f), .events = POLLIN};
    return !d->eof && !d->conv && poll(&p, 1, 0) == 1;
}

narr_status narr_decoder_peek(narr_decoder *d, const char **head, size_t *n)
{
    narr_status st = NARR_OK;
    if (d->stream) {
        /* On a pipe the first line may be all there is for a while: look
         * at it and at what has already arrived, without waiting. */
        st = fill(d, NARR_DECODE_MAX_LINE);
        while (st == NARR_OK && d->end - d->start < NARR_DECODE_PEEK && waiting(d)) {
            size_t before = d->end;
            st = produce(d);
            if (st == NARR_OK && !d->bom_checked && (d->end >= 3 || d->eof))
                st = check_bom(d);
            if (d->end == before)
                break;
        }
    } else if (!d->eof && d->end - d->start < NARR_DECODE_PEEK) {
        st = fill(d, NARR_DECODE_PEEK);
    }
    size_t avail = d->end - d->start;
    *head = d->in + d->start;
    *n = avail < NARR_DECODE_PEEK ? avail : NARR_DECODE_PEEK;
    return st;
}

narr_status narr_decoder_set_charset(narr_decoder *d, const char *charset)
{
    if (d->had_bom || d->conv || d->line_no > 0 || d->charset_fixed)
        return NARR_OK;
    if (!d->bom_checked) {
        const char *head;
        size_t n;
        narr_status st = narr_decoder_peek(d, &head, &n);
        if (st != NARR_OK || d->had_bom || d->conv)
            return st;
    }
    /* "utf8", "UTF-8", "unicode-1-1-utf-8": ICU knows them all as UTF-8,
     * which needs no converter (and keeps the Windows-1252 fallback). */
    UErrorCode e = U_ZERO_ERROR;
    UConverter *probe = ucnv_open(charset, &e);
    bool utf8 = U_SUCCESS(e) && strcmp(ucnv_getName(probe, &e), "UTF-8") == 0;
    if (probe)
        ucnv_close(probe);
    return utf8 ? NARR_OK : start_converter(d, charset, 0);
}

narr_status narr_decoder_set_transport_charset(narr_decoder *d, const char *charset)
{
    /* Latin-1 and ASCII labels mean Windows-1252, as in browsers. */
    static const char *const latin1[] = {"iso-8859-1", "iso8859-1", "latin1", "l1",
                                         "us-ascii", "ascii", "iso_8859-1", NULL};
    for (int i = 0; latin1[i]; i++)
        if (strcasecmp(charset, latin1[i]) == 0)
            charset = "windows-1252";
    /* A server's default label often lies about a page saved in UTF-8:
     * a start that is plainly UTF-8 (non-ASCII, all valid) stays UTF-8. */
    const char *head;
    size_t n, bad;
    narr_status st = narr_decoder_peek(d, &head, &n);
    if (st != NARR_OK)
        return st;
    bool high = false;
    for (size_t i = 0; i < n && !high; i++)
        high = (unsigned char)head[i] >= 0x80;
    bool plainly_utf8 = high && (narr_utf8_valid(head, n, &bad) || bad + 4 > n);
    st = plainly_utf8 ? NARR_OK : narr_decoder_set_charset(d, charset);
    if (st == NARR_OK)
        d->charset_fixed = true;
    return st;
}

/* Binary check on the first bytes: NULs are refused anywhere, but a text
 * with many other control characters is only spotted at the start. */
static narr_status sniff(narr_decoder *d)
{
    d->sniffed = true;
    const unsigned char *p = (const unsigned char *)d->in + d->start;
    size_t n = d->end - d->start, controls = 0;
    for (size_t i = 0; i < n; i++)
        controls += p[i] < 0x20 && p[i] != '\n' && p[i] != '\r' &&
                    p[i] != '\t' && p[i] != '\f';
    /* NULs get their own message, with the line, from narr_decoder_next. */
    if (n && controls * 20 > n && !memchr(p, '\0', n)) {
        snprintf(d->errmsg, sizeof d->errmsg,
                 L_("%s: looks like a binary file, not text; give narrateur a "
                 "text, Markdown or HTML article"), d->name);
        return NARR_E_BINARY;
    }
    return NARR_OK;
}

/* Soft hyphens and zero-width characters, and the private use area: the
 * normalizer marks its own phoneme spans with U+E000 and U+E001. */
static bool is_removed(int32_t cp)
{
    return cp == 0x00AD || cp == 0x200B || cp == 0x200C || cp == 0x200D ||
           cp == 0x2060 || cp == 0xFEFF || (cp >= 0xE000 && cp <= 0xF8FF);
}

narr_status narr_decode_clean(const char *s, size_t n, narr_buf *out)
{
    narr_status st = NARR_OK;
    for (size_t i = 0; i < n && st == NARR_OK;) {
        unsigned char c = (unsigned char)s[i];
        if (c >= 0x20 && c < 0x7F) {
            /* "[[" would open eSpeak phoneme input: article text is data. */
            if (c == '[' && narr_buf_last(out) == '[')
                st = narr_buf_append_char(out, ' ');
            /* Copy the run of plain ASCII up to the next '[' in one go. */
            size_t run = i + 1;
            while (run < n && (unsigned char)s[run] >= 0x20 && (unsigned char)s[run] < 0x7F &&
                   s[run] != '[')
                run++;
            if (st == NARR_OK)
                st = narr_buf_append(out, s + i, run - i);
            i = run;
            continue;
        }
        int32_t cp = narr_utf8_next(s, n, &i);
        if (cp == 0x2019 || cp == 0x02BC)
            st = narr_buf_append_char(out, '\'');
        else if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) ||
                 cp == 0x2028 || cp == 0x2029 || (cp != 0x20 && narr_uc_is_space(cp)))
            st = narr_buf_append_char(out, ' ');
        else if (!is_removed(cp))
            st = narr_utf8_append(out, cp);
    }
    return st;
}

/* Turns d->raw_line (one line of bytes) into d->out. */
static narr_status clean_line(narr_decoder *d)
{
    narr_buf_clear(&d->nfc);
    narr_buf_clear(&d->out);
    narr_status st;
    if (narr_utf8_valid(d->raw_line.data, d->raw_line.len, NULL)) {
        st = narr_utf8_nfc(d->raw_line.data, d->raw_line.len, &d->nfc);
    } else {
        if (!d->warned_cp1252) {
            d->warned_cp1252 = true;
            d->has_warning = true;
            snprintf(d->warning, sizeof d->warning,
                     L_("%s:%ld: not valid UTF-8; reading it as Windows-1252 "
                     "(convert the file to UTF-8 to silence this)"),
                     d->name, d->line_no);
        }
        narr_buf tmp;
        narr_buf_init(&tmp);
        st = narr_utf8_from_cp1252(d->raw_line.data, d->raw_line.len, &tmp);
        if (st == NARR_OK)
            st = narr_utf8_nfc(tmp.data, tmp.len, &d->nfc);
        narr_buf_deinit(&tmp);
    }
    if (st == NARR_OK)
        st = narr_decode_clean(narr_buf_str(&d->nfc), d->nfc.len, &d->out);
    return st;
}

/* Where to cut a line with no end in sight: after the last space, or else
 * at a UTF-8 character boundary. Only s[0..n) is looked at: the bytes
 * after it may not have been read yet. */
static size_t cut_point(const char *s, size_t n)
{
    for (size_t i = n; i > n / 2; i--)
        if (s[i - 1] == ' ' || s[i - 1] == '\t')
            return i;
    size_t i = n, tail = 0;
    while (tail < 3 && i > 0 && ((unsigned char)s[i - 1] & 0xC0) == 0x80)
        i--, tail++;
    if (i > 1) {
        unsigned char lead = (unsigned char)s[i - 1];
        size_t len = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
        if (len > 1 && len != tail + 1)
            return i - 1; /* the last character is not all there */
    }
    return n;
}

narr_status narr_decoder_next(narr_decoder *d, narr_line *line)
{
    narr_status st;
    if (!d->eof && d->end - d->start < NARR_DECODE_MAX_LINE &&
        !memchr(d->in + d->start, '\n', d->end - d->start)) {
        if ((st = fill(d, NARR_DECODE_MAX_LINE)) != NARR_OK)
            return st;
    }
    if (!d->sniffed && (st = sniff(d)) != NARR_OK)
        return st;
    if (d->start == d->end)
        return NARR_E_EMPTY;

    const char *p = d->in + d->start;
    size_t avail = d->end - d->start;
    size_t scan = avail < NARR_DECODE_MAX_LINE ? avail : NARR_DECODE_MAX_LINE;
    const char *nl = memchr(p, '\n', scan);
    size_t len, consumed;
    bool cut = false;
    if (nl) {
        len = (size_t)(nl - p);
        consumed = len + 1;
    } else if (avail <= NARR_DECODE_MAX_LINE && d->eof) {
        len = consumed = avail;
    } else {
        len = consumed = cut_point(p, scan);
        cut = true;
    }
    if (memchr(p, '\0', len)) {
        snprintf(d->errmsg, sizeof d->errmsg,
                 L_("%s:%ld: contains NUL bytes: this is a binary file, not text"),
                 d->name, d->line_no + 1);
        return NARR_E_BINARY;
    }
    if (len && p[len - 1] == '\r')
        len--;
    if (!d->last_cut)
        d->line_no++;
    d->last_cut = cut;
    narr_buf_clear(&d->raw_line);
    if ((st = narr_buf_append(&d->raw_line, p, len)) != NARR_OK)
        return st;
    d->start += consumed;
    if ((st = clean_line(d)) != NARR_OK) {
        snprintf(d->errmsg, sizeof d->errmsg, "%s:%ld: %s", d->name,
                 d->line_no, narr_strerror(st));
        return st;
    }
    line->text = narr_buf_str(&d->out);
    line->len = d->out.len;
    line->cut = cut;
    line->number = d->line_no;
    return NARR_OK;
}
