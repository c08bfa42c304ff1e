/* engine: what one narr_engine holds, shared by engine.c (making it,
 * listing, normalizing a string) and pipeline.c (narrations through it).
 * Private to the library: callers see only narrateur.h. */
#ifndef NARR_ENGINE_H
#define NARR_ENGINE_H

#include "narrateur.h"
#include "data/tables.h"
#include "data/voice.h"
#include "normalize/normalize.h"
#include "speak/speaker.h"

#include <stdatomic.h>

struct narr_engine {
    narr_voice voice;
    narr_quote_style quotes;    /* never DEFAULT */
    narr_tables *tables;
    narr_normalizer *normalizer;
    narr_speaker *speaker;
    atomic_int rate;            /* words per minute wanted (narr_engine_set_rate) */
    int applied_rate;           /* what eSpeak was last told */
    char errmsg[1024];
};

/* The configuration lexicon the engine reads, into path: o's
 * $XDG_CONFIG_HOME/narrateur/lexique.tsv (or ~/.config/...) when it
 * exists and o does not turn it off; false if none. */
bool narr_engine_config_lexicon(const narr_engine_options *o, char *path, size_t size);

/* eSpeak's rate follows narr_engine_set_rate, before each sentence. */
void narr_engine_apply_rate(narr_engine *e);

#endif
