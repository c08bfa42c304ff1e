/* speak, MBROLA: the rate is the voice's (fr1: 16 kHz, read after the
 * voice is set), word marks fall inside the sentence's samples, and a
 * voice that is not installed is refused before eSpeak NG starts. Its own
 * process: eSpeak NG 1.51 hangs in a second espeak_ng_Terminate. */
#include "../check.h"
#include "speak/speaker.h"

static size_t samples;

static narr_status count(void *user, const int16_t *pcm, size_t frames)
{
    (void)user, (void)pcm;
    samples += frames;
    return NARR_OK;
}

int main(void)
{
    narr_voice voice;
    char msg[512];
    narr_status st;
    CHECK(narr_voice_load("homme", &voice, msg, sizeof msg) == NARR_OK);

    /* A missing database is refused, naming the packages. */
    narr_voice missing = voice;
    snprintf(missing.mbrola, sizeof missing.mbrola, "zz9");
    snprintf(missing.packages, sizeof missing.packages, "mbrola mbrola-zz9");
    CHECK(narr_speaker_new(&missing, 0, &st, msg, sizeof msg) == NULL && st == NARR_E_VOICE);
    CHECK_STR_EQ(msg, "voice 'homme' needs the MBROLA voice zz9, which is not installed: "
                      "install the Debian packages mbrola mbrola-zz9 (contrib and "
                      "non-free; see README, MBROLA voices)");

    if (!narr_voice_available(&voice, msg, sizeof msg)) {
        printf("SKIP: %s\n", msg);
        return CHECK_DONE() == 0 ? 77 : 1;
    }
    narr_speaker *sp = narr_speaker_new(&voice, 0, &st, msg, sizeof msg);
    CHECK(sp != NULL);
    if (!sp) {
        fprintf(stderr, "%s\n", msg);
        return CHECK_DONE();
    }
    CHECK_INT_EQ(narr_speaker_rate(sp), 16000);
    const char text[] = "Le café ouvre à neuf heures.";
    CHECK(narr_speaker_say(sp, text, sizeof text - 1, false, count, NULL) == NARR_OK);
    CHECK(samples > 16000 / 2 && samples < 16000 * 5);
    size_t n;
    const narr_word_mark *marks = narr_speaker_words(sp, &n);
    /* eSpeak NG 1.51 reports fewer word events through MBROLA than through
     * its own synthesizer (one here, six with "fr"): the marks are a
     * bonus, so only their sanity is pinned. */
    CHECK(n >= 1);
    for (size_t i = 0; i < n; i++)
        CHECK(marks[i].text_offset < sizeof text - 1 && marks[i].sample < samples);
    narr_speaker_free(sp);
    return CHECK_DONE();
}
