/* engine: the voice, the tables, the normalizer and eSpeak NG, made once
 * and shared by the narrations; listings; normalizing a string. */
#include "engine.h"
#include "base/i18n.h"

#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define RATE_MIN 80
#define RATE_MAX 450

const char *narr_version(void) { return NARR_VERSION; }

bool narr_engine_config_lexicon(const narr_engine_options *o, char *path, size_t size)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    int n = o->no_config_lexicon ? -1
            : xdg && *xdg        ? snprintf(path, size, "%s/narrateur/lexique.tsv", xdg)
            : home ? snprintf(path, size, "%s/.config/narrateur/lexique.tsv", home)
                   : -1;
    return n > 0 && (size_t)n < size && access(path, F_OK) == 0;
}

/* The user's lexicons: the configuration one, and --lexicon, which wins. */
static narr_status load_lexicons(narr_tables *tables, const narr_engine_options *o, char *msg,
                                 size_t msg_size)
{
    char path[4096];
    narr_status st = NARR_OK;
    if (narr_engine_config_lexicon(o, path, sizeof path))
        st = narr_tables_load_lexicon(tables, NARR_TABLE_CONFIG_LEXICON, path, msg, msg_size);
    if (st == NARR_OK && o->lexicon)
        st = narr_tables_load_lexicon(tables, NARR_TABLE_USER_LEXICON, o->lexicon, msg, msg_size);
    return st;
}

narr_engine *narr_engine_new(const narr_engine_options *opts, narr_status *st, char *msg,
                             size_t msg_size)
{
    static const narr_engine_options defaults = {0};
    const narr_engine_options *o = opts ? opts : &defaults;
    *st = narr_check_options(o, NULL, msg, msg_size);
    if (*st != NARR_OK)
        return NULL;
    narr_engine *e = calloc(1, sizeof *e);
    if (!e) {
        *st = NARR_E_NOMEM;
        snprintf(msg, msg_size, L_("out of memory"));
        return NULL;
    }
    *st = narr_voice_load(o->voice ? o->voice : "fr", &e->voice, msg, msg_size);
    if (*st == NARR_OK && o->number_locale)
        snprintf(e->voice.number_locale, sizeof e->voice.number_locale, "%s", o->number_locale);
    e->quotes = o->quotes != NARR_QUOTES_DEFAULT ? o->quotes : e->voice.quotes;
    if (*st == NARR_OK)
        e->tables = narr_tables_new(st, msg, msg_size);
    if (*st == NARR_OK)
        *st = load_lexicons(e->tables, o, msg, msg_size);
    if (*st == NARR_OK)
        e->normalizer = narr_normalizer_new(e->voice.number_locale, e->tables, st, msg, msg_size);
    if (*st == NARR_OK) {
        e->speaker = narr_speaker_new(&e->voice, o->rate, st, msg, msg_size);
        if (*st == NARR_E_ARG)
            *st = NARR_E_BUSY; /* a second engine in this process */
    }
    if (*st != NARR_OK) {
        narr_engine_free(e);
        return NULL;
    }
    e->applied_rate = o->rate > 0 ? o->rate : e->voice.rate;
    atomic_init(&e->rate, e->applied_rate);
    narr_normalizer_set_quotes(e->normalizer, e->quotes);
    return e;
}

void narr_engine_free(narr_engine *e)
{
    if (!e)
        return;
    narr_speaker_free(e->speaker);
    narr_normalizer_free(e->normalizer);
    narr_tables_free(e->tables);
    free(e);
}

const char *narr_engine_errmsg(const narr_engine *e) { return e->errmsg; }
int narr_engine_sample_rate(const narr_engine *e) { return narr_speaker_rate(e->speaker); }
const char *narr_engine_voice_name(const narr_engine *e) { return e->voice.name; }
int narr_engine_rate(const narr_engine *e) { return atomic_load(&e->rate); }

narr_status narr_engine_set_rate(narr_engine *e, int wpm)
{
    if (wpm < RATE_MIN || wpm > RATE_MAX)
        return NARR_E_ARG;
    atomic_store(&e->rate, wpm);
    return NARR_OK;
}

void narr_engine_apply_rate(narr_engine *e)
{
    int wanted = atomic_load(&e->rate);
    if (wanted != e->applied_rate) {
        narr_speaker_set_rate(e->speaker, wanted);
        e->applied_rate = wanted;
    }
}

char *narr_engine_normalize(narr_engine *e, const char *text, size_t len, bool phonemes,
                            narr_status *st)
{
    char *out = NULL;
    size_t size = 0;
    FILE *f = open_memstream(&out, &size);
    if (!f) {
        *st = NARR_E_NOMEM;
        return NULL;
    }
    narr_output_options o = {.kind = phonemes ? NARR_OUTPUT_PHONEMES : NARR_OUTPUT_TEXT,
                             .print_to = f, .input_format = NARR_INPUT_TEXT};
    char msg[256];
    narr_narration *n = narr_narration_new(e, &o, st, msg, sizeof msg);
    if (n) {
        *st = narr_narration_read_memory(n, text, len, "text");
        if (*st == NARR_OK)
            *st = narr_narration_finish(n);
        if (*st != NARR_OK)
            snprintf(e->errmsg, sizeof e->errmsg, "%s", narr_narration_errmsg(n));
        narr_narration_free(n);
    } else {
        snprintf(e->errmsg, sizeof e->errmsg, "%s", msg);
    }
    fclose(f);
    if (*st != NARR_OK) {
        free(out);
        return NULL;
    }
    return out;
}
