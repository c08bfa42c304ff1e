/* file_sink_shaper: the file sink's middle thread. It takes eSpeak's 16-bit
 * speech from the pipeline, adds the intro and outro (any file libsndfile
 * reads, mixed to mono), resamples (e.g. 22 050 → 44 100 Hz) and levels:
 * the first 20 s are kept in the scratch file and measured, the gain is
 * fitted, and from then on the audio is leveled as it goes to the encoder. */
#include "audio/file_sink_private.h"
#include "base/i18n.h"
#include "audio/resample.h"

#include <errno.h>
#include <math.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define RETRY_LU 0.5      /* encode again when the whole file misses by more */

typedef struct {
    narr_file_sink *f;
    long long frames;   /* resampled so far */
    narr_meter *window; /* measures until the gain is decided */
    bool decided;
    narr_leveler lev;
} shaper;

static bool send(shaper *sh, const float *pcm, size_t n)
{
    return !n || narr_pcm_queue_push(sh->f->leveled, pcm, n);
}

/* Gain from the first `measured` frames (in the scratch file); then all
 * the audio so far goes out, leveled. */
static bool decide_gain(shaper *sh, long long measured_frames)
{
    narr_file_sink *f = sh->f;
    double measured = narr_meter_lufs(sh->window);
    double gain = isfinite(measured) ? narr_file_fit_gain(f, f->target - measured, measured_frames)
                                     : 0;
    narr_meter_free(sh->window);
    sh->window = NULL;
    sh->decided = true;
    pthread_mutex_lock(&f->lock);
    f->gain_db = gain;
    pthread_mutex_unlock(&f->lock);
    if (!narr_leveler_init(&sh->lev, f, gain)) {
        narr_file_sink_set_error(f, NARR_E_NOMEM, L_("out of memory"));
        return false;
    }
    for (long long pos = 0; pos < sh->frames;) {
        size_t n = sh->frames - pos < NARR_FILE_CHUNK ? (size_t)(sh->frames - pos)
                                                      : NARR_FILE_CHUNK;
        if (!narr_file_sink_read_scratch(f, sh->lev.buf, n, pos) ||
            !send(sh, sh->lev.out, narr_leveler_run(&sh->lev, n)))
            return false;
        pos += (long long)n;
    }
    return true;
}

/* Takes resampled audio: straight out without loudness; else kept in the
 * scratch file for a second encoding, measured until the gain is decided,
 * leveled and sent after. */
static narr_status take(void *user, const float *pcm, size_t frames)
{
    shaper *sh = user;
    narr_file_sink *f = sh->f;
    if (!f->loudness) {
        sh->frames += (long long)frames;
        return send(sh, pcm, frames) ? NARR_OK : NARR_E_IO;
    }
    if (!narr_file_sink_write_scratch(f, pcm, frames, sh->frames))
        return NARR_E_IO;
    sh->frames += (long long)frames;
    if (!sh->decided) {
        /* Measure exactly the window, however the audio came in chunks, so
         * that the same article always gets the same gain. */
        long long window = (long long)(f->window_seconds * f->out_rate);
        long long before = sh->frames - (long long)frames;
        size_t counted = before >= window ? 0
                         : window - before < (long long)frames ? (size_t)(window - before)
                                                               : frames;
        narr_meter_add(sh->window, pcm, counted);
        if (sh->frames >= window && !decide_gain(sh, window))
            return NARR_E_IO;
        return NARR_OK;
    }
    while (frames) {
        size_t n = frames < NARR_FILE_CHUNK ? frames : NARR_FILE_CHUNK;
        memcpy(sh->lev.buf, pcm, n * sizeof *pcm);
        narr_file_sink_as_scratch(sh->lev.buf, n);
        if (!send(sh, sh->lev.out, narr_leveler_run(&sh->lev, n)))
            return NARR_E_IO;
        pcm += n;
        frames -= n;
    }
    return NARR_OK;
}

narr_status narr_file_check_sound(const char *path, double *seconds, char *msg, size_t size)
{
    /* libsndfile calls a folder an unknown format: say what it is. */
    struct stat where;
    if (stat(path, &where) == 0 && S_ISDIR(where.st_mode)) {
        snprintf(msg, size, L_("%s: cannot read the sound: %s"), path, strerror(EISDIR));
        return NARR_E_IO;
    }
    SF_INFO info = {0};
    SNDFILE *snd = sf_open(path, SFM_READ, &info);
    if (!snd) {
        snprintf(msg, size, L_("%s: cannot read the sound: %s"), path, sf_strerror(NULL));
        return NARR_E_IO;
    }
    sf_close(snd);
    if (info.samplerate <= 0 || info.channels <= 0) {
        snprintf(msg, size, L_("%s: not a sound file"), path);
        return NARR_E_IO;
    }
    *seconds = (double)info.frames / info.samplerate;
    return NARR_OK;
}

