/* format: audio file formats by name and extension, and the sample rates
 * each encoder takes (Opus: 8, 12, 16, 24 or 48 kHz; MP3: the MPEG-1, 2
 * and 2.5 rates). E.g. "episode.MP3" → NARR_AUDIO_MP3. */
#include "audio/format.h"
#include "base/i18n.h"

#include <string.h>
#include <strings.h>

static const struct {
    const char *name;
    narr_audio_format format;
} names[] = {
    {"wav", NARR_AUDIO_WAV}, {"flac", NARR_AUDIO_FLAC}, {"ogg", NARR_AUDIO_OGG},
    {"opus", NARR_AUDIO_OPUS}, {"mp3", NARR_AUDIO_MP3},
};

narr_audio_format narr_audio_format_named(const char *name)
{
    for (size_t i = 0; i < sizeof names / sizeof names[0]; i++)
        if (strcasecmp(name, names[i].name) == 0)
            return names[i].format;
    return NARR_AUDIO_AUTO;
}

narr_audio_format narr_audio_format_of(const char *path)
{
    if (strcmp(path, "-") == 0)
        return NARR_AUDIO_WAV; /* standard output: what a pipe reader takes */
    const char *slash = strrchr(path, '/');
    const char *base = slash ? slash + 1 : path;
    const char *dot = strrchr(base, '.');
    return dot && dot != base ? narr_audio_format_named(dot + 1) : NARR_AUDIO_AUTO;
}

static bool one_of(int rate, const int *rates, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if (rates[i] == rate)
            return true;
    return false;
}

const char *narr_audio_rate_problem(narr_audio_format format, int rate)
{
    static const int opus[] = {8000, 12000, 16000, 24000, 48000};
    static const int mp3[] = {8000, 11025, 12000, 16000, 22050, 24000, 32000, 44100, 48000};
    switch (format) {
    case NARR_AUDIO_OPUS:
        return one_of(rate, opus, 5) ? NULL : L_("Opus takes 8000, 12000, 16000, 24000 or 48000 Hz");
    case NARR_AUDIO_MP3:
        return one_of(rate, mp3, 9) ? NULL
                                    : L_("MP3 takes 8000, 11025, 12000, 16000, 22050, 24000, "
                                      "32000, 44100 or 48000 Hz");
    default:
        return rate >= 8000 && rate <= 192000 ? NULL : L_("the sample rate must be from 8000 "
                                                       "to 192000 Hz");
    }
}
