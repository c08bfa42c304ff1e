/* file_sink_private: the file sink's state and the calls between its
 * files, for them alone: file_sink.c (the sink, pipeline thread),
 * file_sink_setup.c (settings at open), file_sink_level.c (gain, limiter,
 * meter), file_sink_shaper.c and file_sink_encoder.c (the two worker
 * threads). Fields marked "under lock" are only touched with f->lock held. */
#ifndef NARR_FILE_SINK_PRIVATE_H
#define NARR_FILE_SINK_PRIVATE_H

#include "audio/loudness.h"
#include "audio/pcm_queue.h"
#include "audio/format.h"
#include "audio/sink.h"
#include "export/chapters.h"
#include "export/pending.h"
#include "export/transcript.h"
#include "base/buf.h"

#include <pthread.h>
#include <stdio.h>
#include <sys/types.h>

#define NARR_FILE_CHUNK 8192 /* frames per step in the worker threads */

typedef struct {
    /* settings, fixed at open (file_sink_setup.c) */
    narr_audio_format format;
    int in_rate, out_rate;
    bool loudness;
    double target;
    double ceiling_db;
    int bitrate, quality;
    char *artist, *album, *date, *comment;
    unsigned char *cover;
    size_t cover_len;
    const char *cover_mime;
    char *intro, *outro;
    double intro_seconds;
    double window_seconds;
    narr_progress_fn progress;
    void *progress_user;

    /* files */
    narr_pending audio;
    narr_pending chapters_file, transcript_file;
    bool has_chapters_file, has_transcript_file;
    int pcm_fd; /* scratch: resampled float PCM, before the gain (loudness only) */
    int mp3_fd; /* scratch: MP3 frames (MP3 only) */
    FILE *transcript_out; /* on its own dup of transcript_file.fd */
    narr_transcript *transcript;
    narr_chapters *chapters; /* kept for JSON and ID3 */

    /* pipeline thread only */
    long long in_frames;
    bool cue_open;
    double cue_start;
    narr_buf cue_text;

    /* workers */
    narr_pcm_queue *speech; /* pipeline → shaper */
    narr_pcm_queue *leveled; /* shaper → encoder */
    pthread_t shaper, encoder;
    bool shaper_started, encoder_started;
    pthread_mutex_t lock;
    pthread_cond_t cond;
    /* shared, under lock */
    char *title;
    bool title_final; /* no title can come any more: tags can be written */
    long long pcm_frames;
    bool pcm_complete;
    double gain_db;
    bool retry;       /* the shaper's gain missed: encode again at retry_gain */
    double retry_gain;
    long long encoded_frames;
    bool encode_done, stop;
    narr_status error;
    char error_msg[600];
    int encodes;
    double lufs;
} narr_file_sink;

/* ---- file_sink.c: shared by the threads ---- */

/* Records the first error (st, printf-style message), stops the workers
 * and aborts both queues; any thread may call it. */
void narr_file_sink_set_error(narr_file_sink *f, narr_status st, const char *fmt, ...);
/* Frames [at, at + frames) of pcm into the scratch PCM, or of the scratch
 * PCM into pcm; false (error set) on failure. */
bool narr_file_sink_write_scratch(narr_file_sink *f, const float *pcm, size_t frames,
                                  long long at);
bool narr_file_sink_read_scratch(narr_file_sink *f, float *pcm, size_t frames, long long at);
/* pcm as it comes back from the scratch (16-bit): what is leveled live is
 * then the same as what is read back, however the audio came in chunks. */
void narr_file_sink_as_scratch(float *pcm, size_t frames);

/* ---- file_sink_setup.c ---- */

/* Fills f's settings and opens its files from cfg (f's fds start at -1).
 * NARR_E_ARG, NARR_E_IO or NARR_E_NOMEM with msg set; f is then freed by
 * the sink's close as it stands. */
narr_status narr_file_sink_setup(narr_file_sink *f, const char *path, int rate,
                                 const narr_output_options *cfg, char *msg, size_t size);

/* ---- file_sink_level.c: gain, then limiter, then meter ---- */

typedef struct {
    float gain;
    narr_limiter *limiter;
    narr_meter *meter;
    float buf[NARR_FILE_CHUNK]; /* in: fill, then narr_leveler_run */
    float out[NARR_FILE_CHUNK]; /* out: what came through */
} narr_leveler;

/* false when out of memory; narr_leveler_deinit either way. */
bool narr_leveler_init(narr_leveler *l, const narr_file_sink *f, double gain_db);
void narr_leveler_deinit(narr_leveler *l);
/* Levels n <= NARR_FILE_CHUNK frames of l->buf into l->out; returns how
 * many came out (the limiter lags). */
size_t narr_leveler_run(narr_leveler *l, size_t n);
/* The limiter's last frames, into l->out; returns how many. */
size_t narr_leveler_flush(narr_leveler *l);
/* The gain that brings scratch frames [0, frames), limited, to f->target,
 * from gain_db (a first guess) and a few measured corrections. */
double narr_file_fit_gain(narr_file_sink *f, double gain_db, long long frames);

/* ---- file_sink_shaper.c ---- */

/* The shaper thread (arg: the narr_file_sink): speech queue → intro,
 * resampled speech, outro, leveled → leveled queue. */
void *narr_file_shaper_main(void *arg);
/* Checks that an intro or outro can be read; gives its duration.
 * NARR_E_IO with msg set. */
narr_status narr_file_check_sound(const char *path, double *seconds, char *msg, size_t size);

/* ---- file_sink_encoder.c ---- */

/* The encoder thread (arg: the narr_file_sink): leveled queue → the audio
 * file (or the MP3 scratch file), then a second encoding if asked. */
void *narr_file_encoder_main(void *arg);
/* Whether this libsndfile can write format at rate, mono. */
bool narr_file_can_encode(narr_audio_format format, int rate);
/* After the workers: the MP3's ID3 tag (with the chapters), then its
 * frames, into the audio file. NARR_E_NOMEM or NARR_E_IO, s->errmsg set. */
narr_status narr_file_write_mp3(narr_sink *s, double total);

#endif
