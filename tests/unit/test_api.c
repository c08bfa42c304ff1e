/* The public API (narrateur.h) as a caller uses it: one engine per
 * process, options checked in one place, normalizing a string, events in
 * order, and pause / seek / skip / stop requests. */
#include "../check.h"
#include "narrateur.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char article[] = "Le titre du jour\n\n"
                              "Première phrase. Deuxième phrase.\n\n"
                              "Troisième phrase. Quatrième phrase.\n";

typedef struct {
    narr_narration *n;
    char order[256];    /* "H S0 S1 ... E" */
    long long samples;
    int seek_at;        /* on this sentence (first time), seek to seek_to */
    long seek_to;
    int skip_paragraph_at;
    bool pause_at_1;    /* pause on sentence 1; a thread resumes */
    long long samples_while_paused;
    pthread_t resumer;
} run_state;

static void *resume_later(void *user)
{
    run_state *r = user;
    usleep(150 * 1000);
    long long before = r->samples;
    usleep(150 * 1000);
    r->samples_while_paused = r->samples - before;
    CHECK(narr_narration_paused(r->n));
    narr_narration_pause(r->n, false);
    return NULL;
}

static narr_status on_event(void *user, const narr_event *ev)
{
    run_state *r = user;
    char item[16] = "";
    switch (ev->kind) {
    case NARR_EVENT_HEADING:
        snprintf(item, sizeof item, "H ");
        CHECK(ev->block == NARR_BLOCK_TITLE);
        break;
    case NARR_EVENT_SENTENCE:
        snprintf(item, sizeof item, "S%ld ", ev->sentence);
        if (ev->sentence == r->seek_at) {
            r->seek_at = -1;
            narr_narration_seek(r->n, r->seek_to);
        }
        if (ev->sentence == r->skip_paragraph_at) {
            r->skip_paragraph_at = -1;
            narr_narration_skip(r->n, NARR_UNIT_PARAGRAPH, 1);
        }
        if (ev->sentence == 1 && r->pause_at_1) {
            r->pause_at_1 = false;
            narr_narration_pause(r->n, true);
            pthread_create(&r->resumer, NULL, resume_later, r);
        }
        break;
    case NARR_EVENT_PCM:
        r->samples += (long long)ev->frames;
        break;
    case NARR_EVENT_END:
        snprintf(item, sizeof item, "E");
        break;
    case NARR_EVENT_CLAUSE: /* test_prosody looks at clauses */
        break;
    }
    strncat(r->order, item, sizeof r->order - strlen(r->order) - 1);
    return NARR_OK;
}

static run_state narrate(narr_engine *e, int seek_at, long seek_to, int skip_at, bool pause)
{
    run_state r = {.seek_at = seek_at, .seek_to = seek_to, .skip_paragraph_at = skip_at,
                   .pause_at_1 = pause};
    narr_output_options out = {.kind = NARR_OUTPUT_CALLBACK, .on_event = on_event, .user = &r};
    narr_status st;
    char msg[256];
    r.n = narr_narration_new(e, &out, &st, msg, sizeof msg);
    CHECK(r.n != NULL);
    CHECK_INT_EQ(narr_narration_read_memory(r.n, article, strlen(article), "article"), NARR_OK);
    CHECK_STR_EQ(narr_narration_title(r.n), "Le titre du jour");
    CHECK_INT_EQ(narr_narration_finish(r.n), NARR_OK);
    narr_narration_free(r.n);
    if (pause)
        pthread_join(r.resumer, NULL);
    return r;
}

