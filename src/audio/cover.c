/* cover: JPEG and PNG structure checks (see cover.h). */
#include "audio/cover.h"
#include "base/i18n.h"

#include <stdio.h>
#include <string.h>
#include <zlib.h>

static unsigned long be32(const unsigned char *p)
{
    return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 | (unsigned long)p[2] << 8 | p[3];
}

static unsigned be16(const unsigned char *p) { return (unsigned)p[0] << 8 | p[1]; }

static bool damaged(char *why, size_t why_size, const char *what)
{
    snprintf(why, why_size, "%s", what);
    return false;
}

/* The bit depths PNG allows for each colour type. */
static bool png_depth_ok(unsigned type, unsigned depth)
{
    switch (type) {
    case 0: return depth == 1 || depth == 2 || depth == 4 || depth == 8 || depth == 16;
    case 3: return depth == 1 || depth == 2 || depth == 4 || depth == 8;
    case 2: case 4: case 6: return depth == 8 || depth == 16;
    default: return false;
    }
}

static bool check_png(const unsigned char *b, size_t n, narr_cover_info *info, char *why,
                      size_t why_size)
{
    bool header = false, data = false;
    for (size_t at = 8; at < n;) {
        if (n - at < 12)
            return damaged(why, why_size, L_("a damaged PNG (a chunk is cut short)"));
        unsigned long len = be32(b + at);
        const unsigned char *type = b + at + 4;
        if (len > n - at - 12)
            return damaged(why, why_size, L_("a damaged PNG (a chunk runs past the end)"));
        if (crc32(crc32(0L, Z_NULL, 0), type, (uInt)len + 4) != be32(b + at + 8 + len)) {
            snprintf(why, why_size, L_("a damaged PNG (bad CRC in a chunk)"));
            return false;
        }
        if (!header) {
            const unsigned char *h = b + at + 8;
            if (memcmp(type, "IHDR", 4) != 0 || len != 13)
                return damaged(why, why_size, L_("a damaged PNG (no IHDR header first)"));
            info->width = be32(h);
            info->height = be32(h + 4);
            if (info->width == 0 || info->height == 0 || info->width > 0x7FFFFFFFUL ||
                info->height > 0x7FFFFFFFUL || !png_depth_ok(h[9], h[8]) || h[10] || h[11] ||
                h[12] > 1)
                return damaged(why, why_size, L_("a damaged PNG (impossible IHDR header)"));
            header = true;
        }
        data |= memcmp(type, "IDAT", 4) == 0;
        if (memcmp(type, "IEND", 4) == 0)
            return data ? true : damaged(why, why_size, L_("a damaged PNG (no image data)"));
        at += 12 + len;
    }
    return damaged(why, why_size, L_("a damaged PNG (no IEND chunk at the end)"));
}

/* Walks the markers from SOI to the first frame header (SOFn). */
static bool check_jpeg(const unsigned char *b, size_t n, narr_cover_info *info, char *why,
                       size_t why_size)
{
    size_t at = 2;
    for (;;) {
        if (at >= n || b[at] != 0xFF)
            return damaged(why, why_size, L_("a damaged JPEG (no marker where one must be)"));
        while (at < n && b[at] == 0xFF)
            at++; /* fill bytes */
        if (at >= n)
            break;
        unsigned m = b[at++];
        if (m == 0x01 || (m >= 0xD0 && m <= 0xD7))
            continue; /* markers without a segment */
        if (m == 0xD8 || m == 0xD9 || m == 0xDA || m == 0x00)
            return damaged(why, why_size, L_("a damaged JPEG (no frame header before the data)"));
        if (n - at < 2 || be16(b + at) < 2 || be16(b + at) > n - at)
            return damaged(why, why_size, L_("a damaged JPEG (a segment runs past the end)"));
        unsigned len = be16(b + at);
        bool frame = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
        if (frame) {
            const unsigned char *s = b + at + 2;
            unsigned components = len >= 8 ? s[5] : 0;
            info->height = len >= 8 ? be16(s + 1) : 0;
            info->width = len >= 8 ? be16(s + 3) : 0;
            if (len < 8 || (s[0] != 8 && s[0] != 12 && s[0] != 16) || info->width == 0 ||
                info->height == 0 || components == 0 || components > 4 ||
                len != 8 + 3 * components)
                return damaged(why, why_size, L_("a damaged JPEG (impossible frame header)"));
            return true;
        }
        at += len;
    }
    return damaged(why, why_size, L_("a damaged JPEG (no frame header)"));
}

bool narr_cover_check(const unsigned char *b, size_t n, narr_cover_info *info, char *why,
                      size_t why_size)
{
    static const unsigned char jpeg[3] = {0xFF, 0xD8, 0xFF};
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    memset(info, 0, sizeof *info);
    if (n >= 3 && memcmp(b, jpeg, 3) == 0) {
        info->mime = "image/jpeg";
        return check_jpeg(b, n, info, why, why_size);
    }
    if (n >= 8 && memcmp(b, png, 8) == 0) {
        info->mime = "image/png";
        return check_png(b, n, info, why, why_size);
    }
    return damaged(why, why_size, L_("not a JPEG or PNG image"));
}
