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
    CHECK_STR_EQ(msg, "unknown voice 'nope'; available voices: belge, femme, "
                      "femme-naturelle, fr, fr-BE, fr-CH, homme, lent (or give the "
                      "path to an .ini preset)");
    const char *presets[] = {"belge", "femme", "femme-naturelle", "fr", "fr-BE",
                             "fr-CH", "homme", "lent"};
    for (size_t i = 0; i < 8; i++)
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
    CHECK(strncmp(narr_buf_str(&list), "belge\t", 6) == 0);
    narr_buf_deinit(&list);

    /* MBROLA presets: the database and the Debian packages that bring it;
     * eSpeak NG's own voices are always there. */
    CHECK(narr_voice_load("homme", &v, msg, sizeof msg) == NARR_OK);
    CHECK_STR_EQ(v.mbrola, "fr1");
    CHECK_STR_EQ(v.packages, "mbrola mbrola-fr1");
    CHECK(narr_voice_load("belge", &v, msg, sizeof msg) == NARR_OK);
    CHECK_STR_EQ(v.mbrola, "fr5");
    CHECK_STR_EQ(v.number_locale, "fr_BE");
    CHECK(narr_voice_load("fr", &v, msg, sizeof msg) == NARR_OK);
    CHECK_STR_EQ(v.mbrola, "");
    CHECK(narr_voice_available(&v, msg, sizeof msg));

    /* A database no package has: unavailable, and the message says what
     * to install (packages derived from eSpeak NG's name when not given). */
    char mb[] = "/tmp/narr_voice_mb_XXXXXX.ini";
    fd = mkstemps(mb, 4);
    const char mb_ini[] = "[voice]\nname = zz\nespeak = mb-zz9-en\n";
    CHECK(write(fd, mb_ini, sizeof mb_ini - 1) == (ssize_t)(sizeof mb_ini - 1));
    close(fd);
    CHECK(narr_voice_load(mb, &v, msg, sizeof msg) == NARR_OK);
    unlink(mb);
    CHECK_STR_EQ(v.mbrola, "zz9");
    CHECK_STR_EQ(v.packages, "mbrola mbrola-zz9");
    CHECK(!narr_voice_available(&v, msg, sizeof msg));
    CHECK_STR_EQ(msg, "voice 'zz' needs the MBROLA voice zz9, which is not installed: "
                      "install the Debian packages mbrola mbrola-zz9 (contrib and "
                      "non-free; see README, MBROLA voices)");

    /* A voice file that drives MBROLA is found by its "mbrola" line. */
    char dir[] = "/tmp/narr_voice_dir_XXXXXX";
    CHECK(mkdtemp(dir) != NULL);
    char vf[600], ini[600];
    snprintf(vf, sizeof vf, "%s/mine.voice", dir);
    snprintf(ini, sizeof ini, "%s/mine.ini", dir);
    FILE *f = fopen(vf, "w");
    fputs("name mine\nlanguage fr\nmbrola zz8 fr_phtrans\n", f);
    fclose(f);
    f = fopen(ini, "w");
    fputs("[voice]\nvoice_file = mine.voice\npackages = mbrola zz8-voice\n", f);
    fclose(f);
    CHECK(narr_voice_load(ini, &v, msg, sizeof msg) == NARR_OK);
    CHECK_STR_EQ(v.mbrola, "zz8");
    CHECK_STR_EQ(v.packages, "mbrola zz8-voice");
    CHECK(!narr_voice_available(&v, msg, sizeof msg));
    unlink(vf);
    unlink(ini);
    rmdir(dir);
    return CHECK_DONE();
}
