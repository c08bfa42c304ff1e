/* file_sink_setup: the file sink's settings, fixed at open, from the
 * options: format (from the name: `episode.mp3` → MP3), rate (44 100 Hz,
 * Opus 48 000, WAV eSpeak's own), loudness target and limiter ceiling,
 * tags, cover, intro and outro; then the files, all under temporary names:
 * the audio, the chapters and transcript, and the scratch files. */
#include "audio/file_sink_private.h"
#include "base/i18n.h"
#include "audio/cover.h"

#include <errno.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SPEECH_QUEUE (1 << 17) /* samples: about 6 s of eSpeak's speech */
#define LEVEL_QUEUE (1 << 16)  /* samples: about 1.5 s at the output rate */
#define DEFAULT_TARGET_LUFS -16.0
/* Limiter ceilings (dBFS, inter-sample peaks included): −1 dBTP with room
 * for the overshoot each codec adds on eSpeak's speech (measured with
 * ffmpeg's ebur128 true peak: MP3 up to 0.3 dB, Vorbis 0.8, Opus 1.0). */
#define CEILING_LOSSLESS_DB -1.2
#define CEILING_MP3_DB -1.8
#define CEILING_VORBIS_DB -2.2
#define CEILING_OPUS_DB -2.8
#define MAX_COVER_BYTES (16 << 20)

static narr_status fail_open(char *msg, size_t size, narr_status st, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, size, fmt, ap);
    va_end(ap);
    return st;
}

static char *dup_or_null(const char *s, bool *ok)
{
    if (!s)
        return NULL;
    char *d = strdup(s);
    if (!d)
        *ok = false;
    return d;
}

/* The cover's bytes and MIME type, once audio/cover finds it a whole
 * JPEG or PNG. */
static narr_status read_cover(narr_file_sink *f, const char *path, char *msg, size_t size)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return fail_open(msg, size, NARR_E_IO, L_("%s: cannot read the cover: %s"), path,
                         strerror(errno));
    f->cover = malloc(MAX_COVER_BYTES + 1);
    size_t n = f->cover ? fread(f->cover, 1, MAX_COVER_BYTES + 1, in) : 0;
    bool failed = ferror(in);
    fclose(in);
    if (!f->cover)
        return fail_open(msg, size, NARR_E_NOMEM, L_("out of memory"));
    if (failed)
        return fail_open(msg, size, NARR_E_IO, L_("%s: cannot read the cover"), path);
    if (n > MAX_COVER_BYTES)
        return fail_open(msg, size, NARR_E_ARG, L_("%s: the cover is over 16 MB; use a smaller "
                         "image"), path);
    f->cover_len = n;
    narr_cover_info info;
    char why[96];
    if (!narr_cover_check(f->cover, n, &info, why, sizeof why))
        return fail_open(msg, size, NARR_E_ARG, L_("%s: the cover is %s"), path, why);
    f->cover_mime = info.mime;
    return NARR_OK;
}

