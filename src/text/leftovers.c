/* leftovers: web-leftover phrases, matched and judged in one place. */
#include "text/leftovers.h"
#include "base/utf8.h"
#include "text/decode.h"
#include "text/sentences.h"

#include <stdlib.h>
#include <string.h>

typedef enum { EXTENT_KEY, EXTENT_SENTENCE, EXTENT_WHOLE } extent;

typedef struct {
    size_t at;      /* the cleaned phrase, NUL-terminated, in keys */
    int32_t first;  /* its first character, lower case: a quick test */
    bool anywhere;  /* else a `block` phrase, at the start of a line or sentence */
    extent ext;
} phrase;

struct narr_leftovers {
    narr_buf keys;
    phrase *phrases;
    size_t count;
};

void narr_leftovers_free(narr_leftovers *l)
{
    if (!l)
        return;
    narr_buf_deinit(&l->keys);
    free(l->phrases);
    free(l);
}

narr_leftovers *narr_leftovers_new(const narr_table *table)
{
    narr_leftovers *l = calloc(1, sizeof *l);
    size_t rows = narr_table_count(table);
    if (!l || (rows && !(l->phrases = calloc(rows, sizeof *l->phrases)))) {
        free(l);
        return NULL;
    }
    narr_buf_init(&l->keys);
    narr_status st = NARR_OK;
    for (size_t i = 0; i < rows && st == NARR_OK; i++) {
        const narr_row *r = narr_table_row(table, i);
        phrase *p = &l->phrases[l->count++];
        p->at = l->keys.len;
        p->anywhere = strcmp(r->field[1], "anywhere") == 0;
        p->ext = strcmp(r->field[2], "whole") == 0      ? EXTENT_WHOLE
                 : strcmp(r->field[2], "sentence") == 0 ? EXTENT_SENTENCE
                                                        : EXTENT_KEY;
        st = narr_decode_clean(r->field[0], r->key_len, &l->keys);
        if (st == NARR_OK)
            st = narr_buf_append_char(&l->keys, '\0');
    }
    for (size_t i = 0; i < l->count && st == NARR_OK; i++) {
        const char *key = l->keys.data + l->phrases[i].at;
        size_t k = 0;
        l->phrases[i].first = narr_uc_to_lower(narr_utf8_next(key, strlen(key), &k));
    }
    if (st != NARR_OK) {
        narr_leftovers_free(l);
        return NULL;
    }
    return l;
}

/* The longest phrase of the kind asked for at s[0..n), and its length. */
static const phrase *longest(const narr_leftovers *l, const char *s, size_t n, bool anywhere,
                             size_t *len)
{
    *len = 0;
    if (!l || !n)
        return NULL;
    size_t i = 0;
    int32_t c = narr_uc_to_lower(narr_utf8_next(s, n, &i));
    const phrase *best = NULL;
    for (size_t r = 0; r < l->count; r++) {
        const phrase *p = &l->phrases[r];
        if (p->first != c || p->anywhere != anywhere)
            continue;
        size_t m = narr_utf8_match_phrase(l->keys.data + p->at, s, n);
        if (m > *len) {
            best = p;
            *len = m;
        }
    }
    return best;
}

static bool is_separator(char c) { return c == ':' || c == '|' || c == '-'; }

/* Past spaces and separators (: | - – —) from i. */
static size_t skip_separators(const char *s, size_t n, size_t i)
{
    for (;;) {
        if (i < n && (s[i] == ' ' || is_separator(s[i])))
            i++;
        else if (n - i >= 3 && memcmp(s + i, "\xe2\x80", 2) == 0 &&
                 ((unsigned char)s[i + 2] == 0x93 || (unsigned char)s[i + 2] == 0x94))
            i += 3; /* – — */
        else
            return i;
    }
}

/* Does what follows a phrase ending at s[i] make it furniture? After a
 * label ("Source :", "Lire aussi :") anything does; otherwise nothing,
 * punctuation, a capital or a digit does, and a word in lower case, even
 * after a comma, makes an ordinary sentence ("Sur le même sujet, les
 * éditeurs se taisent"). */
static bool fresh_start(const char *key, const char *s, size_t n, size_t i)
{
    size_t k = strlen(key);
    if (k && key[k - 1] == ':')
        return true;
    while (i < n && s[i] == ' ')
        i++;
    if (i < n && s[i] == ':')
        return true;
    while (i < n && (s[i] == ' ' || s[i] == ',' || s[i] == ';'))
        i++;
    if (i == n)
        return true;
    int32_t c = narr_utf8_next(s, n, &i);
    return !narr_uc_is_lower(c);
}

/* Bullets and arrows that may come before a phrase ("» Lire aussi"). */
static size_t skip_bullets(const char *s, size_t n)
{
    size_t i = 0;
    while (i < n) {
        size_t j = i;
        int32_t c = narr_utf8_next(s, n, &j);
        if (narr_uc_is_letter(c) || (c >= '0' && c <= '9') || c == '(' || c == '[' ||
            c == 0xA9 /* © */)
            break;
        i = j;
    }
    return i;
}

/* How s[0..n) opening with a block phrase is cut, and the phrase. */
static narr_leftover_cut judge(const narr_leftovers *l, const char *s, size_t n, size_t *cut,
                               const phrase **which)
{
    *cut = 0;
    size_t start = skip_bullets(s, n), len;
    const phrase *p = *which = longest(l, s + start, n - start, false, &len);
    if (!p)
        return NARR_LEFTOVER_NONE;
    size_t after = start + len;
    if (p->ext != EXTENT_WHOLE && !fresh_start(l->keys.data + p->at, s, n, after))
        return NARR_LEFTOVER_NONE;
    if (p->ext != EXTENT_KEY || skip_separators(s, n, after) == n) {
        *cut = n;
        return NARR_LEFTOVER_ALL;
    }
    *cut = skip_separators(s, n, after);
    return NARR_LEFTOVER_KEY;
}

narr_leftover_cut narr_leftover_opening(const narr_leftovers *l, const char *s, size_t n,
                                        size_t *cut)
{
    const phrase *p;
    return judge(l, s, n, cut, &p);
}

bool narr_leftover_block(const narr_leftovers *l, const char *s, size_t n)
{
    size_t cut;
    const phrase *p;
    if (judge(l, s, n, &cut, &p) != NARR_LEFTOVER_ALL)
        return false;
    /* "Photo : AFP. Le chef de l'État…": a phrase that takes its sentence
     * leaves the next ones; when the block ends a sentence it may hold
     * more, which the normalizer, sentence by sentence, sees to. */
    return p->ext != EXTENT_SENTENCE || !narr_sentence_ends(s, n, false);
}

size_t narr_leftover_anywhere(const narr_leftovers *l, const char *s, size_t n)
{
    size_t len;
    return longest(l, s, n, true, &len) ? len : 0;
}

size_t narr_leftover_credit(const narr_leftovers *l, const char *s, size_t n)
{
    size_t len;
    const phrase *p = longest(l, s, n, false, &len);
    return p && p->ext == EXTENT_SENTENCE && fresh_start(l->keys.data + p->at, s, n, len)
               ? len
               : 0;
}
