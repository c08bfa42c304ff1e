/* device sink: PortAudio, blocking writes from the pipeline thread
 * (synthesis is faster than real time, so no callback or ring buffer).
 * The stream's latency is short, so that a pause (the stream stopped
 * after what it holds is played) is heard within 100 ms. A device that
 * refuses the engine's rate in mono gets the sound resampled (libsoxr) to
 * its own rate, and the channel copied to each of its channels. */
#include "audio/sink.h"
#include "base/i18n.h"
#include "audio/resample.h"

#ifdef NARR_HAVE_ALSA
#include <alsa/asoundlib.h>
#endif
#include <portaudio.h>
#include <fcntl.h>
#include <math.h>
#include <stdlib.h>
#include <unistd.h>
#include <string.h>

/* libjack, which PortAudio loads, prints a dozen lines about its absent
 * server while PortAudio probes the host APIs, and has no quiet switch we
 * can reach through PortAudio: standard error is parked on /dev/null for
 * the probe. Our own messages come after. */
static int park_stderr(void)
{
    fflush(stderr);
    int saved = dup(STDERR_FILENO);
    int null = open("/dev/null", O_WRONLY);
    if (saved >= 0 && null >= 0)
        dup2(null, STDERR_FILENO);
    if (null >= 0)
        close(null);
    return saved;
}

static void restore_stderr(int saved)
{
    if (saved < 0)
        return;
    dup2(saved, STDERR_FILENO);
    close(saved);
}

/* What the device holds ahead of what is heard: a pause or a stop takes
 * effect after this much sound. */
#define DEVICE_LATENCY_S 0.06
/* Channels a converted stream may have (the mono sound copied to each). */
#define MAX_CHANNELS 8
#define CONVERT_FRAMES 1024

typedef struct {
    PaStream *stream;
    bool initialized;
    bool held;              /* stopped for a pause */
    int channels;           /* of the stream; 1 unless converted */
    narr_resampler *resampler; /* NULL when the device takes the engine's rate */
    float in[CONVERT_FRAMES];
    int16_t out[CONVERT_FRAMES * MAX_CHANNELS];
} device_sink;

#ifdef NARR_HAVE_ALSA
/* ALSA prints its probing of absent cards to stderr; we report errors
 * ourselves. */
static void quiet_alsa(const char *file, int line, const char *function, int err,
                       const char *fmt, ...)
{
    (void)file, (void)line, (void)function, (void)err, (void)fmt;
}
#endif

/* Pa_Initialize, quietly. */
static PaError start_portaudio(void)
{
#ifdef NARR_HAVE_ALSA
    snd_lib_error_set_handler(quiet_alsa);
#endif
    int saved = park_stderr();
    PaError e = Pa_Initialize();
    restore_stderr(saved);
    return e;
}

static void stop_portaudio(void)
{
    int saved = park_stderr();
    Pa_Terminate();
    restore_stderr(saved);
}


static void describe(narr_sink *s, const char *what, PaError e)
{
    if (e == paUnanticipatedHostError) {
        const PaHostErrorInfo *host = Pa_GetLastHostErrorInfo();
        snprintf(s->errmsg, sizeof s->errmsg, L_("audio device: %s: %s"), what,
                 host && host->errorText ? host->errorText : Pa_GetErrorText(e));
    } else {
        snprintf(s->errmsg, sizeof s->errmsg, L_("audio device: %s: %s"), what,
                 Pa_GetErrorText(e));
    }
}

/* Writes frames as the stream takes them (interleaved when converted). */
static narr_status play(narr_sink *s, const int16_t *pcm, size_t frames)
{
    device_sink *d = s->priv;
    if (d->held) {
        PaError e = Pa_StartStream(d->stream);
        if (e != paNoError) {
            describe(s, L_("cannot resume playback"), e);
            return NARR_E_AUDIO;
        }
        d->held = false;
    }
    while (frames) {
        unsigned long chunk = frames > 65536 ? 65536 : (unsigned long)frames;
        PaError e = Pa_WriteStream(d->stream, pcm, chunk);
        /* An underflow only means a gap was heard: count it, carry on. */
        if (e == paOutputUnderflowed)
            s->underruns++;
        else if (e != paNoError) {
            describe(s, L_("playback failed"), e);
            return NARR_E_AUDIO;
        }
        pcm += chunk * (size_t)d->channels;
        frames -= chunk;
    }
    return NARR_OK;
}

