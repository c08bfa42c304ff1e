/* Growable NUL-terminated byte buffer. */
#include "base/buf.h"
#include "base/i18n.h"

#include <errno.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

void narr_buf_init(narr_buf *b)
{
    b->data = NULL;
    b->len = 0;
    b->cap = 0;
}

void narr_buf_deinit(narr_buf *b)
{
    free(b->data);
    narr_buf_init(b);
}

void narr_buf_clear(narr_buf *b)
{
    b->len = 0;
    if (b->data)
        b->data[0] = '\0';
}

narr_status narr_buf_reserve(narr_buf *b, size_t extra)
{
    if (extra > SIZE_MAX / 2 - b->len)
        return NARR_E_NOMEM;
    size_t need = b->len + extra + 1;
    if (need <= b->cap)
        return NARR_OK;
    size_t cap = b->cap ? b->cap : 64;
    while (cap < need)
        cap *= 2;
    char *data = realloc(b->data, cap);
    if (!data)
        return NARR_E_NOMEM;
    b->data = data;
    b->cap = cap;
    return NARR_OK;
}

narr_status narr_buf_append(narr_buf *b, const char *s, size_t n)
{
    narr_status st = narr_buf_reserve(b, n);
    if (st != NARR_OK)
        return st;
    if (n)
        memcpy(b->data + b->len, s, n);
    b->len += n;
    b->data[b->len] = '\0';
    return NARR_OK;
}

narr_status narr_buf_append_str(narr_buf *b, const char *s)
{
    return narr_buf_append(b, s, strlen(s));
}

narr_status narr_buf_append_char(narr_buf *b, char c)
{
    return narr_buf_append(b, &c, 1);
}

char narr_buf_last(const narr_buf *b)
{
    return b->len ? b->data[b->len - 1] : '\0';
}

const char *narr_buf_str(const narr_buf *b)
{
    return b->data ? b->data : "";
}

void *narr_array_grow(void *items, size_t *cap, size_t size, size_t initial)
{
    if (size == 0 || *cap > SIZE_MAX / 2 / size || initial > SIZE_MAX / size)
        return NULL;
    size_t n = *cap ? *cap * 2 : initial;
    void *grown = realloc(items, n * size);
    if (grown)
        *cap = n;
    return grown;
}

narr_status narr_buf_read_stream(narr_buf *b, FILE *f, size_t max)
{
    char chunk[65536];
    size_t got, start = b->len;
    narr_status st = NARR_OK;
    while (st == NARR_OK && (got = fread(chunk, 1, sizeof chunk, f)) > 0)
        st = b->len - start + got > max ? NARR_E_DATA : narr_buf_append(b, chunk, got);
    if (st == NARR_OK && ferror(f))
        st = NARR_E_IO;
    return st;
}

narr_status narr_buf_read_file(narr_buf *b, const char *path, size_t max, bool *exists,
                               char *msg, size_t msg_size)
{
    FILE *f = fopen(path, "rb");
    *exists = f != NULL || errno != ENOENT;
    if (!f) {
        if (!*exists)
            return NARR_OK;
        snprintf(msg, msg_size, L_("%s: cannot read (%s)"), path, strerror(errno));
        return NARR_E_IO;
    }
    narr_status st = narr_buf_read_stream(b, f, max);
    int err = errno;
    fclose(f);
    if (st == NARR_E_DATA)
        snprintf(msg, msg_size, L_("%s: larger than %zu MB"), path, max / (1024 * 1024));
    else if (st != NARR_OK)
        snprintf(msg, msg_size, L_("%s: %s"), path, st == NARR_E_IO ? strerror(err) : L_("out of memory"));
    return st;
}
