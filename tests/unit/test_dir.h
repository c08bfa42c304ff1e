/* test_dir: a scratch folder for the tests that write files, and reading
 * back what is in it. E.g. after test_dir_make("narr-sink"),
 * in_dir("ep.mp3") is "$TMPDIR/narr-sink-a1B2c3/ep.mp3" (TMPDIR, else
 * /tmp), listing() is "ep.mp3 ep.vtt" and file_text(in_dir("ep.vtt")) the
 * file's start. Strings are static: each call's result lasts a while. */
#ifndef NARR_TEST_DIR_H
#define NARR_TEST_DIR_H

#include <dirent.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static char test_dir[64];

/* Creates the folder; false (with a message) when it cannot. */
static bool test_dir_make(const char *prefix)
{
    const char *tmp = getenv("TMPDIR");
    snprintf(test_dir, sizeof test_dir, "%s/%s-XXXXXX", tmp && strlen(tmp) < 40 ? tmp : "/tmp",
             prefix);
    if (mkdtemp(test_dir))
        return true;
    perror("mkdtemp");
    return false;
}

/* test_dir/name; the last 8 results stay valid. */
static const char *in_dir(const char *name)
{
    static char paths[8][160];
    static int next;
    char *p = paths[next++ % 8];
    snprintf(p, sizeof paths[0], "%s/%s", test_dir, name);
    return p;
}

/* The names in test_dir, sorted, space-separated ("" when empty). */
static const char *listing(void)
{
    static char out[512];
    struct dirent **names;
    int n = scandir(test_dir, &names, NULL, alphasort);
    out[0] = '\0';
    for (int i = 0; i < n; i++) {
        if (strcmp(names[i]->d_name, ".") != 0 && strcmp(names[i]->d_name, "..") != 0) {
            if (out[0])
                strncat(out, " ", sizeof out - strlen(out) - 1);
            strncat(out, names[i]->d_name, sizeof out - strlen(out) - 1);
        }
        free(names[i]);
    }
    if (n >= 0)
        free(names);
    return out;
}

/* The first 4 KB of a file as a string, "(missing)" when it cannot be read. */
static const char *file_text(const char *path)
{
    static char text[4096];
    FILE *f = fopen(path, "rb");
    size_t n = f ? fread(text, 1, sizeof text - 1, f) : 0;
    text[n] = '\0';
    if (f)
        fclose(f);
    return f ? text : "(missing)";
}

#endif
