/* count_samples: the smallest program on libnarrateur. It prints what a
 * newsreader would say for a sentence, then narrates a short article to
 * a callback and counts the sentences and the samples it receives.
 *
 *   cc count_samples.c $(pkg-config --cflags --libs narrateur)
 *   ./a.out "M. Dupont arrive à 14h30."
 */
#include <narrateur.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct {
    long sentences;
    long long samples;
} counts;

static narr_status on_event(void *user, const narr_event *ev)
{
    counts *c = user;
    if (ev->kind == NARR_EVENT_SENTENCE)
        c->sentences++;
    else if (ev->kind == NARR_EVENT_PCM)
        c->samples += (long long)ev->frames;
    return NARR_OK;
}

int main(int argc, char **argv)
{
    const char *text = argc > 1 ? argv[1] : "M. Dupont arrive à 14h30. Il repart à 16h.";
    narr_status st;
    char msg[1024];
    narr_engine_options options = {.voice = "fr", .no_config_lexicon = true};
    narr_engine *engine = narr_engine_new(&options, &st, msg, sizeof msg);
    if (!engine) {
        fprintf(stderr, "count_samples: %s\n", msg);
        return 1;
    }
    char *said = narr_engine_normalize(engine, text, strlen(text), false, &st);
    if (!said) {
        fprintf(stderr, "count_samples: %s\n", narr_engine_errmsg(engine));
        narr_engine_free(engine);
        return 1;
    }
    printf("%s", said);
    free(said);

    counts c = {0};
    narr_output_options out = {.kind = NARR_OUTPUT_CALLBACK, .on_event = on_event, .user = &c};
    narr_narration *n = narr_narration_new(engine, &out, &st, msg, sizeof msg);
    if (n)
        st = narr_narration_read_memory(n, text, strlen(text), "example");
    if (n && st == NARR_OK)
        st = narr_narration_finish(n);
    if (st != NARR_OK)
        fprintf(stderr, "count_samples: %s\n", n ? narr_narration_errmsg(n) : msg);
    else
        printf("%ld sentences, %lld samples at %d Hz\n", c.sentences, c.samples,
               narr_engine_sample_rate(engine));
    narr_narration_free(n);
    narr_engine_free(engine);
    return st == NARR_OK ? 0 : 1;
}
