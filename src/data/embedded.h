/* Data files compiled into the binary (assets/NAME.tsv, voices/NAME.ini) by
 * assets/embed.py. The arrays end with a {NULL, NULL, 0} entry. */
#ifndef NARR_EMBEDDED_H
#define NARR_EMBEDDED_H

typedef struct {
    const char *name; /* file name without extension */
    const char *data; /* file contents, not NUL-terminated by contract */
    int size;
} narr_embedded;

extern const narr_embedded narr_asset_table[];
extern const narr_embedded narr_voice_table[];

/* The entry called name, or NULL. */
const narr_embedded *narr_embedded_find(const narr_embedded *table,
                                        const char *name);

#endif
