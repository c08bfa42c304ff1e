/* fixes: table-driven respelling of eSpeak NG's slips. */
#include "speak/fixes.h"

#include <string.h>

#include "base/utf8.h"

static bool word_char(char c)
{
    return (unsigned char)c >= 0x80 || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
           (c >= '0' && c <= '9');
}

narr_status narr_fix_slips(const narr_table *fixes, const char *s, size_t n,
                           narr_buf *out)
{
    size_t rows = narr_table_count(fixes), copied = 0;
    narr_status st = NARR_OK;
    for (size_t i = 0; i < n && st == NARR_OK; i++) {
        if (s[i] == '[' && i + 1 < n && s[i + 1] == '[') {
            const char *end = strstr(s + i, "]]");
            i = end && (size_t)(end - s) < n ? (size_t)(end - s) + 1 : n;
            continue;
        }
        if (i > 0 && word_char(s[i - 1]))
            continue;
        /* A key in lower case also matches the capitalized word: the first
         * word of a sentence is capitalized ("Quatre-vingt-trois", "Rythme"). */
        char low[80];
        size_t span = n - i < 64 ? n - i : 64;
        size_t n_low = narr_utf8_lower_first(s + i, span, low, sizeof low);
        /* The longest key wins: "luths" over the stem "luth*". */
        const narr_row *best = NULL;
        size_t best_len = 0;
        for (size_t r = 0; r < rows; r++) {
            const narr_row *row = narr_table_row(fixes, r);
            /* "rythm*" is a stem (rythme, rythmés); "dos" a whole word. */
            bool stem = row->field[0][row->key_len - 1] == '*';
            size_t len = row->key_len - stem;
            if (len <= best_len)
                continue;
            if (len > n - i || memcmp(s + i, row->field[0], len) != 0) {
                if (len > n_low || memcmp(low, row->field[0], len) != 0)
                    continue;
                len = len + span - n_low; /* back to bytes of s */
            }
            if (!stem && i + len < n && word_char(s[i + len]))
                continue;
            best = row;
            best_len = len;
        }
        if (!best)
            continue;
        bool stem = best->field[0][best->key_len - 1] == '*';
        st = narr_buf_append(out, s + copied, i - copied);
        if (st == NARR_OK)
            st = narr_buf_append(out, best->field[1], strlen(best->field[1]) - stem);
        copied = i + best_len;
        i = copied - 1;
    }
    return st == NARR_OK ? narr_buf_append(out, s + copied, n - copied) : st;
}
