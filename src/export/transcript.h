/* transcript: WebVTT or SubRip cues, one per sentence, with the sentence
 * as written in the article (not as normalized for speech). A cue is held
 * until the next one (or the end) arrives, because the last cue ends with
 * the audio, which is only known at the end. E.g. in WebVTT:
 *   00:00:01.250 --> 00:00:04.100
 *   Le chômage a baissé de 0,3 % au troisième trimestre. */
#ifndef NARR_TRANSCRIPT_H
#define NARR_TRANSCRIPT_H

#include "narrateur.h"
#include "base/buf.h"

typedef enum {
    NARR_TRANSCRIPT_VTT,
    NARR_TRANSCRIPT_SRT,
} narr_transcript_format;

/* .vtt or .srt (any case) → *format; false for anything else. */
bool narr_transcript_format_of(const char *path, narr_transcript_format *format);

typedef struct narr_transcript narr_transcript;

/* Writes to out (borrowed, not closed). NULL when out of memory. */
narr_transcript *narr_transcript_new(FILE *out, narr_transcript_format format);
void narr_transcript_free(narr_transcript *t);

/* A cue from start to end (seconds). Line breaks and tabs in text become
 * spaces; in WebVTT, &, < and > are escaped. NARR_E_IO on a write error. */
narr_status narr_transcript_add(narr_transcript *t, double start, double end,
                                const char *text, size_t len);

/* Writes the held cue, ending at audio_end (the audio's duration), and
 * flushes. NARR_E_IO when this or any earlier write failed. */
narr_status narr_transcript_finish(narr_transcript *t, double audio_end);

/* The errno of the first write that failed (EIO when the stream gave
 * none), 0 if none did: for the message, however many calls came after. */
int narr_transcript_errno(const narr_transcript *t);

/* s[0..n) as one line into out (its contents replaced): trimmed, each run
 * of spaces, tabs and line breaks one space; with vtt_escape, &, < and >
 * as WebVTT's &amp; &lt; &gt;. For cues, titles and chapters alike, e.g.
 * " M. Dupont\nl'a dit " → "M. Dupont l'a dit". NARR_E_NOMEM. */
narr_status narr_one_line(const char *s, size_t n, bool vtt_escape, narr_buf *out);

/* "hh:mm:ss.mmm" (WebVTT) or "hh:mm:ss,mmm" (SubRip) into buf (>= 16 bytes). */
void narr_transcript_time(double seconds, char separator, char *buf, size_t size);

#endif
