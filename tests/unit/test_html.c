/* html: the article out of a page — kinds of blocks, the title, what is
 * dropped (hidden, furniture by tag, role and class), choosing the
 * article with and without <article>, charsets, limits. */
#include "../blocks.h"
#include "../check.h"
#include "text/html.h"

#include <stdlib.h>

/* The blocks of an HTML page, one "kind: text" a line. */
static narr_status blocks(const char *page, size_t n, narr_buf *out, char *warning)
{
    return read_blocks(NARR_INPUT_HTML, "page", page, n, out, warning, 512);
}

static const char *read_page(const char *page, narr_buf *out)
{
    char w[512];
    CHECK(blocks(page, strlen(page), out, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(w, "");
    return narr_buf_str(out);
}

int main(void)
{
    narr_buf out;
    narr_buf_init(&out);
    char w[512];

    /* Kinds: title, heading, paragraph, quotation, item; <br> ends a line
     * (a block of its own when the line has no punctuation or the next
     * starts with a capital), two are a new paragraph; entities are
     * decoded. */
    CHECK_STR_EQ(read_page("<html><body><article><h1>La crue de la Loire</h1>"
                           "<p>Le fleuve est sorti de son lit&nbsp;: les quais sont fermés.</p>"
                           "<h2>Les riverains s&rsquo;organisent</h2>"
                           "<blockquote><p>Nous avons l&#x2019;habitude.</p></blockquote>"
                           "<ul><li>Les écoles restent ouvertes.</li><li>Les bus sont déviés.</li></ul>"
                           "<p>Première ligne<br>suite<br><br>Autre paragraphe.</p>"
                           "</article></body></html>",
                           &out),
                 "title: La crue de la Loire\n"
                 "paragraph: Le fleuve est sorti de son lit : les quais sont fermés.\n"
                 "heading: Les riverains s'organisent\n"
                 "quote: Nous avons l'habitude.\n"
                 "item: Les écoles restent ouvertes.\n"
                 "item: Les bus sont déviés.\n"
                 "paragraph/: Première ligne\n"
                 "paragraph: suite\n"
                 "paragraph: Autre paragraphe.\n");

    /* Dropped by tag, by role, hidden, screen-reader-only, by class and
     * id words; the link text stays without its "(s'ouvre ...)". */
    CHECK_STR_EQ(read_page("<body><nav>Menu</nav><header><a>Logo</a><nav>Rubriques</nav></header>"
                           "<article><h1>Titre</h1>"
                           "<p>Voir <a href=x>le rapport<span class=\"sr-only\"> (s’ouvre dans un nouvel onglet)</span></a> publié hier.</p>"
                           "<figure><img alt=x><figcaption>Une photo. Crédit : X</figcaption></figure>"
                           "<p hidden>Caché.</p><p style=\"color:red; display : none\">Caché aussi.</p>"
                           "<p aria-hidden=\"true\">Décor.</p><div role=\"complementary\"><p>Encadré.</p></div>"
                           "<div class=\"c-share-buttons\"><p>Facebook, X et LinkedIn.</p></div>"
                           "<div id=\"newsletterSignup\"><p>Recevez notre lettre.</p></div>"
                           "<div class=\"cookie-consent\"><p>Nous utilisons des cookies.</p></div>"
                           "<section class=\"comments\"><p>Bravo pour cet article.</p></section>"
                           "<script>var a = 1;</script><style>p{}</style><noscript>Activez JavaScript.</noscript>"
                           "<form><p>Votre courriel</p></form><aside><p>Les plus lus.</p></aside>"
                           "<p>Fin de l'article.</p><footer>Tags</footer></article></body>",
                           &out),
                 "title: Titre\n"
                 "paragraph: Voir le rapport publié hier.\n"
                 "paragraph: Fin de l'article.\n");

    /* Web leftovers start a block: dropped; a sentence starting with the
     * same word is not. Link-only paragraphs and lists of links go. */
    CHECK_STR_EQ(read_page("<article><h1>T</h1><p>Lire aussi : <a>Un autre article</a></p>"
                           "<p>Publicité</p><p>© AFP</p><p>Partager les richesses est un devoir.</p>"
                           "<p><a href=1>Notre dossier complet sur les retraites</a></p>"
                           "<ul><li><a>Premier lien</a></li><li><a>Second lien</a></li></ul>"
                           "<h2>Lire aussi</h2><p>Le texte reprend ici.</p></article>",
                           &out),
                 "title: T\n"
                 "paragraph: Partager les richesses est un devoir.\n"
                 "paragraph: Le texte reprend ici.\n");

    /* The title: <h1>, else og:title, else <title> without the site's
     * name. The <h1> is not read twice. */
    CHECK_STR_EQ(read_page("<head><title>Les abeilles | Le Journal</title>"
                           "<meta property=\"og:title\" content=\"Le retour des abeilles\"></head>"
                           "<body><article><p>Les ruches sont pleines cette année, disent les apiculteurs.</p></article></body>",
                           &out),
                 "title: Le retour des abeilles\n"
                 "paragraph: Les ruches sont pleines cette année, disent les apiculteurs.\n");
    CHECK_STR_EQ(read_page("<head><title>Le Journal - Les abeilles sont de retour</title></head>"
                           "<body><article><p>Les ruches sont pleines.</p></article></body>",
                           &out),
                 "title: Les abeilles sont de retour\n"
                 "paragraph: Les ruches sont pleines.\n");

    /* Teasers in <article> elements do not win over the real article. */
    CHECK_STR_EQ(read_page("<body><main><article class=teaser><h2><a>Autre sujet</a></h2><p>Court.</p></article>"
                           "<article><h1>Le vrai sujet</h1><p>Un long paragraphe, avec des virgules, "
                           "qui raconte ce qui s'est passé hier soir au conseil municipal.</p>"
                           "<p>Un second paragraphe, tout aussi long, qui donne la parole aux élus de l'opposition.</p>"
                           "</article></main></body>",
                           &out),
                 "title: Le vrai sujet\n"
                 "paragraph: Un long paragraphe, avec des virgules, qui raconte ce qui s'est passé hier soir au conseil municipal.\n"
                 "paragraph: Un second paragraphe, tout aussi long, qui donne la parole aux élus de l'opposition.\n");

    /* A live blog: every post is read, in order. */
    CHECK_STR_EQ(read_page("<body><h1>En direct : la tempête</h1><div class=live>"
                           "<article><p>Le vent souffle à plus de cent kilomètres par heure sur la côte.</p></article>"
                           "<article><p>Les trains sont arrêtés entre Brest et Quimper, pour la journée.</p></article>"
                           "<article><p>Les pompiers ont réalisé des dizaines d'interventions, surtout pour des arbres.</p></article>"
                           "</div></body>",
                           &out),
                 "title: En direct : la tempête\n"
                 "paragraph: Le vent souffle à plus de cent kilomètres par heure sur la côte.\n"
                 "paragraph: Les trains sont arrêtés entre Brest et Quimper, pour la journée.\n"
                 "paragraph: Les pompiers ont réalisé des dizaines d'interventions, surtout pour des arbres.\n");

    /* Without <article> or <main>: the element with the densest running
     * text wins over a sidebar full of links. */
    CHECK_STR_EQ(read_page("<body><div id=wrap><div id=col1><h1>Le port rouvre</h1><div class=txt>"
                           "<p>Les bateaux de pêche ont pu reprendre la mer ce matin, après trois jours de tempête.</p>"
                           "<p>Les criées, fermées depuis samedi, rouvrent elles aussi, avec des prix en hausse.</p>"
                           "</div></div><div id=col2><p><a>Un lien</a>, <a>un autre lien</a>, <a>encore un lien vers ailleurs</a>.</p>"
                           "<p>Texte court.</p></div></div></body>",
                           &out),
                 "title: Le port rouvre\n"
                 "paragraph: Les bateaux de pêche ont pu reprendre la mer ce matin, après trois jours de tempête.\n"
                 "paragraph: Les criées, fermées depuis samedi, rouvrent elles aussi, avec des prix en hausse.\n");

    /* Text split over sibling blocks joins the best one, with the
     * headings between them; the title's <h1> is not read twice. */
    CHECK_STR_EQ(read_page("<body><div id=wrap><h1>Le port rouvre</h1>"
                           "<div class=a><p>Les bateaux de pêche ont pu reprendre la mer ce matin, après la tempête.</p>"
                           "<p>Les criées, fermées depuis samedi, rouvrent elles aussi, avec des prix en hausse.</p></div>"
                           "<h2>Les dégâts</h2><h3>Sur les quais</h3>"
                           "<div class=b><p>Plusieurs pontons ont été arrachés, et des filets emportés par les vagues.</p></div>"
                           "<div class=c><a>Accueil</a></div></div></body>",
                           &out),
                 "title: Le port rouvre\n"
                 "paragraph: Les bateaux de pêche ont pu reprendre la mer ce matin, après la tempête.\n"
                 "paragraph: Les criées, fermées depuis samedi, rouvrent elles aussi, avec des prix en hausse.\n"
                 "heading: Les dégâts\n"
                 "heading: Sur les quais\n"
                 "paragraph: Plusieurs pontons ont été arrachés, et des filets emportés par les vagues.\n");

    /* Text right in a <div>, paragraphs made by <br><br>. */
    CHECK_STR_EQ(read_page("<body><div class=texte>Premier paragraphe, assez long pour compter comme du texte.<br><br>"
                           "Second paragraphe, tout aussi long que le premier.</div></body>",
                           &out),
                 "paragraph: Premier paragraphe, assez long pour compter comme du texte.\n"
                 "paragraph: Second paragraphe, tout aussi long que le premier.\n");

    /* A class word that would drop the whole article is ignored. */
    CHECK_STR_EQ(read_page("<body><div class=\"share-enabled\"><p>Le seul paragraphe de la page, assez long.</p></div></body>",
                           &out),
                 "paragraph: Le seul paragraphe de la page, assez long.\n");

    /* A page that wraps everything in a <form> is still read. */
    {
        narr_buf page;
        narr_buf_init(&page);
        narr_buf_append_str(&page, "<body><form id=aspnetForm><div>");
        for (int i = 0; i < 20; i++)
            narr_buf_append_str(&page, "<p>Une phrase de l'article, assez longue pour peser dans la page.</p>");
        narr_buf_append_str(&page, "</div></form></body>");
        const char *got = read_page(page.data, &out);
        CHECK(strstr(got, "paragraph: Une phrase de l'article") == got);
        narr_buf_deinit(&page);
    }

    /* Bad markup is recovered from, silently (stderr stays clean). */
    CHECK_STR_EQ(read_page("<P>Un <B>gras <I>mal</B> fermé</I>.<P>Deuxième &eacute;t&eacute;<div>suite</p></div></span>", &out),
                 "paragraph: Un gras mal fermé.\n"
                 "paragraph: Deuxième été\n"
                 "paragraph: suite\n");

    /* Deep nesting: read to the bottom up to NARR_HTML_MAX_DEPTH open
     * elements (html, body, 509 <div>, the <p>), refused past it rather
     * than cut short; libxml2's own limit (256) no longer stops it. */
    {
        narr_buf page;
        narr_buf_init(&page);
        for (int divs = 509; divs <= 510; divs++) {
            narr_buf_clear(&page);
            narr_buf_append_str(&page, "<body><p>Avant les boîtes.</p>");
            for (int i = 0; i < divs; i++)
                narr_buf_append_str(&page, "<div>");
            narr_buf_append_str(&page, "<p>Tout au fond.</p></body>");
            narr_status st = blocks(page.data, page.len, &out, w);
            if (divs == 509) {
                CHECK(st == NARR_E_EMPTY);
                CHECK_STR_EQ(narr_buf_str(&out), "paragraph: Avant les boîtes.\n"
                                                 "paragraph: Tout au fond.\n");
            } else {
                CHECK(st == NARR_E_ARG);
                CHECK_STR_EQ(w, "page: web page nested too deeply (more than 512 levels); "
                                "save the article's text instead");
            }
        }
        /* Unclosed inline tags nest too: 50 000 <b><i> is refused, not
         * read as an empty page. */
        narr_buf_clear(&page);
        narr_buf_append_str(&page, "<article><h1>Titre</h1><p>");
        for (int i = 0; i < 50000; i++)
            narr_buf_append_str(&page, "<b><i>mot ");
        narr_buf_append_str(&page, "</p></article>");
        CHECK(blocks(page.data, page.len, &out, w) == NARR_E_ARG);
        CHECK_STR_EQ(w, "page: web page nested too deeply (more than 512 levels); "
                        "save the article's text instead");
        narr_buf_deinit(&page);
    }

    /* Too much markup is refused before its tree grows past bounds; a
     * page just under the limit is read. */
    {
        narr_buf page;
        narr_buf_init(&page);
        /* html, body, article, h1 and its text; then <br> elements. */
        for (int extra = 0; extra <= 1; extra++) {
            narr_buf_clear(&page);
            narr_buf_append_str(&page, "<article><h1>Titre</h1>");
            for (int i = 0; i < NARR_HTML_MAX_NODES - 5 + extra; i++)
                narr_buf_append_str(&page, "<br>");
            narr_buf_append_str(&page, "</article>");
            narr_status st = blocks(page.data, page.len, &out, w);
            if (!extra) {
                CHECK(st == NARR_E_EMPTY);
                CHECK_STR_EQ(narr_buf_str(&out), "title: Titre\n");
            } else {
                CHECK(st == NARR_E_ARG);
                CHECK_STR_EQ(w, "page: web page with too much markup (more than 800000 tags, "
                                "attributes and texts); save the article's text instead");
            }
        }
        narr_buf_deinit(&page);
    }

    /* A paragraph longer than a block comes in pieces. */
    {
        narr_buf page;
        narr_buf_init(&page);
        narr_buf_append_str(&page, "<article><p>");
        for (int i = 0; i < 5000; i++)
            narr_buf_append_str(&page, "Le chat dort. ");
        narr_buf_append_str(&page, "</p></article>");
        CHECK(blocks(page.data, page.len, &out, w) == NARR_E_EMPTY);
        size_t pieces = 0, sentences = 0;
        for (const char *p = narr_buf_str(&out); (p = strstr(p, "paragraph")); p++)
            pieces++;
        for (const char *p = narr_buf_str(&out); (p = strstr(p, "dort.")); p++)
            sentences++;
        CHECK(pieces >= 4);
        CHECK_INT_EQ(sentences, 5000);
        CHECK(strstr(narr_buf_str(&out), "paragraph+: ") != NULL);
        narr_buf_deinit(&page);
    }

    /* Charsets: declared Windows-1252 (and Latin-1, which browsers read
     * as Windows-1252) is converted without a warning; a page declaring
     * Windows-1252 but written in UTF-8 is read as UTF-8. */
    const char cp1252[] = "<meta charset=\"windows-1252\"><p>Caf\xe9 cr\xe8me \x80 l\x92" "aube\x85</p>";
    CHECK(blocks(cp1252, sizeof cp1252 - 1, &out, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(narr_buf_str(&out), "paragraph: Café crème \xe2\x82\xac l'aube\xe2\x80\xa6\n");
    CHECK_STR_EQ(w, "");
    const char latin1[] = "<meta http-equiv=Content-Type content=\"text/html; charset=ISO-8859-1\"><p>\x93" "Oui\x94, dit-il.</p>";
    CHECK(blocks(latin1, sizeof latin1 - 1, &out, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(narr_buf_str(&out), "paragraph: \xe2\x80\x9cOui\xe2\x80\x9d, dit-il.\n");
    const char wrong[] = "<meta charset=iso-8859-1><p>D\xc3\xa9j\xc3\xa0 vu.</p>";
    CHECK(blocks(wrong, sizeof wrong - 1, &out, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(narr_buf_str(&out), "paragraph: Déjà vu.\n");
    const char undeclared[] = "<p>Th\xe9\xe2tre.</p>";
    CHECK(blocks(undeclared, sizeof undeclared - 1, &out, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(narr_buf_str(&out), "paragraph: Théâtre.\n");
    CHECK_STR_EQ(w, "page:1: not valid UTF-8; reading it as Windows-1252 (convert the file to UTF-8 to silence this)");
    const char unknown[] = "<meta charset=klingon-8><p>Texte.</p>";
    CHECK(blocks(unknown, sizeof unknown - 1, &out, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(narr_buf_str(&out), "paragraph: Texte.\n");
    CHECK_STR_EQ(w, "page: the page declares an unknown charset 'klingon-8'; reading it as UTF-8");

    /* A declared charset that does not read ASCII as ASCII (UTF-16 or
     * UTF-32 without a byte order mark, EBCDIC) cannot be the page's:
     * read as UTF-8, as the HTML standard says, without a warning. */
    const char *const odd[] = {"utf-32", "UTF-16", "utf-16be", "UTF-16LE", "ucs-2", "IBM037"};
    for (size_t i = 0; i < sizeof odd / sizeof *odd; i++) {
        char page[256];
        int n = snprintf(page, sizeof page,
                         "<html><head><meta charset=\"%s\"></head><body>"
                         "<p>Le pr&eacute;fet a lev&eacute; l'alerte orange.</p></body></html>",
                         odd[i]);
        CHECK(blocks(page, (size_t)n, &out, w) == NARR_E_EMPTY);
        CHECK_STR_EQ(narr_buf_str(&out), "paragraph: Le préfet a levé l'alerte orange.\n");
        CHECK_STR_EQ(w, "");
    }
    /* An ASCII-compatible one still applies. */
    const char latin9[] = "<meta charset=\"ISO-8859-15\"><p>Prix : 12 \xa4, \xbd tarif.</p>";
    CHECK(blocks(latin9, sizeof latin9 - 1, &out, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(narr_buf_str(&out), "paragraph: Prix : 12 €, œ tarif.\n");

    char cs[64];
    CHECK(narr_html_declared_charset("<META CHARSET='UTF-8'>", 22, cs, sizeof cs));
    CHECK_STR_EQ(cs, "UTF-8");
    CHECK(narr_html_declared_charset("<?xml version=\"1.0\" encoding=\"ISO-8859-15\"?><html>", 50, cs, sizeof cs));
    CHECK_STR_EQ(cs, "ISO-8859-15");
    CHECK(!narr_html_declared_charset("<p>charset=utf-8</p>", 20, cs, sizeof cs));

    /* A line break ends a line: a sentence boundary when the line has no
     * punctuation or the next starts with a capital; after a comma and
     * before lower case, the sentence goes on. A bold lead-in likewise. */
    CHECK_STR_EQ(read_page("<article><h1>T</h1><p>Adresse : 12 rue de la Paix<br>75002 Paris<br>Téléphone inconnu</p>"
                           "<p>Il était une fois,<br>dans un pays lointain, un roi.</p>"
                           "<p><strong>Le relais</strong><br>Les problèmes commencent.</p>"
                           "<h2>Deux<br>lignes</h2></article>",
                           &out),
                 "title: T\n"
                 "paragraph/: Adresse : 12 rue de la Paix\n"
                 "paragraph/: 75002 Paris\n"
                 "paragraph: Téléphone inconnu\n"
                 "paragraph: Il était une fois, dans un pays lointain, un roi.\n"
                 "paragraph/: Le relais\n"
                 "paragraph: Les problèmes commencent.\n"
                 "heading: Deux lignes\n");
    /* A paragraph of lines that are all links is still navigation. */
    CHECK_STR_EQ(read_page("<article><h1>T</h1><p><a>Accueil</a><br><a>Contact</a></p><p>Texte.</p></article>",
                           &out),
                 "title: T\nparagraph: Texte.\n");

    /* Footnote and citation markers are not read and glue nothing;
     * ordinals and squares stay. */
    CHECK_STR_EQ(read_page("<article><h1>T</h1><p>Avec quelques exceptions.<sup id=cite_ref-2><a href=\"#cite_note-2\">[2]</a></sup> "
                           "La communauté grandit<sup>3</sup>, vite<sup>[a]</sup>. Le 1<sup>er</sup> mai<sup><a href=\"#fn5\">5</a></sup>, "
                           "un studio de 20 m<sup>2</sup> au XIX<sup>e</sup> siècle<sup>note 4</sup>.</p></article>",
                           &out),
                 "title: T\n"
                 "paragraph: Avec quelques exceptions. La communauté grandit, vite. Le 1er mai, "
                 "un studio de 20 m² au XIXe siècle.\n");

    /* Bylines (whole or what is left of them), counters, labels and dates
     * above the title are not read. */
    CHECK_STR_EQ(read_page("<article><p>International</p><p>30 avril 2015</p><h1>Le titre</h1>"
                           "<p>Par <a href=/a>Jean Dupont</a> et <a href=/b>Marie Durand</a></p>"
                           "<p>Par <span class=author><a>Jean Dupont</a></span> et <span class=author>Marie Durand</span></p>"
                           "<p>0</p><p>12 commentaires</p>"
                           "<p>Par ailleurs, le texte commence ici.</p></article>",
                           &out),
                 "title: Le titre\n"
                 "paragraph: Par ailleurs, le texte commence ici.\n");

    /* An encyclopedia's end matter: the sections of "Notes et références"
     * or "Liens externes" go up to the next heading of their level. */
    CHECK_STR_EQ(read_page("<article><h1>Mozilla</h1><p>Mozilla est une fondation.</p>"
                           "<h2>Histoire</h2><p>Elle naît en 1998.</p>"
                           "<h2>Notes et références</h2><h3>Notes</h3><ol><li>Jean Dupont, <i>Le Web</i>, Paris, 2003, 320 p.</li></ol>"
                           "<p>Consulté le 3 mai 2020.</p>"
                           "<h2>Liens externes</h2><p>Le site officiel.</p>"
                           "<h2>Postérité</h2><p>Firefox reste.</p></article>",
                           &out),
                 "title: Mozilla\n"
                 "paragraph: Mozilla est une fondation.\n"
                 "heading: Histoire\n"
                 "paragraph: Elle naît en 1998.\n"
                 "heading: Postérité\n"
                 "paragraph: Firefox reste.\n");

    /* Passages in another language: the block's, or spans within it. */
    CHECK_STR_EQ(read_page("<html lang=fr><article><h1>T</h1><p>Il a dit <q lang=\"en\">we shall overcome</q> hier.</p>"
                           "<blockquote lang=en-GB><p>Keep calm and carry on.</p></blockquote>"
                           "<p lang=fr-CA>Du français.</p><p><span lang=de>Guten Tag</span> et <span lang=de>Danke</span>.</p></article></html>",
                           &out),
                 "title: T\n"
                 "paragraph: Il a dit we shall overcome hier. {en 9+17}\n"
                 "quote(en-GB): Keep calm and carry on.\n"
                 "paragraph: Du français.\n"
                 "paragraph: Guten Tag et Danke. {de 0+9} {de 13+5}\n");
    /* A page in another language: read, with a warning. */
    CHECK(blocks("<html lang=\"en\"><body><p>Hello world.</p></body></html>", 54, &out, w) == NARR_E_EMPTY);
    CHECK_STR_EQ(narr_buf_str(&out), "paragraph: Hello world.\n");
    CHECK_STR_EQ(w, "page: the page is declared in another language (lang=\"en\"); narrateur reads French, and reads it anyway");

    /* NUL bytes are refused, as for text. */
    CHECK(blocks("<p>a\0b</p>", 10, &out, w) == NARR_E_BINARY);

    narr_buf_deinit(&out);
    return CHECK_DONE();
}
