/* file sink: WAV, FLAC, Ogg Vorbis, Opus or MP3 through libsndfile, with
 * resampling, EBU R128 loudness, tags, chapters and a transcript. E.g.
 * `-o episode.mp3`: eSpeak's 22 050 Hz speech becomes a 44 100 Hz MP3 at
 * −16 LUFS with ID3 chapters.
 *
 * Three threads, so synthesis, resampling, loudness and encoding overlap,
 * with bounded queues between them (memory stays flat):
 *   pipeline thread (eSpeak) → 16-bit queue →
 *   shaper: intro, resample (soxr), outro; gain, limiter, loudness meter →
 *     float queue →
 *   encoder: libsndfile.
 * Loudness needs the gain before the first sample goes out: the shaper
 * keeps the resampled audio in a scratch file (unlinked, next to the
 * output; 16-bit, 88 KB a second at 44.1 kHz), measures the first 20 s,
 * fits the gain (limiter included) and
 * from then on levels as it goes, while synthesis goes on. At the end it
 * checks its measurement of everything it sent: if that misses the target
 * by more than 0.5 LU (an article that gets louder or quieter), the
 * encoder encodes the file a second time from the scratch file with the
 * exact gain.
 *
 * The output, and the chapters and transcript files, are written under
 * temporary names, flushed to the disk and renamed only when all of them
 * are complete, as one set: a failed rename takes back the others. A name
 * that is not a regular file (`-o /dev/full`) is refused at open. An MP3's
 * ID3 tag holds the chapters, known only at the end, so its MP3 frames go
 * to a scratch file first and are copied after the tag.
 *
 * This file is the sink on the pipeline thread (write, chapters, cues,
 * progress, finish, close, open) and what the threads share; the rest is
 * in file_sink_setup.c, file_sink_level.c, file_sink_shaper.c and
 * file_sink_encoder.c. Only the shaper (intro, outro) and the encoder
 * include libsndfile. */
#include "audio/file_sink_private.h"
#include "base/i18n.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define DEFAULT_WINDOW_S 20.0

/* ---- errors and scratch I/O shared by the threads ---- */

void narr_file_sink_set_error(narr_file_sink *f, narr_status st, const char *fmt, ...)
{
    pthread_mutex_lock(&f->lock);
    if (f->error == NARR_OK) {
        f->error = st;
        va_list ap;
        va_start(ap, fmt);
        vsnprintf(f->error_msg, sizeof f->error_msg, fmt, ap);
        va_end(ap);
    }
    f->stop = true;
    pthread_cond_broadcast(&f->cond);
    pthread_mutex_unlock(&f->lock);
    narr_pcm_queue_abort(f->speech);
    narr_pcm_queue_abort(f->leveled);
}

/* The scratch PCM is 16-bit with 6 dB of headroom (1.0 is 16384), not
 * float: half the temporary disk space (an MP3's peak went from 19 to 10
 * times its size), for a noise floor near -90 dB, far below what MP3
 * keeps, and no change to the loudness measured (see file_sink tests). */
#define SCRATCH_ONE 16384.0f

static int16_t to_scratch(float x)
{
    float v = x * SCRATCH_ONE;
    return (int16_t)lrintf(v > 32767.0f ? 32767.0f : v < -32768.0f ? -32768.0f : v);
}

void narr_file_sink_as_scratch(float *pcm, size_t frames)
{
    for (size_t i = 0; i < frames; i++)
        pcm[i] = to_scratch(pcm[i]) / SCRATCH_ONE;
}

bool narr_file_sink_write_scratch(narr_file_sink *f, const float *pcm, size_t frames,
                                  long long at)
{
    int16_t block[NARR_FILE_CHUNK];
    for (size_t done = 0; done < frames;) {
        size_t n = frames - done < NARR_FILE_CHUNK ? frames - done : NARR_FILE_CHUNK;
        for (size_t i = 0; i < n; i++)
            block[i] = to_scratch(pcm[done + i]);
        if (!narr_pwrite_all(f->pcm_fd, block, n * sizeof *block,
                             (off_t)((at + (long long)done) * (long long)sizeof *block))) {
            narr_file_sink_set_error(f, NARR_E_IO, L_("%s: cannot write the temporary audio next "
                                     "to it: %s (is the disk full?)"), f->audio.path,
                                     strerror(errno));
            return false;
        }
        done += n;
    }
    return true;
}

