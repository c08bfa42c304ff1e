/* sentences: boundaries that know abbreviations, initials and quotes. */
#include "../check.h"
#include "data/table.h"
#include "text/sentences.h"

#include <stdlib.h>

static narr_table *abbreviations;

/* The sentences of text, joined with '|'. */
static const char *split(const char *text)
{
    static char out[1024];
    size_t n = strlen(text), i = 0, o = 0;
    while (i < n) {
        while (text[i] == ' ')
            i++;
        bool complete;
        size_t len = narr_sentence_length(text + i, n - i, abbreviations, &complete);
        o += (size_t)snprintf(out + o, sizeof out - o, "%s%.*s", o ? "|" : "", (int)len, text + i);
        i += len;
    }
    return out;
}

/* Splits `times` copies of unit then tail (1 MB or so) and returns how
 * many sentences it made, checking that they cover the text. Each case
 * was quadratic (64 000 marks took 5 s, 1 MB 34 s): now linear, it ends
 * well within the test timeout. */
static long split_large(const char *unit, long times, const char *tail)
{
    size_t u = strlen(unit), t = strlen(tail), n = u * (size_t)times + t;
    char *text = malloc(n + 1);
    CHECK(text != NULL);
    if (!text)
        return -1;
    for (long k = 0; k < times; k++)
        memcpy(text + (size_t)k * u, unit, u);
    memcpy(text + n - t, tail, t + 1);
    long count = 0;
    size_t i = 0;
    while (i < n) {
        while (i < n && text[i] == ' ')
            i++;
        if (i == n)
            break;
        bool complete;
        size_t len = narr_sentence_length(text + i, n - i, abbreviations, &complete);
        CHECK(len > 0 && len <= n - i && len <= NARR_SENTENCE_MAX + 8);
        if (len == 0)
            break;
        i += len;
        count++;
    }
    free(text);
    return count;
}