narr_status narr_file_sink_setup(narr_file_sink *f, const char *path, int rate,
                                 const narr_output_options *cfg, char *msg, size_t size)
{
    const narr_audio_options *o = &cfg->audio;
    f->format = o->format != NARR_AUDIO_AUTO ? o->format : narr_audio_format_of(path);
    if (f->format == NARR_AUDIO_AUTO)
        return fail_open(msg, size, NARR_E_ARG, L_("cannot tell the audio format of '%s'; name "
                         "it .wav, .flac, .ogg, .opus or .mp3"), path);
    f->in_rate = rate;
    f->out_rate = o->sample_rate ? o->sample_rate
                  : f->format == NARR_AUDIO_WAV  ? rate
                  : f->format == NARR_AUDIO_OPUS ? 48000
                                                 : 44100;
    const char *problem = narr_audio_rate_problem(f->format, f->out_rate);
    if (problem)
        return fail_open(msg, size, NARR_E_ARG, "%s: %s, not %d", path, problem, f->out_rate);
    if (!narr_file_can_encode(f->format, f->out_rate))
        return fail_open(msg, size, NARR_E_ARG, L_("%s: this libsndfile cannot write that format"),
                         path);
    f->bitrate = o->bitrate;
    f->quality = o->quality;
    f->loudness = !o->no_loudness && (o->loudness != 0 || f->format != NARR_AUDIO_WAV);
    f->target = o->loudness != 0 ? o->loudness : DEFAULT_TARGET_LUFS;
    f->ceiling_db = f->format == NARR_AUDIO_MP3    ? CEILING_MP3_DB
                    : f->format == NARR_AUDIO_OGG  ? CEILING_VORBIS_DB
                    : f->format == NARR_AUDIO_OPUS ? CEILING_OPUS_DB
                                                   : CEILING_LOSSLESS_DB;
    f->progress = cfg->progress;
    f->progress_user = cfg->progress_user;

    bool ok = true;
    f->artist = dup_or_null(o->artist ? o->artist : "narrateur", &ok);
    f->album = dup_or_null(o->album, &ok);
    f->comment = dup_or_null(o->comment, &ok);
    f->intro = dup_or_null(o->intro, &ok);
    f->outro = dup_or_null(o->outro, &ok);
    if (o->date) {
        f->date = dup_or_null(o->date, &ok);
    } else {
        char today[48];
        time_t now = time(NULL);
        struct tm tm;
        localtime_r(&now, &tm);
        snprintf(today, sizeof today, "%04d-%02d-%02d", tm.tm_year + 1900, tm.tm_mon + 1,
                 tm.tm_mday);
        f->date = dup_or_null(today, &ok);
    }
    f->chapters = narr_chapters_new();
    f->speech = narr_pcm_queue_new(SPEECH_QUEUE, sizeof(int16_t));
    f->leveled = narr_pcm_queue_new(LEVEL_QUEUE, sizeof(float));
    if (!ok || !f->chapters || !f->speech || !f->leveled)
        return fail_open(msg, size, NARR_E_NOMEM, L_("out of memory"));

    narr_status st;
    if (o->cover && (st = read_cover(f, o->cover, msg, size)) != NARR_OK)
        return st;
    double outro_seconds;
    if (o->intro && (st = narr_file_check_sound(o->intro, &f->intro_seconds, msg, size)) != NARR_OK)
        return st;
    if (o->outro && (st = narr_file_check_sound(o->outro, &outro_seconds, msg, size)) != NARR_OK)
        return st;
    /* narr_check_options has checked the options against each other. */
    narr_transcript_format tf = NARR_TRANSCRIPT_VTT;
    if (o->transcript)
        narr_transcript_format_of(o->transcript, &tf);

    if ((st = narr_pending_open(&f->audio, path, msg, size)) != NARR_OK)
        return st;
    if (o->chapters) {
        if ((st = narr_pending_open(&f->chapters_file, o->chapters, msg, size)) != NARR_OK)
            return st;
        f->has_chapters_file = true;
    }
    if (o->transcript) {
        if ((st = narr_pending_open(&f->transcript_file, o->transcript, msg, size)) != NARR_OK)
            return st;
        f->has_transcript_file = true;
    }
    /* Two outputs under one name: the last rename would win. */
    const narr_pending *outs[3] = {&f->audio, f->has_chapters_file ? &f->chapters_file : NULL,
                                   f->has_transcript_file ? &f->transcript_file : NULL};
    for (int i = 0; i < 3; i++)
        for (int j = i + 1; j < 3; j++)
            if (outs[i] && outs[j] && strcmp(outs[i]->dest, outs[j]->dest) == 0)
                return fail_open(msg, size, NARR_E_ARG, L_("%s and %s are the same file; give "
                                 "each output its own name"), outs[i]->path, outs[j]->path);
    if (o->transcript) {
        /* The stream gets its own descriptor: the pending file keeps one
         * to flush to the disk before publishing. */
        int fd = dup(f->transcript_file.fd);
        f->transcript_out = fd >= 0 ? fdopen(fd, "w") : NULL;
        if (!f->transcript_out) {
            int e = errno;
            if (fd >= 0)
                close(fd);
            return fail_open(msg, size, NARR_E_IO, L_("%s: cannot write the transcript: %s; "
                             "try again with fewer programs open"), o->transcript, strerror(e));
        }
        f->transcript = narr_transcript_new(f->transcript_out, tf);
        if (!f->transcript)
            return fail_open(msg, size, NARR_E_NOMEM, L_("out of memory"));
    }
    if (f->loudness)
        f->pcm_fd = narr_scratch_fd(f->audio.dest);
    if (f->format == NARR_AUDIO_MP3 && (!f->loudness || f->pcm_fd >= 0))
        f->mp3_fd = narr_scratch_fd(f->audio.dest);
    if ((f->loudness && f->pcm_fd < 0) || (f->format == NARR_AUDIO_MP3 && f->mp3_fd < 0))
        return fail_open(msg, size, NARR_E_IO, L_("%s: cannot create a temporary file next to "
                         "it: %s; choose a writable folder"), path, strerror(errno));
    return NARR_OK;
}
