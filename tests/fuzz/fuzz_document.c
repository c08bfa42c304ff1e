/* Decoding and document reading: any bytes, read as text, Markdown or
 * HTML (the first byte chooses), block by block. */
#include "fuzz_common.h"
#include "text/document.h"


int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    narr_tables *tables = fuzz_tables();
    if (size == 0)
        return 0;
    static const narr_input_format formats[] = {NARR_INPUT_AUTO, NARR_INPUT_TEXT,
                                                NARR_INPUT_MARKDOWN, NARR_INPUT_HTML};
    narr_input_format format = formats[data[0] % 4];
    FILE *f = fmemopen((void *)(data + 1), size - 1 ? size - 1 : 1, "rb");
    if (!f)
        return 0;
    narr_decoder *dec = narr_decoder_new(f, "fuzz");
    narr_document *doc = NULL;
    char msg[640];
    if (dec && narr_document_open(dec, format, NULL, tables, &doc, msg, sizeof msg) == NARR_OK) {
        narr_block b;
        while (narr_document_next(doc, &b) == NARR_OK)
            if (b.len && b.text[b.len - 1] == '\0')
                abort(); /* a block is text, never NUL */
    }
    narr_document_free(doc);
    narr_decoder_free(dec);
    fclose(f);
    return 0;
}
