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
 * output), measures the first 20 s, fits the gain (limiter included) and
 * from then on levels as it goes, while synthesis goes on. At the end it
 * checks its measurement of everything it sent: if that misses the target
 * by more than 0.5 LU (an article that gets louder or quieter), the
 * encoder encodes the file a second time from the scratch file with the
 * exact gain.
 *
 * The output, and the chapters and transcript files, are written under
 * temporary names and renamed only when all of them are complete. An MP3's
 * ID3 tag holds the chapters, known only at the end, so its MP3 frames go
 * to a scratch file first and are copied after the tag. */
#include "audio/id3.h"
#include "audio/loudness.h"
#include "audio/pcm_queue.h"
#include "audio/resample.h"
#include "audio/sink.h"
#include "export/chapters.h"
#include "export/pending.h"
#include "export/transcript.h"
#include "text/buf.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <sndfile.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#define SPEECH_QUEUE (1 << 17) /* samples: about 6 s of eSpeak's speech */
#define LEVEL_QUEUE (1 << 16)  /* samples: about 1.5 s at the output rate */
#define CHUNK 8192
#define DEFAULT_TARGET_LUFS -16.0
/* Limiter ceilings (dBFS, inter-sample peaks included): −1 dBTP with room
 * for the overshoot each codec adds on eSpeak's speech (measured with
 * ffmpeg's ebur128 true peak: MP3 up to 0.3 dB, Vorbis 0.8, Opus 1.0). */
#define CEILING_LOSSLESS_DB -1.2
#define CEILING_MP3_DB -1.8
#define CEILING_VORBIS_DB -2.2
#define CEILING_OPUS_DB -2.8
#define RETRY_LU 0.5      /* encode again when the whole file misses by more */
#define FIT_LU 0.05       /* good enough for the gain fit */
#define MAX_GAIN_DB 30.0
#define DEFAULT_WINDOW_S 20.0
#define MAX_COVER_BYTES (16 << 20)

typedef struct {
    /* settings, fixed at open */
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
    FILE *transcript_out;
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
} file_sink;

/* ---- errors shared by the threads ---- */

static void set_error(file_sink *f, narr_status st, const char *fmt, ...)
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

static bool write_all(int fd, const void *data, size_t size, off_t offset)
{
    const char *p = data;
    while (size) {
        ssize_t n = pwrite(fd, p, size, offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        size -= (size_t)n;
        offset += n;
    }
    return true;
}

static bool read_all(int fd, void *data, size_t size, off_t offset)
{
    char *p = data;
    while (size) {
        ssize_t n = pread(fd, p, size, offset);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0)
            return false;
        p += n;
        size -= (size_t)n;
        offset += n;
    }
    return true;
}

static bool read_scratch(file_sink *f, float *pcm, size_t frames, long long at)
{
    if (read_all(f->pcm_fd, pcm, frames * sizeof *pcm, (off_t)(at * (long long)sizeof *pcm)))
        return true;
    set_error(f, NARR_E_IO, "%s: cannot read the temporary audio back: %s", f->audio.path,
              strerror(errno));
    return false;
}

static double clamp_gain(double db)
{
    return db > MAX_GAIN_DB ? MAX_GAIN_DB : db < -MAX_GAIN_DB ? -MAX_GAIN_DB : db;
}

/* ---- leveling: gain, limiter and meter, in one place ---- */

typedef struct {
    float gain;
    narr_limiter *limiter;
    narr_meter *meter;
    float buf[CHUNK];
    float out[CHUNK];
} leveler;

static bool leveler_init(leveler *l, const file_sink *f, double gain_db)
{
    l->gain = (float)narr_db_to_gain(gain_db);
    l->limiter = narr_limiter_new(f->out_rate, f->ceiling_db);
    l->meter = narr_meter_new(f->out_rate);
    return l->limiter && l->meter;
}

static void leveler_deinit(leveler *l)
{
    narr_limiter_free(l->limiter);
    narr_meter_free(l->meter);
    l->limiter = NULL;
    l->meter = NULL;
}

/* Levels n <= CHUNK frames of l->buf into l->out; returns how many came out. */
static size_t level(leveler *l, size_t n)
{
    for (size_t i = 0; i < n; i++)
        l->buf[i] *= l->gain;
    size_t out = narr_limiter_process(l->limiter, l->buf, n, l->out);
    narr_meter_add(l->meter, l->out, out);
    return out;
}