bool narr_file_sink_read_scratch(narr_file_sink *f, float *pcm, size_t frames, long long at)
{
    int16_t block[NARR_FILE_CHUNK];
    for (size_t done = 0; done < frames;) {
        size_t n = frames - done < NARR_FILE_CHUNK ? frames - done : NARR_FILE_CHUNK;
        if (!narr_pread_all(f->pcm_fd, block, n * sizeof *block,
                            (off_t)((at + (long long)done) * (long long)sizeof *block))) {
            narr_file_sink_set_error(f, NARR_E_IO, L_("%s: cannot read the temporary audio back: "
                                     "%s (is the disk full or failing?)"), f->audio.path,
                                     strerror(errno));
            return false;
        }
        for (size_t i = 0; i < n; i++)
            pcm[done + i] = block[i] / SCRATCH_ONE;
        done += n;
    }
    return true;
}

/* ---- the sink, on the pipeline thread ---- */

static double position(const narr_file_sink *f)
{
    return f->intro_seconds + (double)f->in_frames / f->in_rate;
}

static narr_status take_error(narr_sink *s)
{
    narr_file_sink *f = s->priv;
    pthread_mutex_lock(&f->lock);
    narr_status st = f->error;
    if (st != NARR_OK)
        snprintf(s->errmsg, sizeof s->errmsg, "%s", f->error_msg);
    pthread_mutex_unlock(&f->lock);
    return st;
}

/* Speech has started (or the end came): a title can no longer arrive, so
 * the encoder may write the tags. */
static void title_is_final(narr_file_sink *f)
{
    pthread_mutex_lock(&f->lock);
    f->title_final = true;
    pthread_cond_broadcast(&f->cond);
    pthread_mutex_unlock(&f->lock);
}

static narr_status file_write(narr_sink *s, const int16_t *pcm, size_t frames)
{
    narr_file_sink *f = s->priv;
    narr_status st = take_error(s);
    if (st != NARR_OK)
        return st;
    if (!f->in_frames)
        title_is_final(f);
    if (!narr_pcm_queue_push(f->speech, pcm, frames)) {
        st = take_error(s);
        return st != NARR_OK ? st : NARR_E_IO;
    }
    f->in_frames += (long long)frames;
    return NARR_OK;
}

/* A title on one line, without surrounding spaces (owned; "" when blank). */
static char *one_line(const char *s, size_t n)
{
    narr_buf line;
    narr_buf_init(&line);
    if (narr_one_line(s, n, false, &line) != NARR_OK) {
        narr_buf_deinit(&line);
        return NULL;
    }
    return line.data ? line.data : calloc(1, 1);
}

static narr_status file_chapter(narr_sink *s, const char *title, size_t len, bool is_title)
{
    narr_file_sink *f = s->priv;
    if (is_title) {
        pthread_mutex_lock(&f->lock);
        bool have = f->title != NULL || f->title_final;
        pthread_mutex_unlock(&f->lock);
        if (!have) {
            char *t = one_line(title, len);
            if (!t)
                return NARR_E_NOMEM;
            pthread_mutex_lock(&f->lock);
            f->title = t;
            pthread_mutex_unlock(&f->lock);
        }
    }
    double at = f->in_frames ? position(f) : 0;
    narr_status st = narr_chapters_add(f->chapters, at, title, len);
    if (st != NARR_OK)
        snprintf(s->errmsg, sizeof s->errmsg, L_("out of memory"));
    return st;
}

static narr_status file_cue(narr_sink *s, bool begin, const char *text, size_t len)
{
    narr_file_sink *f = s->priv;
    if (!f->transcript)
        return NARR_OK;
    narr_status st = NARR_OK;
    if (begin) {
        narr_buf_clear(&f->cue_text);
        st = narr_buf_append(&f->cue_text, text, len);
        f->cue_open = st == NARR_OK;
        f->cue_start = position(f);
    } else if (f->cue_open) {
        f->cue_open = false;
        st = narr_transcript_add(f->transcript, f->cue_start, position(f),
                                 narr_buf_str(&f->cue_text), f->cue_text.len);
    }
    if (st == NARR_E_IO)
        snprintf(s->errmsg, sizeof s->errmsg, L_("%s: cannot write the transcript: %s (is the "
                 "disk full?)"), f->transcript_file.path,
                 strerror(narr_transcript_errno(f->transcript)));
    else if (st != NARR_OK)
        snprintf(s->errmsg, sizeof s->errmsg, L_("out of memory"));
    return st;
}