/* Resampled frames: to 16 bits, copied to every channel, played. */
static narr_status play_converted(void *user, const float *pcm, size_t frames)
{
    narr_sink *s = user;
    device_sink *d = s->priv;
    while (frames) {
        size_t k = frames < CONVERT_FRAMES ? frames : CONVERT_FRAMES;
        for (size_t i = 0; i < k; i++) {
            float v = pcm[i] * 32768.0f;
            int16_t x = v >= 32767.0f ? 32767 : v <= -32768.0f ? -32768 : (int16_t)lrintf(v);
            for (int c = 0; c < d->channels; c++)
                d->out[i * (size_t)d->channels + (size_t)c] = x;
        }
        narr_status st = play(s, d->out, k);
        if (st != NARR_OK)
            return st;
        pcm += k;
        frames -= k;
    }
    return NARR_OK;
}

static narr_status device_write(narr_sink *s, const int16_t *pcm, size_t frames)
{
    device_sink *d = s->priv;
    if (!d->resampler && d->channels == 1)
        return play(s, pcm, frames);
    while (frames) {
        size_t k = frames < CONVERT_FRAMES ? frames : CONVERT_FRAMES;
        for (size_t i = 0; i < k; i++)
            d->in[i] = (float)pcm[i] / 32768.0f;
        narr_status st = d->resampler ? narr_resampler_run(d->resampler, d->in, k,
                                                           play_converted, s)
                                      : play_converted(s, d->in, k);
        if (st != NARR_OK)
            return st;
        pcm += k;
        frames -= k;
    }
    return NARR_OK;
}

/* A pause: what the device holds is played, then it waits (no underrun,
 * nothing dropped); the next write starts it again. */
static narr_status device_hold(narr_sink *s)
{
    device_sink *d = s->priv;
    if (d->held)
        return NARR_OK;
    PaError e = Pa_StopStream(d->stream);
    if (e != paNoError) {
        describe(s, L_("cannot pause playback"), e);
        return NARR_E_AUDIO;
    }
    d->held = true;
    return NARR_OK;
}

static narr_status device_finish(narr_sink *s)
{
    device_sink *d = s->priv;
    narr_status st = d->resampler ? narr_resampler_flush(d->resampler, play_converted, s)
                                  : NARR_OK;
    if (st != NARR_OK)
        return st;
    if (d->held)
        return NARR_OK;
    PaError e = Pa_StopStream(d->stream); /* plays what is buffered, then stops */
    if (e != paNoError) {
        describe(s, L_("cannot finish playback"), e);
        return NARR_E_AUDIO;
    }
    return NARR_OK;
}

static void device_close(narr_sink *s)
{
    device_sink *d = s->priv;
    if (!d)
        return;
    if (d->stream) {
        if (!s->finished && !d->held)
            Pa_AbortStream(d->stream);
        Pa_CloseStream(d->stream);
    }
    narr_resampler_free(d->resampler);
    if (d->initialized)
        stop_portaudio();
    free(d);
}

static const narr_sink_ops device_ops = {device_write, device_finish, device_close,
                                         device_hold};

static PaDeviceIndex find_device(const char *device)
{
    if (!device)
        return Pa_GetDefaultOutputDevice();
    char *end;
    long index = strtol(device, &end, 10);
    int count = Pa_GetDeviceCount();
    if (*device && !*end)
        return index >= 0 && index < count && Pa_GetDeviceInfo((int)index)->maxOutputChannels > 0
                   ? (PaDeviceIndex)index : paNoDevice;
    for (int i = 0; i < count; i++) {
        const PaDeviceInfo *info = Pa_GetDeviceInfo(i);
        if (info && info->maxOutputChannels > 0 && strcmp(info->name, device) == 0)
            return i;
    }
    return paNoDevice;
}

narr_status narr_sink_list_devices(narr_device_fn fn, void *user)
{
    if (start_portaudio() != paNoError)
        return NARR_E_AUDIO;
    narr_status st = NARR_E_NODEVICE;
    PaDeviceIndex fallback = Pa_GetDefaultOutputDevice();
    for (int i = 0; i < Pa_GetDeviceCount(); i++) {
        const PaDeviceInfo *info = Pa_GetDeviceInfo(i);
        if (!info || info->maxOutputChannels <= 0)
            continue;
        st = fn(user, i, info->name, i == fallback);
        if (st != NARR_OK)
            break;
    }
    stop_portaudio();
    return st;
}

