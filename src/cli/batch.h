/* batch: --output-dir. Every article of the inputs (files, pages, feed
 * items) becomes its own audio file in DIR, "YYYY-MM-DD-slug.EXT", made
 * by worker processes (-j; eSpeak NG allows one synthesizer per
 * process, so each worker forks and makes its own engine). An article
 * made before from the same content is skipped (DIR/.narrateur-state);
 * each one made is added to the podcast feed (--podcast-feed). A failure
 * does not stop the others. A progress line on a terminal, a summary at
 * the end. Exit status: 0, 1 when any article failed (listed), 2 usage. */
#ifndef NARR_CLI_BATCH_H
#define NARR_CLI_BATCH_H

#include "narrateur.h"
#include "cli/web_options.h"

/* cfg: the audio options (path unset; the kind is set here); has_output:
 * -o or --print was given too (a usage error). args[0..n): the inputs;
 * config_file: the configuration file read (NULL if none). */
int cli_batch_run(const cli_web *web, const narr_engine_options *eng,
                  const narr_output_options *cfg, bool has_output, bool quiet, char **args,
                  int n, const char *config_file);

#endif
