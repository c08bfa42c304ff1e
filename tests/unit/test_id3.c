/* id3: the ID3v2.4 tag's exact bytes (header, synchsafe sizes, text,
 * comment, picture, table of contents and chapter frames). The same tags
 * are read back by a real reader (ffprobe) in tests/cli/podcast.sh. */
#include "../check.h"
#include "audio/id3.h"

#include <stdint.h>

static uint32_t synchsafe(const unsigned char *p)
{
    return (uint32_t)p[0] << 21 | (uint32_t)p[1] << 14 | (uint32_t)p[2] << 7 | p[3];
}

static uint32_t be32(const unsigned char *p)
{
    return (uint32_t)p[0] << 24 | (uint32_t)p[1] << 16 | (uint32_t)p[2] << 8 | p[3];
}

/* The frame with this id in [p, end), or NULL; *size gets its body size. */
static const unsigned char *find_frame(const unsigned char *p, const unsigned char *end,
                                       const char *id, uint32_t *size)
{
    while (p + 10 <= end) {
        uint32_t n = synchsafe(p + 4);
        if (memcmp(p, id, 4) == 0) {
            *size = n;
            return p + 10;
        }
        p += 10 + n;
    }
    return NULL;
}

int main(void)
{
    /* The smallest tag: a title only, byte for byte. */
    narr_buf b;
    narr_buf_init(&b);
    narr_id3_tag title_only = {.title = "Le titre"};
    CHECK(narr_id3_build(&title_only, &b) == NARR_OK);
    static const unsigned char want[] = {
        'I', 'D', '3', 4, 0, 0, 0, 0, 0, 19,                  /* header, size 19 */
        'T', 'I', 'T', '2', 0, 0, 0, 9, 0, 0,                 /* frame header, size 9 */
        3, 'L', 'e', ' ', 't', 'i', 't', 'r', 'e'};           /* UTF-8, text */
    CHECK_INT_EQ(b.len, sizeof want);
    CHECK(b.len == sizeof want && memcmp(b.data, want, sizeof want) == 0);
    narr_buf_deinit(&b);

    /* Everything: sizes past 127 bytes are synchsafe (7 bits a byte). */
    unsigned char cover[300];
    memset(cover, 0xAB, sizeof cover);
    cover[0] = 0xFF, cover[1] = 0xD8, cover[2] = 0xFF;
    narr_id3_chapter chapters[] = {
        {"La réforme des retraites", strlen("La réforme des retraites"), 0, 12500},
        {"Ce que prévoit le texte", strlen("Ce que prévoit le texte"), 12500, 73250},
    };
    narr_id3_tag all = {
        .title = "La réforme des retraites", .artist = "narrateur", .album = "Revue de presse",
        .date = "2024-03-15", .comment = "Lu par narrateur", .language = "fra",
        .encoder = "narrateur 0.1.0", .cover_mime = "image/jpeg", .cover = cover,
        .cover_len = sizeof cover, .chapters = chapters, .chapter_count = 2,
    };
    narr_buf_init(&b);
    CHECK(narr_id3_build(&all, &b) == NARR_OK);
    const unsigned char *t = (const unsigned char *)b.data, *end = t + b.len;
    CHECK(memcmp(t, "ID3\x04\x00\x00", 6) == 0);
    CHECK_INT_EQ(synchsafe(t + 6), b.len - 10);
    for (int i = 6; i < 10; i++)
        CHECK(t[i] < 0x80);

    uint32_t n;
    const unsigned char *f = find_frame(t + 10, end, "TIT2", &n);
    CHECK(f && n == 1 + strlen(all.title) && f[0] == 3 && memcmp(f + 1, all.title, n - 1) == 0);
    f = find_frame(t + 10, end, "TDRC", &n);
    CHECK(f && n == 11 && memcmp(f + 1, "2024-03-15", 10) == 0);
    f = find_frame(t + 10, end, "TLAN", &n);
    CHECK(f && n == 4 && memcmp(f, "\x03" "fra", 4) == 0);
    f = find_frame(t + 10, end, "COMM", &n);
    /* encoding, language, empty description + 00, text */
    CHECK(f && n == 5 + strlen("Lu par narrateur") && memcmp(f, "\x03" "fra\x00Lu par", 11) == 0);
    f = find_frame(t + 10, end, "APIC", &n);
    CHECK(f && n == 1 + 11 + 1 + 1 + sizeof cover);
    CHECK(f && memcmp(f, "\x03image/jpeg\x00\x03\x00\xFF\xD8\xFF", 17) == 0);
    /* 314 bytes: synchsafe 00 00 02 3A (2 * 128 + 58), not 00 00 01 3A. */
    CHECK(f && n == 314 && f[-6] == 0 && f[-5] == 0 && f[-4] == 2 && f[-3] == 58);

    f = find_frame(t + 10, end, "CTOC", &n);
    static const unsigned char toc[] = {'t', 'o', 'c', 0, 0x03, 2, 'c', 'h', '1', 0,
                                        'c', 'h', '2', 0};
    CHECK(f && n == sizeof toc && memcmp(f, toc, sizeof toc) == 0);

    f = find_frame(t + 10, end, "CHAP", &n);
    CHECK(f && memcmp(f, "ch1", 4) == 0);
    CHECK(f && be32(f + 4) == 0 && be32(f + 8) == 12500);
    CHECK(f && be32(f + 12) == 0xFFFFFFFFu && be32(f + 16) == 0xFFFFFFFFu);
    const unsigned char *sub = f ? f + 20 : NULL;
    uint32_t subn;
    CHECK(sub && find_frame(sub, f + n, "TIT2", &subn) == sub + 10 &&
          subn == 1 + strlen(chapters[0].title));
    /* The second chapter follows the first. */
    const unsigned char *second = f ? find_frame(f + n, end, "CHAP", &n) : NULL;
    CHECK(second && memcmp(second, "ch2", 4) == 0 && be32(second + 4) == 12500 &&
          be32(second + 8) == 73250);
    narr_buf_deinit(&b);

    /* Too many chapters for one table of contents. */
    narr_id3_chapter many[256];
    for (int i = 0; i < 256; i++)
        many[i] = (narr_id3_chapter){"x", 1, (uint32_t)i, (uint32_t)i + 1};
    narr_id3_tag over = {.title = "t", .chapters = many, .chapter_count = 256};
    narr_buf_init(&b);
    CHECK(narr_id3_build(&over, &b) == NARR_E_ARG);
    CHECK_INT_EQ(b.len, 0);
    narr_buf_deinit(&b);
    return CHECK_DONE();
}
