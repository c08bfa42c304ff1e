/* web_options: the program's options for web addresses, feeds, batches
 * and the podcast feed, parsed beside main.c's own. In: getopt's code
 * and value. Out: cli_web, which cli/inputs and cli/batch read. */
#ifndef NARR_CLI_WEB_OPTIONS_H
#define NARR_CLI_WEB_OPTIONS_H

#include "narrateur.h"

#include <getopt.h>

enum {
    CLI_OPT_CONNECT_TIMEOUT = 1024, CLI_OPT_TIMEOUT, CLI_OPT_FETCH_LINKS, CLI_OPT_MAX_ITEMS,
    CLI_OPT_SINCE, CLI_OPT_OUTPUT_DIR, CLI_OPT_JOBS, CLI_OPT_PODCAST_FEED, CLI_OPT_FEED_TITLE,
    CLI_OPT_FEED_DESCRIPTION, CLI_OPT_BASE_URL, CLI_OPT_FEED_IMAGE,
};

/* Entries for getopt_long's table; -j is the short form of --jobs. */
#define CLI_WEB_LONG_OPTIONS                                                    \
    {"connect-timeout", required_argument, NULL, CLI_OPT_CONNECT_TIMEOUT},      \
    {"timeout", required_argument, NULL, CLI_OPT_TIMEOUT},                      \
    {"fetch-links", no_argument, NULL, CLI_OPT_FETCH_LINKS},                    \
    {"max-items", required_argument, NULL, CLI_OPT_MAX_ITEMS},                  \
    {"since", required_argument, NULL, CLI_OPT_SINCE},                          \
    {"output-dir", required_argument, NULL, CLI_OPT_OUTPUT_DIR},                \
    {"jobs", required_argument, NULL, CLI_OPT_JOBS},                            \
    {"podcast-feed", required_argument, NULL, CLI_OPT_PODCAST_FEED},            \
    {"feed-title", required_argument, NULL, CLI_OPT_FEED_TITLE},                \
    {"feed-description", required_argument, NULL, CLI_OPT_FEED_DESCRIPTION},    \
    {"base-url", required_argument, NULL, CLI_OPT_BASE_URL},                    \
    {"feed-image", required_argument, NULL, CLI_OPT_FEED_IMAGE}

typedef struct {
    narr_articles_options articles;
    const char *output_dir;   /* a batch: one file per article; NULL = none */
    int jobs;                 /* worker processes; 0 = the number of cores */
    const char *podcast_feed; /* the feed file to update; NULL = none */
    narr_podcast_options podcast;
} cli_web;

/* Takes option c (with -j as 'j'): 0 when done, -1 when c is not one of
 * these, else the exit status of a usage error (already printed). */
int cli_web_option(cli_web *w, int c, const char *value);

/* With --output-dir, --transcript and --chapters written without a value
 * ask for side files beside each article: they become --transcript=vtt
 * and --chapters=json, so the next argument stays an input. Call before
 * getopt_long. */
void cli_web_side_flags(int argc, char **argv);

/* The options' part of --help. */
extern const char cli_web_usage[];

/* Prints "narrateur: MESSAGE" and the --help hint; returns 2. */
int cli_usage_error(const char *fmt, const char *arg);

#endif
