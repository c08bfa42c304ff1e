/* device sink: PortAudio, blocking writes from the pipeline thread
 * (synthesis is faster than real time, so no callback or ring buffer). */
#include "audio/sink.h"

#ifdef NARR_HAVE_ALSA
#include <alsa/asoundlib.h>
#endif
#include <portaudio.h>
#include <fcntl.h>
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

typedef struct {
    PaStream *stream;
    bool initialized;
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
        snprintf(s->errmsg, sizeof s->errmsg, "audio device: %s: %s", what,
                 host && host->errorText ? host->errorText : Pa_GetErrorText(e));
    } else {
        snprintf(s->errmsg, sizeof s->errmsg, "audio device: %s: %s", what,
                 Pa_GetErrorText(e));
    }
}

static narr_status device_write(narr_sink *s, const int16_t *pcm, size_t frames)
{
    device_sink *d = s->priv;
    while (frames) {
        unsigned long chunk = frames > 65536 ? 65536 : (unsigned long)frames;
        PaError e = Pa_WriteStream(d->stream, pcm, chunk);
        /* An underflow only means a gap was heard; carry on. */
        if (e != paNoError && e != paOutputUnderflowed) {
            describe(s, "playback failed", e);
            return NARR_E_AUDIO;
        }
        pcm += chunk;
        frames -= chunk;
    }
    return NARR_OK;
}

static narr_status device_finish(narr_sink *s)
{
    device_sink *d = s->priv;
    PaError e = Pa_StopStream(d->stream); /* plays what is buffered, then stops */
    if (e != paNoError) {
        describe(s, "cannot finish playback", e);
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
        if (!s->finished)
            Pa_AbortStream(d->stream);
        Pa_CloseStream(d->stream);
    }
    if (d->initialized)
        stop_portaudio();
    free(d);
}

static const narr_sink_ops device_ops = {device_write, device_finish, device_close};

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

narr_sink *narr_sink_open_device(const char *device, int rate, narr_status *err,
                                 char *msg, size_t msg_size)
{
    narr_sink *s = calloc(1, sizeof *s);
    device_sink *d = calloc(1, sizeof *d);
    if (!s || !d) {
        free(s);
        free(d);
        *err = NARR_E_NOMEM;
        snprintf(msg, msg_size, "out of memory");
        return NULL;
    }
    s->ops = &device_ops;
    s->priv = d;
    PaError e = start_portaudio();
    if (e != paNoError) {
        describe(s, "cannot start PortAudio", e);
        *err = NARR_E_AUDIO;
        goto fail;
    }
    d->initialized = true;
    PaDeviceIndex index = find_device(device);
    if (index == paNoDevice) {
        if (device)
            snprintf(s->errmsg, sizeof s->errmsg, "no audio output device called '%s'; "
                     "run with --list-devices to see them", device);
        else
            snprintf(s->errmsg, sizeof s->errmsg,
                     "no audio output device found; use -o FILE.wav to write a file");
        *err = NARR_E_NODEVICE;
        goto fail;
    }
    PaStreamParameters out = {
        .device = index,
        .channelCount = 1,
        .sampleFormat = paInt16,
        .suggestedLatency = Pa_GetDeviceInfo(index)->defaultHighOutputLatency,
    };
    e = Pa_OpenStream(&d->stream, NULL, &out, rate, paFramesPerBufferUnspecified,
                      paNoFlag, NULL, NULL);
    if (e == paNoError && (e = Pa_StartStream(d->stream)) != paNoError) {
        Pa_CloseStream(d->stream);
        d->stream = NULL;
    }
    if (e != paNoError) {
        d->stream = NULL;
        describe(s, "cannot open the output", e);
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
