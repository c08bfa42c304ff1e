/* narrateur: the command-line tool. Option parsing and messages only; the
 * work is done by the pipeline (narrateur.h). Exit status: 0 success,
 * 1 runtime error, 2 usage error. */
#include "narrateur.h"
#include "cli/config.h"
#include "cli/i18n.h"
#include "cli/batch.h"
#include "cli/cli_text.h"
#include "cli/inputs.h"
#include "cli/web_options.h"
#include "cli/player.h"

#include <errno.h>
#include <getopt.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#define EXIT_USAGE 2

static const char usage_text[] = N_(
    "Usage: narrateur [OPTIONS] [FILE...]\n"
    "Read French articles aloud like a radio newsreader.\n"
    "\n"
    "FILE is an article: plain text, Markdown or a saved web page, in UTF-8,\n"
    "UTF-16 or Windows-1252; with no FILE, or when FILE is -, the article is\n"
    "read from standard input. Several files are read one after the other.\n"
    "FILE may be a web address (http:// or https://), and a file or address may\n"
    "be a feed (RSS or Atom): its items are read one after the other.\n"
    "\n"
    "Output (default: speak on the default audio device):\n"
    "  -o, --output FILE       write an audio file instead: .wav (eSpeak's 22050 Hz),\n"
    "                          or for podcasts .mp3 .ogg .opus .flac (44.1 kHz,\n"
    "                          Opus 48 kHz; -16 LUFS, true peak under -1 dBTP);\n"
    "                          - is standard output (WAV unless --output-format)\n"
    "  -d, --device NAME       play on this device (name or index)\n"
    "      --list-devices      list the output devices and exit\n"
    "      --print text        print the text as it will be spoken,\n"
    "                          one sentence a line, and do not speak\n"
    "      --print phonemes    print eSpeak NG phoneme mnemonics instead\n"
    "      --print timing      print each sentence's start time in the audio\n"
    "\n"
    "Audio files (with -o):\n"
    "      --output-format FMT wav, flac, ogg, opus or mp3, whatever the name\n"
    "                          (--format FMT takes these too)\n"
    "      --sample-rate HZ    the file's sample rate\n"
    "      --bitrate KBPS      constant bitrate (MP3, Opus)\n"
    "      --quality 1-10      variable-bitrate quality, 10 best (MP3, Ogg, Opus;\n"
    "                          MP3 default 5, like lame -V 5)\n"
    "      --loudness LUFS     integrated loudness target (default -16; WAV: none)\n"
    "      --no-loudness       keep eSpeak's level\n"
    "      --artist NAME       artist tag (default: narrateur)\n"
    "      --album NAME        album tag\n"
    "      --date DATE         date tag (default: today, YYYY-MM-DD)\n"
    "      --comment TEXT      comment tag\n"
    "      --cover IMAGE       JPEG or PNG cover (MP3)\n"
    "      --intro SOUND       play this sound before the article (any format\n"
    "                          libsndfile reads; e.g. assets/chime.wav)\n"
    "      --outro SOUND       and this one after it\n"
    "      --chapters FILE     write Podcasting 2.0 JSON chapters (title, headings)\n"
    "      --transcript FILE   write a .vtt (WebVTT) or .srt transcript, a cue\n"
    "                          per sentence\n"
    "  -q, --quiet             no progress or status line (shown only on a terminal)\n"
    "\n"
    "Listening (on the device; keys and status line on a terminal):\n"
    "      --show-text         print each sentence as it is said (key t)\n"
    "      --resume            start each article where it was left, and remember\n"
    "                          where it stops (in ~/.local/state/narrateur/)\n"
    "                          (key ? lists the keys)\n"
    "\n"
    "Voice:\n"
    "  -v, --voice NAME        voice preset (default: fr) or path to an .ini\n"
    "      --list-voices       list the voice presets\n"
    "  -r, --rate WPM          speaking rate in words per minute (80-450)\n"
    "      --lexicon FILE      your pronunciations: lines of WORD<TAB>respelling\n"
    "                          or WORD<TAB>[[eSpeak phonemes]]; they win over the\n"
    "                          built-in lexicon and ~/.config/narrateur/lexique.tsv\n"
    "      --quotes STYLE      how quotations are read: pause (a short pause),\n"
    "                          spoken (\"je cite ... fin de citation\") or voice\n"
    "                          (another pitch); default: the preset's\n"
    "\n");

