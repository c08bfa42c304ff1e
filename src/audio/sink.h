/* sinks: where the sound goes, the last stage. A sink takes 16-bit mono
 * frames at the rate it was opened with. A file sink writes a temporary
 * file next to the target and renames it on narr_sink_finish; freeing an
 * unfinished sink removes it, so no truncated file is ever left under the
 * final name. Only device_sink.c includes PortAudio and only file_sink.c
 * includes libsndfile. */
#ifndef NARR_SINK_H
#define NARR_SINK_H

#include "narrateur.h"
#include <stdint.h>

typedef struct narr_sink narr_sink;

/* Plays on an output device: device is a name, an index, or NULL for the
 * default. NARR_E_NODEVICE when the machine has none, NARR_E_AUDIO when
 * it cannot be opened. Owned: narr_sink_free. */
narr_sink *narr_sink_open_device(const char *device, int rate, narr_status *err,
                                 char *msg, size_t msg_size);

/* Writes a WAV file (16-bit PCM mono at rate) to path. NARR_E_IO when the
 * folder is not writable. Owned: narr_sink_free. */
narr_sink *narr_sink_open_file(const char *path, int rate, narr_status *err,
                               char *msg, size_t msg_size);

/* NARR_OK, or NARR_E_AUDIO / NARR_E_IO with narr_sink_errmsg set. */
narr_status narr_sink_write(narr_sink *s, const int16_t *pcm, size_t frames);

/* Drains (device) or completes and publishes (file). */
narr_status narr_sink_finish(narr_sink *s);

const char *narr_sink_errmsg(const narr_sink *s);

/* Frees s; an unfinished file is removed, a device stopped. NULL: no-op. */
void narr_sink_free(narr_sink *s);

/* ---- for sink implementations ---- */
typedef struct {
    narr_status (*write)(narr_sink *s, const int16_t *pcm, size_t frames);
    narr_status (*finish)(narr_sink *s);
    void (*close)(narr_sink *s); /* releases everything; aborts if unfinished */
} narr_sink_ops;

struct narr_sink {
    const narr_sink_ops *ops;
    void *priv;
    bool finished;
    char errmsg[768];
};

#endif
