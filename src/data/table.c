/* TSV table parsing and lookup. */
#include "data/table.h"
#include "base/i18n.h"
#include "data/embedded.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

struct narr_table {
    char *text;
    narr_row *rows;
    size_t count;
    /* The rows whose key starts with byte b are rows[by_first[b]] to
     * rows[by_first[b + 1]]: a search starts there, a few steps shorter. */
    size_t by_first[257];
};

const narr_embedded *narr_embedded_find(const narr_embedded *table, const char *name)
{
    for (; table->name; table++)
        if (strcmp(table->name, name) == 0)
            return table;
    return NULL;
}

/* Byte order of a[0..alen) and b[0..blen). A loop, not memcmp: keys are
 * short and most differ from the word sought in their first bytes. */
static int compare_keys(const char *a, size_t alen, const char *b, size_t blen)
{
    size_t m = alen < blen ? alen : blen;
    for (size_t k = 0; k < m; k++)
        if (a[k] != b[k])
            return (unsigned char)a[k] < (unsigned char)b[k] ? -1 : 1;
    return (alen > blen) - (alen < blen);
}

static int compare_rows(const void *a, const void *b)
{
    const narr_row *x = a, *y = b;
    return compare_keys(x->field[0], x->key_len, y->field[0], y->key_len);
}

static size_t count_lines(const char *s, size_t n)
{
    size_t lines = 1;
    for (size_t i = 0; i < n; i++)
        lines += s[i] == '\n';
    return lines;
}

/* Splits one line (NUL-terminated, in place) into row; false if malformed. */
static bool split_fields(char *line, narr_row *row)
{
    int k = 0;
    row->field[k++] = line;
    for (char *p = line; *p; p++) {
        if (*p != '\t')
            continue;
        *p = '\0';
        if (k == NARR_TABLE_MAX_FIELDS)
            return false;
        row->field[k++] = p + 1;
    }
    row->nfields = k;
    for (int i = k; i < NARR_TABLE_MAX_FIELDS; i++)
        row->field[i] = "";
    row->key_len = strlen(row->field[0]);
    return row->key_len > 0;
}

narr_table *narr_table_parse(const char *text, size_t n, const char *source,
                             int min_fields, narr_status *err, char *msg,
                             size_t msg_size)
{
    narr_table *t = calloc(1, sizeof *t);
    if (!t || !(t->text = malloc(n + 1)) ||
        !(t->rows = malloc(count_lines(text, n) * sizeof *t->rows))) {
        narr_table_free(t);
        *err = NARR_E_NOMEM;
        snprintf(msg, msg_size, L_("%s: out of memory"), source);
        return NULL;
    }
    memcpy(t->text, text, n);
    t->text[n] = '\0';
    size_t bad;
    if (!narr_utf8_valid(t->text, n, &bad)) {
        int line = 1;
        for (size_t i = 0; i < bad; i++)
            line += text[i] == '\n';
        snprintf(msg, msg_size, L_("%s:%d: not valid UTF-8"), source, line);
        goto fail;
    }
    char *p = t->text;
    for (int line = 1; p; line++) {
        char *eol = strchr(p, '\n');
        if (eol)
            *eol = '\0';
        size_t len = strlen(p);
        if (len && p[len - 1] == '\r')
            p[--len] = '\0';
        if (len && p[0] != '#') {
            narr_row *row = &t->rows[t->count];
            row->line = line;
            if (!split_fields(p, row) || row->nfields < min_fields) {
                snprintf(msg, msg_size,
                         L_("%s:%d: expected %d tab-separated fields with a "
                         "non-empty first one"), source, line, min_fields);
                goto fail;
            }
            t->count++;
        }
        p = eol ? eol + 1 : NULL;
    }
    /* The built-in tables come sorted (assets/embed.py --sorted): one pass
     * tells, and the sort, most of the start-up's table work, is skipped. */
    size_t ordered = 1;
    while (ordered < t->count && compare_rows(&t->rows[ordered - 1], &t->rows[ordered]) < 0)
        ordered++;
    if (ordered < t->count)
        qsort(t->rows, t->count, sizeof *t->rows, compare_rows);
    for (size_t i = 1; i < t->count; i++) {
        if (compare_rows(&t->rows[i - 1], &t->rows[i]) == 0) {
            const narr_row *a = &t->rows[i - 1], *b = &t->rows[i];
            snprintf(msg, msg_size, L_("%s:%d: duplicate key '%s' (also line %d)"),
                     source, a->line > b->line ? a->line : b->line, a->field[0],
                     a->line < b->line ? a->line : b->line);
            goto fail;
        }
    }
    for (size_t i = 0, b = 0; b <= 256; b++) {
        while (i < t->count && (unsigned char)t->rows[i].field[0][0] < b)
            i++;
        t->by_first[b] = i;
    }
    *err = NARR_OK;
    return t;
fail:
    narr_table_free(t);
    *err = NARR_E_DATA;
    return NULL;
}

narr_table *narr_table_from_asset(const char *name, int min_fields,
                                  narr_status *err, char *msg, size_t msg_size)
{
    const narr_embedded *e = narr_embedded_find(narr_asset_table, name);
    if (!e) {
        *err = NARR_E_DATA;
        snprintf(msg, msg_size, L_("built-in table '%s' is missing"), name);
        return NULL;
    }
    char source[128];
    snprintf(source, sizeof source, "assets/%s.tsv", name);
    return narr_table_parse(e->data, (size_t)e->size, source, min_fields, err,
                            msg, msg_size);
}

/* The first row whose key is >= key[0..len), or t->count. */
static size_t lower_bound(const narr_table *t, const char *key, size_t len)
{
    unsigned char b = (unsigned char)key[0];
    size_t lo = t->by_first[b], hi = t->by_first[b + 1];
    while (lo < hi) {
        size_t mid = lo + (hi - lo) / 2;
        const narr_row *r = &t->rows[mid];
        if (compare_keys(r->field[0], r->key_len, key, len) < 0)
            lo = mid + 1;
        else
            hi = mid;
    }
    return lo;
}

static bool starts_with(const narr_row *r, const char *key, size_t len)
{
    return r->key_len >= len && memcmp(r->field[0], key, len) == 0;
}

const narr_row *narr_table_seek(const narr_table *t, const char *key, size_t len, bool *longer)
{
    *longer = false;
    if (!t || len == 0)
        return NULL;
    size_t at = lower_bound(t, key, len);
    if (at == t->count || !starts_with(&t->rows[at], key, len))
        return NULL;
    const narr_row *r = &t->rows[at];
    if (r->key_len > len) {
        *longer = true;
        return NULL;
    }
    *longer = at + 1 < t->count && starts_with(&t->rows[at + 1], key, len);
    return r;
}

const narr_row *narr_table_find(const narr_table *t, const char *key, size_t len)
{
    bool longer;
    return narr_table_seek(t, key, len, &longer);
}

size_t narr_table_count(const narr_table *t) { return t ? t->count : 0; }

const narr_row *narr_table_row(const narr_table *t, size_t i)
{
    return i < t->count ? &t->rows[i] : NULL;
}

void narr_table_free(narr_table *t)
{
    if (!t)
        return;
    free(t->text);
    free(t->rows);
    free(t);
}
