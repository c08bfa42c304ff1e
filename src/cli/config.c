/* config: see config.h. The INI syntax is inih's (Debian's libinih); the
 * keys, their checks and the merge with the command line are here. */
#include "cli/config.h"
#include "cli/i18n.h"
#include "narrateur.h"

#include <errno.h>
#include <ini.h>
#include <stdlib.h>
#include <string.h>

typedef enum { ANY, RATE, QUOTES, AUDIO_FORMAT, LOUDNESS, SECONDS, ITEMS, JOBS } check_kind;

/* When a file's setting is put on the command line. */
typedef enum { ALWAYS, FILE_OUTPUT, FILE_FORMAT } apply_when;

typedef struct {
    const char *key;        /* the long option's name */
    check_kind check;
    apply_when when;
    const char *by_default; /* what --print-config says when it is not set */
} key_info;

static const key_info keys[] = {
    {"voice", ANY, ALWAYS, N_("fr")},
    {"rate", RATE, ALWAYS, N_("the voice's")},
    {"device", ANY, ALWAYS, N_("the default device")},
    {"quotes", QUOTES, ALWAYS, N_("the voice's")},
    {"output-format", AUDIO_FORMAT, FILE_FORMAT, N_("from the file's name")},
    {"loudness", LOUDNESS, FILE_OUTPUT, N_("-16 (WAV: none)")},
    {"artist", ANY, FILE_OUTPUT, N_("narrateur")},
    {"connect-timeout", SECONDS, ALWAYS, N_("15")},
    {"timeout", SECONDS, ALWAYS, N_("60")},
    {"max-items", ITEMS, ALWAYS, N_("all")},
    {"jobs", JOBS, ALWAYS, N_("the number of cores")},
    {"feed-title", ANY, ALWAYS, N_("narrateur")},
    {"feed-description", ANY, ALWAYS, N_("the feed's title")},
    {"base-url", ANY, ALWAYS, N_("none")},
    {"feed-image", ANY, ALWAYS, N_("none")},
};
#define KEY_COUNT (sizeof keys / sizeof keys[0])
_Static_assert(KEY_COUNT <= CLI_CONFIG_KEYS, "cli_config holds every key");

size_t cli_config_key_count(void) { return KEY_COUNT; }
const char *cli_config_key(size_t i) { return i < KEY_COUNT ? keys[i].key : NULL; }

static int key_index(const char *name)
{
    for (size_t i = 0; i < KEY_COUNT; i++)
        if (strcmp(keys[i].key, name) == 0)
            return (int)i;
    return -1;
}

/* A whole number from lo to hi. */
static bool whole_number(const char *s, long lo, long hi)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    return !errno && end != s && !*end && v >= lo && v <= hi;
}

/* "-16", "-23.5" or "-23,5" from -40 to -5, without the locale's strtod;
 * or "off", for --no-loudness. */
static bool loudness_value(const char *s)
{
    if (strcmp(s, "off") == 0)
        return true;
    if (*s++ != '-')
        return false;
    long whole = 0;
    int digits = 0;
    for (; *s >= '0' && *s <= '9'; s++, digits++)
        whole = whole * 10 + (*s - '0');
    bool fraction = false;
    if (*s == '.' || *s == ',')
        for (s++; *s >= '0' && *s <= '9'; s++)
            fraction |= *s != '0';
    return digits > 0 && digits < 4 && !*s && whole >= 5 && (whole < 40 || (whole == 40 && !fraction));
}

/* NULL when value suits the key, else what it should be (a format with
 * %s for the value). */
static const char *value_problem(check_kind check, const char *value)
{
    narr_quote_style style;
    switch (check) {
    case ANY:
        return *value ? NULL : _("'%s' is empty; remove the line to keep the default");
    case RATE:
        return whole_number(value, 80, 450)
                   ? NULL
                   : _("the rate must be a number of words per minute from 80 to 450, not '%s'");
    case QUOTES:
        return narr_quote_style_named(value, &style)
                   ? NULL
                   : _("quotes takes 'pause', 'spoken' or 'voice', not '%s'");
    case AUDIO_FORMAT:
        return narr_audio_format_named(value) != NARR_AUDIO_AUTO
                   ? NULL
                   : _("output-format takes wav, flac, ogg, opus or mp3, not '%s'");
    case LOUDNESS:
        return loudness_value(value)
                   ? NULL
                   : _("loudness must be in LUFS from -40 to -5, or off, not '%s'");
    case SECONDS:
        return whole_number(value, 1, 86400)
                   ? NULL
                   : _("a timeout must be a number of seconds from 1 to 86400, not '%s'");
    case ITEMS:
        return whole_number(value, 1, 10000)
                   ? NULL
                   : _("max-items must be a number from 1 to 10000, not '%s'");
    case JOBS:
        return whole_number(value, 1, 256)
                   ? NULL
                   : _("jobs must be a number of worker processes from 1 to 256, not '%s'");
    }
    return NULL;
}

/* ---- reading the file ---- */

