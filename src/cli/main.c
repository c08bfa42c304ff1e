/* narrateur: the command-line tool. Option parsing and messages only; the
 * work is done by the pipeline (narrateur.h). Exit status: 0 success,
 * 1 runtime error, 2 usage error. */
#include "narrateur.h"
#include "data/voice.h"

#include <errno.h>
#include <getopt.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#define EXIT_USAGE 2

static const char usage_text[] =
    "Usage: narrateur [OPTIONS] [FILE...]\n"
    "Read French articles aloud like a radio newsreader.\n"
    "\n"
    "FILE is a plain-text article in UTF-8 (or Windows-1252); with no FILE,\n"
    "or when FILE is -, the article is read from standard input. Several\n"
    "files are read one after the other.\n"
    "\n"
    "Output (default: speak on the default audio device):\n"
    "  -o, --output FILE.wav   write a WAV file instead (16-bit mono)\n"
    "  -d, --device NAME       play on this device (name or index)\n"
    "      --print text        print the text as it will be spoken,\n"
    "                          one sentence a line, and do not speak\n"
    "      --print phonemes    print eSpeak NG phoneme mnemonics instead\n"
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
    "\n"
    "  -h, --help              show this help and exit\n"
    "      --version           show the version and exit\n"
    "\n"
    "Examples:\n"
    "  narrateur article.txt                 listen to an article\n"
    "  narrateur article.txt -o article.wav  write it to a file\n"
    "  echo \"M. Dupont arrive à 14h30.\" | narrateur --print text\n"
    "\n"
    "Exit status: 0 success, 1 runtime error, 2 usage error.\n";

enum { OPT_PRINT = 256, OPT_VERSION, OPT_LIST_VOICES, OPT_LEXICON, OPT_QUOTES };

static const struct option long_options[] = {
    {"output", required_argument, NULL, 'o'},
    {"device", required_argument, NULL, 'd'},
    {"print", required_argument, NULL, OPT_PRINT},
    {"voice", required_argument, NULL, 'v'},
    {"rate", required_argument, NULL, 'r'},
    {"list-voices", no_argument, NULL, OPT_LIST_VOICES},
    {"lexicon", required_argument, NULL, OPT_LEXICON},
    {"quotes", required_argument, NULL, OPT_QUOTES},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, OPT_VERSION},
    {NULL, 0, NULL, 0},
};

static int usage_error(const char *fmt, const char *arg)
{
    fputs("narrateur: ", stderr);
    fprintf(stderr, fmt, arg);
    fputs("\nTry 'narrateur --help' for more information.\n", stderr);
    return EXIT_USAGE;
}

static bool ends_with(const char *s, const char *suffix)
{
    size_t n = strlen(s), m = strlen(suffix);
    return n >= m && strcasecmp(s + n - m, suffix) == 0;
}

static int list_voices(void)
{
    narr_buf list;
    narr_buf_init(&list);
    narr_status st = narr_voice_list(&list);
    if (st == NARR_OK)
        fputs(narr_buf_str(&list), stdout);
    narr_buf_deinit(&list);
    if (st != NARR_OK) {
        fprintf(stderr, "narrateur: %s\n", narr_strerror(st));
        return EXIT_FAILURE;
    }
    return EXIT_SUCCESS;
}

int main(int argc, char **argv)
{
    narr_config cfg = {0};
    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, ":o:d:v:r:h", long_options, NULL)) != -1) {
        switch (c) {
        case 'o':
            cfg.output = optarg;
            break;
        case 'd':
            cfg.device = optarg;
            break;
        case 'v':
            cfg.voice = optarg;
            break;
        case 'r': {
            char *end;
            errno = 0;
            long rate = strtol(optarg, &end, 10);
            if (errno || *end || end == optarg || rate < 80 || rate > 450)
                return usage_error("--rate must be a number of words per minute "
                                   "from 80 to 450, not '%s'", optarg);
            cfg.rate = (int)rate;
            break;
        }
        case OPT_PRINT:
            if (strcmp(optarg, "text") == 0)
                cfg.print = NARR_PRINT_TEXT;
            else if (strcmp(optarg, "phonemes") == 0)
                cfg.print = NARR_PRINT_PHONEMES;
            else
                return usage_error("--print takes 'text' or 'phonemes', not '%s'", optarg);
            break;
        case OPT_LEXICON:
            cfg.lexicon = optarg;
            break;
        case OPT_QUOTES:
            if (strcmp(optarg, "pause") != 0 && strcmp(optarg, "spoken") != 0 &&
                strcmp(optarg, "voice") != 0)
                return usage_error("--quotes takes 'pause', 'spoken' or 'voice', not '%s'",
                                   optarg);
            cfg.quotes = optarg;
            break;
        case OPT_LIST_VOICES:
            return list_voices();
        case 'h':
            fputs(usage_text, stdout);
            return EXIT_SUCCESS;
        case OPT_VERSION:
            printf("narrateur %s\n", NARR_VERSION);
            return EXIT_SUCCESS;
        case ':':
            return usage_error("option '%s' needs a value", argv[optind - 1]);
        default:
            return usage_error("unknown option '%s'", argv[optind - 1]);
        }
    }
    if (cfg.output && cfg.print != NARR_PRINT_NONE)
        return usage_error("%s", "--print and --output cannot be used together");
    if (cfg.output && !ends_with(cfg.output, ".wav"))
        return usage_error("cannot tell the audio format of '%s'; name the output "
                           "FILE.wav", cfg.output);

    /* Refuse a missing input before any output is created. */
    for (int i = optind; i < argc; i++) {
        if (strcmp(argv[i], "-") != 0 && access(argv[i], R_OK) != 0) {
            fprintf(stderr, "narrateur: %s: cannot read: %s\n", argv[i], strerror(errno));
            return EXIT_FAILURE;
        }
    }

    narr_status st;
    char msg[1024];
    narr_pipeline *p = narr_pipeline_new(&cfg, &st, msg, sizeof msg);
    if (!p) {
        fprintf(stderr, "narrateur: %s\n", msg);
        return EXIT_FAILURE;
    }
    st = NARR_OK;
    for (int i = optind; st == NARR_OK && (i < argc || i == optind); i++) {
        st = narr_pipeline_read(p, i < argc ? argv[i] : NULL);
        const char *warning = narr_pipeline_take_warning(p);
        if (warning)
            fprintf(stderr, "narrateur: warning: %s\n", warning);
    }
    if (st == NARR_OK)
        st = narr_pipeline_finish(p);
    if (st != NARR_OK)
        fprintf(stderr, "narrateur: %s\n", narr_pipeline_errmsg(p));
    narr_pipeline_free(p);
    return st == NARR_OK ? EXIT_SUCCESS : EXIT_FAILURE;
}
