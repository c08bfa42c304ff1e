/* outline: see outline.h. */
#include "text/outline.h"
#include "base/utf8.h"

#include <stdbool.h>
#include <string.h>

/* After the mark at s[i]: spaces, then something to read (not a digit:
 * "1. 500 personnes" is no list). The bytes to skip, or 0. */
static size_t after_mark(const char *s, size_t n, size_t i)
{
    size_t j = i;
    while (j < n && s[j] == ' ')
        j++;
    if (j == i || j == n || (s[j] >= '0' && s[j] <= '9'))
        return 0;
    return j;
}

static size_t digits(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n && i < 3 && s[i] >= '0' && s[i] <= '9')
        i++;
    return i <= 2 ? i : 0;
}

/* The value of a canonical roman numeral of I, V and X (1 to 39), or 0.
 * (normalize/numeral.h has the full parser, but the text stage comes
 * before the normalizer and may not include it; headings need only these.) */
static int roman(const char *s, size_t len)
{
    static const char *const units[] = {"", "I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX"};
    static const char *const tens[] = {"", "X", "XX", "XXX"};
    for (int v = 1; v < 40; v++) {
        const char *t = tens[v / 10], *u = units[v % 10];
        size_t tl = strlen(t), ul = strlen(u);
        if (tl + ul == len && memcmp(s, t, tl) == 0 && memcmp(s + tl, u, ul) == 0)
            return v;
    }
    return 0;
}

static bool closes(char c) { return c == '.' || c == ')'; }

size_t narr_list_mark(const char *s, size_t n)
{
    if (n == 0)
        return 0;
    size_t i = 0;
    int32_t c = narr_utf8_next(s, n, &i);
    if (c == '-' || c == '*' || c == 0x2022 || c == 0x2013 || c == 0xB7)
        return after_mark(s, n, i);
    size_t d = digits(s, n);
    if (d && d < n && closes(s[d]))
        return after_mark(s, n, d + 1);
    bool letter = (s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z');
    if (letter && n > 1 && s[1] == ')')
        return after_mark(s, n, 2);
    return 0;
}

size_t narr_heading_number(const char *s, size_t n)
{
    size_t d = digits(s, n);
    if (!d)
        while (d < n && d < 6 && strchr("IVX", s[d]) && s[d])
            d++;
    if (!d || d >= n || !closes(s[d]) || (s[0] > '9' && !roman(s, d)))
        return 0;
    return after_mark(s, n, d + 1);
}
