/* TSV tables: one row a line, fields separated by tabs, '#' starts a
 * comment line. Rows are sorted by their first field (bytes) and found
 * with bsearch. A table owns a copy of its text. */
#ifndef NARR_TABLE_H
#define NARR_TABLE_H

#include "narrateur.h"

#define NARR_TABLE_MAX_FIELDS 4

typedef struct {
    const char *field[NARR_TABLE_MAX_FIELDS]; /* NUL-terminated; "" if absent */
    size_t key_len;                           /* strlen(field[0]) */
    int nfields;
    int line; /* 1-based line in the source file */
} narr_row;

typedef struct narr_table narr_table;

/* Parses text[0..n). Every row needs at least min_fields fields. On a bad
 * line or a duplicate key returns NULL, *err = NARR_E_DATA and a message
 * "SOURCE:LINE: what is wrong" in msg. Owned: free with narr_table_free. */
narr_table *narr_table_parse(const char *text, size_t n, const char *source,
                             int min_fields, narr_status *err, char *msg,
                             size_t msg_size);

/* Parses an embedded asset by name (see data/embedded.h). */
narr_table *narr_table_from_asset(const char *name, int min_fields,
                                  narr_status *err, char *msg, size_t msg_size);

/* The row whose key is key[0..len), or NULL. Borrowed from t. */
const narr_row *narr_table_find(const narr_table *t, const char *key, size_t len);

/* The same, and *longer tells whether some longer key starts with
 * key[0..len): worth reading one more token ("Joe" of "Joe Biden"). */
const narr_row *narr_table_seek(const narr_table *t, const char *key, size_t len, bool *longer);

size_t narr_table_count(const narr_table *t);
const narr_row *narr_table_row(const narr_table *t, size_t i);

void narr_table_free(narr_table *t);

#endif
