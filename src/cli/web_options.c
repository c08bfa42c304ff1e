/* web_options: see web_options.h. */
#include "cli/web_options.h"
#include "cli/i18n.h"
#include "cli/cli_text.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

const char cli_web_usage[] = N_(
    "Web and feeds:\n"
    "      --connect-timeout S give up connecting after S seconds (default 15)\n"
    "      --timeout S         give up a transfer after S seconds (default 60)\n"
    "      --fetch-links       read each feed item's page, not the feed's text\n"
    "      --max-items N       at most N items of each feed\n"
    "      --since DATE        only feed items from DATE on (2026-12-07)\n"
    "\n"
    "Batches (one audio file per article, in DIR):\n"
    "      --output-dir DIR    write YYYY-MM-DD-title.mp3 for each article; made\n"
    "                          articles are skipped on the next run, changed ones\n"
    "                          redone (DIR/.narrateur-state); --transcript and\n"
    "                          --chapters without a value add side files\n"
    "                          (--transcript=srt for SRT)\n"
    "  -j, --jobs N            worker processes (default: the number of cores)\n"
    "      --podcast-feed FILE update this RSS podcast feed (in DIR) with each\n"
    "                          article made\n"
    "      --base-url URL      where DIR is served (required with --podcast-feed)\n"
    "      --feed-title T, --feed-description D, --feed-image URL\n"
    "                          the podcast's title, description and image\n"
    "\n"
    "Input:\n"
    "      --input-format F    text, markdown or html; default: from the file's\n"
    "                          extension (.html .htm .md .markdown), else from\n"
    "                          its content. For a web page, only the article is\n"
    "                          read (no menus, ads, share buttons, captions)\n"
    "      --format F          the same, for F = text, markdown or html\n"
    "\n");

int cli_usage_error(const char *fmt, const char *arg)
{
    fputs(_("narrateur: "), stderr);
    fprintf(stderr, fmt, arg);
    fputs(_("\nTry 'narrateur --help' for more information.\n"), stderr);
    return 2;
}

int cli_web_option(cli_web *w, int c, const char *value)
{
    long v;
    switch (c) {
    case CLI_OPT_CONNECT_TIMEOUT:
    case CLI_OPT_TIMEOUT:
        if (!cli_parse_int(value, 1, 86400, &v))
            return cli_usage_error(c == CLI_OPT_TIMEOUT
                                       ? _("--timeout must be a number of seconds from 1 to "
                                           "86400, not '%s'")
                                       : _("--connect-timeout must be a number of seconds from "
                                           "1 to 86400, not '%s'"),
                                   value);
        *(c == CLI_OPT_TIMEOUT ? &w->articles.timeout_ms : &w->articles.connect_timeout_ms) =
            v * 1000;
        return 0;
    case CLI_OPT_FETCH_LINKS:
        w->articles.fetch_links = true;
        return 0;
    case CLI_OPT_MAX_ITEMS:
        if (!cli_parse_int(value, 1, 10000, &v))
            return cli_usage_error(_("--max-items must be a number from 1 to 10000, not '%s'"),
                                   value);
        w->articles.max_items = (size_t)v;
        return 0;
    case CLI_OPT_SINCE:
        w->articles.since = value;
        return 0;
    case CLI_OPT_OUTPUT_DIR:
        w->output_dir = value;
        return 0;
    case 'j':
    case CLI_OPT_JOBS:
        if (!cli_parse_int(value, 1, 256, &v))
            return cli_usage_error(_("-j must be a number of worker processes from 1 to 256, "
                                   "not '%s'"), value);
        w->jobs = (int)v;
        return 0;
    case CLI_OPT_PODCAST_FEED:
        w->podcast_feed = value;
        return 0;
    case CLI_OPT_FEED_TITLE:
        w->podcast.title = value;
        return 0;
    case CLI_OPT_FEED_DESCRIPTION:
        w->podcast.description = value;
        return 0;
    case CLI_OPT_BASE_URL:
        w->podcast.base_url = value;
        return 0;
    case CLI_OPT_FEED_IMAGE:
        w->podcast.image_url = value;
        return 0;
    default:
        return -1;
    }
}

void cli_web_side_flags(int argc, char **argv)
{
    static char transcript[] = "--transcript=vtt", chapters[] = "--chapters=json";
    bool batch = false;
    for (int i = 1; i < argc && strcmp(argv[i], "--") != 0; i++)
        batch |= strcmp(argv[i], "--output-dir") == 0 ||
                 strncmp(argv[i], "--output-dir=", 13) == 0;
    for (int i = 1; batch && i < argc && strcmp(argv[i], "--") != 0; i++) {
        if (strcmp(argv[i], "--transcript") == 0)
            argv[i] = transcript;
        else if (strcmp(argv[i], "--chapters") == 0)
            argv[i] = chapters;
    }
}
