/* file_sink_encoder: the file sink's last thread, where libsndfile writes
 * the audio: WAV or FLAC as 16-bit PCM, Ogg Vorbis, Opus or MP3 from float,
 * with --bitrate or --quality and the tags (Vorbis comments, RIFF INFO). It
 * encodes a second time from the scratch PCM when the shaper's gain missed.
 * An MP3's ID3 tag, with the chapters, is written before its frames at the end. */
#include "audio/file_sink_private.h"
#include "base/i18n.h"
#include "audio/id3.h"

#include <errno.h>
#include <math.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

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

bool narr_file_can_encode(narr_audio_format format, int rate)
{
    SF_INFO probe = {.samplerate = rate, .channels = 1, .format = sf_format_code(format)};
    return sf_format_check(&probe);
}

/* libsndfile's "compression level" (0 best .. 1 smallest) from --bitrate
 * (inverting its own kbit/s mapping) or --quality. */
static void configure(narr_file_sink *f, SNDFILE *snd)
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
    narr_file_sink *f;
    SNDFILE *snd;
    short pcm16[NARR_FILE_CHUNK];
} encoding;

static SNDFILE *open_encoder(narr_file_sink *f, const char *title)
{
    int fd = f->format == NARR_AUDIO_MP3 ? f->mp3_fd : f->audio.fd;
    if (ftruncate(fd, 0) != 0 || lseek(fd, 0, SEEK_SET) != 0) {
        narr_file_sink_set_error(f, NARR_E_IO, L_("%s: cannot write: %s (is the disk full?)"),
                                 f->audio.path, strerror(errno));
        return NULL;
    }
    SF_INFO info = {.samplerate = f->out_rate, .channels = 1, .format = sf_format_code(f->format)};
    SNDFILE *snd = sf_open_fd(fd, SFM_WRITE, &info, SF_FALSE);
    if (!snd) {
        narr_file_sink_set_error(f, NARR_E_IO, L_("%s: cannot write: %s (is the disk full?)"),
                                 f->audio.path, sf_strerror(NULL));
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
    narr_file_sink *f = e->f;
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
        narr_file_sink_set_error(f, NARR_E_IO, L_("%s: cannot write: %s (is the disk full?)"),
                                 f->audio.path, sf_strerror(e->snd));
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
        narr_file_sink_set_error(e->f, NARR_E_IO, L_("%s: cannot complete the file: %s (is the "
                                 "disk full?)"), e->f->audio.path, sf_error_number(rc));
        return false;
    }
    return ok;
}

/* The second encoding, from the scratch file, leveled here at gain_db. */
static bool encode_again(encoding *e, const char *title, double gain_db, long long frames)
{
    narr_file_sink *f = e->f;
    pthread_mutex_lock(&f->lock);
    f->encoded_frames = 0;
    pthread_mutex_unlock(&f->lock);
    narr_leveler *l = calloc(1, sizeof *l);
    if (!l || !narr_leveler_init(l, f, gain_db)) {
        narr_file_sink_set_error(f, NARR_E_NOMEM, L_("out of memory"));
        if (l)
            narr_leveler_deinit(l);
        free(l);
        return false;
    }
    bool ok = (e->snd = open_encoder(f, title)) != NULL;
    for (long long pos = 0; ok && pos < frames;) {
        size_t n = frames - pos < NARR_FILE_CHUNK ? (size_t)(frames - pos) : NARR_FILE_CHUNK;
        ok = narr_file_sink_read_scratch(f, l->buf, n, pos) &&
             encode(e, l->out, narr_leveler_run(l, n));
        pos += (long long)n;
    }
    ok = ok && encode(e, l->out, narr_leveler_flush(l));
    if (e->snd)
        ok = close_encoder(e, ok);
    pthread_mutex_lock(&f->lock);
    f->lufs = narr_meter_lufs(l->meter);
    f->gain_db = gain_db;
    f->encodes++;
    pthread_mutex_unlock(&f->lock);
    narr_leveler_deinit(l);
    free(l);
    return ok;
}

void *narr_file_encoder_main(void *arg)
{
    narr_file_sink *f = arg;
    encoding *e = calloc(1, sizeof *e);
    float *pcm = malloc(NARR_FILE_CHUNK * sizeof *pcm);
    if (!e || !pcm)
        narr_file_sink_set_error(f, NARR_E_NOMEM, L_("out of memory"));
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
    for (size_t n; ok && (n = narr_pcm_queue_pop(f->leveled, pcm, NARR_FILE_CHUNK)) > 0;)
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

narr_status narr_file_write_mp3(narr_sink *s, double total)
{
    narr_file_sink *f = s->priv;
    size_t count = narr_chapters_count(f->chapters);
    narr_id3_chapter *ch = calloc(count ? count : 1, sizeof *ch);
    narr_buf tag;
    narr_buf_init(&tag);
    if (!ch) {
        snprintf(s->errmsg, sizeof s->errmsg, L_("out of memory"));
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
        snprintf(s->errmsg, sizeof s->errmsg, L_("%s: the tag is too large (is the cover over "
                 "16 MB?)"), f->audio.path);
        return st;
    }
    bool ok = narr_pwrite_all(f->audio.fd, tag.data, tag.len, 0);
    int e = errno; /* of the call that failed */
    off_t at = (off_t)tag.len;
    narr_buf_deinit(&tag);
    char *buf = ok ? malloc(1 << 16) : NULL;
    if (ok && !buf) {
        snprintf(s->errmsg, sizeof s->errmsg, L_("out of memory"));
        return NARR_E_NOMEM;
    }
    for (off_t from = 0; ok;) {
        ssize_t n = pread(f->mp3_fd, buf, 1 << 16, from);
        if (n < 0 && errno == EINTR)
            continue;
        if (n < 0) {
            snprintf(s->errmsg, sizeof s->errmsg, L_("%s: cannot read the temporary audio back: "
                     "%s (is the disk full or failing?)"), f->audio.path, strerror(errno));
            free(buf);
            return NARR_E_IO;
        }
        if (n == 0)
            break;
        ok = narr_pwrite_all(f->audio.fd, buf, (size_t)n, at);
        e = errno;
        from += n;
        at += n;
    }
    free(buf);
    if (!ok) {
        snprintf(s->errmsg, sizeof s->errmsg, L_("%s: cannot write: %s (is the disk full?)"),
                 f->audio.path, strerror(e));
        return NARR_E_IO;
    }
    return NARR_OK;
}