typedef struct {
    cli_config *c;
    FILE *f;
    const char *path;
    int line;        /* lines read so far */
    int error_line;  /* of the first error a key or value made; 0 if none */
    char *err;
    size_t err_size;
} parse_state;

/* inih's reader: one line at a time, counted, so that an error in a
 * setting can name its line. */
static char *read_line(char *buf, int size, void *user)
{
    parse_state *ps = user;
    char *s = fgets(buf, size, ps->f);
    if (s)
        ps->line++;
    return s;
}

static int on_setting(void *user, const char *section, const char *name, const char *value)
{
    parse_state *ps = user;
    if (ps->error_line)
        return 1; /* the first error is the one reported */
    char why[256];
    int i = key_index(name);
    if (*section) {
        snprintf(why, sizeof why, _("sections are not used: write KEY = VALUE lines"));
    } else if (i < 0) {
        snprintf(why, sizeof why, _("unknown setting '%s'"), name);
    } else {
        const char *problem = value_problem(keys[i].check, value);
        if (!problem) {
            cli_setting *s = &ps->c->settings[i];
            free(s->value);
            s->value = strdup(value);
            s->from = CLI_FROM_FILE;
            s->line = ps->line;
            return s->value != NULL;
        }
        snprintf(why, sizeof why, problem, value);
    }
    snprintf(ps->err, ps->err_size, "%s:%d: %s", ps->path, ps->line, why);
    ps->error_line = ps->line;
    return 0;
}

int cli_config_parse(cli_config *c, FILE *f, const char *path, char *err, size_t err_size)
{
    parse_state ps = {c, f, path, 0, 0, err, err_size};
    /* Debian's libinih makes its syntax choices settable: an indented line
     * is a setting of its own (not the last value's continuation), and a
     * value may hold a ';' ("artist = Radio ; Quartier"). */
    ini_allow_multiline = false;
    ini_allow_inline_comments = false;
    int bad_line = ini_parse_stream(read_line, &ps, on_setting, &ps);
    if (bad_line == 0)
        return 0;
    if (bad_line < 0) {
        snprintf(err, err_size, _("%s: cannot read: %s"), path, strerror(ENOMEM));
    } else if (bad_line != ps.error_line) {
        /* inih found a line that is no setting before any bad setting. */
        snprintf(err, err_size, _("%s:%d: expected KEY = VALUE"), path, bad_line);
    }
    return 2;
}

void cli_config_free(cli_config *c)
{
    free(c->path);
    for (size_t i = 0; i < CLI_CONFIG_KEYS; i++)
        free(c->settings[i].value);
    for (size_t i = 0; i < CLI_CONFIG_KEYS; i++)
        free(c->options[i]);
    free(c->argv);
    *c = (cli_config){0};
}

bool cli_config_default_path(char *buf, size_t size)
{
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    int n;
    if (xdg && *xdg)
        n = snprintf(buf, size, "%s/narrateur/narrateur.conf", xdg);
    else if (home && *home)
        n = snprintf(buf, size, "%s/.config/narrateur/narrateur.conf", home);
    else
        return false;
    return n > 0 && (size_t)n < size;
}

/* ---- the command line ---- */

/* What the command line says, from a scan with main's own table. */
typedef struct {
    const char *config;    /* --config FILE */
    bool no_config, print;
    const char *output;    /* -o FILE */
    bool output_dir;       /* --output-dir: a batch of files */
} command_line;

/* The long option's name for getopt's answer c (idx when it was long). */
static const char *option_name(const struct option *longopts, int c, int idx)
{
    if (idx >= 0)
        return longopts[idx].name;
    for (const struct option *o = longopts; o->name; o++)
        if (o->val == c && !o->flag)
            return o->name;
    /* A short option main handles beside its long one's own code. */
    return c == 'j' ? "jobs" : NULL;
}

static bool scan(cli_config *c, int argc, char **argv, const char *shortopts,
                 const struct option *longopts, command_line *cl)
{
    /* getopt permutes what it scans: a copy, so main scans argv afresh. */
    char **copy = malloc(((size_t)argc + 1) * sizeof *copy);
    if (!copy)
        return false;
    memcpy(copy, argv, ((size_t)argc + 1) * sizeof *copy);
    int saved_opterr = opterr, opt, idx = -1;
    opterr = 0;
    optind = 0;
    while ((opt = getopt_long(argc, copy, shortopts, longopts, &idx)) != -1) {
        const char *name = opt == '?' || opt == ':' ? NULL : option_name(longopts, opt, idx);
        idx = -1;
        if (!name)
            continue;
        if (opt == CLI_OPT_CONFIG)
            cl->config = optarg;
        else if (opt == CLI_OPT_NO_CONFIG)
            cl->no_config = true;
        else if (opt == CLI_OPT_PRINT_CONFIG)
            cl->print = true;
        else if (strcmp(name, "output") == 0)
            cl->output = optarg;
        else if (strcmp(name, "output-dir") == 0)
            cl->output_dir = true;
        /* --no-loudness is loudness = off; --format mp3 an output format. */
        const char *value = optarg;
        if (strcmp(name, "no-loudness") == 0)
            name = "loudness", value = "off";
        else if (strcmp(name, "format") == 0 && narr_audio_format_named(optarg))
            name = "output-format";
        int i = key_index(name);
        if (i >= 0 && value) {
            cli_setting *s = &c->settings[i];
            free(s->value);
            s->value = strdup(value);
            s->from = CLI_FROM_COMMAND_LINE;
            if (!s->value)
                break;
        }
    }
    free(copy);
    opterr = saved_opterr;
    optind = 0; /* glibc: start afresh */
    return true;
}