int main(void)
{
    narr_status st;
    char msg[512];

    /* Options are checked in one place, with the command line's words. */
    narr_output_options bad = {.kind = NARR_OUTPUT_FILE, .path = "x.wav", .audio = {.bitrate = 64}};
    CHECK_INT_EQ(narr_check_options(NULL, &bad, msg, sizeof msg), NARR_E_ARG);
    CHECK_STR_EQ(msg, "--bitrate applies to MP3 and Opus; use --quality for Ogg");
    narr_output_options loose = {.kind = NARR_OUTPUT_DEVICE, .audio = {.transcript = "t.vtt"}};
    CHECK_INT_EQ(narr_check_options(NULL, &loose, msg, sizeof msg), NARR_E_ARG);
    CHECK_STR_EQ(msg, "--transcript applies to an audio file: add -o FILE");
    narr_engine_options fast = {.rate = 900};
    CHECK(narr_engine_new(&fast, &st, msg, sizeof msg) == NULL && st == NARR_E_ARG);
    narr_engine_options unknown = {.voice = "inconnue"};
    CHECK(narr_engine_new(&unknown, &st, msg, sizeof msg) == NULL && st == NARR_E_VOICE);

    /* An output may not be an input; standard input and web addresses
     * are no files to compare. */
    const char *inputs[] = {"-", "https://exemple.fr/x.wav", "x.wav"};
    narr_output_options to_file = {.kind = NARR_OUTPUT_FILE, .path = "x.wav"};
    CHECK_INT_EQ(narr_check_files(NULL, &to_file, inputs, 2, NULL, 0, msg, sizeof msg), NARR_OK);
    CHECK_INT_EQ(narr_check_files(NULL, &to_file, inputs, 3, NULL, 0, msg, sizeof msg), NARR_E_ARG);
    CHECK_STR_EQ(msg, "x.wav would be written over x.wav, an input; give the output another "
                      "name (nothing was written)");
    /* Nor may two outputs be one file (here not made yet). */
    const char *more[] = {"narrateur-test-feed.xml", "./narrateur-test-feed.xml"};
    narr_output_options none = {.kind = NARR_OUTPUT_CALLBACK};
    CHECK_INT_EQ(narr_check_files(NULL, &none, NULL, 0, more, 1, msg, sizeof msg), NARR_OK);
    CHECK_INT_EQ(narr_check_files(NULL, &none, NULL, 0, more, 2, msg, sizeof msg), NARR_E_ARG);
    CHECK_STR_EQ(msg, "narrateur-test-feed.xml and ./narrateur-test-feed.xml are the same file; "
                      "give each output its own name");

    /* One engine per process. */
    narr_engine_options o = {.no_config_lexicon = true};
    narr_engine *e = narr_engine_new(&o, &st, msg, sizeof msg);
    CHECK(e != NULL);
    if (!e)
        return CHECK_DONE();
    CHECK(narr_engine_new(&o, &st, msg, sizeof msg) == NULL);
    CHECK_INT_EQ(st, NARR_E_BUSY);
    CHECK_INT_EQ(narr_engine_sample_rate(e), 22050);
    CHECK_STR_EQ(narr_engine_voice_name(e), "fr");

    /* Normalizing a string: text or phonemes, a sentence a line. */
    char *said = narr_engine_normalize(e, "Le 1er mai à 14h30.", 20, false, &st);
    CHECK(said && strcmp(said, "Le premier mai à quatorze heures trente.\n") == 0);
    free(said);
    said = narr_engine_normalize(e, "Bonjour.", 8, true, &st);
    CHECK(said && strcmp(said, "bO~Z'ur\n") == 0);
    free(said);
    CHECK(narr_engine_normalize(e, "", 0, false, &st) == NULL && st == NARR_E_EMPTY);

    /* Events in order: the title, then each sentence, then the end. */
    run_state all = narrate(e, -1, 0, -1, false);
    CHECK_STR_EQ(all.order, "H S0 S1 S2 S3 S4 E");
    CHECK(all.samples > 22050);

    /* Paused from the callback, resumed from another thread: no sample is
     * made while paused, none is lost. (eSpeak NG's output of the same text
     * varies by a few samples from one run to the next in a process, with
     * what it said before: hence 2 ms of slack, far below a sentence.) */
    run_state paused = narrate(e, -1, 0, -1, true);
    CHECK_STR_EQ(paused.order, "H S0 S1 S2 S3 S4 E");
    CHECK_INT_EQ(paused.samples_while_paused, 0);
    CHECK(llabs(paused.samples - all.samples) <= 44);

    /* Seeking forward skips; back replays; a paragraph skip lands on the
     * next block's first sentence. */
    run_state fwd = narrate(e, 1, 3, -1, false);
    CHECK_STR_EQ(fwd.order, "H S0 S1 S3 S4 E");
    CHECK(fwd.samples < all.samples);
    run_state back = narrate(e, 2, 1, -1, false);
    CHECK_STR_EQ(back.order, "H S0 S1 S2 S1 S2 S3 S4 E");
    run_state para = narrate(e, -1, 0, 1, false);
    CHECK_STR_EQ(para.order, "H S0 S1 S3 S4 E");

    /* The rate changes from the next sentence; outside 80-450 it is refused. */
    CHECK_INT_EQ(narr_engine_set_rate(e, 50), NARR_E_ARG);
    CHECK_INT_EQ(narr_engine_set_rate(e, 300), NARR_OK);
    CHECK_INT_EQ(narr_engine_rate(e), 300);
    run_state quick = narrate(e, -1, 0, -1, false);
    CHECK(quick.samples < all.samples * 9 / 10);
    narr_engine_free(e);

    /* Once freed, an engine may be made again, in another voice. */
    narr_engine_options belge = {.voice = "fr-BE", .no_config_lexicon = true};
    e = narr_engine_new(&belge, &st, msg, sizeof msg);
    CHECK(e != NULL);
    said = e ? narr_engine_normalize(e, "71 ans.", 7, false, &st) : NULL;
    CHECK(said && strcmp(said, "Septante-et-un ans.\n") == 0);
    free(said);
    narr_engine_free(e);
    return CHECK_DONE();
}
