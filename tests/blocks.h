/* The blocks a document reader gives for an input, one "kind: text" a
 * line ("paragraph+: ..." when the paragraph continues in the next
 * block, "paragraph/: ..." when it ends at a line break, "quote(en): ..."
 * for a block in English, " {en 4+5}" after the text for each passage in
 * another language, at its byte offset and length): the unit tests of the text, Markdown and HTML readers compare
 * these lines. */
#ifndef NARR_TEST_BLOCKS_H
#define NARR_TEST_BLOCKS_H

#include "text/document.h"

#include <stdio.h>

/* Reads in[0..n), named name in messages, as format into out; returns the reader's last status
 * (NARR_E_EMPTY when the whole input was read). When warning is not NULL
 * it gets the error message, or else the decoder's warning, or "". */
static inline narr_status read_blocks(narr_input_format format, const char *name, const char *in,
                                      size_t n, narr_buf *out, char *warning, size_t warning_size)
{
    FILE *f = fmemopen((void *)in, n, "rb");
    narr_decoder *d = narr_decoder_new(f, name);
    narr_status st;
    char msg[256];
    narr_tables *tables = narr_tables_new(&st, msg, sizeof msg);
    narr_document *doc = format == NARR_INPUT_HTML       ? narr_document_new_html(d, tables)
                         : format == NARR_INPUT_MARKDOWN ? narr_document_new_markdown(d, tables)
                                                         : narr_document_new_text(d, tables);
    narr_block b;
    narr_buf_clear(out);
    while ((st = narr_document_next(doc, &b)) == NARR_OK) {
        narr_buf_append_str(out, narr_block_kind_name(b.kind));
        narr_buf_append_str(out, b.continues ? "+" : b.line_end ? "/" : "");
        if (b.lang) {
            narr_buf_append_char(out, '(');
            narr_buf_append_str(out, b.lang);
            narr_buf_append_char(out, ')');
        }
        narr_buf_append_str(out, ": ");
        narr_buf_append(out, b.text, b.len);
        for (size_t i = 0; i < b.nspans; i++) {
            char span[64];
            snprintf(span, sizeof span, " {%s %zu+%zu}", b.spans[i].lang, b.spans[i].at,
                     b.spans[i].len);
            narr_buf_append_str(out, span);
        }
        narr_buf_append_char(out, '\n');
    }
    if (warning) {
        const char *w = narr_decoder_take_warning(d);
        snprintf(warning, warning_size, "%s",
                 st != NARR_E_EMPTY ? narr_document_errmsg(doc) : w ? w : "");
    }
    narr_document_free(doc);
    narr_tables_free(tables);
    narr_decoder_free(d);
    fclose(f);
    return st;
}

#endif
