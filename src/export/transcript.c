/* transcript: WebVTT / SubRip writer (see transcript.h). Times are
 * printed from integer milliseconds, so the output does not depend on the
 * C locale's decimal point. */
#include "export/transcript.h"
#include "base/buf.h"

#include <errno.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

struct narr_transcript {
    FILE *out;
    narr_transcript_format format;
    bool held;         /* a cue waits in text */
    double start, end; /* of the held cue */
    narr_buf text;     /* the held cue's */
    narr_buf next;     /* the new cue's, until it proves non-empty */
    long number;       /* SubRip cue numbers start at 1 */
    bool failed;
    int error;         /* errno of the first write that failed */
};

/* A write failed: keep its errno now, before other calls change it. */
static void write_failed(narr_transcript *t)
{
    if (!t->failed)
        t->error = errno;
    t->failed = true;
}

int narr_transcript_errno(const narr_transcript *t)
{
    return !t->failed ? 0 : t->error ? t->error : EIO;
}

bool narr_transcript_format_of(const char *path, narr_transcript_format *format)
{
    size_t n = strlen(path);
    if (n >= 4 && strcasecmp(path + n - 4, ".vtt") == 0) {
        *format = NARR_TRANSCRIPT_VTT;
        return true;
    }
    if (n >= 4 && strcasecmp(path + n - 4, ".srt") == 0) {
        *format = NARR_TRANSCRIPT_SRT;
        return true;
    }
    return false;
}

narr_transcript *narr_transcript_new(FILE *out, narr_transcript_format format)
{
    narr_transcript *t = calloc(1, sizeof *t);
    if (!t)
        return NULL;
    t->out = out;
    t->format = format;
    narr_buf_init(&t->text);
    narr_buf_init(&t->next);
    if (format == NARR_TRANSCRIPT_VTT && fputs("WEBVTT\n", out) == EOF)
        write_failed(t);
    return t;
}

void narr_transcript_free(narr_transcript *t)
{
    if (!t)
        return;
    narr_buf_deinit(&t->text);
    narr_buf_deinit(&t->next);
    free(t);
}

void narr_transcript_time(double seconds, char separator, char *buf, size_t size)
{
    long long ms = seconds > 0 ? llround(seconds * 1000.0) : 0;
    snprintf(buf, size, "%02lld:%02lld:%02lld%c%03lld", ms / 3600000, ms / 60000 % 60,
             ms / 1000 % 60, separator, ms % 1000);
}

static void write_held(narr_transcript *t)
{
    char from[32], to[32];
    char sep = t->format == NARR_TRANSCRIPT_VTT ? '.' : ',';
    narr_transcript_time(t->start, sep, from, sizeof from);
    narr_transcript_time(t->end > t->start ? t->end : t->start, sep, to, sizeof to);
    int rc;
    if (t->format == NARR_TRANSCRIPT_SRT)
        rc = fprintf(t->out, "%s%ld\n%s --> %s\n%s\n", t->number > 1 ? "\n" : "", t->number,
                     from, to, narr_buf_str(&t->text));
    else
        rc = fprintf(t->out, "\n%s --> %s\n%s\n", from, to, narr_buf_str(&t->text));
    if (rc < 0)
        write_failed(t);
    t->held = false;
}

narr_status narr_one_line(const char *s, size_t n, bool vtt_escape, narr_buf *out)
{
    narr_buf_clear(out);
    narr_status st = NARR_OK;
    bool space = false;
    for (size_t i = 0; i < n && st == NARR_OK; i++) {
        char c = s[i];
        if (c == '\n' || c == '\r' || c == '\t' || c == ' ') {
            space = out->len > 0;
            continue;
        }
        if (space)
            st = narr_buf_append_char(out, ' ');
        space = false;
        if (st != NARR_OK)
            break;
        if (vtt_escape && (c == '&' || c == '<' || c == '>'))
            st = narr_buf_append_str(out, c == '&' ? "&amp;" : c == '<' ? "&lt;" : "&gt;");
        else
            st = narr_buf_append_char(out, c);
    }
    return st;
}

narr_status narr_transcript_add(narr_transcript *t, double start, double end,
                                const char *text, size_t len)
{
    narr_status st = narr_one_line(text, len, t->format == NARR_TRANSCRIPT_VTT, &t->next);
    if (st != NARR_OK)
        return st;
    if (!t->next.len) /* nothing to show: the held cue stays held */
        return t->failed ? NARR_E_IO : NARR_OK;
    if (t->held)
        write_held(t);
    narr_buf swap = t->text;
    t->text = t->next;
    t->next = swap;
    t->held = true;
    t->number++;
    t->start = start;
    t->end = end;
    return t->failed ? NARR_E_IO : NARR_OK;
}

narr_status narr_transcript_finish(narr_transcript *t, double audio_end)
{
    if (t->held) {
        t->end = audio_end;
        write_held(t);
    }
    errno = 0;
    if (fflush(t->out) != 0 || ferror(t->out))
        write_failed(t); /* errno 0: an earlier error, no reason kept: EIO */
    return t->failed ? NARR_E_IO : NARR_OK;
}