static void file_progress(narr_sink *s, double *produced, double *done)
{
    narr_file_sink *f = s->priv;
    *produced = position(f);
    pthread_mutex_lock(&f->lock);
    if (f->pcm_complete) /* the outro is in too */
        *produced = (double)f->pcm_frames / f->out_rate;
    *done = (double)f->encoded_frames / f->out_rate;
    pthread_mutex_unlock(&f->lock);
}

/* Waits for the workers, telling the progress callback every 100 ms. */
static void wait_workers(narr_sink *s)
{
    narr_file_sink *f = s->priv;
    title_is_final(f);
    narr_pcm_queue_close(f->speech);
    pthread_mutex_lock(&f->lock);
    while (!f->encode_done && !f->stop) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += 100 * 1000000L;
        if (until.tv_nsec >= 1000000000L) {
            until.tv_sec++;
            until.tv_nsec -= 1000000000L;
        }
        pthread_cond_timedwait(&f->cond, &f->lock, &until);
        if (f->progress && !f->encode_done && !f->stop) {
            narr_progress p = {.input_read = -1, .input_size = -1, .finishing = true,
                               .audio_seconds = position(f),
                               .done_seconds = (double)f->encoded_frames / f->out_rate};
            pthread_mutex_unlock(&f->lock);
            f->progress(f->progress_user, &p);
            pthread_mutex_lock(&f->lock);
        }
    }
    pthread_mutex_unlock(&f->lock);
    if (f->shaper_started)
        pthread_join(f->shaper, NULL);
    if (f->encoder_started)
        pthread_join(f->encoder, NULL);
    f->shaper_started = f->encoder_started = false;
}

/* The end: waits for the workers, completes the side files and the MP3's
 * tag, then publishes everything under its final name. */
static narr_status file_finish(narr_sink *s)
{
    narr_file_sink *f = s->priv;
    wait_workers(s);
    narr_status st = take_error(s);
    if (st != NARR_OK)
        return st;
    double total = (double)f->pcm_frames / f->out_rate;
    if (f->transcript) {
        if (f->cue_open)
            file_cue(s, false, NULL, 0);
        /* The errno of the call that failed, not whatever came after. */
        int e = narr_transcript_finish(f->transcript, total) != NARR_OK
                    ? narr_transcript_errno(f->transcript) : 0;
        if (fclose(f->transcript_out) != 0 && !e)
            e = errno;
        f->transcript_out = NULL;
        if (e) {
            snprintf(s->errmsg, sizeof s->errmsg, L_("%s: cannot write the transcript: %s (is the "
                     "disk full?)"), f->transcript_file.path, strerror(e));
            return NARR_E_IO;
        }
    }
    if (f->has_chapters_file) {
        narr_buf json;
        narr_buf_init(&json);
        st = narr_chapters_json(f->chapters, &json);
        bool ok = st == NARR_OK && narr_pwrite_all(f->chapters_file.fd, json.data, json.len, 0);
        int e = errno;
        narr_buf_deinit(&json);
        if (st != NARR_OK) {
            snprintf(s->errmsg, sizeof s->errmsg, L_("out of memory"));
            return st;
        }
        if (!ok) {
            snprintf(s->errmsg, sizeof s->errmsg, L_("%s: cannot write the chapters: %s (is the "
                     "disk full?)"), f->chapters_file.path, strerror(e));
            return NARR_E_IO;
        }
    }
    if (f->format == NARR_AUDIO_MP3 && (st = narr_file_write_mp3(s, total)) != NARR_OK)
        return st;
    /* All complete: on the disk first, then published together. */
    narr_pending *files[3] = {&f->audio};
    size_t n = 1;
    if (f->has_transcript_file)
        files[n++] = &f->transcript_file;
    if (f->has_chapters_file)
        files[n++] = &f->chapters_file;
    return narr_pending_publish_all(files, n, s->errmsg, sizeof s->errmsg);
}

