/* inputs: see inputs.h. */
#include "cli/inputs.h"
#include "cli/i18n.h"
#include "cli/web_options.h"

#include <stdio.h>
#include <stdlib.h>

narr_articles *cli_inputs_gather(const narr_articles_options *o, char **args, int n,
                                 bool keep_going, int *failed, int *exit_code)
{
    narr_status st;
    char msg[1024];
    narr_articles *a = narr_articles_new(o, &st, msg, sizeof msg);
    if (!a) {
        /* A bad option value (--since): a usage error like the others. */
        if (st == NARR_E_ARG)
            *exit_code = cli_usage_error("%s", msg);
        else
            fprintf(stderr, _("narrateur: %s\n"), msg), *exit_code = 1;
        return NULL;
    }
    static char stdin_name[] = "-";
    char *none[] = {stdin_name};
    if (n == 0) {
        args = none;
        n = 1;
    }
    for (int i = 0; i < n; i++) {
        if ((st = narr_articles_add(a, args[i], msg, sizeof msg)) == NARR_OK)
            continue;
        fprintf(stderr, _("narrateur: %s\n"), msg);
        if (failed)
            ++*failed;
        if (!keep_going || st == NARR_E_INTERRUPTED || st == NARR_E_NOMEM) {
            narr_articles_free(a);
            *exit_code = 1;
            return NULL;
        }
    }
    return a;
}

narr_status cli_inputs_read_all(narr_narration *n, narr_articles *a, cli_article_done_fn done,
                                void *user)
{
    narr_status st = NARR_OK;
    for (size_t i = 0; st == NARR_OK && i < narr_articles_count(a); i++) {
        st = narr_narration_read_article(n, a, i);
        if (done)
            done(user, n, i);
    }
    return st;
}

int cli_inputs_check_files(const narr_engine_options *eng, const narr_output_options *out,
                           char **args, int n, const char *const *outputs, size_t noutputs,
                           const char *config_file)
{
    const char **inputs = malloc(((size_t)n + 1) * sizeof *inputs);
    if (!inputs) {
        fputs(_("narrateur: out of memory\n"), stderr);
        return 1;
    }
    size_t count = 0;
    for (int i = 0; i < n; i++)
        inputs[count++] = args[i];
    if (config_file)
        inputs[count++] = config_file;
    char why[1024];
    narr_status st = narr_check_files(eng, out, inputs, count, outputs, noutputs, why, sizeof why);
    free(inputs);
    return st == NARR_OK ? 0 : cli_usage_error("%s", why);
}
