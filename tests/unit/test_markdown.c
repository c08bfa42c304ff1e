/* markdown: inline markup to plain text, and blocks — headings, lists,
 * quotations, code and front matter; CommonMark (md4c) decides the edge
 * cases, and the expected texts below are what its rendering shows. */
#include "../blocks.h"
#include "../check.h"
#include "text/markdown.h"

#include <stdlib.h>

static const char *inl(const char *md, narr_buf *out)
{
    narr_buf_clear(out);
    CHECK(narr_markdown_inline(md, strlen(md), out) == NARR_OK);
    return narr_buf_str(out);
}

static const char *blocks(const char *md, narr_buf *out)
{
    CHECK(read_blocks(NARR_INPUT_MARKDOWN, "md", md, strlen(md), out, NULL, 0) == NARR_E_EMPTY);
    return narr_buf_str(out);
}

/* The input line of each block, "3 5 8". */
static const char *lines(const char *md, narr_buf *out)
{
    FILE *f = fmemopen((void *)md, strlen(md), "rb");
    narr_decoder *d = narr_decoder_new(f, "md");
    narr_status st;
    char msg[256];
    narr_tables *tables = narr_tables_new(&st, msg, sizeof msg);
    narr_document *doc = narr_document_new_markdown(d, tables);
    narr_block b;
    narr_buf_clear(out);
    while (narr_document_next(doc, &b) == NARR_OK) {
        char n[24];
        snprintf(n, sizeof n, "%s%ld", out->len ? " " : "", b.line);
        narr_buf_append_str(out, n);
    }
    narr_document_free(doc);
    narr_tables_free(tables);
    narr_decoder_free(d);
    fclose(f);
    return narr_buf_str(out);
}

