/* markdown: inline markup to plain text, and blocks — headings, lists,
 * quotations, code and front matter. */
#include "../blocks.h"
#include "../check.h"
#include "text/markdown.h"

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
    /* Links keep their text, images vanish, footnote marks too. */
    CHECK_STR_EQ(inl("Voir [le **rapport**](https://ex.fr/a_b_c \"Titre\") et [la note][1].", &out),
                 "Voir le rapport et la note.");
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

    /* "1914." starts a sentence, not a list; "---" under text is a
     * heading, alone a break; tables are read row by row; HTML comments
     * and link definitions are not read; "Lire aussi" goes. */
    CHECK_STR_EQ(blocks("Titre court\n\n1914. La guerre éclate.\n\n***\n\n"
                        "| Ville | Habitants |\n|---|---:|\n| Lyon | beaucoup |\n\n"
                        "<!-- brouillon\nà revoir -->\n\n[1]: https://exemple.fr\n\n"
                        "**Lire aussi :** [le dossier](https://exemple.fr/dossier)\n\n"
                        "Section\n---\n\nTexte.\n",
                        &out),
                 "title: Titre court\n"
                 "paragraph: 1914. La guerre éclate.\n"
                 "paragraph: Ville, Habitants\n"
                 "paragraph: Lyon, beaucoup\n"
                 "heading: Section\n"
                 "paragraph: Texte.\n");

    /* A document that starts with a sentence has no title. */
    CHECK_STR_EQ(blocks("Il pleut sur Brest.\n\n## Suite\n", &out),
                 "paragraph: Il pleut sur Brest.\nheading: Suite\n");

    narr_buf_deinit(&out);
    return CHECK_DONE();
}
