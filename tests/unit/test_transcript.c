/* transcript: WebVTT and SubRip cues, exactly: times, numbering, text on
 * one line, WebVTT escaping, the last cue ending with the audio; a write
 * error keeps its own errno for the message ("No space left on device",
 * never a later call's "Success"). */
#define _GNU_SOURCE /* fopencookie: a stream whose writes fail */
#include "../check.h"
#include "export/transcript.h"

#include <errno.h>
#include <stdlib.h>

/* A disk that is full: every write fails with ENOSPC. */
static ssize_t full_write(void *cookie, const char *buf, size_t size)
{
    (void)cookie;
    (void)buf;
    (void)size;
    errno = ENOSPC;
    return -1;
}

static FILE *full_disk(bool buffered)
{
    FILE *f = fopencookie(NULL, "w", (cookie_io_functions_t){.write = full_write});
    if (f && !buffered)
        setvbuf(f, NULL, _IONBF, 0);
    return f;
}

static void write_error_case(bool buffered)
{
    static const char cue[] = "La SNCF annonce un trafic perturbé mardi.";
    FILE *f = full_disk(buffered);
    CHECK(f != NULL);
    if (!f)
        return;
    narr_transcript *tr = narr_transcript_new(f, NARR_TRANSCRIPT_VTT);
    CHECK(tr != NULL);
    CHECK(narr_transcript_add(tr, 0, 1, cue, strlen(cue)) == (buffered ? NARR_OK : NARR_E_IO));
    CHECK(narr_transcript_add(tr, 1, 2, cue, strlen(cue)) == (buffered ? NARR_OK : NARR_E_IO));
    errno = 0; /* what other calls leave behind must not be the reason */
    CHECK(narr_transcript_finish(tr, 3) == NARR_E_IO);
    errno = EBADF;
    CHECK_INT_EQ(narr_transcript_errno(tr), ENOSPC);
    narr_transcript_free(tr);
    fclose(f);
}

static char *written(FILE *f)
{
    long n = ftell(f);
    rewind(f);
    char *s = calloc(1, (size_t)n + 1);
    if (s && fread(s, 1, (size_t)n, f) != (size_t)n)
        s[0] = '\0';
    fclose(f);
    return s;
}

int main(void)
{
    char t[32];
    narr_transcript_time(3661.5, '.', t, sizeof t);
    CHECK_STR_EQ(t, "01:01:01.500");
    narr_transcript_time(0.0004, ',', t, sizeof t);
    CHECK_STR_EQ(t, "00:00:00,000");
    narr_transcript_time(59.9996, '.', t, sizeof t);
    CHECK_STR_EQ(t, "00:01:00.000");

    narr_transcript_format fmt;
    CHECK(narr_transcript_format_of("episode.VTT", &fmt) && fmt == NARR_TRANSCRIPT_VTT);
    CHECK(narr_transcript_format_of("a/b.srt", &fmt) && fmt == NARR_TRANSCRIPT_SRT);
    CHECK(!narr_transcript_format_of("episode.txt", &fmt));

    static const char one[] = "Le CAC 40 a gagné 1,2 % <selon> Les Échos & l'AFP.";
    static const char two[] = "M. Dupont\nl'a confirmé\tjeudi.";
    FILE *f = tmpfile();
    narr_transcript *tr = narr_transcript_new(f, NARR_TRANSCRIPT_VTT);
    CHECK(narr_transcript_add(tr, 1.25, 4.1, one, strlen(one)) == NARR_OK);
    CHECK(narr_transcript_add(tr, 4.85, 6.0, two, strlen(two)) == NARR_OK);
    CHECK(narr_transcript_add(tr, 7.0, 7.5, " \n ", 3) == NARR_OK); /* no text: no cue */
    CHECK(narr_transcript_finish(tr, 8.75) == NARR_OK);
    CHECK_INT_EQ(narr_transcript_errno(tr), 0);
    narr_transcript_free(tr);
    char *s = written(f);
    CHECK_STR_EQ(s, "WEBVTT\n"
                    "\n00:00:01.250 --> 00:00:04.100\n"
                    "Le CAC 40 a gagné 1,2 % &lt;selon&gt; Les Échos &amp; l'AFP.\n"
                    "\n00:00:04.850 --> 00:00:08.750\n"
                    "M. Dupont l'a confirmé jeudi.\n");
    free(s);

    f = tmpfile();
    tr = narr_transcript_new(f, NARR_TRANSCRIPT_SRT);
    CHECK(narr_transcript_add(tr, 0, 2.5, one, strlen(one)) == NARR_OK);
    CHECK(narr_transcript_add(tr, 3, 4, two, strlen(two)) == NARR_OK);
    CHECK(narr_transcript_finish(tr, 5.001) == NARR_OK);
    narr_transcript_free(tr);
    s = written(f);
    CHECK_STR_EQ(s, "1\n00:00:00,000 --> 00:00:02,500\n"
                    "Le CAC 40 a gagné 1,2 % <selon> Les Échos & l'AFP.\n"
                    "\n2\n00:00:03,000 --> 00:00:05,001\n"
                    "M. Dupont l'a confirmé jeudi.\n");
    free(s);

    /* No cue at all: a valid, empty WebVTT file. */
    f = tmpfile();
    tr = narr_transcript_new(f, NARR_TRANSCRIPT_VTT);
    CHECK(narr_transcript_finish(tr, 1.0) == NARR_OK);
    narr_transcript_free(tr);
    s = written(f);
    CHECK_STR_EQ(s, "WEBVTT\n");
    free(s);
    narr_transcript_free(NULL);

    write_error_case(true);  /* fails when flushed at the end */
    write_error_case(false); /* fails on the first cue */
    return CHECK_DONE();
}