static void file_close(narr_sink *s)
{
    narr_file_sink *f = s->priv;
    if (!f)
        return;
    if (f->shaper_started || f->encoder_started) {
        pthread_mutex_lock(&f->lock);
        f->stop = true;
        pthread_cond_broadcast(&f->cond);
        pthread_mutex_unlock(&f->lock);
        narr_pcm_queue_abort(f->speech);
        narr_pcm_queue_abort(f->leveled);
        if (f->shaper_started)
            pthread_join(f->shaper, NULL);
        if (f->encoder_started)
            pthread_join(f->encoder, NULL);
    }
    if (f->transcript_out)
        fclose(f->transcript_out);
    narr_transcript_free(f->transcript);
    narr_chapters_free(f->chapters);
    narr_pending_discard(&f->audio);
    narr_pending_discard(&f->chapters_file);
    narr_pending_discard(&f->transcript_file);
    if (f->pcm_fd >= 0)
        close(f->pcm_fd);
    if (f->mp3_fd >= 0)
        close(f->mp3_fd);
    narr_pcm_queue_free(f->speech);
    narr_pcm_queue_free(f->leveled);
    narr_buf_deinit(&f->cue_text);
    pthread_mutex_destroy(&f->lock);
    pthread_cond_destroy(&f->cond);
    free(f->title);
    free(f->artist);
    free(f->album);
    free(f->date);
    free(f->comment);
    free(f->cover);
    free(f->intro);
    free(f->outro);
    free(f);
    s->priv = NULL;
}

static const narr_sink_ops file_ops = {file_write, file_finish, file_close, NULL};
static const narr_sink_timeline_ops file_timeline = {file_chapter, file_cue, file_progress};

/* ---- opening ---- */

narr_sink *narr_sink_open_file_window(const char *path, int rate, const narr_output_options *cfg,
                                      double window_seconds, narr_status *err, char *msg,
                                      size_t msg_size)
{
    narr_sink *s = calloc(1, sizeof *s);
    narr_file_sink *f = calloc(1, sizeof *f);
    if (!s || !f) {
        free(s);
        free(f);
        *err = NARR_E_NOMEM;
        snprintf(msg, msg_size, L_("out of memory"));
        return NULL;
    }
    f->pcm_fd = f->mp3_fd = -1;
    f->audio.fd = f->chapters_file.fd = f->transcript_file.fd = -1;
    f->window_seconds = window_seconds;
    narr_buf_init(&f->cue_text);
    pthread_mutex_init(&f->lock, NULL);
    pthread_cond_init(&f->cond, NULL);
    s->ops = &file_ops;
    s->timeline = &file_timeline;
    s->priv = f;
    *err = narr_file_sink_setup(f, path, rate, cfg, msg, msg_size);
    if (*err == NARR_OK) {
        /* The threads block every signal, so that SIGINT reaches the
         * reading thread and interrupts a read(2) on a slow pipe. */
        sigset_t all, old;
        sigfillset(&all);
        pthread_sigmask(SIG_SETMASK, &all, &old);
        f->shaper_started = pthread_create(&f->shaper, NULL, narr_file_shaper_main, f) == 0;
        f->encoder_started = f->shaper_started &&
                             pthread_create(&f->encoder, NULL, narr_file_encoder_main, f) == 0;
        pthread_sigmask(SIG_SETMASK, &old, NULL);
        if (!f->encoder_started) {
            *err = NARR_E_NOMEM;
            snprintf(msg, msg_size, L_("cannot start the encoding threads"));
        }
    }
    if (*err != NARR_OK) {
        narr_sink_free(s);
        return NULL;
    }
    return s;
}

narr_sink *narr_sink_open_file(const char *path, int rate, const narr_output_options *cfg,
                               narr_status *err, char *msg, size_t msg_size)
{
    return narr_sink_open_file_window(path, rate, cfg, DEFAULT_WINDOW_S, err, msg, msg_size);
}

void narr_sink_file_stats(const narr_sink *s, narr_file_stats *stats)
{
    narr_file_sink *f = s->priv;
    pthread_mutex_lock(&f->lock);
    *stats = (narr_file_stats){.encodes = f->encodes, .lufs = f->lufs, .gain_db = f->gain_db,
                               .frames = f->pcm_frames, .rate = f->out_rate};
    pthread_mutex_unlock(&f->lock);
}
