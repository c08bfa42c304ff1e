/* document: title, headings, paragraphs, line-break hyphens; web
 * leftovers; the format guess. */
#include "../blocks.h"
#include "../check.h"
#include "text/document.h"

static void blocks(const char *text, narr_buf *out)
{
    read_blocks(NARR_INPUT_TEXT, "mem", text, strlen(text), out, NULL, 0);
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

    /* A line that is a web leftover is skipped, even inside a paragraph;
     * a sentence that merely starts with the same word is kept. */
    blocks("Le titre\n\nLe texte commence\nPublicité\net continue ici.\n"
           "Lire aussi : Les autres nouvelles du jour\n» À lire aussi Un autre titre\n"
           "© AFP\nPartager sur Facebook\nPhoto : Jean Dupont\n"
           "Partager les richesses est un devoir.\n"
           "Sur le même sujet, les éditeurs se taisent.\n"
           "Publicité Les économistes sont inquiets.\n"
           "Photographie et peinture\n", &out);
    CHECK_STR_EQ(narr_buf_str(&out),
                 "title: Le titre\n"
                 "paragraph: Le texte commence et continue ici.\n"
                 "paragraph: Partager les richesses est un devoir.\n"
                 "paragraph: Sur le même sujet, les éditeurs se taisent.\n"
                 "paragraph: Publicité Les économistes sont inquiets.\n"
                 "heading: Photographie et peinture\n");

    /* Plain-text lists: each marked line is an item, the mark not read;
     * a line wrapped inside an item stays with it. Numbered headings lose
     * their number, in every format; a year stays. */
    blocks("Les mesures\n\nLe gouvernement annonce :\n1. Une baisse des imp\xc3\xb4ts\n"
           "pour les m\xc3\xa9nages.\n2) Un gel des loyers.\n- Premier point ;\n"
           "\xe2\x80\xa2 Second point.\nb) Dernier point.\n\nII. D\xc3\xa9veloppement\n\n"
           "1989. La chute du Mur\n\nTexte.\n", &out);
    CHECK_STR_EQ(narr_buf_str(&out),
                 "title: Les mesures\n"
                 "paragraph: Le gouvernement annonce :\n"
                 "item: Une baisse des imp\xc3\xb4ts pour les m\xc3\xa9nages.\n"
                 "item: Un gel des loyers.\n"
                 "item: Premier point ;\n"
                 "item: Second point.\n"
                 "item: Dernier point.\n"
                 "heading: D\xc3\xa9veloppement\n"
                 "heading: 1989. La chute du Mur\n"
                 "paragraph: Texte.\n");
    /* Not marks: a number that begins a sentence, an initial. */
    blocks("Titre\n\n1. 500 personnes sont venues.\nA. Dupont est venu.\n", &out);
    CHECK_STR_EQ(narr_buf_str(&out), "title: Titre\n"
                                     "paragraph: 1. 500 personnes sont venues.\n"
                                     "paragraph: A. Dupont est venu.\n");
    read_blocks(NARR_INPUT_MARKDOWN, "mem.md", "# 1. Introduction\n\n## IV. La suite\n\nTexte.\n",
                strlen("# 1. Introduction\n\n## IV. La suite\n\nTexte.\n"), &out, NULL, 0);
    CHECK_STR_EQ(narr_buf_str(&out), "title: Introduction\nheading: La suite\nparagraph: Texte.\n");
    /* A mark typed into an HTML item is not read either. */
    const char *li = "<html><body><article><h1>Titre</h1><ol><li>1. Une baisse.</li>"
                     "<li>2) Un gel.</li><li>- 1 500 postes.</li></ol></article></body></html>";
    read_blocks(NARR_INPUT_HTML, "mem.html", li, strlen(li), &out, NULL, 0);
    CHECK_STR_EQ(narr_buf_str(&out), "title: Titre\nitem: Une baisse.\nitem: Un gel.\n"
                                     "item: - 1 500 postes.\n");

    /* The format: by extension, then by content. */
    CHECK(narr_input_format_guess("a/page.HTML", "", 0) == NARR_INPUT_HTML);
    CHECK(narr_input_format_guess("page.htm", "", 0) == NARR_INPUT_HTML);
    CHECK(narr_input_format_guess("page.xhtml", "", 0) == NARR_INPUT_HTML);
    CHECK(narr_input_format_guess("page.html.txt", "", 0) == NARR_INPUT_TEXT);
    CHECK(narr_input_format_guess("notes.md", "<html>", 6) == NARR_INPUT_MARKDOWN);
    CHECK(narr_input_format_guess("x.markdown", "", 0) == NARR_INPUT_MARKDOWN);
    const char *doctype = "\n  <!DOCTYPE html><title>x</title>";
    CHECK(narr_input_format_guess("page.txt", doctype, strlen(doctype)) == NARR_INPUT_HTML);
    const char *tags = "<div><p>Un</p><p>Deux</p><p>Trois <a href=x>lien</a></p></div>";
    CHECK(narr_input_format_guess(NULL, tags, strlen(tags)) == NARR_INPUT_HTML);
    const char *md = "# Titre\n\nDu **gras** et un [lien](https://x.fr).\n";
    CHECK(narr_input_format_guess(NULL, md, strlen(md)) == NARR_INPUT_MARKDOWN);
    const char *fm = "---\ntitle: x\n---\nTexte.\n";
    CHECK(narr_input_format_guess("article", fm, strlen(fm)) == NARR_INPUT_MARKDOWN);
    /* One mark is not enough: a text may have a "#" or a "<b>" in it. */
    const char *text = "# 1 au classement\nLe <b> de HTML met en gras.\nUne ligne.\n";
    CHECK(narr_input_format_guess("article.txt", text, strlen(text)) == NARR_INPUT_TEXT);
    CHECK(narr_input_format_guess(NULL, "", 0) == NARR_INPUT_TEXT);
    CHECK_STR_EQ(narr_input_format_name(NARR_INPUT_MARKDOWN), "markdown");

    /* narr_document_open guesses from the content of a nameless stream. */
    const char *page = "<!doctype html><h1>Titre</h1><p>Corps.</p>";
    FILE *f = fmemopen((void *)page, strlen(page), "rb");
    narr_decoder *d = narr_decoder_new(f, "standard input");
    narr_document *doc;
    char msg[256];
    narr_status st;
    narr_tables *tables = narr_tables_new(&st, msg, sizeof msg);
    CHECK(narr_document_open(d, NARR_INPUT_AUTO, NULL, tables, &doc, msg, sizeof msg) == NARR_OK);
    CHECK(narr_document_format(doc) == NARR_INPUT_HTML);
    narr_block b;
    CHECK(narr_document_next(doc, &b) == NARR_OK && b.kind == NARR_BLOCK_TITLE);
    CHECK(narr_document_next(doc, &b) == NARR_OK && b.kind == NARR_BLOCK_PARAGRAPH);
    CHECK(narr_document_next(doc, &b) == NARR_E_EMPTY);
    narr_document_free(doc);
    narr_tables_free(tables);
    narr_decoder_free(d);
    fclose(f);

    narr_buf_deinit(&out);
    return CHECK_DONE();
}
