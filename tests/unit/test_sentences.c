/* sentences: boundaries that know abbreviations, initials and quotes. */
#include "../check.h"
#include "data/table.h"
#include "text/sentences.h"

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
    CHECK_STR_EQ(split("« Quoi ? » a-t-il dit. Fin."), "« Quoi ? » a-t-il dit.|Fin.");
    CHECK_STR_EQ(split("Il a dit : « C'est fini. » Puis il est parti."),
                 "Il a dit : « C'est fini. »|Puis il est parti.");
    CHECK_STR_EQ(split("Vraiment... Non."), "Vraiment...|Non.");
    CHECK_STR_EQ(split("Voir p. 12. Merci."), "Voir p. 12.|Merci.");
    bool complete = true;
    narr_sentence_length("pas fini", 8, abbreviations, &complete);
    CHECK(!complete);
    narr_table_free(abbreviations);
    return CHECK_DONE();
}