static const char usage_tail[] = N_(
    "Configuration (see narrateur(1)):\n"
    "      --config FILE       read the settings from FILE instead of\n"
    "                          ~/.config/narrateur/narrateur.conf\n"
    "      --no-config         read no configuration file\n"
    "      --print-config      show each setting in force and where it came from\n"
    "\n"
    "  -h, --help              show this help and exit\n"
    "      --version           show the version and exit\n"
    "\n"
    "Examples:\n"
    "  narrateur article.txt                 listen to an article\n"
    "  narrateur article.txt -o article.wav  write it to a file\n"
    "  narrateur article.txt -o episode.mp3 --transcript episode.vtt \\\n"
    "            --chapters episode.json      make a podcast episode\n"
    "  echo \"M. Dupont arrive à 14h30.\" | narrateur --print text\n"
    "\n"
    "Exit status: 0 success, 1 runtime error, 2 usage error, 128 + N when\n"
    "stopped by signal N (nothing is published then).\n");

enum { OPT_PRINT = 256, OPT_VERSION, OPT_LIST_VOICES, OPT_LIST_DEVICES, OPT_LEXICON, OPT_QUOTES,
       OPT_INPUT_FORMAT, OPT_FORMAT };
enum { OPT_SHOW_TEXT = 768, OPT_RESUME };
enum {
    OPT_OUTPUT_FORMAT = 512, OPT_SAMPLE_RATE, OPT_BITRATE, OPT_QUALITY, OPT_LOUDNESS,
    OPT_NO_LOUDNESS, OPT_ARTIST, OPT_ALBUM, OPT_DATE, OPT_COMMENT, OPT_COVER, OPT_INTRO,
    OPT_OUTRO, OPT_CHAPTERS, OPT_TRANSCRIPT,
};

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"device", required_argument, NULL, 'd'},
    {"print", required_argument, NULL, OPT_PRINT},
    {"voice", required_argument, NULL, 'v'},
    {"rate", required_argument, NULL, 'r'},
    {"list-voices", no_argument, NULL, OPT_LIST_VOICES},
    {"list-devices", no_argument, NULL, OPT_LIST_DEVICES},
    {"lexicon", required_argument, NULL, OPT_LEXICON},
    {"quotes", required_argument, NULL, OPT_QUOTES},
    {"input-format", required_argument, NULL, OPT_INPUT_FORMAT},
    {"format", required_argument, NULL, OPT_FORMAT},
    {"output-format", required_argument, NULL, OPT_OUTPUT_FORMAT},
    {"sample-rate", required_argument, NULL, OPT_SAMPLE_RATE},
    {"bitrate", required_argument, NULL, OPT_BITRATE},
    {"quality", required_argument, NULL, OPT_QUALITY},
    {"loudness", required_argument, NULL, OPT_LOUDNESS},
    {"no-loudness", no_argument, NULL, OPT_NO_LOUDNESS},
    {"artist", required_argument, NULL, OPT_ARTIST},
    {"album", required_argument, NULL, OPT_ALBUM},
    {"date", required_argument, NULL, OPT_DATE},
    {"comment", required_argument, NULL, OPT_COMMENT},
    {"cover", required_argument, NULL, OPT_COVER},
    {"intro", required_argument, NULL, OPT_INTRO},
    {"outro", required_argument, NULL, OPT_OUTRO},
    {"chapters", required_argument, NULL, OPT_CHAPTERS},
    {"transcript", required_argument, NULL, OPT_TRANSCRIPT},
    {"quiet", no_argument, NULL, 'q'},
    {"show-text", no_argument, NULL, OPT_SHOW_TEXT},
    {"resume", no_argument, NULL, OPT_RESUME},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    CLI_WEB_LONG_OPTIONS,
    CLI_CONFIG_LONG_OPTIONS,
    {NULL, 0, NULL, 0},
};

