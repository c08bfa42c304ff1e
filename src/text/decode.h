/* decode: the first stage. Reads bytes from a stream and yields lines of
 * valid NFC UTF-8 with typography mapped for the later stages: ’ → ',
 * no-break and thin spaces → space, soft hyphens and zero-width
 * characters removed, control characters → space. A line that is not
 * UTF-8 is read as Windows-1252 (with a warning); NUL bytes or a mostly
 * non-text start refuse the input as binary. Memory is bounded: a line
 * longer than NARR_DECODE_MAX_LINE bytes is cut at a space. */
#ifndef NARR_DECODE_H
#define NARR_DECODE_H

#include "text/buf.h"
#include <stdbool.h>
#include <stdio.h>

#define NARR_DECODE_MAX_LINE (64 * 1024)

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

/* A warning to show once (e.g. Windows-1252 fallback), or NULL; clears it. */
const char *narr_decoder_take_warning(narr_decoder *d);

/* Maps typography in valid UTF-8 s[0..n) as described above, appending
 * to out. Exposed for the HTML and Markdown readers and for tests. */
narr_status narr_decode_clean(const char *s, size_t n, narr_buf *out);

#endif
