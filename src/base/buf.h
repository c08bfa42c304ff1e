/* A growable byte buffer for UTF-8 text, always NUL-terminated.
 * Caller-owned struct: narr_buf_init / narr_buf_deinit. */
#ifndef NARR_BUF_H
#define NARR_BUF_H

#include "narrateur.h"
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef struct {
    char *data; /* NUL-terminated once anything was appended; may be NULL */
    size_t len;
    size_t cap;
} narr_buf;

void narr_buf_init(narr_buf *b);
void narr_buf_deinit(narr_buf *b);
void narr_buf_clear(narr_buf *b);

/* Each returns NARR_OK or NARR_E_NOMEM (the buffer is then unchanged). */
narr_status narr_buf_reserve(narr_buf *b, size_t extra);
narr_status narr_buf_append(narr_buf *b, const char *s, size_t n);
narr_status narr_buf_append_str(narr_buf *b, const char *s);
narr_status narr_buf_append_char(narr_buf *b, char c);

/* Appends everything f has left, NARR_E_DATA (instead) as soon as it
 * passes max bytes, NARR_E_IO on a read error (errno set), NARR_E_NOMEM.
 * For whole small files (state, feeds) read under a bound. */
narr_status narr_buf_read_stream(narr_buf *b, FILE *f, size_t max);

/* Appends the whole file at path, at most max bytes. NARR_OK with
 * *exists false when there is no such file; else with msg "PATH: why":
 * NARR_E_DATA when larger than max, NARR_E_IO, NARR_E_NOMEM. */
narr_status narr_buf_read_file(narr_buf *b, const char *path, size_t max, bool *exists,
                               char *msg, size_t msg_size);

/* The last byte, or 0 when empty. */
char narr_buf_last(const narr_buf *b);

/* The contents as a C string ("" when empty); borrowed. */
const char *narr_buf_str(const narr_buf *b);

/* For a caller's growable array that is full: returns it reallocated
 * with twice the room (initial elements of size bytes the first time) and
 * sets *cap, or NULL when out of memory (items and *cap then unchanged). */
void *narr_array_grow(void *items, size_t *cap, size_t size, size_t initial);

#endif