static bool applies(const key_info *k, const command_line *cl)
{
    switch (k->when) {
    case ALWAYS:
        return true;
    case FILE_OUTPUT:
        return cl->output || cl->output_dir;
    case FILE_FORMAT:
        return cl->output_dir || (cl->output && narr_audio_format_of(cl->output) == NARR_AUDIO_AUTO);
    }
    return false;
}

/* Opens the file to read: --config's (which must exist), else the
 * default one if it exists. NULL with *rc -1 when there is none to read,
 * NULL with *rc 2 after an error. */
static FILE *open_file(cli_config *c, const command_line *cl, int *rc)
{
    char path[4096];
    *rc = -1;
    if (cl->no_config || (!cl->config && !cli_config_default_path(path, sizeof path)))
        return NULL;
    const char *name = cl->config ? cl->config : path;
    FILE *f = fopen(name, "r");
    if (!f) {
        if (cl->config || errno != ENOENT) {
            fprintf(stderr, _("narrateur: %s: cannot read: %s\n"), name, strerror(errno));
            *rc = 2;
        }
        return NULL;
    }
    c->path = strdup(name);
    if (!c->path) {
        fclose(f);
        *rc = 2;
        return NULL;
    }
    return f;
}

int cli_config_args(cli_config *c, int argc, char **argv, const char *shortopts,
                    const struct option *longopts, int *new_argc, char ***new_argv)
{
    command_line cl = {0};
    /* The command line's settings first, to keep them when the file has them too. */
    cli_config from_command_line = {0};
    if (!scan(&from_command_line, argc, argv, shortopts, longopts, &cl))
        return 2;
    int rc;
    FILE *f = open_file(c, &cl, &rc);
    if (!f && rc >= 0) {
        cli_config_free(&from_command_line);
        return rc;
    }
    char err[4352];
    if (f) {
        rc = cli_config_parse(c, f, c->path, err, sizeof err);
        fclose(f);
        if (rc) {
            fprintf(stderr, _("narrateur: %s\n"), err);
            cli_config_free(&from_command_line);
            return rc;
        }
    }
    for (size_t i = 0; i < KEY_COUNT; i++) {
        cli_setting *s = &c->settings[i], *given = &from_command_line.settings[i];
        c->unused[i] = s->from == CLI_FROM_FILE && !applies(&keys[i], &cl);
        if (given->from == CLI_FROM_COMMAND_LINE) {
            free(s->value);
            *s = *given;
            *given = (cli_setting){0};
        }
    }
    cli_config_free(&from_command_line);
    if (cl.print) {
        cli_config_print(c, stdout);
        return 0;
    }

    /* argv[0], the file's settings in use, then the command line's. */
    c->argv = malloc(((size_t)argc + KEY_COUNT + 1) * sizeof *c->argv);
    if (!c->argv)
        return 2;
    int n = 0;
    c->argv[n++] = argv[0];
    for (size_t i = 0; i < KEY_COUNT; i++) {
        const cli_setting *s = &c->settings[i];
        if (s->from != CLI_FROM_FILE || c->unused[i])
            continue;
        bool off = keys[i].check == LOUDNESS && strcmp(s->value, "off") == 0;
        size_t size = strlen(keys[i].key) + strlen(s->value) + 4;
        if (!(c->options[i] = malloc(size)))
            return 2;
        if (off)
            snprintf(c->options[i], size, "--no-%s", keys[i].key);
        else
            snprintf(c->options[i], size, "--%s=%s", keys[i].key, s->value);
        c->argv[n++] = c->options[i];
    }
    for (int i = 1; i <= argc; i++)
        c->argv[n++] = argv[i];
    *new_argc = n - 1;
    *new_argv = c->argv;
    return -1;
}

void cli_config_print(const cli_config *c, FILE *out)
{
    fprintf(out, _("configuration file: %s\n"), c->path ? c->path : _("none"));
    for (size_t i = 0; i < KEY_COUNT; i++) {
        const cli_setting *s = &c->settings[i];
        if (s->from == CLI_FROM_COMMAND_LINE)
            fprintf(out, _("%s = %s (command line)\n"), keys[i].key, s->value);
        else if (s->from == CLI_FROM_FILE && c->unused[i])
            fprintf(out, _("%s = %s (%s:%d, not used by this command)\n"), keys[i].key,
                    s->value, c->path, s->line);
        else if (s->from == CLI_FROM_FILE)
            fprintf(out, _("%s = %s (%s:%d)\n"), keys[i].key, s->value, c->path, s->line);
        else
            fprintf(out, _("%s = %s (default)\n"), keys[i].key, _(keys[i].by_default));
    }
}
