/* document: title, headings, paragraphs, line-break hyphens. */
#include "../check.h"
#include "text/document.h"

static void blocks(const char *text, narr_buf *out)
{
    FILE *f = fmemopen((void *)text, strlen(text), "rb");
    narr_decoder *d = narr_decoder_new(f, "mem");
    narr_document *doc = narr_document_new_text(d);
    narr_block b;
    narr_buf_clear(out);
    while (narr_document_next(doc, &b) == NARR_OK) {
        narr_buf_append_str(out, narr_block_kind_name(b.kind));
        narr_buf_append_str(out, ": ");
        narr_buf_append(out, b.text, b.len);
        narr_buf_append_char(out, '\n');
    }
    narr_document_free(doc);
    narr_decoder_free(d);
    fclose(f);
}

int main(void)
{
    narr_buf out;
    narr_buf_init(&out);
    blocks("Le titre\n\nPremier paragraphe sur\ndeux lignes.\nIA pour tous\nLa suite.\n", &out);
    CHECK_STR_EQ(narr_buf_str(&out), "title: Le titre\n"
                                     "paragraph: Premier paragraphe sur deux lignes.\n"
                                     "heading: IA pour tous\n"
                                     "paragraph: La suite.\n");
    /* A first line that is a sentence is the title too; a hyphen at a
     * line break before a lower-case letter joins the word. */
    blocks("Une phrase.\nLe plan d'inves-\ntissement est pr\xc3\xaat.\n", &out);
    CHECK_STR_EQ(narr_buf_str(&out), "title: Une phrase.\n"
                                     "paragraph: Le plan d'investissement est pr\xc3\xaat.\n");
    /* A short line followed by lower case is not a heading. */
    blocks("Titre\n\nIl dit que\nla ville change.\n", &out);
    CHECK_STR_EQ(narr_buf_str(&out), "title: Titre\nparagraph: Il dit que la ville change.\n");
    narr_buf_deinit(&out);
    return CHECK_DONE();
}
