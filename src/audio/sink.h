/* sinks: where the sound goes, the last stage. A sink takes 16-bit mono
 * frames at the rate it was opened with. A file sink encodes in worker
 * threads (resampling, loudness, encoding overlap with synthesis), writes
 * a temporary file next to the target (refusing a target that is not a
 * regular file: `-o /dev/full`) and renames it, with its side files, on
 * narr_sink_finish, all or none; freeing an unfinished sink removes it, so
 * no truncated file is ever left under the final name. Only
 * device_sink.c includes PortAudio and only the file sink (file_sink*.c)
 * includes libsndfile. */
#ifndef NARR_SINK_H
#define NARR_SINK_H

#include "narrateur.h"
#include "base/buf.h"
#include <stdint.h>

typedef struct narr_sink narr_sink;

/* Plays on an output device: device is a name, an index, or NULL for the
 * default. NARR_E_NODEVICE when the machine has none, NARR_E_AUDIO when
 * it cannot be opened. Owned: narr_sink_free. */
narr_sink *narr_sink_open_device(const char *device, int rate, narr_status *err,
                                 char *msg, size_t msg_size);

/* Calls fn for each output device (index, name, is it the default), for
 * -d. NARR_E_NODEVICE when there is none, NARR_E_AUDIO when PortAudio
 * cannot start. */
narr_status narr_sink_list_devices(narr_device_fn fn, void *user);

/* Writes an audio file to path, as cfg->audio says (format, rate,
 * loudness, tags, intro/outro, chapters and transcript side files) and
 * reports to cfg->progress while finishing. rate is the rate of the
 * frames it is given. NARR_E_IO when the folder is not writable, an
 * output name is not a regular file (a device, a FIFO, a folder; a link
 * to a file is written through) or an intro, outro or cover cannot be
 * read; NARR_E_ARG for a format or rate it cannot write, or one name for
 * two outputs. Owned: narr_sink_free. */
narr_sink *narr_sink_open_file(const char *path, int rate, const narr_output_options *cfg,
                               narr_status *err, char *msg, size_t msg_size);

/* NARR_OK, or NARR_E_AUDIO / NARR_E_IO with narr_sink_errmsg set. */
narr_status narr_sink_write(narr_sink *s, const int16_t *pcm, size_t frames);

/* The article's title (first call wins) and the start of a chapter, at
 * the current position; a title also starts a chapter. No-op on a device. */
narr_status narr_sink_chapter(narr_sink *s, const char *title, size_t len, bool is_title);

/* A sentence, as written, starts at the current position (begin) or its
 * speech ends there (end: text unused). No-op on a device. */
narr_status narr_sink_cue(narr_sink *s, bool begin, const char *text, size_t len);

/* Seconds of audio produced so far (intro included) and, of those, how
 * many are already encoded (the same for a device). */
void narr_sink_progress(narr_sink *s, double *produced, double *done);

/* A pause: a device plays what it holds and waits; the next write
 * starts it again. No-op on a file. */
narr_status narr_sink_hold(narr_sink *s);

/* How many times the device ran dry (PortAudio's output underflow): a
 * gap was heard. 0 for a file. */
long narr_sink_underruns(const narr_sink *s);

/* Drains (device) or completes and publishes (file, with its side files:
 * flushed to the disk, then renamed; when a rename fails the others are
 * taken back, see narr_pending_publish_all). */
narr_status narr_sink_finish(narr_sink *s);

const char *narr_sink_errmsg(const narr_sink *s);

/* Frees s; an unfinished file is removed, a device stopped. NULL: no-op. */
void narr_sink_free(narr_sink *s);

/* ---- for tests: the file sink's loudness work ---- */
typedef struct {
    int encodes;            /* 1, or 2 when the first gain missed the target */
    double lufs;            /* integrated loudness of what was encoded */
    double gain_db;         /* the gain applied */
    long long frames;       /* frames in the file, at its rate */
    int rate;
} narr_file_stats;

/* As narr_sink_open_file, with the loudness decided after window_seconds
 * of audio instead of the default 20 s. */
narr_sink *narr_sink_open_file_window(const char *path, int rate, const narr_output_options *cfg,
                                      double window_seconds, narr_status *err, char *msg,
                                      size_t msg_size);
/* After narr_sink_finish of a file sink. */
void narr_sink_file_stats(const narr_sink *s, narr_file_stats *stats);

/* ---- for sink implementations ---- */
typedef struct {
    narr_status (*write)(narr_sink *s, const int16_t *pcm, size_t frames);
    narr_status (*finish)(narr_sink *s);
    void (*close)(narr_sink *s); /* releases everything; aborts if unfinished */
    narr_status (*hold)(narr_sink *s); /* optional: a pause */
} narr_sink_ops;

/* Optional, for sinks that keep a timeline (files); NULL: no-ops. */
typedef struct {
    narr_status (*chapter)(narr_sink *s, const char *title, size_t len, bool is_title);
    narr_status (*cue)(narr_sink *s, bool begin, const char *text, size_t len);
    void (*progress)(narr_sink *s, double *produced, double *done);
} narr_sink_timeline_ops;

struct narr_sink {
    const narr_sink_ops *ops;
    const narr_sink_timeline_ops *timeline;
    void *priv;
    bool finished;
    long underruns;
    char errmsg[768];
};

#endif
