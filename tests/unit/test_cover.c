/* cover: a cover must be a whole JPEG or PNG, not just its magic bytes. */
#include "../check.h"
#include "audio/cover.h"

#include <zlib.h>

static size_t chunk(unsigned char *out, const char *type, const unsigned char *data,
                    size_t len)
{
    unsigned char *p = out;
    *p++ = (unsigned char)(len >> 24), *p++ = (unsigned char)(len >> 16);
    *p++ = (unsigned char)(len >> 8), *p++ = (unsigned char)len;
    memcpy(p, type, 4);
    if (len)
        memcpy(p + 4, data, len);
    unsigned long crc = crc32(0L, p, (uInt)len + 4);
    p += 4 + len;
    *p++ = (unsigned char)(crc >> 24), *p++ = (unsigned char)(crc >> 16);
    *p++ = (unsigned char)(crc >> 8), *p++ = (unsigned char)crc;
    return (size_t)(p - out);
}

/* An 8x4 RGB PNG. */
static size_t make_png(unsigned char *out)
{
    static const unsigned char sig[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    const unsigned char ihdr[13] = {0, 0, 0, 8, 0, 0, 0, 4, 8, 2, 0, 0, 0};
    unsigned char rows[4 * 25] = {0}, packed[256];
    uLongf packed_len = sizeof packed;
    compress(packed, &packed_len, rows, sizeof rows);
    memcpy(out, sig, 8);
    size_t n = 8 + chunk(out + 8, "IHDR", ihdr, 13);
    n += chunk(out + n, "IDAT", packed, packed_len);
    return n + chunk(out + n, "IEND", NULL, 0);
}

static const char *why(const unsigned char *b, size_t n)
{
    static char msg[96];
    narr_cover_info info;
    if (narr_cover_check(b, n, &info, msg, sizeof msg))
        snprintf(msg, sizeof msg, "%s %lux%lu", info.mime, info.width, info.height);
    return msg;
}

int main(void)
{
    unsigned char png[512];
    size_t n = make_png(png);
    CHECK_STR_EQ(why(png, n), "image/png 8x4");
    /* The magic bytes followed by garbage. */
    unsigned char fake[64] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    memset(fake + 8, 'x', sizeof fake - 8);
    CHECK_STR_EQ(why(fake, sizeof fake), "a damaged PNG (a chunk runs past the end)");
    unsigned char bad[512];
    memcpy(bad, png, n);
    bad[20]++; /* a byte of the size: the CRC no longer matches */
    CHECK_STR_EQ(why(bad, n), "a damaged PNG (bad CRC in a chunk)");
    CHECK_STR_EQ(why(png, n - 12), "a damaged PNG (no IEND chunk at the end)");

    /* A JPEG: SOI, an APP0 segment, then a 640x480 three-component frame. */
    static const unsigned char jpeg[] = {
        0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x06, 'J', 'F', 'I', 'F',
        0xFF, 0xC0, 0x00, 0x11, 8, 0x01, 0xE0, 0x02, 0x80, 3,
        1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1, 0xFF, 0xD9};
    CHECK_STR_EQ(why(jpeg, sizeof jpeg), "image/jpeg 640x480");
    static const unsigned char jpeg_garbage[] = {0xFF, 0xD8, 0xFF, 'g', 'a', 'r', 'b', 'a', 'g', 'e'};
    CHECK_STR_EQ(why(jpeg_garbage, sizeof jpeg_garbage),
                 "a damaged JPEG (a segment runs past the end)");
    CHECK_STR_EQ(why(jpeg, 12), "a damaged JPEG (a segment runs past the end)");
    CHECK_STR_EQ(why((const unsigned char *)"GIF89a", 6), "not a JPEG or PNG image");
    return CHECK_DONE();
}
