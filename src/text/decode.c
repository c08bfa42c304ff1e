/* decode: bytes → clean NFC UTF-8 lines, bounded memory. */
#include "text/decode.h"
#include "text/utf8.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define READ_CHUNK (64 * 1024)

struct narr_decoder {
    FILE *f;
    char name[512];
    char *in;          /* raw bytes read but not yet consumed */
    size_t start, end; /* pending bytes are in[start..end) */
    bool eof;
    bool sniffed;
    bool warned_cp1252;
    long line_no;
    bool last_cut;
    narr_buf raw, nfc, out;
    char errmsg[640];
    char warning[640];
    bool has_warning;
};

narr_decoder *narr_decoder_new(FILE *f, const char *name)
{
    narr_decoder *d = calloc(1, sizeof *d);
    if (!d)
        return NULL;
    d->in = malloc(NARR_DECODE_MAX_LINE + READ_CHUNK);
    if (!d->in) {
        free(d);
        return NULL;
    }
    d->f = f;
    snprintf(d->name, sizeof d->name, "%s", name);
    narr_buf_init(&d->raw);
    narr_buf_init(&d->nfc);
    narr_buf_init(&d->out);
    return d;
}

void narr_decoder_free(narr_decoder *d)
{
    if (!d)
        return;
    narr_buf_deinit(&d->raw);
    narr_buf_deinit(&d->nfc);
    narr_buf_deinit(&d->out);
    free(d->in);
    free(d);
}

const char *narr_decoder_errmsg(const narr_decoder *d) { return d->errmsg; }

const char *narr_decoder_take_warning(narr_decoder *d)
{
    if (!d->has_warning)
        return NULL;
    d->has_warning = false;
    return d->warning;
}

/* Reads until the buffer holds a whole line (or a maximal one) or the
 * input ends. read(2), not fread: on a pipe, a line must be handled as
 * soon as it arrives, not when 64 KiB have come. */
static narr_status fill(narr_decoder *d)
{
    if (d->start > 0) {
        memmove(d->in, d->in + d->start, d->end - d->start);
        d->end -= d->start;
        d->start = 0;
    }
    size_t scanned = 0;
    while (!d->eof && d->end < NARR_DECODE_MAX_LINE) {
        if (memchr(d->in + scanned, '\n', d->end - scanned))
            return NARR_OK;
        scanned = d->end;
        size_t room = NARR_DECODE_MAX_LINE + READ_CHUNK - d->end;
        int fd = fileno(d->f);
        ssize_t got = fd >= 0 ? read(fd, d->in + d->end, room)
                              : (ssize_t)fread(d->in + d->end, 1, room, d->f);
        if (got < 0 && errno == EINTR)
            continue;
        if (got < 0) {
            snprintf(d->errmsg, sizeof d->errmsg, "%s: cannot read: %s",
                     d->name, strerror(errno));
            return NARR_E_IO;
        }
        d->end += (size_t)got;
        d->eof = got == 0;
    }
    return NARR_OK;
}

/* Binary check on the first bytes: NULs are refused anywhere, but a text
 * with many other control characters is only spotted at the start. */
static narr_status sniff(narr_decoder *d)
{
    d->sniffed = true;
    const unsigned char *p = (const unsigned char *)d->in;
    size_t n = d->end, controls = 0;
    if (n >= 3 && p[0] == 0xEF && p[1] == 0xBB && p[2] == 0xBF)
        d->start = 3; /* UTF-8 byte order mark */
    for (size_t i = 0; i < n; i++)
        controls += p[i] < 0x20 && p[i] != '\n' && p[i] != '\r' &&
                    p[i] != '\t' && p[i] != '\f';
    /* NULs get their own message, with the line, from narr_decoder_next. */
    if (n && controls * 20 > n && !memchr(p, '\0', n)) {
        snprintf(d->errmsg, sizeof d->errmsg,
                 "%s: looks like a binary file, not text; give narrateur a "
                 "text, Markdown or HTML article", d->name);
        return NARR_E_BINARY;
    }
    return NARR_OK;
}

static bool is_removed(int32_t cp)
{
    return cp == 0x00AD || cp == 0x200B || cp == 0x200C || cp == 0x200D ||
           cp == 0x2060 || cp == 0xFEFF;
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
            if (st == NARR_OK)
                st = narr_buf_append_char(out, (char)c);
            i++;
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

/* Turns d->raw (one line of bytes) into d->out. */
static narr_status clean_line(narr_decoder *d)
{
    narr_buf_clear(&d->nfc);
    narr_buf_clear(&d->out);
    narr_status st;
    if (narr_utf8_valid(d->raw.data, d->raw.len, NULL)) {
        st = narr_utf8_nfc(d->raw.data, d->raw.len, &d->nfc);
    } else {
        if (!d->warned_cp1252) {
            d->warned_cp1252 = true;
            d->has_warning = true;
            snprintf(d->warning, sizeof d->warning,
                     "%s:%ld: not valid UTF-8; reading it as Windows-1252 "
                     "(convert the file to UTF-8 to silence this)",
                     d->name, d->line_no);
        }
        narr_buf tmp;
        narr_buf_init(&tmp);
        st = narr_utf8_from_cp1252(d->raw.data, d->raw.len, &tmp);
        if (st == NARR_OK)
            st = narr_utf8_nfc(tmp.data, tmp.len, &d->nfc);
        narr_buf_deinit(&tmp);
    }
    if (st == NARR_OK)
        st = narr_decode_clean(narr_buf_str(&d->nfc), d->nfc.len, &d->out);
    return st;
}

/* Where to cut a line with no end in sight: after the last space, or else
 * at a UTF-8 character boundary. */
static size_t cut_point(const char *s, size_t n)
{
    for (size_t i = n; i > n / 2; i--)
        if (s[i - 1] == ' ' || s[i - 1] == '\t')
            return i;
    size_t i = n;
    while (i > 0 && ((unsigned char)s[i] & 0xC0) == 0x80)
        i--;
    return i ? i : n;
}

narr_status narr_decoder_next(narr_decoder *d, narr_line *line)
{
    narr_status st;
    if (!d->eof && d->end - d->start < NARR_DECODE_MAX_LINE &&
        !memchr(d->in + d->start, '\n', d->end - d->start)) {
        if ((st = fill(d)) != NARR_OK)
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
                 "%s:%ld: contains NUL bytes: this is a binary file, not text",
                 d->name, d->line_no + 1);
        return NARR_E_BINARY;
    }
    if (len && p[len - 1] == '\r')
        len--;
    if (!d->last_cut)
        d->line_no++;
    d->last_cut = cut;
    narr_buf_clear(&d->raw);
    if ((st = narr_buf_append(&d->raw, p, len)) != NARR_OK)
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
