/* tables: the one owner of the data tables. Every built-in table
 * (assets/NAME.tsv, compiled in) is parsed once, with the user's
 * pronunciation lexicons, into a narr_tables that the stages borrow: the
 * sentence splitter its abbreviations, the document stage its web
 * leftovers and HTML furniture words, the normalizer all of them, the
 * speak stage eSpeak's fixes. No stage parses a table itself. */
#ifndef NARR_TABLES_H
#define NARR_TABLES_H

#include "data/table.h"
#include "base/buf.h"

/* X(ID, "asset name") for each built-in table. */
#define NARR_BUILTIN_TABLES(X)                  \
    X(ABBREVIATIONS, "abbreviations")           \
    X(ACRONYMS, "acronyms")                     \
    X(CURRENCIES, "currencies")                 \
    X(DECADES, "decades")                       \
    X(DOMAINS, "domains")                       \
    X(FEMININE_NOUNS, "feminine_nouns")         \
    X(H_ASPIRE, "h_aspire")                     \
    X(ROMAN_CONTEXT, "roman_context")           \
    X(LEXICON, "lexicon")                       \
    X(ESPEAK_FIXES, "espeak_fixes")             \
    X(SYMBOLS, "symbols")                       \
    X(UNITS, "units")                           \
    X(WEB_LEFTOVERS, "web_leftovers")           \
    X(HTML_BOILERPLATE, "html_boilerplate")

#define NARR_TABLE_ID(id, name) NARR_TABLE_##id,
typedef enum {
    NARR_BUILTIN_TABLES(NARR_TABLE_ID)
    NARR_TABLE_CONFIG_LEXICON, /* $XDG_CONFIG_HOME/narrateur/lexique.tsv */
    NARR_TABLE_USER_LEXICON,   /* --lexicon FILE */
    NARR_TABLE_COUNT
} narr_table_id;
#undef NARR_TABLE_ID

/* A user lexicon file is read whole; larger ones are refused. */
#define NARR_LEXICON_MAX (16 * 1024 * 1024)

/* The longest [[phonemes]] (bytes between the brackets) a lexicon entry
 * may give: libespeak-ng 1.51 overflows a buffer on a phoneme word of 400
 * bytes, and the speak stage cuts any longer phoneme string to this. */
#define NARR_PHONEMES_MAX 200

typedef struct narr_tables narr_tables;

/* Parses every built-in table. Owned: narr_tables_free. NULL with *err
 * and a message on failure (a built-in table is malformed). */
narr_tables *narr_tables_new(narr_status *err, char *msg, size_t msg_size);
void narr_tables_free(narr_tables *t);

/* Loads a pronunciation lexicon file (assets/lexicon.tsv's format) into
 * slot NARR_TABLE_CONFIG_LEXICON or NARR_TABLE_USER_LEXICON, replacing
 * what was there. NARR_E_IO, or NARR_E_DATA with "FILE:LINE: what is
 * wrong" in msg. */
narr_status narr_tables_load_lexicon(narr_tables *t, narr_table_id slot, const char *path,
                                     char *msg, size_t msg_size);

/* The table id, or NULL when none is loaded there (a lexicon slot).
 * Borrowed from t. Constant time: rules ask at every token. */
const narr_table *narr_tables_get(const narr_tables *t, narr_table_id id);

#endif
