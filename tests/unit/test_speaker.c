/* speak: eSpeak NG through the wrapper: samples come back with word marks
 * that point at word starts in our text, in order; one speaker at a time;
 * phonemes as espeak-ng -x prints them. */
#include "../check.h"
#include "speak/speaker.h"

static size_t samples;

static narr_status count(void *user, const int16_t *pcm, size_t frames)
{
    (void)user, (void)pcm;
    samples += frames;
    return NARR_OK;
}

static narr_status refuse(void *user, const int16_t *pcm, size_t frames)
{
    (void)user, (void)pcm, (void)frames;
    return NARR_E_IO;
}

int main(void)
{
    narr_voice voice;
    char msg[512];
    narr_status st;
    CHECK(narr_voice_load("fr", &voice, msg, sizeof msg) == NARR_OK);
    narr_speaker *sp = narr_speaker_new(&voice, 0, &st, msg, sizeof msg);
    if (!sp) {
        fprintf(stderr, "no eSpeak NG: %s\n", msg);
        return 77;
    }
    CHECK_INT_EQ(narr_speaker_rate(sp), 22050);
    CHECK(narr_speaker_new(&voice, 0, &st, msg, sizeof msg) == NULL && st == NARR_E_ARG);

    const char text[] = "Le café ouvre à neuf heures.";
    CHECK(narr_speaker_say(sp, text, sizeof text - 1, false, count, NULL) == NARR_OK);
    CHECK(samples > 22050 / 2 && samples < 22050 * 5);
    size_t n;
    const narr_word_mark *marks = narr_speaker_words(sp, &n);
    CHECK_INT_EQ(n, 6);
    const size_t starts[] = {0, 3, 9, 15, 18, 23}; /* bytes: é and à are two */
    for (size_t i = 0; i < n && i < 6; i++) {
        CHECK_INT_EQ(marks[i].text_offset, starts[i]);
        CHECK(i == 0 || marks[i].sample > marks[i - 1].sample);
        CHECK(marks[i].sample < samples);
    }

    /* A sink error stops synthesis and comes back as is. */
    CHECK(narr_speaker_say(sp, text, sizeof text - 1, false, refuse, NULL) == NARR_E_IO);

    narr_buf ph;
    narr_buf_init(&ph);
    CHECK(narr_speaker_phonemes(sp, "Bonjour à tous.", 15, false, &ph) == NARR_OK);
    CHECK_STR_EQ(narr_buf_str(&ph), "bO~Z'ur a t'us");
    narr_buf_clear(&ph);
    CHECK(narr_speaker_phonemes(sp, "[[zOrgl'ub]]", 12, true, &ph) == NARR_OK);
    CHECK_STR_EQ(narr_buf_str(&ph), "zOrgl'ub");
    narr_buf_deinit(&ph);
    narr_speaker_free(sp);
    return CHECK_DONE();
}