#define usage_error cli_usage_error

#define parse_int cli_parse_int
#define clock_text cli_clock_text

/* "-16", "-23.5" or "-23,5", without the locale-dependent strtod. */
static bool parse_decimal(const char *s, double *out)
{
    bool neg = *s == '-';
    if (*s == '-' || *s == '+')
        s++;
    double v = 0, scale = 1;
    bool digits = false, point = false;
    for (; *s; s++) {
        if (*s >= '0' && *s <= '9') {
            digits = true;
            if (point)
                v += (*s - '0') * (scale /= 10);
            else
                v = v * 10 + (*s - '0');
        } else if ((*s == '.' || *s == ',') && !point) {
            point = true;
        } else {
            return false;
        }
    }
    *out = neg ? -v : v;
    return digits;
}

/* ---- the progress line (stderr, on a terminal only) ---- */

typedef struct {
    struct timespec start, last;
    long long *sizes; /* of each input; -1 when unknown */
    long long before; /* bytes of the inputs already read */
    long long total;  /* of all inputs; -1 when unknown */
    bool shown;       /* a line is on screen without its newline */
} progress_state;

static double seconds_since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* "narrateur:  42% read, 1:23 of audio, 310x real time, 0:02 left" */
static void show_progress(progress_state *ps, const narr_progress *p, bool final)
{
    double elapsed = seconds_since(&ps->start);
    double fraction = -1;
    if (p->finishing || final)
        fraction = 1;
    else if (ps->total > 0 && p->input_read >= 0)
        fraction = (double)(ps->before + p->input_read) / (double)ps->total;
    fraction = fraction > 1 ? 1 : fraction;
    char audio[32], left[40] = "";
    clock_text(p->audio_seconds, audio, sizeof audio);
    double speed = elapsed > 0 ? p->audio_seconds / elapsed : 0;
    /* Time left: at the reading's pace, or the encoder's when it is behind. */
    double remaining = -1;
    if (!final && fraction > 0 && elapsed > 0) {
        remaining = elapsed * (1 - fraction) / fraction;
        double encode_speed = p->done_seconds / elapsed;
        if (encode_speed > 0) {
            double encode_left = (p->audio_seconds / fraction - p->done_seconds) / encode_speed;
            remaining = encode_left > remaining ? encode_left : remaining;
        }
    }
    if (remaining >= 0) {
        char t[24];
        clock_text(remaining, t, sizeof t);
        snprintf(left, sizeof left, ", %s left", t);
    }
    if (fraction >= 0)
        fprintf(stderr, _("\rnarrateur: %3.0f%% read, %s of audio, %.0fx real time%s\033[K"),
                fraction * 100, audio, speed, left);
    else
        fprintf(stderr, _("\rnarrateur: %s of audio, %.0fx real time\033[K"), audio, speed);
    if (final)
        fputc('\n', stderr);
    fflush(stderr);
    ps->shown = !final;
}

static void on_progress(void *user, const narr_progress *p)
{
    progress_state *ps = user;
    if (seconds_since(&ps->last) < 0.1)
        return;
    clock_gettime(CLOCK_MONOTONIC, &ps->last);
    show_progress(ps, p, false);
}

/* After each article: its warning, and the progress past it. */
static void article_done(void *user, narr_narration *n, size_t index)
{
    progress_state *ps = user;
    if (ps->sizes)
        ps->before += ps->sizes[index] > 0 ? ps->sizes[index] : 0;
    const char *warning;
    while ((warning = narr_narration_take_warning(n)))
        fprintf(stderr, _("narrateur: warning: %s\n"), warning);
}

