/* document: the second stage. Turns decoded lines into blocks — title,
 * headings, paragraphs, quotations, list items — that carry their kind
 * (for pauses and chapters) along with their text. Plain text rules:
 * blank lines and lines ending a sentence close paragraphs, a short
 * stand-alone line without final punctuation is a heading, and the first
 * stand-alone line is the title. A block never exceeds about
 * NARR_BLOCK_MAX bytes: a longer paragraph comes in pieces marked
 * `continues`, so memory does not grow with the input. */
#ifndef NARR_DOCUMENT_H
#define NARR_DOCUMENT_H

#include "text/decode.h"

#define NARR_BLOCK_MAX (16 * 1024)

typedef enum {
    NARR_BLOCK_TITLE,
    NARR_BLOCK_HEADING,
    NARR_BLOCK_PARAGRAPH,
    NARR_BLOCK_QUOTE,
    NARR_BLOCK_ITEM,
} narr_block_kind;

typedef struct {
    narr_block_kind kind;
    const char *text; /* borrowed, valid until the next call */
    size_t len;
    bool continues;   /* the same paragraph goes on in the next block */
    long line;        /* input line where the block starts */
} narr_block;

typedef struct narr_document narr_document;

/* A plain-text document over dec (borrowed). Owned: narr_document_free. */
narr_document *narr_document_new_text(narr_decoder *dec);
void narr_document_free(narr_document *doc);

/* The next block; NARR_E_EMPTY at the end, or a decoder error. */
narr_status narr_document_next(narr_document *doc, narr_block *block);

/* The kind's name ("title", "heading", ...), for messages and tests. */
const char *narr_block_kind_name(narr_block_kind kind);

#endif
