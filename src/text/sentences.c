/* sentences: abbreviation-aware sentence boundaries. */
#include "text/sentences.h"
#include "text/utf8.h"

#include <string.h>

static bool is_closing(int32_t cp)
{
    return cp == 0xBB || cp == '"' || cp == 0x201D || cp == 0x203A ||
           cp == ')' || cp == ']' || cp == '\'';
}

static bool is_end_mark(int32_t cp)
{
    return cp == '.' || cp == '!' || cp == '?' || cp == 0x2026;
}

/* Can the text after an end mark start a new sentence? */
static bool starts_sentence(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        int32_t cp = narr_utf8_next(s, n, &i);
        if (narr_uc_is_letter(cp))
            return narr_uc_is_upper(cp);
        if (narr_uc_is_digit(cp))
            return true;
        if (cp == ' ' || cp == 0xAB || cp == '"' || cp == 0x201C ||
            cp == 0x2039 || cp == '(' || cp == '[' || cp == '-' ||
            cp == 0x2013 || cp == 0x2014)
            continue;
        return false;
    }
    return true;
}

/* Is the word that ends with the '.' at text[dot] an abbreviation that
 * never ends a sentence, or an initial ("J.")? */
static bool abbreviation_before(const char *text, size_t dot,
                                const narr_table *abbreviations)
{
    size_t start = dot;
    int letters = 0;
    for (;;) {
        size_t at = start;
        int32_t cp = narr_utf8_prev(text, &at);
        if (cp < 0 || !(narr_uc_is_letter(cp) || cp == '.' || cp == '-' || cp == 0xB0))
            break;
        letters += narr_uc_is_letter(cp);
        start = at;
    }
    if (letters == 0)
        return false;
    size_t one = start;
    int32_t first = narr_utf8_next(text, dot, &one);
    if (letters == 1 && one == dot && narr_uc_is_upper(first))
        return true; /* an initial: "J. K. Rowling" */
    const narr_row *row = narr_table_find(abbreviations, text + start, dot + 1 - start);
    return row && strcmp(row->field[3], "end") != 0;
}

size_t narr_sentence_length(const char *text, size_t len,
                            const narr_table *abbreviations, bool *complete)
{
    size_t i = 0, last_comma = 0, last_space = 0;
    int depth = 0; /* inside « » */
    while (i < len) {
        size_t at = i;
        int32_t cp = narr_utf8_next(text, len, &i);
        if (cp == 0xAB)
            depth++;
        else if (cp == 0xBB && depth > 0)
            depth--;
        if (cp == ',' || cp == ';')
            last_comma = i;
        else if (cp == ' ')
            last_space = i;
        if (i > NARR_SENTENCE_MAX) {
            *complete = true;
            return last_comma > NARR_SENTENCE_MAX / 2 ? last_comma
                   : last_space > 0                   ? last_space
                                                      : at;
        }
        if (!is_end_mark(cp))
            continue;
        if (cp == '.' && i < len && narr_uc_is_digit((unsigned char)text[i]))
            continue; /* 8.350 */
        if (cp == '.' && abbreviation_before(text, at, abbreviations))
            continue;
        /* Take the rest of the mark ("?!", "...") and closing quotes. */
        size_t end = i;
        while (end < len) {
            size_t next = end;
            int32_t c2 = narr_utf8_next(text, len, &next);
            size_t after = next;
            int32_t c3 = c2 == ' ' && next < len ? narr_utf8_next(text, len, &after) : 0;
            /* French typography puts a space before »: "fini. »". */
            bool spaced_close = c2 == ' ' && c3 == 0xBB && depth > 0;
            if (spaced_close)
                next = after, c2 = c3;
            if (is_end_mark(c2) || is_closing(c2) || spaced_close) {
                if (c2 == 0xBB && depth > 0)
                    depth--;
                end = next;
                continue;
            }
            break;
        }
        if (end == len) {
            *complete = true;
            return end;
        }
        if (text[end] != ' ')
            continue;
        if (starts_sentence(text + end, len - end)) {
            *complete = true;
            return end;
        }
    }
    *complete = false;
    return len;
}