static narr_status print_voice(void *user, const char *name, const char *description,
                               bool available, const char *packages)
{
    (void)user;
    if (available)
        printf("%s\t%s\n", name, description);
    else
        printf(_("%s\t%s (not installed: apt install %s)\n"), name, description, packages);
    return NARR_OK;
}

static int list_voices(void)
{
    narr_status st = narr_list_voices(print_voice, NULL);
    if (st != NARR_OK) {
        fprintf(stderr, _("narrateur: %s\n"), narr_strerror(st));
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}

static narr_status print_device(void *user, int index, const char *name, bool is_default)
{
    (void)user;
    printf("%d\t%s%s\n", index, name, is_default ? " (default)" : "");
    return NARR_OK;
}

static int list_devices(void)
{
    narr_status st = narr_list_devices(print_device, NULL);
    if (st == NARR_E_NODEVICE)
        fputs(_("narrateur: no audio output device found; use -o FILE.wav to write a file\n"),
              stderr);
    else if (st != NARR_OK)
        fprintf(stderr, _("narrateur: %s\n"), narr_strerror(st));
    return st == NARR_OK ? EXIT_SUCCESS : EXIT_FAILURE;
}

/* Set by SIGINT, SIGTERM, SIGHUP: the pipeline stops at the next chunk of
 * audio and its temporary files are removed. */
static volatile sig_atomic_t interrupted_by;

static void on_signal(int sig) { interrupted_by = sig; }

static void catch_signals(void)
{
    struct sigaction sa = {.sa_handler = on_signal};
    sigemptyset(&sa.sa_mask);
    /* No SA_RESTART: a read blocked on a pipe returns, so we can stop. */
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
}

int main(int argc, char **argv)
{
    narr_engine_options eng = {0};
    narr_output_options cfg = {0};
    narr_audio_options *audio = &cfg.audio;
    bool quiet = false;
    player_options listening = {0};
    narr_output_kind print = 0; /* TEXT or PHONEMES for --print */
    cli_web web = {0};
    long number;
    int c;
    opterr = 0;
    cli_i18n_init();
    cli_web_side_flags(argc, argv);
    /* The configuration file's settings go in front of the command line's,
     * which win. Static: what it holds lives as long as the program. */
    static cli_config config;
    static const char short_options[] = ":o:d:v:r:j:qh";
    if ((c = cli_config_args(&config, argc, argv, short_options, long_options, &argc, &argv)) >= 0)
        return c;
    while ((c = getopt_long(argc, argv, short_options, long_options, NULL)) != -1) {
        switch (c) {
        case 'o':
            cfg.path = optarg;
            break;
        case 'd':
            cfg.device = optarg;
            break;
        case 'v':
            eng.voice = optarg;
            break;
        case 'r':
            if (!parse_int(optarg, 80, 450, &number))
                return usage_error(_("--rate must be a number of words per minute "
                                   "from 80 to 450, not '%s'"), optarg);
            eng.rate = (int)number;
            break;
        case OPT_PRINT:
            if (strcmp(optarg, "text") == 0)
                print = NARR_OUTPUT_TEXT;
            else if (strcmp(optarg, "phonemes") == 0)
                print = NARR_OUTPUT_PHONEMES;
            else if (strcmp(optarg, "timing") == 0)
                print = NARR_OUTPUT_TIMING;
            else
                return usage_error(_("--print takes 'text', 'phonemes' or 'timing', not '%s'"),
                                   optarg);
            break;
        case OPT_LEXICON:
            eng.lexicon = optarg;
            break;
        case OPT_QUOTES:
            if (!narr_quote_style_named(optarg, &eng.quotes))
                return usage_error(_("--quotes takes 'pause', 'spoken' or 'voice', not '%s'"),
                                   optarg);
            break;
        case OPT_INPUT_FORMAT:
            cfg.input_format = narr_input_format_named(optarg);
            if (cfg.input_format == NARR_INPUT_AUTO)
                return usage_error(_("--input-format takes text, markdown or html, not '%s'"),
                                   optarg);
            break;
        case OPT_FORMAT:
            /* --format names the input's format (text, markdown, html) or,
             * for the output's audio format, one of the output values,
             * handled here before the input formats when they exist. */
            audio->format = narr_audio_format_named(optarg);
            if (audio->format != NARR_AUDIO_AUTO)
                break;
            cfg.input_format = narr_input_format_named(optarg);
            if (cfg.input_format == NARR_INPUT_AUTO)
                return usage_error(_("--format takes text, markdown, html (input) or wav, flac, "
                                   "ogg, opus, mp3 (output), not '%s'"), optarg);
            break;
        case OPT_OUTPUT_FORMAT:
            audio->format = narr_audio_format_named(optarg);
            if (audio->format == NARR_AUDIO_AUTO)
                return usage_error(_("--output-format takes wav, flac, ogg, opus or mp3, not '%s'"),
                                   optarg);
            break;
        case OPT_SAMPLE_RATE:
            if (!parse_int(optarg, 8000, 192000, &number))
                return usage_error(_("--sample-rate must be a rate in Hz from 8000 to 192000, "
                                   "not '%s'"), optarg);
            audio->sample_rate = (int)number;
            break;
        case OPT_BITRATE:
            if (!parse_int(optarg, 8, 320, &number))
                return usage_error(_("--bitrate must be in kbit/s from 8 to 320, not '%s'"),
                                   optarg);
            audio->bitrate = (int)number;
            break;
        case OPT_QUALITY:
            if (!parse_int(optarg, 1, 10, &number))
                return usage_error(_("--quality must be from 1 (smallest) to 10 (best), not '%s'"),
                                   optarg);
            audio->quality = (int)number;
            break;
        case OPT_LOUDNESS:
            if (!parse_decimal(optarg, &audio->loudness) || audio->loudness < -40 ||
                audio->loudness > -5)
                return usage_error(_("--loudness must be in LUFS from -40 to -5 (podcasts: -16), "
                                   "not '%s'"), optarg);
            break;
        case OPT_NO_LOUDNESS:
            audio->no_loudness = true;
            break;
        case OPT_ARTIST:
            audio->artist = optarg;
            break;
        case OPT_ALBUM:
            audio->album = optarg;
            break;
        case OPT_DATE:
            audio->date = optarg;
            break;
        case OPT_COMMENT:
            audio->comment = optarg;
            break;
        case OPT_COVER:
            audio->cover = optarg;
            break;
        case OPT_INTRO:
            audio->intro = optarg;
            break;
        case OPT_OUTRO:
            audio->outro = optarg;
            break;
        case OPT_CHAPTERS:
            audio->chapters = optarg;
            break;
        case OPT_TRANSCRIPT:
            audio->transcript = optarg;
            break;
        case 'q':
            quiet = listening.quiet = true;
            break;
        case OPT_SHOW_TEXT:
            listening.show_text = true;
            break;
        case OPT_RESUME:
            listening.resume = true;
            break;
        case OPT_LIST_VOICES:
            return list_voices();
        case OPT_LIST_DEVICES:
            return list_devices();
        case CLI_OPT_CONFIG:
        case CLI_OPT_NO_CONFIG:
        case CLI_OPT_PRINT_CONFIG:
            break; /* cli_config_args's */
        case 'h':
            fputs(_(usage_text), stdout);
            fputs(_(cli_web_usage), stdout);
            fputs(_(usage_tail), stdout);
            return EXIT_SUCCESS;
        case OPT_VERSION:
            printf(_("narrateur %s\n"), narr_version());
            return EXIT_SUCCESS;
        case ':':
            return usage_error(_("option '%s' needs a value"), argv[optind - 1]);
        default:
            if ((number = cli_web_option(&web, c, optarg)) > 0)
                return (int)number; /* a usage error, already told */
            if (number == 0)
                break;
            return usage_error(_("unknown option '%s'"), argv[optind - 1]);
        }
    }
    if (cfg.path && print)
        return usage_error("%s", _("--print and --output cannot be used together"));
    web.articles.interrupted = &interrupted_by;
    if (web.output_dir || web.podcast_feed) {
        catch_signals();
        return cli_batch_run(&web, &eng, &cfg, print || cfg.path, quiet, argv + optind,
                             argc - optind, config.path);
    }
    cfg.kind = print ? print : cfg.path ? NARR_OUTPUT_FILE : NARR_OUTPUT_DEVICE;
    narr_status st;
    char msg[1024];
    if ((st = narr_check_options(&eng, &cfg, msg, sizeof msg)) != NARR_OK)
        return usage_error("%s", msg);
    if ((c = cli_inputs_check_files(&eng, &cfg, argv + optind, argc - optind, NULL, 0,
                                    config.path)) != 0)
        return c;

    /* Typing "narrateur" alone in a terminal would wait in silence. */
    if (argc == optind && !quiet && isatty(STDIN_FILENO))
        fputs(_("narrateur: reading the article typed here; end it with Ctrl-D "
                "(or give a FILE or web address: see --help)\n"), stderr);

    /* Refuse a missing input (or fetch a page) before any output is created. */
    int code;
    catch_signals();
    narr_articles *articles = cli_inputs_gather(&web.articles, argv + optind, argc - optind,
                                                false, NULL, &code);
    if (!articles)
        return interrupted_by ? 128 + (int)interrupted_by : code;
    size_t count = narr_articles_count(articles);

    /* A progress line when a file is written and someone watches. */
    progress_state progress = {0};
    long long sizes[count ? count : 1];
    if (cfg.path && !quiet && isatty(STDERR_FILENO)) {
        progress.sizes = sizes;
        for (size_t i = 0; i < count; i++) {
            narr_article_info info;
            narr_articles_info(articles, i, &info);
            sizes[i] = info.size;
            progress.total = progress.total < 0 || info.size < 0 ? -1 : progress.total + info.size;
        }
        clock_gettime(CLOCK_MONOTONIC, &progress.start);
        progress.last = progress.start;
        cfg.progress = on_progress;
        cfg.progress_user = &progress;
    }

    cfg.interrupted = &interrupted_by;
    if (cfg.kind == NARR_OUTPUT_DEVICE) {
        int status = player_run(&eng, &cfg, articles, &listening);
        narr_articles_free(articles);
        return status;
    }
    narr_engine *engine = narr_engine_new(&eng, &st, msg, sizeof msg);
    narr_narration *n = engine ? narr_narration_new(engine, &cfg, &st, msg, sizeof msg) : NULL;
    if (!n) {
        fprintf(stderr, _("narrateur: %s\n"), msg);
        narr_engine_free(engine);
        narr_articles_free(articles);
        return EXIT_FAILURE;
    }
    st = cli_inputs_read_all(n, articles, article_done, &progress);
    if (st == NARR_OK)
        st = narr_narration_finish(n);
    if (progress.sizes && (progress.shown || st == NARR_OK)) {
        narr_progress last = {.finishing = true};
        last.audio_seconds = narr_narration_seconds(n);
        last.done_seconds = last.audio_seconds;
        show_progress(&progress, &last, true);
    }
    if (st != NARR_OK)
        fprintf(stderr, _("narrateur: %s\n"), narr_narration_errmsg(n));
    narr_narration_free(n);
    narr_engine_free(engine);
    narr_articles_free(articles);
    /* As shells expect: 128 + the signal that stopped us. */
    if (st == NARR_E_INTERRUPTED)
        return 128 + (int)interrupted_by;
    return st == NARR_OK ? EXIT_SUCCESS : EXIT_FAILURE;
}