static size_t level_flush(leveler *l)
{
    size_t out = narr_limiter_flush(l->limiter, l->out);
    narr_meter_add(l->meter, l->out, out);
    return out;
}

/* The loudness the limiter would give frames [0, frames) at gain_db. */
static double simulate(file_sink *f, double gain_db, long long frames)
{
    leveler *l = calloc(1, sizeof *l);
    double lufs = -HUGE_VAL;
    bool ok = l && leveler_init(l, f, gain_db);
    for (long long pos = 0; ok && pos < frames;) {
        size_t n = frames - pos < CHUNK ? (size_t)(frames - pos) : CHUNK;
        ok = read_scratch(f, l->buf, n, pos);
        if (ok)
            level(l, n);
        pos += (long long)n;
    }
    if (ok) {
        level_flush(l);
        lufs = narr_meter_lufs(l->meter);
    }
    if (l)
        leveler_deinit(l);
    free(l);
    return lufs;
}

/* The gain that brings the limited audio to the target, from gain_db (a
 * first guess) and a few measured corrections. */
static double fit_gain(file_sink *f, double gain_db, long long frames)
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

/* ---- the shaper thread ---- */

typedef struct {
    file_sink *f;
    long long frames;   /* resampled so far */
    narr_meter *window; /* measures until the gain is decided */
    bool decided;
    leveler lev;
} shaper;

static bool send(shaper *sh, const float *pcm, size_t n)
{
    return !n || narr_pcm_queue_push(sh->f->leveled, pcm, n);
}

