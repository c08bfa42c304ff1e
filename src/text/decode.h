/* decode: the first stage. Reads bytes from a stream and yields lines of
 * valid NFC UTF-8 with typography mapped for the later stages: ’ → ',
 * no-break and thin spaces → space, soft hyphens and zero-width
 * characters removed, control characters → space. Encodings: UTF-8 (a
 * byte order mark is dropped), UTF-16 LE/BE after its byte order mark,
 * a charset the caller names (an HTML page's <meta charset>), converted
 * with ICU as the bytes stream in; otherwise a line that is not UTF-8 is
 * read as Windows-1252 (with a warning). NUL bytes or a mostly non-text
 * start refuse the input as binary. Memory is bounded: a line longer
 * than NARR_DECODE_MAX_LINE bytes is cut at a space. */
#ifndef NARR_DECODE_H
#define NARR_DECODE_H

#include "base/buf.h"
#include <stdbool.h>
#include <signal.h>
#include <stdio.h>

#define NARR_DECODE_MAX_LINE (64 * 1024)
#define NARR_DECODE_PEEK (16 * 1024) /* what narr_decoder_peek shows at most */

typedef struct narr_decoder narr_decoder;

typedef struct {
    const char *text; /* borrowed, valid until the next call */
    size_t len;
    bool cut;         /* the line goes on in the next one (it was too long) */
    long number;      /* 1-based line number in the input */
} narr_line;

/* f is borrowed and must stay open; name is used in messages. Owned. */
narr_decoder *narr_decoder_new(FILE *f, const char *name);
void narr_decoder_free(narr_decoder *d);

/* Reads the next line into *line. Returns NARR_OK, or NARR_E_EMPTY at the
 * end of the input, NARR_E_IO, NARR_E_BINARY, NARR_E_NOMEM with the
 * message in narr_decoder_errmsg. */
narr_status narr_decoder_next(narr_decoder *d, narr_line *line);

const char *narr_decoder_errmsg(const narr_decoder *d);

/* A read blocked on a pipe stops with NARR_E_INTERRUPTED when a signal
 * arrives and *flag is set (see narr_output_options.interrupted). */
void narr_decoder_set_interrupt(narr_decoder *d, volatile sig_atomic_t *flag);

/* The name given to narr_decoder_new, for messages. */
const char *narr_decoder_name(const narr_decoder *d);

/* The start of the input (up to NARR_DECODE_PEEK bytes, fewer at the
 * end), after any byte order mark and already in UTF-8 when the mark
 * said UTF-16, without consuming it: for guessing the format and finding
 * a declared charset. Only before the first narr_decoder_next. Borrowed,
 * valid until the next call. NARR_OK or NARR_E_IO. */
narr_status narr_decoder_peek(narr_decoder *d, const char **head, size_t *n);

/* True when the input began with a byte order mark (UTF-8 or UTF-16):
 * the mark then wins over any charset the content declares. */
bool narr_decoder_had_bom(const narr_decoder *d);

/* Reads the input as charset (an ICU converter name: "windows-1252",
 * "ISO-8859-15", ...) instead of UTF-8; "UTF-8" and its aliases change
 * nothing, nor does anything after a byte order mark. Only before the
 * first narr_decoder_next. NARR_E_ARG for a charset ICU does not know. */
narr_status narr_decoder_set_charset(narr_decoder *d, const char *charset);

/* The charset the transport gives (an HTTP Content-Type header): it wins
 * over the page's own declaration, so later narr_decoder_set_charset
 * calls change nothing; a byte order mark still wins over it. Latin-1
 * and ASCII labels read as Windows-1252 (as browsers do), and a start
 * that is plainly UTF-8 stays UTF-8 (a server's default label lies).
 * Only before the first narr_decoder_next. NARR_E_ARG for a charset ICU
 * does not know (nothing is fixed then), NARR_E_IO. */
narr_status narr_decoder_set_transport_charset(narr_decoder *d, const char *charset);

/* Sets the warning narr_decoder_take_warning returns next (for readers
 * that find something to warn about, e.g. an unknown charset). */
void narr_decoder_warn(narr_decoder *d, const char *warning);

/* A warning to show once (e.g. Windows-1252 fallback), or NULL; clears it. */
const char *narr_decoder_take_warning(narr_decoder *d);

/* Maps typography in valid UTF-8 s[0..n) as described above, appending
 * to out. Exposed for the HTML and Markdown readers and for tests. */
narr_status narr_decode_clean(const char *s, size_t n, narr_buf *out);

#endif
