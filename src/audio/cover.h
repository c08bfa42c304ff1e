/* cover: is a cover picture a real JPEG or PNG image? Magic bytes are not
 * enough: "PNG magic followed by garbage" would be embedded in the MP3
 * and shown broken by every player. The structure is walked (PNG: every
 * chunk, its CRC, a sane IHDR, some IDAT, IEND; JPEG: the markers up to a
 * frame header with a size), not the pixels decoded. */
#ifndef NARR_COVER_H
#define NARR_COVER_H

#include <stdbool.h>
#include <stddef.h>

typedef struct {
    const char *mime;   /* "image/jpeg" or "image/png" */
    unsigned long width, height;
} narr_cover_info;

/* True when b[0..n) is a well-formed JPEG or PNG; *info then says which
 * and its size. Otherwise why says what it is ("not a JPEG or PNG image",
 * "a damaged PNG (bad CRC in a chunk)"...). */
bool narr_cover_check(const unsigned char *b, size_t n, narr_cover_info *info, char *why,
                      size_t why_size);

#endif
