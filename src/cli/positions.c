/* positions: --resume's memory (see positions.h). */
#include "cli/positions.h"
#include "cli/i18n.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The folder (made if missing when make is true) and the file. */
static bool state_path(char *dir, size_t dir_size, char *file, size_t file_size, bool make)
{
    const char *xdg = getenv("XDG_STATE_HOME"), *home = getenv("HOME");
    int n;
    if (xdg && *xdg == '/')
        n = snprintf(dir, dir_size, "%s/narrateur", xdg);
    else if (home && *home)
        n = snprintf(dir, dir_size, "%s/.local/state/narrateur", home);
    else
        return false;
    if (n < 0 || (size_t)n >= dir_size ||
        (size_t)snprintf(file, file_size, "%s/positions.tsv", dir) >= file_size)
        return false;
    if (!make)
        return true;
    /* mkdir -p: each parent in turn. */
    for (char *p = dir + 1; *p; p++) {
        if (*p != '/')
            continue;
        *p = '\0';
        bool ok = mkdir(dir, 0700) == 0 || errno == EEXIST;
        *p = '/';
        if (!ok)
            return false;
    }
    return mkdir(dir, 0700) == 0 || errno == EEXIST;
}

long positions_get(const char *key)
{
    char dir[4096], file[4200];
    if (!state_path(dir, sizeof dir, file, sizeof file, false))
        return -1;
    FILE *f = fopen(file, "r");
    if (!f)
        return -1;
    char line[1024];
    long found = -1;
    size_t klen = strlen(key);
    while (found < 0 && fgets(line, sizeof line, f)) {
        if (strncmp(line, key, klen) == 0 && line[klen] == '\t') {
            char *end;
            long v = strtol(line + klen + 1, &end, 10);
            if (end != line + klen + 1 && v >= 0)
                found = v;
        }
    }
    fclose(f);
    return found;
}

bool positions_set(const char *key, long sentence, const char *title, char *msg,
                   size_t msg_size)
{
    char dir[4096], file[4200], tmp[4300];
    if (!state_path(dir, sizeof dir, file, sizeof file, true)) {
        snprintf(msg, msg_size, _("cannot make the folder for positions (%s): %s"),
                 *dir ? dir : "$XDG_STATE_HOME or $HOME unset", strerror(errno));
        return false;
    }
    snprintf(tmp, sizeof tmp, "%s/.positions.XXXXXX", dir);
    int fd = mkstemp(tmp);
    FILE *out = fd >= 0 ? fdopen(fd, "w") : NULL;
    if (!out) {
        snprintf(msg, msg_size, _("cannot write in %s: %s"), dir, strerror(errno));
        if (fd >= 0) {
            close(fd);
            unlink(tmp);
        }
        return false;
    }
    int kept = 0;
    if (sentence >= 0) {
        /* The title on one line, without tabs: the file stays TSV. */
        fprintf(out, "%s\t%ld\t", key, sentence);
        for (const char *t = title ? title : ""; *t; t++)
            fputc(*t == '\t' || *t == '\n' || *t == '\r' ? ' ' : *t, out);
        fputc('\n', out);
        kept++;
    }
    FILE *in = fopen(file, "r");
    char line[1024];
    size_t klen = strlen(key);
    bool whole = true; /* the last piece read ended its line */
    while (in && fgets(line, sizeof line, in)) {
        bool starts = whole;
        whole = strchr(line, '\n') != NULL;
        if (!starts || (strncmp(line, key, klen) == 0 && line[klen] == '\t'))
            continue; /* a long line's tail, or this article's old place */
        if (kept >= POSITIONS_KEPT)
            break;
        fputs(line, out);
        if (!whole)
            fputc('\n', out); /* a title too long for line[]: cut */
        kept++;
    }
    if (in)
        fclose(in);
    bool ok = fflush(out) == 0 && fsync(fileno(out)) == 0;
    ok = fclose(out) == 0 && ok;
    if (ok && rename(tmp, file) == 0)
        return true;
    snprintf(msg, msg_size, _("cannot write %s: %s"), file, strerror(errno));
    unlink(tmp);
    return false;
}
