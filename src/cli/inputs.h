/* inputs: the program's FILE arguments (files, "-", web addresses,
 * feeds) as a list of articles (narr_articles, narrateur.h), and reading
 * that list one article after the other. The list is what a player goes
 * through with "next" and "previous": narr_articles_count, then
 * narr_narration_read_article(n, list, i) for the article wanted. */
#ifndef NARR_CLI_INPUTS_H
#define NARR_CLI_INPUTS_H

#include "narrateur.h"

/* The articles of args[0..n) (standard input when n is 0). Stops at the
 * first input that fails unless keep_going: then each failure is
 * printed ("narrateur: MESSAGE") and counted in *failed (may be NULL).
 * NULL with *exit_code set (1) when the list cannot be made or an input
 * failed (not keep_going); the message is printed. */
narr_articles *cli_inputs_gather(const narr_articles_options *o, char **args, int n,
                                 bool keep_going, int *failed, int *exit_code);

/* narr_check_files (narrateur.h) over the inputs args[0..n) and the
 * configuration file read (config_file, NULL if none), which no output
 * may replace either. 0, or the exit status of the usage error printed. */
int cli_inputs_check_files(const narr_engine_options *eng, const narr_output_options *out,
                           char **args, int n, const char *const *outputs, size_t noutputs,
                           const char *config_file);

/* Called after each article is read (warnings, progress). */
typedef void (*cli_article_done_fn)(void *user, narr_narration *n, size_t index);

/* Reads every article of a in order through n; stops at the first
 * failure and returns its status. */
narr_status cli_inputs_read_all(narr_narration *n, narr_articles *a, cli_article_done_fn done,
                                void *user);

#endif
