/* tables: every data table parsed once, in one place. */
#include "data/tables.h"
#include "base/i18n.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

struct narr_tables {
    narr_table *table[NARR_TABLE_COUNT];
};

#define NARR_TABLE_NAME(id, name) name,
static const char *const builtin_names[] = {NARR_BUILTIN_TABLES(NARR_TABLE_NAME)};
#undef NARR_TABLE_NAME

void narr_tables_free(narr_tables *t)
{
    if (!t)
        return;
    for (size_t i = 0; i < NARR_TABLE_COUNT; i++)
        narr_table_free(t->table[i]);
    free(t);
}

narr_tables *narr_tables_new(narr_status *err, char *msg, size_t msg_size)
{
    narr_tables *t = calloc(1, sizeof *t);
    if (!t) {
        *err = NARR_E_NOMEM;
        snprintf(msg, msg_size, L_("out of memory"));
        return NULL;
    }
    for (size_t i = 0; i < sizeof builtin_names / sizeof builtin_names[0]; i++) {
        t->table[i] = narr_table_from_asset(builtin_names[i], 1, err, msg, msg_size);
        if (!t->table[i]) {
            narr_tables_free(t);
            return NULL;
        }
    }
    *err = NARR_OK;
    return t;
}

/* The whole file in text; NARR_E_IO or NARR_E_DATA (too large) with msg. */
static narr_status read_lexicon(const char *path, narr_buf *text, char *msg, size_t msg_size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(msg, msg_size, L_("%s: cannot open lexicon: %s"), path, strerror(errno));
        return NARR_E_IO;
    }
    narr_status st = narr_buf_read_stream(text, f, NARR_LEXICON_MAX);
    int e = errno;
    fclose(f);
    if (st == NARR_E_IO)
        snprintf(msg, msg_size, L_("%s: cannot read lexicon: %s"), path, strerror(e));
    else if (st == NARR_E_DATA)
        snprintf(msg, msg_size, L_("%s: %s"), path, L_("lexicon too large (16 MB at most)"));
    return st;
}

/* Why an entry's spoken form cannot be used, or NULL. The form goes to
 * standard output and to eSpeak NG: no control characters (ESC would
 * drive the terminal), and phonemes eSpeak can take. */
static const char *bad_spoken_form(const char *say, char *why, size_t why_size)
{
    if (!say[0])
        return L_("needs a respelling or [[phonemes]] after a tab");
    for (const char *c = say; *c; c++)
        if ((unsigned char)*c < 0x20 || *c == 0x7F) {
            snprintf(why, why_size, L_("has a control character (byte 0x%02X) in its spoken form"),
                     (unsigned char)*c);
            return why;
        }
    if (strncmp(say, "[[", 2) != 0)
        return NULL;
    const char *close = strstr(say + 2, "]]");
    if (!close)
        return L_("has [[phonemes]] not closed with ]]");
    if (close == say + 2)
        return L_("has empty [[phonemes]]");
    if (close - (say + 2) > NARR_PHONEMES_MAX) {
        snprintf(why, why_size, L_("has [[phonemes]] of %zu bytes (%d at most)"),
                 (size_t)(close - (say + 2)), NARR_PHONEMES_MAX);
        return why;
    }
    return NULL;
}

/* A NUL byte would silently cut the entry it is in. */
static bool has_nul(const narr_buf *text, const char *path, char *msg, size_t msg_size)
{
    const char *nul = memchr(text->data, '\0', text->len);
    if (!nul)
        return false;
    int line = 1;
    for (const char *c = text->data; c < nul; c++)
        line += *c == '\n';
    snprintf(msg, msg_size, L_("%s:%d: a NUL byte; a lexicon is UTF-8 text"), path, line);
    return true;
}

narr_status narr_tables_load_lexicon(narr_tables *t, narr_table_id slot, const char *path,
                                     char *msg, size_t msg_size)
{
    narr_buf text;
    narr_buf_init(&text);
    narr_status st = read_lexicon(path, &text, msg, msg_size);
    narr_table *lex = NULL;
    if (st == NARR_OK && text.len && has_nul(&text, path, msg, msg_size))
        st = NARR_E_DATA;
    if (st == NARR_OK)
        lex = narr_table_parse(narr_buf_str(&text), text.len, path, 2, &st, msg, msg_size);
    narr_buf_deinit(&text);
    if (!lex)
        return st;
    for (size_t i = 0; i < narr_table_count(lex); i++) {
        const narr_row *row = narr_table_row(lex, i);
        char why[96];
        const char *bad = bad_spoken_form(row->field[1], why, sizeof why);
        if (bad) {
            snprintf(msg, msg_size, "%s:%d: '%s' %s", path, row->line, row->field[0], bad);
            narr_table_free(lex);
            return NARR_E_DATA;
        }
    }
    narr_table_free(t->table[slot]);
    t->table[slot] = lex;
    return NARR_OK;
}

const narr_table *narr_tables_get(const narr_tables *t, narr_table_id id)
{
    return t && id < NARR_TABLE_COUNT ? t->table[id] : NULL;
}
