/* The configuration file's parser: settings with their lines, comments,
 * and the first error named by file and line. Under LC_ALL=C (tests'
 * environment) the messages are English. */
#include "../check.h"
#include "cli/config.h"

#include <stdlib.h>

static char err[512];

/* Parses text as the file "narrateur.conf"; returns parse's result. */
static int parse(cli_config *c, const char *text)
{
    *c = (cli_config){0};
    err[0] = '\0';
    FILE *f = fmemopen((void *)text, strlen(text), "r");
    int rc = cli_config_parse(c, f, "narrateur.conf", err, sizeof err);
    fclose(f);
    return rc;
}

static const cli_setting *setting(const cli_config *c, const char *key)
{
    for (size_t i = 0; i < cli_config_key_count(); i++)
        if (strcmp(cli_config_key(i), key) == 0)
            return &c->settings[i];
    return NULL;
}

static void expect_error(const char *text, const char *want)
{
    cli_config c;
    CHECK_INT_EQ(parse(&c, text), 2);
    CHECK_STR_EQ(err, want);
    cli_config_free(&c);
}

int main(void)
{
    cli_config c;
    CHECK_INT_EQ(parse(&c, "# mes réglages\n"
                           "voice = femme\n"
                           "\n"
                           "; débit\n"
                           "rate=190\n"
                           "  quotes   =   spoken  \n"
                           "loudness = -23,5\n"
                           "artist = Radio Quartier\n"
                           "output-format = MP3\n"
                           "max-items = 5\n"),
                 0);
    CHECK_STR_EQ(err, "");
    CHECK_STR_EQ(setting(&c, "voice")->value, "femme");
    CHECK_INT_EQ(setting(&c, "voice")->line, 2);
    CHECK_INT_EQ(setting(&c, "voice")->from, CLI_FROM_FILE);
    CHECK_STR_EQ(setting(&c, "rate")->value, "190");
    CHECK_INT_EQ(setting(&c, "rate")->line, 5);
    CHECK_STR_EQ(setting(&c, "quotes")->value, "spoken");
    CHECK_STR_EQ(setting(&c, "loudness")->value, "-23,5");
    CHECK_STR_EQ(setting(&c, "artist")->value, "Radio Quartier");
    CHECK_STR_EQ(setting(&c, "output-format")->value, "MP3");
    CHECK_STR_EQ(setting(&c, "max-items")->value, "5");
    CHECK(setting(&c, "device")->value == NULL);
    CHECK_INT_EQ(setting(&c, "device")->from, CLI_FROM_DEFAULT);
    cli_config_free(&c);

    /* The last of a key twice wins; loudness may be off; an empty file. */
    CHECK_INT_EQ(parse(&c, "rate = 100\nrate = 120\nloudness = off\n"), 0);
    CHECK_STR_EQ(setting(&c, "rate")->value, "120");
    CHECK_INT_EQ(setting(&c, "rate")->line, 2);
    CHECK_STR_EQ(setting(&c, "loudness")->value, "off");
    cli_config_free(&c);
    CHECK_INT_EQ(parse(&c, ""), 0);
    cli_config_free(&c);

    expect_error("voice = fr\nvoix = femme\n", "narrateur.conf:2: unknown setting 'voix'");
    expect_error("rate = vite\n",
                 "narrateur.conf:1: the rate must be a number of words per minute from 80 to "
                 "450, not 'vite'");
    expect_error("rate = 500\n",
                 "narrateur.conf:1: the rate must be a number of words per minute from 80 to "
                 "450, not '500'");
    expect_error("\n\nquotes = loud\n",
                 "narrateur.conf:3: quotes takes 'pause', 'spoken' or 'voice', not 'loud'");
    expect_error("output-format = aac\n",
                 "narrateur.conf:1: output-format takes wav, flac, ogg, opus or mp3, not 'aac'");
    expect_error("loudness = -3\n",
                 "narrateur.conf:1: loudness must be in LUFS from -40 to -5, or off, not '-3'");
    expect_error("loudness = -40.5\n",
                 "narrateur.conf:1: loudness must be in LUFS from -40 to -5, or off, not "
                 "'-40.5'");
    expect_error("jobs = 0\n",
                 "narrateur.conf:1: jobs must be a number of worker processes from 1 to 256, "
                 "not '0'");
    expect_error("timeout = 1 minute\n",
                 "narrateur.conf:1: a timeout must be a number of seconds from 1 to 86400, "
                 "not '1 minute'");
    expect_error("device =\n",
                 "narrateur.conf:1: '' is empty; remove the line to keep the default");
    expect_error("voice = fr\nfemme\nrate = 2\n", "narrateur.conf:2: expected KEY = VALUE");
    expect_error("rate = 2\nfemme\n",
                 "narrateur.conf:1: the rate must be a number of words per minute from 80 to "
                 "450, not '2'");
    expect_error("[narrateur]\nvoice = fr\n",
                 "narrateur.conf:2: sections are not used: write KEY = VALUE lines");
    return CHECK_DONE();
}
