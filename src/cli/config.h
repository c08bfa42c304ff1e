/* config: the configuration file, $XDG_CONFIG_HOME/narrateur/narrateur.conf
 * or --config FILE, INI lines of KEY = VALUE whose keys are long options
 * (voice, rate, device, quotes, output-format, loudness, artist, and the
 * feed settings). In: the command line and main's getopt table. Out: the
 * command line to parse, with the file's settings put in front of the
 * user's options so that the command line wins; or --print-config's
 * report. The file's values are checked here, so an error names the file
 * and the line. */
#ifndef NARR_CLI_CONFIG_H
#define NARR_CLI_CONFIG_H

#include <getopt.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

enum { CLI_OPT_CONFIG = 2048, CLI_OPT_PRINT_CONFIG, CLI_OPT_NO_CONFIG };

/* Entries for main's getopt_long table; main ignores them (cli_config_args
 * has used them already). */
#define CLI_CONFIG_LONG_OPTIONS                                    \
    {"config", required_argument, NULL, CLI_OPT_CONFIG},           \
    {"no-config", no_argument, NULL, CLI_OPT_NO_CONFIG},           \
    {"print-config", no_argument, NULL, CLI_OPT_PRINT_CONFIG}

typedef enum { CLI_FROM_DEFAULT, CLI_FROM_FILE, CLI_FROM_COMMAND_LINE } cli_source;

/* One setting: its value and where it came from. */
typedef struct {
    char *value;  /* owned; NULL when not set */
    cli_source from;
    int line;     /* FILE: the line it is on */
} cli_setting;

#define CLI_CONFIG_KEYS 20

typedef struct {
    char *path;               /* the file read, NULL if none; owned */
    cli_setting settings[CLI_CONFIG_KEYS]; /* in the order of cli_config_key */
    bool unused[CLI_CONFIG_KEYS]; /* a file's setting that this run does not use */
    char **argv;              /* the command line to parse; owned (not its strings) */
    char *options[CLI_CONFIG_KEYS]; /* the file's settings as options; owned */
} cli_config;

/* The number of keys, and key i's name (a long option's name). */
size_t cli_config_key_count(void);
const char *cli_config_key(size_t i);

/* Reads the INI text of f (named path in messages) into c, which starts
 * zeroed. 0 on success; else 2 with "PATH:LINE: what is wrong" in err. */
int cli_config_parse(cli_config *c, FILE *f, const char *path, char *err, size_t err_size);

/* Frees what c holds (not c). */
void cli_config_free(cli_config *c);

/* The default file: $XDG_CONFIG_HOME/narrateur/narrateur.conf, or
 * ~/.config/...; false when neither variable is set. */
bool cli_config_default_path(char *buf, size_t size);

/* Does all of it for main: scans argv with main's table (shortopts,
 * longopts) for --config, --no-config, --print-config and the settings
 * given; reads the file (the default one only if it exists); and sets
 * *new_argc and *new_argv (owned by c, valid until cli_config_free) to argv
 * with the file's settings in front. The file's settings for audio files
 * (output-format, loudness) apply only when a file is written, and
 * output-format only when the output's name does not say its format.
 * Returns -1 to go on, else an exit status: 0 after --print-config, 2
 * after an error (printed on stderr). */
int cli_config_args(cli_config *c, int argc, char **argv, const char *shortopts,
                    const struct option *longopts, int *new_argc, char ***new_argv);

/* --print-config: each setting, its value and where it came from. */
void cli_config_print(const cli_config *c, FILE *out);

#endif
