/* wordlist: lookups in the compiled-in French word list, and the split of
 * glued words ("monespacesante" → mon espace sante). The list is sorted
 * text, searched in place: nothing is parsed or allocated at start-up. */
#include "normalize/wordlist.h"

#include <string.h>

#define MAX_SPLIT 48 /* letters: longer strings are not split */

/* Compares key[0..len) with the key of the line at s (up to tab or
 * newline), in byte order. */
static int compare_line(const char *key, size_t len, const char *s)
{
    size_t k = 0;
    for (; k < len; k++) {
        unsigned char a = (unsigned char)key[k], b = (unsigned char)s[k];
        if (b == '\t' || b == '\n')
            return 1;
        if (a != b)
            return a < b ? -1 : 1;
    }
    return s[k] == '\t' || s[k] == '\n' ? 0 : -1;
}

/* The line of chunk c holding key, or NULL. */
static const char *find_in_chunk(const char *c, const char *key, size_t len)
{
    size_t lo = 0, hi = strlen(c); /* line starts in [lo, hi) */
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        while (mid > lo && c[mid - 1] != '\n')
            mid--;
        int cmp = compare_line(key, len, c + mid);
        if (cmp == 0)
            return c + mid;
        if (cmp < 0) {
            hi = mid;
        } else {
            const char *nl = strchr(c + mid, '\n');
            lo = (size_t)(nl - c) + 1;
        }
    }
    return NULL;
}

bool narr_wordlist_find(const char *key, size_t len, const char **word, size_t *word_len)
{
    /* The last chunk whose first key is <= key. */
    size_t lo = 0, hi = narr_wordlist_nchunks;
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        if (compare_line(key, len, narr_wordlist_chunks[mid]) < 0)
            hi = mid;
        else
            lo = mid + 1;
    }
    if (lo == 0)
        return false;
    const char *line = find_in_chunk(narr_wordlist_chunks[lo - 1], key, len);
    if (!line)
        return false;
    if (line[len] == '\t') {
        *word = line + len + 1;
        *word_len = (size_t)(strchr(*word, '\n') - *word);
    } else {
        *word = line;
        *word_len = len;
    }
    return true;
}

bool narr_wordlist_split(const char *s, size_t len, size_t *cuts, size_t max, size_t *count)
{
    if (len == 0 || len > MAX_SPLIT)
        return false;
    /* For s[0..k): the fewest words, then the most even lengths (the
     * largest product: "mon espace sante", not "mon espaces ante"); from[k]
     * is the start of the last word. */
    int words[MAX_SPLIT + 1];
    double score[MAX_SPLIT + 1];
    size_t from[MAX_SPLIT + 1];
    words[0] = 0;
    score[0] = 1;
    for (size_t k = 1; k <= len; k++) {
        words[k] = -1;
        for (size_t j = 0; j + 2 <= k; j++) {
            const char *w;
            size_t wl;
            if (words[j] < 0 || !narr_wordlist_find(s + j, k - j, &w, &wl))
                continue;
            int nw = words[j] + 1;
            double sc = score[j] * (double)(k - j);
            if (words[k] < 0 || nw < words[k] || (nw == words[k] && sc > score[k])) {
                words[k] = nw;
                score[k] = sc;
                from[k] = j;
            }
        }
    }
    if (words[len] < 0 || (size_t)words[len] > max)
        return false;
    *count = (size_t)words[len];
    for (size_t k = len, c = *count; c > 0; c--) {
        cuts[c - 1] = from[k];
        k = from[k];
    }
    return true;
}
