/* episode_name: ICU (through base/utf8) does the transliteration; the
 * rest is ASCII. */
#include "export/episode_name.h"

#include "base/utf8.h"

#include <stdio.h>
#include <string.h>

narr_status narr_slug(const char *title, char out[NARR_SLUG_MAX + 1])
{
    narr_buf ascii;
    narr_buf_init(&ascii);
    narr_status st = narr_utf8_to_ascii(title, strlen(title), &ascii);
    if (st == NARR_E_BAD_UTF8) /* not UTF-8: its ASCII bytes still make words */
        st = narr_buf_append_str(&ascii, title);
    if (st != NARR_OK) {
        narr_buf_deinit(&ascii);
        return st;
    }
    const char *s = narr_buf_str(&ascii);
    size_t n = 0;
    for (; *s && n < NARR_SLUG_MAX + 1; s++) {
        char c = *s;
        if (c >= 'A' && c <= 'Z')
            c = (char)(c + 32);
        bool word = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
        if (word)
            out[n++] = c;
        else if (n > 0 && out[n - 1] != '-')
            out[n++] = '-';
    }
    narr_buf_deinit(&ascii);
    if (n > NARR_SLUG_MAX) {
        /* Too long: end at the last word boundary, unless that loses half. */
        size_t cut = NARR_SLUG_MAX;
        if (out[cut] != '-') {
            while (cut > NARR_SLUG_MAX / 2 && out[cut] != '-')
                cut--;
            if (out[cut] != '-')
                cut = NARR_SLUG_MAX;
        }
        n = cut;
    }
    while (n > 0 && out[n - 1] == '-')
        n--;
    out[n] = '\0';
    if (n == 0)
        strcpy(out, "article");
    return NARR_OK;
}

bool narr_episode_name(const char *day, const char *slug, unsigned n, const char *ext, char *out,
                       size_t size)
{
    int len = n <= 1 ? snprintf(out, size, "%s-%s.%s", day, slug, ext)
                     : snprintf(out, size, "%s-%s-%u.%s", day, slug, n, ext);
    return len > 0 && (size_t)len < size;
}
