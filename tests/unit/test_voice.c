/* voice presets: the built-in ones load; errors name file and line. */
#include "../check.h"
#include "data/voice.h"

#include <stdlib.h>
#include <unistd.h>

static narr_status list_voice(void *user, const char *name, const char *description,
                              bool available, const char *packages)
{
    (void)description, (void)available, (void)packages;
    narr_buf_append_str(user, name);
    return narr_buf_append_str(user, "\t");
}

int main(void)
{
    narr_voice v;
    char msg[512];
    CHECK(narr_voice_load("fr", &v, msg, sizeof msg) == NARR_OK);
    CHECK_STR_EQ(v.espeak_voice, "fr");
    CHECK_STR_EQ(v.number_locale, "fr");
    CHECK(v.rate >= 80 && v.rate <= 450);
    CHECK(v.pause_paragraph_ms > v.pause_sentence_ms);

    CHECK(narr_voice_load("nope", &v, msg, sizeof msg) == NARR_E_VOICE);
    CHECK_STR_EQ(msg, "unknown voice 'nope'; available voices: femme, fr, fr-BE, fr-CH, "
                      "lent (or give the path to an .ini preset)");
    const char *presets[] = {"femme", "fr", "fr-BE", "fr-CH", "lent"};
    for (size_t i = 0; i < 5; i++)
        CHECK(narr_voice_load(presets[i], &v, msg, sizeof msg) == NARR_OK);
    CHECK(narr_voice_load("fr-BE", &v, msg, sizeof msg) == NARR_OK);
    CHECK_STR_EQ(v.number_locale, "fr_BE");
    CHECK(narr_voice_load("femme", &v, msg, sizeof msg) == NARR_OK);
    CHECK_STR_EQ(v.variant, "f3");

    char path[] = "/tmp/narr_voice_XXXXXX.ini";
    int fd = mkstemps(path, 4);
    const char bad[] = "[voice]\nrate = 165\npitch = 300\n";
    CHECK(write(fd, bad, sizeof bad - 1) == (ssize_t)(sizeof bad - 1));
    close(fd);
    CHECK(narr_voice_load(path, &v, msg, sizeof msg) == NARR_E_DATA);
    char want[600];
    snprintf(want, sizeof want, "%s:3: bad setting 'pitch'; see voices/fr.ini for the keys and their ranges", path);
    CHECK_STR_EQ(msg, want);
    unlink(path);

    CHECK(narr_voice_load("/nonexistent/v.ini", &v, msg, sizeof msg) == NARR_E_IO);

    /* One parser for quote styles: presets, --quotes and the library. */
    narr_quote_style style = NARR_QUOTES_PAUSE;
    CHECK(narr_quote_style_named("spoken", &style) && style == NARR_QUOTES_SPOKEN);
    CHECK(narr_quote_style_named("voice", &style) && style == NARR_QUOTES_VOICE);
    CHECK(narr_quote_style_named("pause", &style) && style == NARR_QUOTES_PAUSE);
    CHECK(!narr_quote_style_named("Pause", &style) && style == NARR_QUOTES_PAUSE);
    CHECK(narr_voice_load("lent", &v, msg, sizeof msg) == NARR_OK);
    CHECK(v.quotes == NARR_QUOTES_SPOKEN);
    narr_buf list;
    narr_buf_init(&list);
    CHECK(narr_list_voices(list_voice, &list) == NARR_OK);
    CHECK(strncmp(narr_buf_str(&list), "femme\t", 6) == 0);
    narr_buf_deinit(&list);
    return CHECK_DONE();
}