/* An intro or outro: any file libsndfile reads, mixed to mono, resampled. */
static narr_status add_sound(shaper *sh, const char *path)
{
    narr_file_sink *f = sh->f;
    SF_INFO info = {0};
    SNDFILE *snd = sf_open(path, SFM_READ, &info);
    if (!snd) {
        narr_file_sink_set_error(f, NARR_E_IO, L_("%s: cannot read the sound: %s"), path,
                                 sf_strerror(NULL));
        return NARR_E_IO;
    }
    narr_status st;
    narr_resampler *r = narr_resampler_new(info.samplerate, f->out_rate, &st);
    float *buf = malloc((size_t)NARR_FILE_CHUNK * (size_t)info.channels * sizeof *buf);
    if (!r || !buf) {
        st = st == NARR_OK ? NARR_E_NOMEM : st;
        narr_file_sink_set_error(f, st, L_("%s: cannot resample from %d Hz"), path, info.samplerate);
    }
    sf_count_t n;
    while (st == NARR_OK && (n = sf_readf_float(snd, buf, NARR_FILE_CHUNK)) > 0) {
        for (sf_count_t i = 0; i < n; i++) {
            float sum = 0;
            for (int c = 0; c < info.channels; c++)
                sum += buf[i * info.channels + c];
            buf[i] = sum / (float)info.channels;
        }
        st = narr_resampler_run(r, buf, (size_t)n, take, sh);
    }
    if (st == NARR_OK)
        st = narr_resampler_flush(r, take, sh);
    free(buf);
    narr_resampler_free(r);
    sf_close(snd);
    return st;
}

/* The end: the gain if not decided yet, the limiter's last frames, and the
 * check of the whole file's loudness. */
static bool finish_leveling(shaper *sh)
{
    narr_file_sink *f = sh->f;
    if (!f->loudness)
        return true;
    if (!sh->decided && !decide_gain(sh, sh->frames))
        return false;
    if (!send(sh, sh->lev.out, narr_leveler_flush(&sh->lev)))
        return false;
    double lufs = narr_meter_lufs(sh->lev.meter);
    bool retry = isfinite(lufs) && fabs(f->target - lufs) > RETRY_LU;
    pthread_mutex_lock(&f->lock);
    double gain = f->gain_db;
    f->lufs = lufs;
    pthread_mutex_unlock(&f->lock);
    if (retry) {
        gain = narr_file_fit_gain(f, gain + f->target - lufs, sh->frames);
        pthread_mutex_lock(&f->lock);
        f->retry = true;
        f->retry_gain = gain;
        pthread_mutex_unlock(&f->lock);
    }
    return true;
}

void *narr_file_shaper_main(void *arg)
{
    narr_file_sink *f = arg;
    narr_status st = NARR_OK;
    shaper sh = {.f = f};
    int16_t *in = malloc(NARR_FILE_CHUNK * sizeof *in);
    float *conv = malloc(NARR_FILE_CHUNK * sizeof *conv);
    narr_resampler *speech = narr_resampler_new(f->in_rate, f->out_rate, &st);
    if (f->loudness)
        sh.window = narr_meter_new(f->out_rate);
    if (!in || !conv || !speech || (f->loudness && !sh.window)) {
        narr_file_sink_set_error(f, NARR_E_NOMEM, L_("out of memory"));
        goto done;
    }
    if (f->intro && add_sound(&sh, f->intro) != NARR_OK)
        goto done;
    for (size_t n; (n = narr_pcm_queue_pop(f->speech, in, NARR_FILE_CHUNK)) > 0;) {
        for (size_t i = 0; i < n; i++)
            conv[i] = in[i] / 32768.0f;
        if (narr_resampler_run(speech, conv, n, take, &sh) != NARR_OK)
            goto done;
    }
    pthread_mutex_lock(&f->lock);
    bool stop = f->stop;
    pthread_mutex_unlock(&f->lock);
    if (stop || narr_resampler_flush(speech, take, &sh) != NARR_OK)
        goto done;
    if (f->outro && add_sound(&sh, f->outro) != NARR_OK)
        goto done;
    if (!finish_leveling(&sh))
        goto done;
    pthread_mutex_lock(&f->lock);
    f->pcm_frames = sh.frames;
    f->pcm_complete = true;
    pthread_mutex_unlock(&f->lock);
    narr_pcm_queue_close(f->leveled);
done:
    narr_leveler_deinit(&sh.lev);
    narr_meter_free(sh.window);
    narr_resampler_free(speech);
    free(in);
    free(conv);
    return NULL;
}
