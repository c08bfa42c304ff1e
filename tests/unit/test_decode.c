/* decode: lines, typography, Windows-1252 fallback, binary refusal,
 * bounded lines, UTF-16 and declared charsets, peeking. Inputs come
 * through real streams (fmemopen). */
#include "../check.h"
#include "text/decode.h"

#include <stdlib.h>

/* Reads all lines of text joined with '|' (after setting charset, if
 * not NULL). Returns the final status. */
static narr_status read_as(const char *text, size_t n, const char *charset, narr_buf *joined,
                           char *warning)
{
    FILE *f = fmemopen((void *)text, n, "rb");
    narr_decoder *d = narr_decoder_new(f, "mem");
    if (charset)
        CHECK(narr_decoder_set_charset(d, charset) == NARR_OK);
    narr_line line;
    narr_status st;
    narr_buf_clear(joined);
    while ((st = narr_decoder_next(d, &line)) == NARR_OK) {
        if (joined->len)
            narr_buf_append_char(joined, '|');
        narr_buf_append(joined, line.text, line.len);
        if (line.cut)
            narr_buf_append_char(joined, '+');
    }
    const char *w = narr_decoder_take_warning(d);
    snprintf(warning, 256, "%s", w ? w : "");
    if (st != NARR_E_EMPTY)
        snprintf(warning, 256, "%s", narr_decoder_errmsg(d));
    narr_decoder_free(d);
    fclose(f);
    return st;
}

static narr_status read_all(const char *text, size_t n, narr_buf *joined, char *warning)
{
    return read_as(text, n, NULL, joined, warning);
}

/* text (ASCII and Latin-1 only) as UTF-16 with a byte order mark. */
static size_t utf16(const char *text, bool big_endian, char *out)
{
    size_t k = 0;
    out[k++] = big_endian ? '\xfe' : '\xff';
    out[k++] = big_endian ? '\xff' : '\xfe';
    for (const unsigned char *p = (const unsigned char *)text; *p; p++) {
        out[k++] = big_endian ? 0 : (char)*p;
        out[k++] = big_endian ? (char)*p : 0;
    }
    return k;
}

