/* decode: lines, typography, Windows-1252 fallback, binary refusal,
 * bounded lines. Inputs come through real streams (fmemopen). */
#include "../check.h"
#include "text/decode.h"

#include <stdlib.h>

/* Reads all lines of text joined with '|'. Returns the final status. */
static narr_status read_all(const char *text, size_t n, narr_buf *joined, char *warning)
{
    FILE *f = fmemopen((void *)text, n, "rb");
    narr_decoder *d = narr_decoder_new(f, "mem");
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
    narr_buf_deinit(&b);
    return CHECK_DONE();
}