int main(void)
{
    narr_buf out;
    narr_buf_init(&out);

    /* Emphasis goes; lone stars, intraword underscores and arithmetic stay. */
    CHECK_STR_EQ(inl("Un **grand** jour, *vraiment* __très__ _beau_ et ~~raté~~.", &out),
                 "Un grand jour, vraiment très beau et raté.");
    CHECK_STR_EQ(inl("***Tout*** en **gras et *italique***", &out), "Tout en gras et italique");
    CHECK_STR_EQ(inl("la variable nombre_de_votants et 5 * 3 = 15", &out),
                 "la variable nombre_de_votants et 5 * 3 = 15");
    CHECK_STR_EQ(inl("Note * importante et 2*3", &out), "Note * importante et 2*3");
    /* Links keep their text, images vanish, footnote marks too. A
     * reference link without its definition is text (CommonMark). */
    CHECK_STR_EQ(inl("Voir [le **rapport**](https://ex.fr/a_b_c \"Titre\") et [la note][1].", &out),
                 "Voir le rapport et [la note][1].");
    CHECK_STR_EQ(inl("Voir [la note][1].\n\n[1]: https://ex.fr/note", &out), "Voir la note.");
    CHECK_STR_EQ(inl("Avant ![une photo](photo.jpg) après[^2].", &out), "Avant après.");
    CHECK_STR_EQ(inl("Les crochets [sic] restent.", &out), "Les crochets [sic] restent.");
    /* Code spans are read as they are; escapes give the character. */
    CHECK_STR_EQ(inl("Tapez `ls *_*` puis \\*Entrée\\*.", &out), "Tapez ls *_* puis *Entrée*.");
    /* Autolinks, tags, comments, entities. */
    CHECK_STR_EQ(inl("Écrire à <redaction@exemple.fr> ou <https://exemple.fr/a_b>.", &out),
                 "Écrire à redaction@exemple.fr ou https://exemple.fr/a_b.");
    CHECK_STR_EQ(inl("Un <span class=\"x\">mot</span><br>puis<!-- caché --> la suite &eacute;t&#233;&nbsp;!", &out),
                 "Un mot puis la suite été !");
    CHECK_STR_EQ(inl("a < b et c > d", &out), "a < b et c > d");

    /* Blocks: the first heading is the title; setext headings; lists,
     * with continuation lines; quotations; code is not read. */
    CHECK_STR_EQ(blocks("# Le budget\n\nUn paragraphe\nsur deux lignes.\n\n"
                        "Les mesures\n===========\n\n"
                        "- première mesure ;\n"
                        "* deuxième mesure,\n  sur deux lignes ;\n"
                        "1. troisième mesure.\n\n"
                        "> Une citation\n> sur deux lignes.\n\n"
                        "```\ncode *non* lu\n```\n\n"
                        "    code indenté\n\n"
                        "Fin.\n",
                        &out),
                 "title: Le budget\n"
                 "paragraph: Un paragraphe sur deux lignes.\n"
                 "heading: Les mesures\n"
                 "item: première mesure ;\n"
                 "item: deuxième mesure, sur deux lignes ;\n"
                 "item: troisième mesure.\n"
                 "quote: Une citation sur deux lignes.\n"
                 "paragraph: Fin.\n");

    /* Front matter: skipped, its title is the title, and a first heading
     * repeating it is not read twice. */
    CHECK_STR_EQ(blocks("---\ntitle: 'Les Jeux de Paris'\ndate: 2024-08-11\n---\n\n"
                        "# Les Jeux de Paris\n\nLa flamme est éteinte.\n",
                        &out),
                 "title: Les Jeux de Paris\n"
                 "paragraph: La flamme est éteinte.\n");

    /* "1914." starts an ordered list (CommonMark) whose number is read;
     * "---" under text is a
     * heading, alone a break; tables are read row by row; HTML comments
     * and link definitions are not read; "Lire aussi" goes. */
    CHECK_STR_EQ(blocks("Titre court\n\n1914. La guerre éclate.\n\n***\n\n"
                        "| Ville | Habitants |\n|---|---:|\n| Lyon | beaucoup |\n\n"
                        "<!-- brouillon\nà revoir -->\n\n[1]: https://exemple.fr\n\n"
                        "**Lire aussi :** [le dossier](https://exemple.fr/dossier)\n\n"
                        "Section\n---\n\nTexte.\n",
                        &out),
                 "title: Titre court\n"
                 "item: 1914. La guerre éclate.\n"
                 "paragraph: Ville, Habitants\n"
                 "paragraph: Lyon, beaucoup\n"
                 "heading: Section\n"
                 "paragraph: Texte.\n");

    /* A document that starts with a sentence has no title. */
    CHECK_STR_EQ(blocks("Il pleut sur Brest.\n\n## Suite\n", &out),
                 "paragraph: Il pleut sur Brest.\nheading: Suite\n");

    /* CommonMark's emphasis: "*a*b*" is "a" emphasized, then "b*". */
    CHECK_STR_EQ(inl("*a*b*", &out), "ab*");
    CHECK_STR_EQ(inl("**Attention** : *b* _c_d_ e_f", &out), "Attention : b c_d e_f");

    /* Raw HTML, in any case, is not read: a <script> block, an inline
     * <SCRIPT> element with what it holds, <style>, comments; an HTML
     * block such as <div> is not read either (md4c gives it as raw
     * markup), while inline tags around text leave the text. */
    CHECK_STR_EQ(blocks("Avant <SCRIPT>alert(1)</SCRIPT> et <style>p{}</style>après.\n\n"
                        "<SCRIPT type=\"text/javascript\">\nvar x = 1;\n\nvar y;\n</SCRIPT>\n\n"
                        "<div class=\"pub\">\nPublicité cachée\n</div>\n\n"
                        "Un <em>mot</em> <!-- note --> mis <B>en valeur</B>.\n",
                        &out),
                 "paragraph: Avant et après.\n"
                 "paragraph: Un mot mis en valeur.\n");

    /* Code blocks are not read, whatever the fence; code spans are. */
    CHECK_STR_EQ(blocks("Texte.\n\n~~~python\nprint(1)\n~~~\n\n````\n```\ndedans\n````\n\n"
                        "- point\n\n      code dans la liste\n\nLa commande `rm -rf` efface.\n",
                        &out),
                 "paragraph: Texte.\n"
                 "item: point\n"
                 "paragraph: La commande rm -rf efface.\n");

    /* Images: neither picture nor alt text, even inside a link; links
     * and autolinks are read by their text; entities are characters. */
    CHECK_STR_EQ(blocks("Texte.\n\n![Le maire](maire.jpg)\n\n"
                        "Voir [![logo](l.png) le site](https://ex.fr) ou <https://ex.fr/a>.\n\n"
                        "Tom &amp; Jerry &#x27;&#39;&copy; &inconnu; &#0;fin\n",
                        &out),
                 "paragraph: Texte.\n"
                 "paragraph: Voir le site ou https://ex.fr/a.\n"
                 "paragraph: Tom & Jerry ''© &inconnu; \xef\xbf\xbd" "fin\n");

    /* Tables: a row is a paragraph, its cells joined; empty cells and
     * escaped pipes; a table in a quotation is quoted. */
    CHECK_STR_EQ(blocks("Texte.\n\n| Parti | Voix | Note |\n|:--|--:|---|\n"
                        "| **Les Verts** | 12 \\| 13 | |\n\n> | a | b |\n> |---|---|\n> | c | d |\n",
                        &out),
                 "paragraph: Texte.\n"
                 "paragraph: Parti, Voix, Note\n"
                 "paragraph: Les Verts, 12 | 13\n"
                 "quote: a, b\n"
                 "quote: c, d\n");

    /* Lists: nested and loose items, task marks, "1." lists without their
     * numbers, other starts with the numbers as written; a list in a
     * quotation is quoted; a hard break is a space. */
    CHECK_STR_EQ(blocks("Texte.\n\n- un\n  - deux\n- [x] fait\n- [ ] à faire\n\n"
                        "1. premier\n\n   suite du premier\n2. second\n\nDates :\n\n"
                        "1789. La Révolution.\n1815) Waterloo.\n\n"
                        "> - cité\n> # titre cité\n\nFin de ligne\\\nsuite  \net fin.\n",
                        &out),
                 "paragraph: Texte.\n"
                 "item: un\n"
                 "item: deux\n"
                 "item: fait\n"
                 "item: à faire\n"
                 "item: premier\n"
                 "item: suite du premier\n"
                 "item: second\n"
                 "paragraph: Dates :\n"
                 "item: 1789. La Révolution.\n"
                 "item: 1815) Waterloo.\n"
                 "quote: cité\n"
                 "quote: titre cité\n"
                 "paragraph: Fin de ligne suite et fin.\n");

    /* Footnotes (not CommonMark; md4c gives them as text): marks are not
     * read, a definition's text is. */
    CHECK_STR_EQ(blocks("Texte[^1] et [^note].\n\n[^1]: La source.\n[^note]: Une *note*\nsur deux lignes.\n", &out),
                 "paragraph: Texte et .\nparagraph: La source.\nparagraph: Une note sur deux lignes.\n");

    /* TOML front matter; a title with Markdown; a "---" without its end
     * is a thematic break and what follows is read. */
    CHECK_STR_EQ(blocks("+++\ndate = 2024-01-01\ntitle = \"Le *vrai* titre\"\n+++\n\nTexte.\n", &out),
                 "title: Le vrai titre\nparagraph: Texte.\n");
    CHECK_STR_EQ(blocks("---\ntitle: pas une en-tête\n\nTexte.\n", &out),
                 "title: title: pas une en-tête\nparagraph: Texte.\n");
    CHECK_STR_EQ(blocks("---\nauthor: X\n---\n# Titre du texte\n\nTexte.\n", &out),
                 "title: Titre du texte\nparagraph: Texte.\n");

    /* Each block says the input line where it starts, front matter
     * counted. */
    CHECK_STR_EQ(lines("---\ntitle: T\n---\n\nUn.\n\n> Deux\n> lignes.\n\n- trois\n- quatre\n", &out),
                 "2 5 7 10 11");

    /* A long paragraph comes in pieces cut at a space, each under
     * NARR_BLOCK_MAX bytes. */
    {
        narr_buf md;
        narr_buf_init(&md);
        narr_buf_append_str(&md, "Texte.\n\n");
        for (int i = 0; i < 4000; i++)
            narr_buf_append_str(&md, "mot *mot* ");
        blocks(narr_buf_str(&md), &out);
        const char *t = narr_buf_str(&out);
        CHECK(strncmp(t, "paragraph: Texte.\nparagraph+: mot mot ", 38) == 0);
        CHECK(strstr(t, "\nparagraph+: mot mot ") != NULL);
        CHECK(strstr(t, " \n") == NULL);
        const char *last = strrchr(t, '\n');
        while (last > t && last[-1] != '\n')
            last--;
        CHECK(strncmp(last, "paragraph: mot mot", 18) == 0);
        narr_buf_deinit(&md);
    }

    /* Past the size limit the input is refused, with a message. */
    {
        size_t n = NARR_MARKDOWN_MAX_BYTES + 10;
        char *big = malloc(n);
        CHECK(big != NULL);
        for (size_t i = 0; i < n; i++)
            big[i] = i % 80 == 79 ? '\n' : 'a';
        char msg[256];
        CHECK_INT_EQ(read_blocks(NARR_INPUT_MARKDOWN, "gros.md", big, n, &out, msg, sizeof msg), NARR_E_ARG);
        CHECK_STR_EQ(msg, "gros.md: Markdown article larger than 40 MB; read it as plain text instead "
                          "(--input-format text)");
        free(big);
    }

    narr_buf_deinit(&out);
    return CHECK_DONE();
}
