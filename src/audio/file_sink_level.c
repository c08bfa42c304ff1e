/* file_sink_level: the file sink's leveling, in one place: gain, then the
 * look-ahead limiter, then the loudness meter; and the fit of the gain that
 * brings the limited audio to the target (e.g. eSpeak's −22 LUFS speech
 * raised by about 6 dB to −16 LUFS). Used by the shaper as it goes and by
 * the encoder's second encoding, both reading the scratch PCM. */
#include "audio/file_sink_private.h"

#include <math.h>
#include <stdlib.h>

#define FIT_LU 0.05       /* good enough for the gain fit */
#define MAX_GAIN_DB 30.0

static double clamp_gain(double db)
{
    return db > MAX_GAIN_DB ? MAX_GAIN_DB : db < -MAX_GAIN_DB ? -MAX_GAIN_DB : db;
}

bool narr_leveler_init(narr_leveler *l, const narr_file_sink *f, double gain_db)
{
    l->gain = (float)narr_db_to_gain(gain_db);
    l->limiter = narr_limiter_new(f->out_rate, f->ceiling_db);
    l->meter = narr_meter_new(f->out_rate);
    return l->limiter && l->meter;
}

void narr_leveler_deinit(narr_leveler *l)
{
    narr_limiter_free(l->limiter);
    narr_meter_free(l->meter);
    l->limiter = NULL;
    l->meter = NULL;
}

size_t narr_leveler_run(narr_leveler *l, size_t n)
{
    for (size_t i = 0; i < n; i++)
        l->buf[i] *= l->gain;
    size_t out = narr_limiter_process(l->limiter, l->buf, n, l->out);
    narr_meter_add(l->meter, l->out, out);
    return out;
}

size_t narr_leveler_flush(narr_leveler *l)
{
    size_t out = narr_limiter_flush(l->limiter, l->out);
    narr_meter_add(l->meter, l->out, out);
    return out;
}

/* The loudness the limiter would give frames [0, frames) at gain_db. */
static double simulate(narr_file_sink *f, double gain_db, long long frames)
{
    narr_leveler *l = calloc(1, sizeof *l);
    double lufs = -HUGE_VAL;
    bool ok = l && narr_leveler_init(l, f, gain_db);
    for (long long pos = 0; ok && pos < frames;) {
        size_t n = frames - pos < NARR_FILE_CHUNK ? (size_t)(frames - pos) : NARR_FILE_CHUNK;
        ok = narr_file_sink_read_scratch(f, l->buf, n, pos);
        if (ok)
            narr_leveler_run(l, n);
        pos += (long long)n;
    }
    if (ok) {
        narr_leveler_flush(l);
        lufs = narr_meter_lufs(l->meter);
    }
    if (l)
        narr_leveler_deinit(l);
    free(l);
    return lufs;
}

double narr_file_fit_gain(narr_file_sink *f, double gain_db, long long frames)
{
    gain_db = clamp_gain(gain_db);
    for (int i = 0; i < 4; i++) {
        double lufs = simulate(f, gain_db, frames);
        if (!isfinite(lufs) || fabs(f->target - lufs) < FIT_LU)
            break;
        gain_db = clamp_gain(gain_db + f->target - lufs);
    }
    return gain_db;
}