int main(void)
{
    narr_status st;
    char msg[256];
    abbreviations = narr_table_from_asset("abbreviations", 2, &st, msg, sizeof msg);
    CHECK(abbreviations != NULL);
    CHECK_STR_EQ(split("M. Dupont arrive. Il part."), "M. Dupont arrive.|Il part.");
    CHECK_STR_EQ(split("Il a 3,5 ans. Oui !"), "Il a 3,5 ans.|Oui !");
    CHECK_STR_EQ(split("La ville compte 8.350 habitants."), "La ville compte 8.350 habitants.");
    CHECK_STR_EQ(split("Selon J. K. Rowling, non."), "Selon J. K. Rowling, non.");
    /* An initial between a first name and a name (even one the table
     * knows, "p." or "M."), not after "Selon" or before "Les". */
    CHECK_STR_EQ(split("Marsha P. Johnson a manifesté. Stephanie M. Lee écrit."),
                 "Marsha P. Johnson a manifesté.|Stephanie M. Lee écrit.");
    CHECK_STR_EQ(split("George W. Bush et John F. Kennedy. Fin."),
                 "George W. Bush et John F. Kennedy.|Fin.");
    CHECK_STR_EQ(split("Il a pris le RER A. Les rames sont pleines."),
                 "Il a pris le RER A.|Les rames sont pleines.");
    CHECK_STR_EQ(split("Il cite Paul K. Dans son livre."), "Il cite Paul K.|Dans son livre.");
    CHECK_STR_EQ(split("« Quoi ? » a-t-il dit. Fin."), "« Quoi ? » a-t-il dit.|Fin.");
    CHECK_STR_EQ(split("Il a dit : « C'est fini. » Puis il est parti."),
                 "Il a dit : « C'est fini. »|Puis il est parti.");
    CHECK_STR_EQ(split("Vraiment... Non."), "Vraiment...|Non.");
    CHECK_STR_EQ(split("Voir p. 12. Merci."), "Voir p. 12.|Merci.");
    /* An abbreviation before a number holds only before a number. */
    CHECK_STR_EQ(split("Le vol. 2 sort. Il a raté son vol. Le suivant part."),
                 "Le vol. 2 sort.|Il a raté son vol.|Le suivant part.");
    CHECK_STR_EQ(split("Vol. 3 en librairie. Fin."), "Vol. 3 en librairie.|Fin.");
    CHECK_STR_EQ(split("Voir l'art. 49 de la Constitution."),
                 "Voir l'art. 49 de la Constitution.");
    /* Before the letter of a code's part and its number, "art." goes on. */
    CHECK_STR_EQ(split("Selon l'art. R. 4127-1 du code. Il ment."),
                 "Selon l'art. R. 4127-1 du code.|Il ment.");
    CHECK_STR_EQ(split("Selon l'art. R4127-1 du code."), "Selon l'art. R4127-1 du code.");
    CHECK_STR_EQ(split("Il cite l'art. Rien ne va."), "Il cite l'art.|Rien ne va.");
    CHECK_STR_EQ(split("Il cite l'art. Des voix montent."), "Il cite l'art.|Des voix montent.");
    /* and before a capital letter used as a label, closed by punctuation. */
    CHECK_STR_EQ(split("Les chômeurs (cat. A) sont moins nombreux."),
                 "Les chômeurs (cat. A) sont moins nombreux.");
    CHECK_STR_EQ(split("Il a raté son vol. A Paris, il a dormi."),
                 "Il a raté son vol.|A Paris, il a dormi.");
    CHECK_STR_EQ(split("Le procès s'ouvre le lun. 3 nov. devant la cour."),
                 "Le procès s'ouvre le lun. 3 nov. devant la cour.");
    CHECK_STR_EQ(split("Il a vu la mer. Sam. 5 juin, il part."),
                 "Il a vu la mer.|Sam. 5 juin, il part.");
    CHECK_STR_EQ(split("Météo : max. 24 °C. Il fait 30 degrés max. Il part."),
                 "Météo : max. 24 °C.|Il fait 30 degrés max.|Il part.");
    /* Abbreviations that never end a sentence, and those that may. */
    CHECK_STR_EQ(split("Les groupes, c.-à-d. Renault et Stellantis, recrutent."),
                 "Les groupes, c.-à-d. Renault et Stellantis, recrutent.");
    CHECK_STR_EQ(split("Cf. Annexe 2. Fin."), "Cf. Annexe 2.|Fin.");
    CHECK_STR_EQ(split("Des pommes, des poires, etc. Le marché ferme."),
                 "Des pommes, des poires, etc.|Le marché ferme.");
    CHECK_STR_EQ(split("Fondée en 52 av. J.-C. Elle prospère."),
                 "Fondée en 52 av. J.-C.|Elle prospère.");
    CHECK_STR_EQ(split("Il mourut en 14 apr. J.-C. sans héritier."),
                 "Il mourut en 14 apr. J.-C. sans héritier.");
    CHECK_STR_EQ(split("Selon Dupont et al. Les résultats tiennent."),
                 "Selon Dupont et al.|Les résultats tiennent.");
    CHECK_STR_EQ(split("Le village compte env. 900 hab. Le maire est inquiet."),
                 "Le village compte env. 900 hab.|Le maire est inquiet.");
    /* Initials: a name goes on, a sentence starter after a letter ends. */
    CHECK_STR_EQ(split("Les travaux touchent la ligne A. Les rames circuleront."),
                 "Les travaux touchent la ligne A.|Les rames circuleront.");
    CHECK_STR_EQ(split("Il manque de vitamine D. Il faut sortir."),
                 "Il manque de vitamine D.|Il faut sortir.");
    CHECK_STR_EQ(split("Selon George W. Bush, non."), "Selon George W. Bush, non.");
    CHECK_STR_EQ(split("J.-M. Le Pen a parlé."), "J.-M. Le Pen a parlé.");
    CHECK_STR_EQ(split("Jean-M. Le Goff a parlé."), "Jean-M. Le Goff a parlé.");
    /* A credit line starts a sentence of its own. */
    CHECK_STR_EQ(split("Des manifestants à Paris. © AFP"), "Des manifestants à Paris.|© AFP");
    bool complete = true;
    narr_sentence_length("pas fini", 8, abbreviations, &complete);
    CHECK(!complete);
    /* A line ends a sentence past closing quotes and brackets; a colon
     * only when the caller says so. */
    CHECK(narr_sentence_ends("Il a dit : « c'est fini. »", strlen("Il a dit : « c'est fini. »"), false));
    CHECK(narr_sentence_ends("(Voir plus haut.)", 17, false));
    CHECK(narr_sentence_ends("Le bilan :", 10, true));
    CHECK(!narr_sentence_ends("Le bilan :", 10, false));
    CHECK(!narr_sentence_ends("Les chiffres clés", 18, true));
    CHECK(!narr_sentence_ends("", 0, true));
    /* Issue 14, item 5: runs of marks before lower case, dotted chains;
     * a run longer than a sentence is cut like one (1200 bytes). */
    CHECK_INT_EQ(split_large("!", 64000, " la suite."), 54);
    CHECK_INT_EQ(split_large(".", 1000000, " la suite."), 833);
    CHECK_INT_EQ(split_large("?! ", 300000, "la suite."), 751);
    CHECK_INT_EQ(split_large("x.", 500000, " la suite."), 834);
    CHECK_INT_EQ(split_large("S.N.C.F. ", 100000, "la suite."), 100000);
    CHECK_INT_EQ(split_large("a. ", 300000, "fin."), 751);
    narr_table_free(abbreviations);
    return CHECK_DONE();
}
