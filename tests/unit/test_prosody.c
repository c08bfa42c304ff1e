/* Prosody through the public API: each clause of a sentence comes as a
 * CLAUSE event with the rate, pitch, range, language and pause eSpeak NG
 * is given for it (the preset's keys: voices/fr.ini), so what a listener
 * hears as slower, lower or another voice is pinned here in numbers. */
#include "../check.h"
#include "narrateur.h"

#include <stdlib.h>
#include <string.h>

static const char page[] =
    "<html lang=\"fr\"><body><article>\n"
    "<h1>Le titre du jour</h1>\n"
    "<h2>Un intertitre</h2>\n"
    "<p>Le chantier — prévu depuis dix ans — démarre enfin.</p>\n"
    "<p>Il a dit « nous devons agir vite » hier (lundi).</p>\n"
    "<p>Il a lu <span lang=\"en-GB\">The Times, 3 pages</span> et <span lang=\"de\">Die "
    "Zeit</span> à 8 heures.</p>\n"
    "<p>On dit <span lang=\"zz\">blorp</span> et <span lang=\"zz-ZZ\">blarp</span>.</p>\n"
    "<ul><li>Premier point ;</li><li>Dernier point</li></ul>\n"
    "<p>Le conseil municipal a adopté mardi soir un budget de transition qui prévoit la "
    "rénovation des écoles du centre, la création de deux pistes cyclables le long du "
    "canal et l'ouverture d'une nouvelle médiathèque ; les travaux commenceront au "
    "printemps prochain si les entreprises retenues tiennent leurs délais et si l'État "
    "confirme sa subvention.</p>\n"
    "</article></body></html>\n";

typedef struct {
    char lines[8192];
} run_state;

static const char *flags(unsigned f, char *buf, size_t size)
{
    snprintf(buf, size, "%s%s%s%s%s", f & NARR_CLAUSE_QUOTE ? "Q" : "",
             f & NARR_CLAUSE_ASIDE ? "A" : "", f & NARR_CLAUSE_FOREIGN ? "F" : "",
             f & NARR_CLAUSE_BREATH ? "B" : "", f & NARR_CLAUSE_FALLING ? "L" : "");
    return *buf ? buf : "-";
}

static narr_status on_event(void *user, const narr_event *ev)
{
    run_state *r = user;
    if (ev->kind != NARR_EVENT_CLAUSE)
        return NARR_OK;
    char line[512], f[8];
    snprintf(line, sizeof line, "%ld %s r%d p%d g%d %s +%d %.*s\n", ev->sentence,
             flags(ev->clause, f, sizeof f), ev->rate, ev->pitch, ev->range,
             ev->lang ? ev->lang : "-", ev->pause_ms, (int)ev->len, ev->text);
    strncat(r->lines, line, sizeof r->lines - strlen(r->lines) - 1);
    return NARR_OK;
}

int main(void)
{
    narr_engine_options eo = {.quotes = NARR_QUOTES_VOICE, .no_config_lexicon = true};
    narr_status st;
    char msg[512];
    narr_engine *e = narr_engine_new(&eo, &st, msg, sizeof msg);
    CHECK(e != NULL);
    if (!e)
        return CHECK_DONE();
    run_state r = {{0}};
    narr_output_options out = {.kind = NARR_OUTPUT_CALLBACK, .on_event = on_event, .user = &r,
                               .input_format = NARR_INPUT_HTML};
    narr_narration *n = narr_narration_new(e, &out, &st, msg, sizeof msg);
    CHECK(n != NULL);
    CHECK_INT_EQ(narr_narration_read_memory(n, page, strlen(page), "page.html"), NARR_OK);
    /* sentence, flags (Quote, Aside, Foreign, Breath, faLling), rate,
     * pitch, range, language, pause before, text as said. The title at
     * 88 % of 165 words a minute, a heading at 92 %; an aside at 110 %,
     * pitch 50 - 8, range 50 - 10, 120 ms around it; a quotation 18 higher
     * in the voice style, 50 ms around it; passages in English and German
     * with their voices, "zz" (no eSpeak NG voice) in French; list items
     * end falling ("Premier point ;" is said "Premier point."); a breath
     * of 250 ms at the semicolon of a sentence of 54 words. */
    CHECK_STR_EQ(r.lines,
    "0 - r145 p50 g50 - +0 Le titre du jour\n"
    "1 - r151 p50 g50 - +0 Un intertitre\n"
    "2 - r165 p50 g50 - +0 Le chantier, \n"
    "2 A r181 p42 g40 - +120 prévu depuis dix ans,\n"
    "2 - r165 p50 g50 - +120  démarre enfin.\n"
    "3 - r165 p50 g50 - +0 Il a dit \n"
    "3 Q r165 p68 g50 - +50 nous devons agir vite\n"
    "3 - r165 p50 g50 - +50  hier, \n"
    "3 A r181 p42 g40 - +120 lundi\n"
    "4 - r165 p50 g50 - +0 Il a lu \n"
    "4 F r165 p50 g50 en +0 The Times, 3 pages\n"
    "4 - r165 p50 g50 - +0  et \n"
    "4 F r165 p50 g50 de +0 Die Zeit\n"
    "4 - r165 p50 g50 - +0  à huit heures.\n"
    "5 - r165 p50 g50 - +0 On dit \n"
    "5 F r165 p50 g50 - +0 blorp\n"
    "5 - r165 p50 g50 - +0  et \n"
    "5 F r165 p50 g50 - +0 blarp\n"
    "6 L r165 p50 g50 - +0 Premier point.\n"
    "7 L r165 p50 g50 - +0 Dernier point.\n"
    "8 - r165 p50 g50 - +0 Le conseil municipal a adopté mardi soir un budget de transition qui prévoit la rénovation des écoles du centre, la création de deux pistes cyclables le long du canal et l'ouverture d'une nouvelle médiathèque ;\n"
    "8 B r165 p50 g50 - +250  les travaux commenceront au printemps prochain si les entreprises retenues tiennent leurs délais et si l'État confirme sa subvention.\n");
    const char *w = narr_narration_take_warning(n);
    CHECK_STR_EQ(w ? w : "", "a passage in 'zz' is read with the French voice: eSpeak NG has no voice for 'zz': The specified espeak-ng voice does not exist");
    CHECK(narr_narration_take_warning(n) == NULL);
    CHECK_INT_EQ(narr_narration_finish(n), NARR_OK);
    narr_narration_free(n);
    narr_engine_free(e);
    return CHECK_DONE();
}
