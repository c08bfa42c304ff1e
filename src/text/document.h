/* document: the second stage. Turns decoded input into blocks — title,
 * headings, paragraphs, quotations, list items — that carry their kind
 * (for pauses and chapters) along with their text. Three readers share
 * this interface: plain text (below), Markdown (text/markdown.h) and
 * HTML (text/html.h). Plain text rules: blank lines and lines ending a
 * sentence close paragraphs, a short stand-alone line without final
 * punctuation is a heading, and the first stand-alone line is the title.
 * Web leftovers of the `block` kind (assets/web_leftovers.tsv: "Lire
 * aussi", "Publicité", "© AFP", ...) drop the line, paragraph or item
 * they start, whatever the format. A block never exceeds about
 * NARR_BLOCK_MAX bytes: a longer paragraph comes in pieces marked
 * `continues`, so memory does not grow with the input. */
#ifndef NARR_DOCUMENT_H
#define NARR_DOCUMENT_H

#include "narrateur.h"
#include "data/tables.h"
#include "text/decode.h"

#define NARR_BLOCK_MAX (16 * 1024)

/* narr_block_kind (title, heading, paragraph, quote, item) is public:
 * narrateur.h. */

/* A passage of a block's text in another language than French, marked
 * in the page (<span lang="en">): bytes text[at..at+len), lang its BCP 47
 * tag as written ("en", "de-CH"). */
typedef struct {
    size_t at, len;
    const char *lang;
} narr_lang_span;

typedef struct {
    narr_block_kind kind;
    const char *text; /* borrowed, valid until the next call */
    size_t len;
    bool continues;   /* the same paragraph goes on in the next block */
    bool line_end;    /* ends at a line break inside its paragraph (HTML <br>):
                         a sentence ends there, with a sentence's pause */
    long line;        /* input line where the block starts (0: unknown) */
    /* Another language than French (HTML lang="..."): the whole block's
     * (lang, NULL when French or unknown), or some passages of it (spans,
     * nspans; offsets into text). Borrowed like text. */
    const char *lang;
    const narr_lang_span *spans;
    size_t nspans;
} narr_block;

typedef struct narr_document narr_document;

/* The reader for format over dec (borrowed); NARR_INPUT_AUTO guesses it
 * from path's extension and the first bytes (narr_input_format_guess).
 * tables (borrowed) gives the web leftovers and HTML furniture words.
 * On failure *doc is NULL, the status is returned and msg says why. */
narr_status narr_document_open(narr_decoder *dec, narr_input_format format,
                               const char *path, const narr_tables *tables,
                               narr_document **doc, char *msg, size_t msg_size);

/* Shorthands for one format; NULL when out of memory. Owned. */
narr_document *narr_document_new_text(narr_decoder *dec, const narr_tables *tables);
narr_document *narr_document_new_markdown(narr_decoder *dec, const narr_tables *tables);
narr_document *narr_document_new_html(narr_decoder *dec, const narr_tables *tables);
void narr_document_free(narr_document *doc);

/* The next block; NARR_E_EMPTY at the end, or an error. */
narr_status narr_document_next(narr_document *doc, narr_block *block);

/* The message for the last error (the reader's or the decoder's). */
const char *narr_document_errmsg(const narr_document *doc);

/* The format the document reads (never AUTO). */
narr_input_format narr_document_format(const narr_document *doc);

/* The format of an input: by path's extension (.html .htm .xhtml .shtml
 * → HTML, .md .markdown .mdown .mkd → Markdown); otherwise by the first
 * bytes head[0..n): "<!DOCTYPE html", "<html" or many HTML tags → HTML;
 * front matter or two kinds of Markdown marks ("# Titre", "**gras**",
 * "[lien](url)", "```") → Markdown; else text. path may be NULL. */
narr_input_format narr_input_format_guess(const char *path, const char *head, size_t n);

/* "text", "markdown", "html" ("auto" for AUTO). */
const char *narr_input_format_name(narr_input_format format);

/* The length of the first piece of a block s[0..n) that is longer than
 * NARR_BLOCK_MAX: cut after a space in the second half of the limit, or
 * else between two characters. n when the block fits. */
size_t narr_block_piece(const char *s, size_t n);

/* The kind's name ("title", "heading", ...), for messages and tests. */
const char *narr_block_kind_name(narr_block_kind kind);

#endif