int main(void)
{
    narr_buf b;
    narr_buf_init(&b);
    char w[256];

    CHECK(read_all("un\r\ndeux\n\ntrois", 15, &b, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(narr_buf_str(&b), "un|deux||trois");

    /* ’ → ', NBSP and narrow NBSP → space, soft hyphen removed, [[ broken. */
    const char typo[] = "l\xe2\x80\x99IA\xc2\xa0: 12\xe2\x80\xaf" "500 in\xc2\xad" "fo [[x]]";
    CHECK(read_all(typo, sizeof typo - 1, &b, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(narr_buf_str(&b), "l'IA : 12 500 info [ [x]]");

    CHECK(read_all("caf\xe9\n", 5, &b, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(narr_buf_str(&b), "café");
    CHECK_STR_EQ(w, "mem:1: not valid UTF-8; reading it as Windows-1252 "
                    "(convert the file to UTF-8 to silence this)");

    CHECK(read_all("ok\nab\0cd\n", 9, &b, w) == NARR_E_BINARY);
    CHECK_STR_EQ(w, "mem:2: contains NUL bytes: this is a binary file, not text");

    /* A line longer than the limit is cut at a space, marked, and whole. */
    size_t n = NARR_DECODE_MAX_LINE * 3;
    char *big = malloc(n);
    for (size_t i = 0; i < n; i++)
        big[i] = i % 8 == 7 ? ' ' : 'a';
    CHECK(read_all(big, n, &b, w) == NARR_E_EMPTY);
    size_t letters = 0, cuts = 0;
    for (size_t i = 0; i < b.len; i++) {
        letters += b.data[i] == 'a';
        cuts += b.data[i] == '+';
    }
    CHECK_INT_EQ(letters, n / 8 * 7);
    CHECK(cuts >= 3);
    free(big);

    /* Without spaces, a long line is cut between characters, never
     * inside one. */
    size_t accents = NARR_DECODE_MAX_LINE * 2;
    char *wide_line = malloc(accents * 2 + 1);
    for (size_t i = 0; i < accents; i++)
        memcpy(wide_line + 2 * i, "\xc3\xa9", 2);
    CHECK(read_all(wide_line, accents * 2, &b, w) == NARR_E_EMPTY);
    size_t whole = 0;
    for (const char *p = narr_buf_str(&b); (p = strstr(p, "\xc3\xa9")); p += 2)
        whole++;
    CHECK_INT_EQ(whole, accents);
    CHECK_STR_EQ(w, "");
    free(wide_line);

    /* UTF-16 with its byte order mark, little and big endian. */
    char u16[256];
    size_t len = utf16("Caf\xe9\r\nd\xe9j\xe0 vu\n", false, u16);
    CHECK(read_all(u16, len, &b, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(narr_buf_str(&b), "Caf\xc3\xa9|d\xc3\xa9j\xc3\xa0 vu");
    CHECK_STR_EQ(w, "");
    len = utf16("\xc0 bient\xf4t", true, u16);
    CHECK(read_all(u16, len, &b, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(narr_buf_str(&b), "\xc3\x80 bient\xc3\xb4t");

    /* A long UTF-16 input streams through the converter whole. */
    size_t lines = 30000;
    char *latin = malloc(lines * 7 + 1), *wide = malloc(2 + lines * 14);
    for (size_t i = 0; i < lines; i++)
        memcpy(latin + i * 7, "\xe9t\xe9 ok\n", 7);
    latin[lines * 7] = '\0';
    size_t wn = utf16(latin, false, wide);
    CHECK(read_all(wide, wn, &b, w) == NARR_E_EMPTY);
    CHECK_INT_EQ(b.len, lines * 9 - 1);
    free(latin);
    free(wide);

    /* A declared charset: converted without a warning. */
    CHECK(read_as("\x80 et \x9c" "uvre\n", 11, "windows-1252", &b, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(narr_buf_str(&b), "\xe2\x82\xac et \xc5\x93uvre");
    CHECK_STR_EQ(w, "");
    CHECK(read_as("\xa4 \xbd\n", 4, "ISO-8859-15", &b, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(narr_buf_str(&b), "\xe2\x82\xac \xc5\x93");
    /* UTF-8 named is UTF-8; a byte order mark wins over the charset. */
    CHECK(read_as("\xc3\xa9t\xc3\xa9", 5, "utf8", &b, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(narr_buf_str(&b), "\xc3\xa9t\xc3\xa9");
    len = utf16("\xe9", false, u16);
    CHECK(read_as(u16, len, "windows-1252", &b, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(narr_buf_str(&b), "\xc3\xa9");

    /* Peeking shows the start after the mark and consumes nothing. */
    {
        const char text[] = "\xef\xbb\xbf<html>\nSuite";
        FILE *f = fmemopen((void *)text, sizeof text - 1, "rb");
        narr_decoder *d = narr_decoder_new(f, "mem");
        const char *head;
        size_t n;
        CHECK(narr_decoder_peek(d, &head, &n) == NARR_OK);
        CHECK_INT_EQ(n, 12);
        CHECK(n == 12 && memcmp(head, "<html>\nSuite", 12) == 0);
        CHECK(narr_decoder_had_bom(d));
        CHECK(narr_decoder_set_charset(d, "klingon") == NARR_OK); /* the mark wins */
        narr_line line;
        CHECK(narr_decoder_next(d, &line) == NARR_OK);
        CHECK(line.len == 6 && memcmp(line.text, "<html>", 6) == 0);
        narr_decoder_free(d);
        fclose(f);
        f = fmemopen((void *)"abc", 3, "rb");
        d = narr_decoder_new(f, "mem");
        CHECK(narr_decoder_set_charset(d, "klingon") == NARR_E_ARG);
        CHECK_STR_EQ(narr_decoder_errmsg(d), "mem: unknown charset 'klingon'");
        narr_decoder_free(d);
        fclose(f);
    }
    narr_buf_deinit(&b);
    return CHECK_DONE();
}