/* Gain from the audio so far (in the scratch file), which then goes out. */
static bool decide_gain(shaper *sh)
{
    file_sink *f = sh->f;
    double measured = narr_meter_lufs(sh->window);
    double gain = isfinite(measured) ? fit_gain(f, f->target - measured, sh->frames) : 0;
    narr_meter_free(sh->window);
    sh->window = NULL;
    sh->decided = true;
    pthread_mutex_lock(&f->lock);
    f->gain_db = gain;
    pthread_mutex_unlock(&f->lock);
    if (!leveler_init(&sh->lev, f, gain)) {
        set_error(f, NARR_E_NOMEM, "out of memory");
        return false;
    }
    for (long long pos = 0; pos < sh->frames;) {
        size_t n = sh->frames - pos < CHUNK ? (size_t)(sh->frames - pos) : CHUNK;
        if (!read_scratch(f, sh->lev.buf, n, pos) || !send(sh, sh->lev.out, level(&sh->lev, n)))
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
    file_sink *f = sh->f;
    if (!f->loudness) {
        sh->frames += (long long)frames;
        return send(sh, pcm, frames) ? NARR_OK : NARR_E_IO;
    }
    if (!write_all(f->pcm_fd, pcm, frames * sizeof *pcm,
                   (off_t)(sh->frames * (long long)sizeof *pcm))) {
        set_error(f, NARR_E_IO, "%s: cannot write the temporary audio next to it: %s (is "
                  "the disk full?)", f->audio.path, strerror(errno));
        return NARR_E_IO;
    }
    sh->frames += (long long)frames;
    if (!sh->decided) {
        narr_meter_add(sh->window, pcm, frames);
        if (sh->frames >= f->window_seconds * f->out_rate && !decide_gain(sh))
            return NARR_E_IO;
        return NARR_OK;
    }
    while (frames) {
        size_t n = frames < CHUNK ? frames : CHUNK;
        memcpy(sh->lev.buf, pcm, n * sizeof *pcm);
        if (!send(sh, sh->lev.out, level(&sh->lev, n)))
            return NARR_E_IO;
        pcm += n;
        frames -= n;
    }
    return NARR_OK;
}

/* An intro or outro: any file libsndfile reads, mixed to mono, resampled. */
static narr_status add_sound(shaper *sh, const char *path)
{
    file_sink *f = sh->f;
    SF_INFO info = {0};
    SNDFILE *snd = sf_open(path, SFM_READ, &info);
    if (!snd) {
        set_error(f, NARR_E_IO, "%s: cannot read the sound: %s", path, sf_strerror(NULL));
        return NARR_E_IO;
    }
    narr_status st;
    narr_resampler *r = narr_resampler_new(info.samplerate, f->out_rate, &st);
    float *buf = malloc((size_t)CHUNK * (size_t)info.channels * sizeof *buf);
    if (!r || !buf) {
        st = st == NARR_OK ? NARR_E_NOMEM : st;
        set_error(f, st, "%s: cannot resample from %d Hz", path, info.samplerate);
    }
    sf_count_t n;
    while (st == NARR_OK && (n = sf_readf_float(snd, buf, CHUNK)) > 0) {
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
    file_sink *f = sh->f;
    if (!f->loudness)
        return true;
    if (!sh->decided && !decide_gain(sh))
        return false;
    if (!send(sh, sh->lev.out, level_flush(&sh->lev)))
        return false;
    double lufs = narr_meter_lufs(sh->lev.meter);
    bool retry = isfinite(lufs) && fabs(f->target - lufs) > RETRY_LU;
    pthread_mutex_lock(&f->lock);
    double gain = f->gain_db;
    f->lufs = lufs;
    pthread_mutex_unlock(&f->lock);
    if (retry) {
        gain = fit_gain(f, gain + f->target - lufs, sh->frames);
        pthread_mutex_lock(&f->lock);
        f->retry = true;
        f->retry_gain = gain;
        pthread_mutex_unlock(&f->lock);
    }
    return true;
}

static void *shaper_main(void *arg)
{
    file_sink *f = arg;
    narr_status st = NARR_OK;
    shaper sh = {.f = f};
    int16_t *in = malloc(CHUNK * sizeof *in);
    float *conv = malloc(CHUNK * sizeof *conv);
    narr_resampler *speech = narr_resampler_new(f->in_rate, f->out_rate, &st);
    if (f->loudness)
        sh.window = narr_meter_new(f->out_rate);
    if (!in || !conv || !speech || (f->loudness && !sh.window)) {
        set_error(f, NARR_E_NOMEM, "out of memory");
        goto done;
    }
    if (f->intro && add_sound(&sh, f->intro) != NARR_OK)
        goto done;
    for (size_t n; (n = narr_pcm_queue_pop(f->speech, in, CHUNK)) > 0;) {
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
    leveler_deinit(&sh.lev);
    narr_meter_free(sh.window);
    narr_resampler_free(speech);
    free(in);
    free(conv);
    return NULL;
}

/* ---- the encoder thread ---- */

static int sf_format_code(narr_audio_format format)
{
    switch (format) {
    case NARR_AUDIO_FLAC:
        return SF_FORMAT_FLAC | SF_FORMAT_PCM_16;
    case NARR_AUDIO_OGG:
        return SF_FORMAT_OGG | SF_FORMAT_VORBIS;
    case NARR_AUDIO_OPUS:
        return SF_FORMAT_OGG | SF_FORMAT_OPUS;
    case NARR_AUDIO_MP3:
        return SF_FORMAT_MPEG | SF_FORMAT_MPEG_LAYER_III;
    default:
        return SF_FORMAT_WAV | SF_FORMAT_PCM_16;
    }
}

/* libsndfile's "compression level" (0 best .. 1 smallest) from --bitrate
 * (inverting its own kbit/s mapping) or --quality. */
static void configure(file_sink *f, SNDFILE *snd)
{
    double level = -1;
    int mode = -1;
    if (f->bitrate) {
        mode = SF_BITRATE_MODE_CONSTANT;
        double kbps = f->bitrate + 0.5; /* libsndfile truncates */
        if (f->format == NARR_AUDIO_OPUS)
            level = 1.0 - (kbps * 1000.0 - 6000.0) / 250000.0;
        else if (f->out_rate >= 32000)
            level = (320.0 - kbps) / 288.0;
        else if (f->out_rate >= 16000)
            level = (160.0 - kbps) / 152.0;
        else
            level = (64.0 - kbps) / 56.0;
    } else if (f->quality || f->format == NARR_AUDIO_MP3) {
        /* MP3 default: quality 5, like lame -V 5. */
        level = (10 - (f->quality ? f->quality : 5)) / 10.0;
        if (f->format == NARR_AUDIO_MP3)
            mode = SF_BITRATE_MODE_VARIABLE;
    }
    if (mode >= 0)
        sf_command(snd, SFC_SET_BITRATE_MODE, &mode, sizeof mode);
    if (level >= 0) {
        level = level < 0 ? 0 : level > 1 ? 1 : level;
        sf_command(snd, SFC_SET_COMPRESSION_LEVEL, &level, sizeof level);
    }
}

typedef struct {
    file_sink *f;
    SNDFILE *snd;
    short pcm16[CHUNK];
} encoding;

static SNDFILE *open_encoder(file_sink *f, const char *title)
{
    int fd = f->format == NARR_AUDIO_MP3 ? f->mp3_fd : f->audio.fd;
    if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0) {
        set_error(f, NARR_E_IO, "%s: cannot write: %s", f->audio.path, strerror(errno));
        return NULL;
    }
    SF_INFO info = {.samplerate = f->out_rate, .channels = 1, .format = sf_format_code(f->format)};
    SNDFILE *snd = sf_open_fd(fd, SFM_WRITE, &info, SF_FALSE);
    if (!snd) {
        set_error(f, NARR_E_IO, "%s: cannot write: %s", f->audio.path, sf_strerror(NULL));
        return NULL;
    }
    configure(f, snd);
    if (f->format != NARR_AUDIO_MP3) {
        /* Vorbis comments (Ogg, Opus, FLAC) or RIFF INFO (WAV); the MP3's
         * ID3 tag is written at the end. */
        if (title)
            sf_set_string(snd, SF_STR_TITLE, title);
        sf_set_string(snd, SF_STR_ARTIST, f->artist);
        if (f->album)
            sf_set_string(snd, SF_STR_ALBUM, f->album);
        sf_set_string(snd, SF_STR_DATE, f->date);
        if (f->comment)
            sf_set_string(snd, SF_STR_COMMENT, f->comment);
        sf_set_string(snd, SF_STR_SOFTWARE, "narrateur " NARR_VERSION);
    }
    return snd;
}

static bool encode(encoding *e, float *pcm, size_t n)
{
    if (!n)
        return true;
    file_sink *f = e->f;
    sf_count_t done;
    if (f->format == NARR_AUDIO_WAV || f->format == NARR_AUDIO_FLAC) {
        /* Exact for eSpeak's own samples: x / 32768 * 32768. */
        for (size_t i = 0; i < n; i++) {
            long v = lrintf(pcm[i] * 32768.0f);
            e->pcm16[i] = (short)(v > 32767 ? 32767 : v < -32768 ? -32768 : v);
        }
        done = sf_writef_short(e->snd, e->pcm16, (sf_count_t)n);
    } else {
        for (size_t i = 0; i < n; i++)
            pcm[i] = pcm[i] > 1.0f ? 1.0f : pcm[i] < -1.0f ? -1.0f : pcm[i];
        done = sf_writef_float(e->snd, pcm, (sf_count_t)n);
    }
    if (done != (sf_count_t)n) {
        set_error(f, NARR_E_IO, "%s: cannot write: %s (is the disk full?)", f->audio.path,
                  sf_strerror(e->snd));
        return false;
    }
    pthread_mutex_lock(&f->lock);
    f->encoded_frames += (long long)n;
    pthread_mutex_unlock(&f->lock);
    return true;
}

static bool close_encoder(encoding *e, bool ok)
{
    int rc = sf_close(e->snd);
    e->snd = NULL;
    if (ok && rc != 0) {
        set_error(e->f, NARR_E_IO, "%s: cannot complete the file: %s", e->f->audio.path,
                  sf_error_number(rc));
        return false;
    }
    return ok;
}

/* The second encoding, from the scratch file, leveled here at gain_db. */
static bool encode_again(encoding *e, const char *title, double gain_db, long long frames)
{
    file_sink *f = e->f;
    pthread_mutex_lock(&f->lock);
    f->encoded_frames = 0;
    pthread_mutex_unlock(&f->lock);
    leveler *l = calloc(1, sizeof *l);
    if (!l || !leveler_init(l, f, gain_db)) {
        set_error(f, NARR_E_NOMEM, "out of memory");
        if (l)
            leveler_deinit(l);
        free(l);
        return false;
    }
    bool ok = (e->snd = open_encoder(f, title)) != NULL;
    for (long long pos = 0; ok && pos < frames;) {
        size_t n = frames - pos < CHUNK ? (size_t)(frames - pos) : CHUNK;
        ok = read_scratch(f, l->buf, n, pos) && encode(e, l->out, level(l, n));
        pos += (long long)n;
    }
    ok = ok && encode(e, l->out, level_flush(l));
    if (e->snd)
        ok = close_encoder(e, ok);
    pthread_mutex_lock(&f->lock);
    f->lufs = narr_meter_lufs(l->meter);
    f->gain_db = gain_db;
    f->encodes++;
    pthread_mutex_unlock(&f->lock);
    leveler_deinit(l);
    free(l);
    return ok;
}

static void *encoder_main(void *arg)
{
    file_sink *f = arg;
    encoding *e = calloc(1, sizeof *e);
    float *pcm = malloc(CHUNK * sizeof *pcm);
    if (!e || !pcm)
        set_error(f, NARR_E_NOMEM, "out of memory");
    /* The tags go first in Ogg and FLAC: wait until the title is known. */
    pthread_mutex_lock(&f->lock);
    while (!f->stop && !f->title_final)
        pthread_cond_wait(&f->cond, &f->lock);
    bool ok = !f->stop;
    char *title = f->title ? strdup(f->title) : NULL;
    pthread_mutex_unlock(&f->lock);
    if (ok) {
        e->f = f;
        ok = (e->snd = open_encoder(f, title)) != NULL;
    }
    for (size_t n; ok && (n = narr_pcm_queue_pop(f->leveled, pcm, CHUNK)) > 0;)
        ok = encode(e, pcm, n);
    pthread_mutex_lock(&f->lock);
    ok = ok && !f->stop;
    bool retry = f->retry;
    double gain = f->retry_gain;
    long long frames = f->pcm_frames;
    f->encodes++;
    pthread_mutex_unlock(&f->lock);
    if (e && e->snd)
        ok = close_encoder(e, ok);
    if (ok && retry)
        ok = encode_again(e, title, gain, frames);
    free(title);
    free(pcm);
    free(e);
    pthread_mutex_lock(&f->lock);
    f->encode_done = ok;
    pthread_cond_broadcast(&f->cond);
    pthread_mutex_unlock(&f->lock);
    return NULL;
}

/* ---- the sink, on the pipeline thread ---- */

static double position(const file_sink *f)
{
    return f->intro_seconds + (double)f->in_frames / f->in_rate;
}

static narr_status take_error(narr_sink *s)
{
    file_sink *f = s->priv;
    pthread_mutex_lock(&f->lock);
    narr_status st = f->error;
    if (st != NARR_OK)
        snprintf(s->errmsg, sizeof s->errmsg, "%s", f->error_msg);
    pthread_mutex_unlock(&f->lock);
    return st;
}

/* Speech has started (or the end came): a title can no longer arrive, so
 * the encoder may write the tags. */
static void title_is_final(file_sink *f)
{
    pthread_mutex_lock(&f->lock);
    f->title_final = true;
    pthread_cond_broadcast(&f->cond);
    pthread_mutex_unlock(&f->lock);
}

static narr_status file_write(narr_sink *s, const int16_t *pcm, size_t frames)
{
    file_sink *f = s->priv;
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

/* A title or heading on one line, without surrounding spaces. */
static char *one_line(const char *s, size_t n)
{
    char *t = malloc(n + 1);
    if (!t)
        return NULL;
    size_t len = 0;
    for (size_t i = 0; i < n; i++) {
        char c = s[i] == '\n' || s[i] == '\r' || s[i] == '\t' ? ' ' : s[i];
        if (c == ' ' && (len == 0 || t[len - 1] == ' '))
            continue;
        t[len++] = c;
    }
    while (len && t[len - 1] == ' ')
        len--;
    t[len] = '\0';
    return t;
}

static narr_status file_chapter(narr_sink *s, const char *title, size_t len, bool is_title)
{
    file_sink *f = s->priv;
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
        snprintf(s->errmsg, sizeof s->errmsg, "out of memory");
    return st;
}

static narr_status file_cue(narr_sink *s, bool begin, const char *text, size_t len)
{
    file_sink *f = s->priv;
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
        snprintf(s->errmsg, sizeof s->errmsg, "%s: cannot write the transcript: %s",
                 f->transcript_file.path, strerror(errno));
    else if (st != NARR_OK)
        snprintf(s->errmsg, sizeof s->errmsg, "out of memory");
    return st;
}

static void file_progress(narr_sink *s, double *produced, double *done)
{
    file_sink *f = s->priv;
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
    file_sink *f = s->priv;
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

/* The MP3: the ID3 tag (with the chapters, now known), then the frames. */
static narr_status write_mp3(narr_sink *s, double total)
{
    file_sink *f = s->priv;
    size_t count = narr_chapters_count(f->chapters);
    narr_id3_chapter *ch = calloc(count ? count : 1, sizeof *ch);
    narr_buf tag;
    narr_buf_init(&tag);
    if (!ch) {
        snprintf(s->errmsg, sizeof s->errmsg, "out of memory");
        return NARR_E_NOMEM;
    }
    for (size_t i = 0; i < count; i++) {
        double end = i + 1 < count ? narr_chapters_start(f->chapters, i + 1) : total;
        ch[i].title = narr_chapters_title(f->chapters, i);
        ch[i].title_len = strlen(ch[i].title);
        ch[i].start_ms = (uint32_t)llround(narr_chapters_start(f->chapters, i) * 1000);
        ch[i].end_ms = (uint32_t)llround(end * 1000);
    }
    narr_id3_tag t = {
        .title = f->title, .artist = f->artist, .album = f->album, .date = f->date,
        .comment = f->comment, .language = "fra", .encoder = "narrateur " NARR_VERSION,
        .cover_mime = f->cover_mime, .cover = f->cover, .cover_len = f->cover_len,
        .chapters = ch, .chapter_count = count > 255 ? 0 : count,
    };
    narr_status st = narr_id3_build(&t, &tag);
    free(ch);
    if (st != NARR_OK) {
        narr_buf_deinit(&tag);
        snprintf(s->errmsg, sizeof s->errmsg, "%s: the tag is too large (is the cover over "
                 "16 MB?)", f->audio.path);
        return st;
    }
    bool ok = write_all(f->audio.fd, tag.data, tag.len, 0);
    off_t at = (off_t)tag.len;
    narr_buf_deinit(&tag);
    char *buf = ok ? malloc(1 << 16) : NULL;
    for (off_t from = 0; ok && buf;) {
        ssize_t n = pread(f->mp3_fd, buf, 1 << 16, from);
        if (n < 0 && errno == EINTR)
            continue;
        if (n <= 0) {
            ok = n == 0;
            break;
        }
        ok = write_all(f->audio.fd, buf, (size_t)n, at);
        from += n;
        at += n;
    }
    if (ok && !buf)
        ok = false;
    free(buf);
    if (!ok) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s: cannot write: %s (is the disk full?)",
                 f->audio.path, strerror(errno));
        return NARR_E_IO;
    }
    return NARR_OK;
}

static narr_status file_finish(narr_sink *s)
{
    file_sink *f = s->priv;
    wait_workers(s);
    narr_status st = take_error(s);
    if (st != NARR_OK)
        return st;
    double total = (double)f->pcm_frames / f->out_rate;
    if (f->transcript) {
        if (f->cue_open)
            file_cue(s, false, NULL, 0);
        st = narr_transcript_finish(f->transcript, total);
        int rc = fclose(f->transcript_out);
        f->transcript_out = NULL;
        if (st != NARR_OK || rc != 0) {
            snprintf(s->errmsg, sizeof s->errmsg, "%s: cannot write the transcript: %s",
                     f->transcript_file.path, strerror(errno));
            return NARR_E_IO;
        }
    }
    if (f->has_chapters_file) {
        FILE *out = fdopen(f->chapters_file.fd, "w");
        if (out)
            f->chapters_file.fd = -1;
        st = out ? narr_chapters_write_json(f->chapters, out) : NARR_E_IO;
        if ((out && fclose(out) != 0) || st != NARR_OK) {
            snprintf(s->errmsg, sizeof s->errmsg, "%s: cannot write the chapters: %s",
                     f->chapters_file.path, strerror(errno));
            return NARR_E_IO;
        }
    }
    if (f->format == NARR_AUDIO_MP3 && (st = write_mp3(s, total)) != NARR_OK)
        return st;
    /* All complete: publish the audio, then its side files. */
    if ((st = narr_pending_publish(&f->audio, s->errmsg, sizeof s->errmsg)) != NARR_OK)
        return st;
    if (f->has_transcript_file &&
        (st = narr_pending_publish(&f->transcript_file, s->errmsg, sizeof s->errmsg)) != NARR_OK)
        return st;
    if (f->has_chapters_file &&
        (st = narr_pending_publish(&f->chapters_file, s->errmsg, sizeof s->errmsg)) != NARR_OK)
        return st;
    return NARR_OK;
}

static void file_close(narr_sink *s)
{
    file_sink *f = s->priv;
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

static const narr_sink_ops file_ops = {file_write, file_finish, file_close};
static const narr_sink_timeline_ops file_timeline = {file_chapter, file_cue, file_progress};

/* ---- opening ---- */

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

/* The cover's bytes and MIME type (JPEG or PNG, told by their magic). */
static narr_status read_cover(file_sink *f, const char *path, char *msg, size_t size)
{
    FILE *in = fopen(path, "rb");
    if (!in)
        return fail_open(msg, size, NARR_E_IO, "%s: cannot read the cover: %s", path,
                         strerror(errno));
    f->cover = malloc(MAX_COVER_BYTES + 1);
    size_t n = f->cover ? fread(f->cover, 1, MAX_COVER_BYTES + 1, in) : 0;
    bool failed = ferror(in);
    fclose(in);
    if (!f->cover)
        return fail_open(msg, size, NARR_E_NOMEM, "out of memory");
    if (failed)
        return fail_open(msg, size, NARR_E_IO, "%s: cannot read the cover", path);
    if (n > MAX_COVER_BYTES)
        return fail_open(msg, size, NARR_E_ARG, "%s: the cover is over 16 MB; use a smaller "
                         "image", path);
    f->cover_len = n;
    static const unsigned char jpeg[3] = {0xFF, 0xD8, 0xFF};
    static const unsigned char png[8] = {0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'};
    if (n >= 3 && memcmp(f->cover, jpeg, 3) == 0)
        f->cover_mime = "image/jpeg";
    else if (n >= 8 && memcmp(f->cover, png, 8) == 0)
        f->cover_mime = "image/png";
    else
        return fail_open(msg, size, NARR_E_ARG, "%s: the cover must be a JPEG or PNG image",
                         path);
    return NARR_OK;
}

/* Checks that an intro or outro can be read; gives its duration. */
static narr_status check_sound(const char *path, double *seconds, char *msg, size_t size)
{
    SF_INFO info = {0};
    SNDFILE *snd = sf_open(path, SFM_READ, &info);
    if (!snd)
        return fail_open(msg, size, NARR_E_IO, "%s: cannot read the sound: %s", path,
                         sf_strerror(NULL));
    sf_close(snd);
    if (info.samplerate <= 0 || info.channels <= 0)
        return fail_open(msg, size, NARR_E_IO, "%s: not a sound file", path);
    *seconds = (double)info.frames / info.samplerate;
    return NARR_OK;
}

static narr_status setup(file_sink *f, const char *path, int rate, const narr_config *cfg,
                         char *msg, size_t size)
{
    const narr_audio_options *o = &cfg->audio;
    f->format = o->format != NARR_AUDIO_AUTO ? o->format : narr_audio_format_of(path);
    if (f->format == NARR_AUDIO_AUTO)
        return fail_open(msg, size, NARR_E_ARG, "cannot tell the audio format of '%s'; name "
                         "it .wav, .flac, .ogg, .opus or .mp3", path);
    f->in_rate = rate;
    f->out_rate = o->sample_rate ? o->sample_rate
                  : f->format == NARR_AUDIO_WAV  ? rate
                  : f->format == NARR_AUDIO_OPUS ? 48000
                                                 : 44100;
    const char *problem = narr_audio_rate_problem(f->format, f->out_rate);
    if (problem)
        return fail_open(msg, size, NARR_E_ARG, "%s: %s, not %d", path, problem, f->out_rate);
    SF_INFO probe = {.samplerate = f->out_rate, .channels = 1, .format = sf_format_code(f->format)};
    if (!sf_format_check(&probe))
        return fail_open(msg, size, NARR_E_ARG, "%s: this libsndfile cannot write that format",
                         path);
    bool lossy = f->format == NARR_AUDIO_MP3 || f->format == NARR_AUDIO_OGG ||
                 f->format == NARR_AUDIO_OPUS;
    if (o->bitrate && f->format != NARR_AUDIO_MP3 && f->format != NARR_AUDIO_OPUS)
        return fail_open(msg, size, NARR_E_ARG, "a bitrate applies to MP3 and Opus; use a "
                         "quality for Ogg Vorbis");
    if (o->quality && !lossy)
        return fail_open(msg, size, NARR_E_ARG, "a quality applies to MP3, Ogg and Opus, not "
                         "to lossless files");
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
        return fail_open(msg, size, NARR_E_NOMEM, "out of memory");

    narr_status st;
    if (o->cover && (f->format != NARR_AUDIO_MP3))
        return fail_open(msg, size, NARR_E_ARG, "a cover goes into MP3 files only");
    if (o->cover && (st = read_cover(f, o->cover, msg, size)) != NARR_OK)
        return st;
    double outro_seconds;
    if (o->intro && (st = check_sound(o->intro, &f->intro_seconds, msg, size)) != NARR_OK)
        return st;
    if (o->outro && (st = check_sound(o->outro, &outro_seconds, msg, size)) != NARR_OK)
        return st;
    narr_transcript_format tf = NARR_TRANSCRIPT_VTT;
    if (o->transcript && !narr_transcript_format_of(o->transcript, &tf))
        return fail_open(msg, size, NARR_E_ARG, "cannot tell the transcript format of '%s'; "
                         "name it .vtt or .srt", o->transcript);

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
        f->transcript_out = fdopen(f->transcript_file.fd, "w");
        if (!f->transcript_out)
            return fail_open(msg, size, NARR_E_IO, "%s: cannot write: %s", o->transcript,
                             strerror(errno));
        f->transcript_file.fd = -1; /* the FILE owns it now */
        f->transcript = narr_transcript_new(f->transcript_out, tf);
        if (!f->transcript)
            return fail_open(msg, size, NARR_E_NOMEM, "out of memory");
    }
    if (f->loudness)
        f->pcm_fd = narr_scratch_fd(path);
    if (f->format == NARR_AUDIO_MP3 && (!f->loudness || f->pcm_fd >= 0))
        f->mp3_fd = narr_scratch_fd(path);
    if ((f->loudness && f->pcm_fd < 0) || (f->format == NARR_AUDIO_MP3 && f->mp3_fd < 0))
        return fail_open(msg, size, NARR_E_IO, "%s: cannot create a temporary file next to "
                         "it: %s; choose a writable folder", path, strerror(errno));
    return NARR_OK;
}

narr_sink *narr_sink_open_file_window(const char *path, int rate, const narr_config *cfg,
                                      double window_seconds, narr_status *err, char *msg,
                                      size_t msg_size)
{
    narr_sink *s = calloc(1, sizeof *s);
    file_sink *f = calloc(1, sizeof *f);
    if (!s || !f) {
        free(s);
        free(f);
        *err = NARR_E_NOMEM;
        snprintf(msg, msg_size, "out of memory");
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
    *err = setup(f, path, rate, cfg, msg, msg_size);
    if (*err == NARR_OK) {
        f->shaper_started = pthread_create(&f->shaper, NULL, shaper_main, f) == 0;
        f->encoder_started = f->shaper_started &&
                             pthread_create(&f->encoder, NULL, encoder_main, f) == 0;
        if (!f->encoder_started) {
            *err = NARR_E_NOMEM;
            snprintf(msg, msg_size, "cannot start the encoding threads");
        }
    }
    if (*err != NARR_OK) {
        narr_sink_free(s);
        return NULL;
    }
    return s;
}

narr_sink *narr_sink_open_file(const char *path, int rate, const narr_config *cfg,
                               narr_status *err, char *msg, size_t msg_size)
{
    return narr_sink_open_file_window(path, rate, cfg, DEFAULT_WINDOW_S, err, msg, msg_size);
}

void narr_sink_file_stats(const narr_sink *s, narr_file_stats *stats)
{
    file_sink *f = s->priv;
    pthread_mutex_lock(&f->lock);
    *stats = (narr_file_stats){.encodes = f->encodes, .lufs = f->lufs, .gain_db = f->gain_db,
                               .frames = f->pcm_frames, .rate = f->out_rate};
    pthread_mutex_unlock(&f->lock);
}