/* The engine's rate in mono when the device takes it; else its own rate
 * (or the engine's) with one, then two channels, then as many as it has. */
static bool choose_format(const PaDeviceInfo *info, PaStreamParameters *out, double *rate)
{
    double rates[] = {*rate, info->defaultSampleRate, 48000, 44100};
    int most = info->maxOutputChannels < MAX_CHANNELS ? info->maxOutputChannels : MAX_CHANNELS;
    int channels[] = {1, 2, most};
    for (size_t r = 0; r < sizeof rates / sizeof rates[0]; r++) {
        for (size_t c = 0; c < sizeof channels / sizeof channels[0]; c++) {
            out->channelCount = channels[c];
            if (channels[c] >= 1 && Pa_IsFormatSupported(NULL, out, rates[r]) == paFormatIsSupported) {
                *rate = rates[r];
                return true;
            }
        }
    }
    return false;
}

narr_sink *narr_sink_open_device(const char *device, int rate, narr_status *err,
                                 char *msg, size_t msg_size)
{
    narr_sink *s = calloc(1, sizeof *s);
    device_sink *d = calloc(1, sizeof *d);
    if (!s || !d) {
        free(s);
        free(d);
        *err = NARR_E_NOMEM;
        snprintf(msg, msg_size, L_("out of memory"));
        return NULL;
    }
    s->ops = &device_ops;
    s->priv = d;
    PaError e = start_portaudio();
    if (e != paNoError) {
        describe(s, L_("cannot start PortAudio"), e);
        *err = NARR_E_AUDIO;
        goto fail;
    }
    d->initialized = true;
    PaDeviceIndex index = find_device(device);
    if (index == paNoDevice) {
        if (device)
            snprintf(s->errmsg, sizeof s->errmsg, L_("no audio output device called '%s'; "
                     "run with --list-devices to see them"), device);
        else
            snprintf(s->errmsg, sizeof s->errmsg,
                     L_("no audio output device found; use -o FILE.wav to write a file"));
        *err = NARR_E_NODEVICE;
        goto fail;
    }
    const PaDeviceInfo *info = Pa_GetDeviceInfo(index);
    PaStreamParameters out = {
        .device = index,
        .channelCount = 1,
        .sampleFormat = paInt16,
        .suggestedLatency = info->defaultLowOutputLatency > DEVICE_LATENCY_S
                                ? info->defaultLowOutputLatency : DEVICE_LATENCY_S,
    };
    double stream_rate = rate;
    d->channels = 1;
    e = Pa_OpenStream(&d->stream, NULL, &out, stream_rate, paFramesPerBufferUnspecified,
                      paNoFlag, NULL, NULL);
    if (e == paInvalidSampleRate || e == paInvalidChannelCount ||
        e == paSampleFormatNotSupported) {
        /* Asked only when refused: probing opens the device once more. */
        if (!choose_format(info, &out, &stream_rate)) {
            snprintf(s->errmsg, sizeof s->errmsg, L_("audio device: cannot open the output: "
                     "it plays neither %d Hz nor %.0f Hz, in mono or stereo"), rate,
                     info->defaultSampleRate);
            *err = NARR_E_AUDIO;
            goto fail;
        }
        d->channels = out.channelCount;
        if (stream_rate != rate &&
            !(d->resampler = narr_resampler_new(rate, (int)stream_rate, err))) {
            snprintf(s->errmsg, sizeof s->errmsg,
                     L_("audio device: cannot resample %d Hz to %.0f Hz"), rate, stream_rate);
            goto fail;
        }
        e = Pa_OpenStream(&d->stream, NULL, &out, stream_rate, paFramesPerBufferUnspecified,
                          paNoFlag, NULL, NULL);
    }
    if (e == paNoError && (e = Pa_StartStream(d->stream)) != paNoError) {
        Pa_CloseStream(d->stream);
        d->stream = NULL;
    }
    if (e != paNoError) {
        d->stream = NULL;
        describe(s, L_("cannot open the output"), e);
        *err = e == paDeviceUnavailable || e == paInvalidDevice ? NARR_E_NODEVICE : NARR_E_AUDIO;
        goto fail;
    }
    *err = NARR_OK;
    return s;
fail:
    snprintf(msg, msg_size, "%s", s->errmsg);
    narr_sink_free(s);
    return NULL;
}

narr_status narr_list_devices(narr_device_fn fn, void *user)
{
    return narr_sink_list_devices(fn, user);
}
