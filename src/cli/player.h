/* player: listening on the audio device, driven by a person. Plays a
 * list of inputs one after the other on the device of cfg; with a
 * terminal, keys (read from /dev/tty) pause, skip sentences, paragraphs
 * and articles, change the rate, and a status line on standard error
 * shows where it is; media keys come through MPRIS (mpris.h). With
 * --resume each article starts where it was left (positions.h). It is a
 * consumer of the narration's events, like any other. */
#ifndef NARR_CLI_PLAYER_H
#define NARR_CLI_PLAYER_H

#include "narrateur.h"

typedef struct {
    bool quiet;     /* no status line */
    bool show_text; /* print each sentence as it starts (also key t) */
    bool resume;    /* start where each article was left, and remember */
} player_options;

/* Makes the engine and the narration from eng and cfg (kind DEVICE),
 * plays the articles (files, standard input, pages, feed items) one
 * after the other, and returns the exit status: 0 (played, or q),
 * 1 (an error, said on standard error), 128 + N when stopped by signal N
 * (cfg->interrupted holds N). */
int player_run(const narr_engine_options *eng, const narr_output_options *cfg,
               narr_articles *articles, const player_options *opts);

#endif
