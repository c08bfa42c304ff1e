/* options: narr_check_options, the one place where options are checked
 * against each other, before any work. The program turns its answer
 * into a usage error (exit 2); narr_narration_new asks it too, so a
 * library caller gets the same answer. */
#include "narrateur.h"
#include "engine.h"
#include "base/i18n.h"
#include "audio/format.h"
#include "export/transcript.h"
#include "input/fetch.h"

#include <libgen.h>
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static narr_status bad(char *msg, size_t size, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg, size, fmt, ap);
    va_end(ap);
    return NARR_E_ARG;
}

/* The first audio-file option that is set, named as on the command line. */
static const char *audio_option_set(const narr_audio_options *a)
{
    return a->transcript                  ? "--transcript"
           : a->chapters                  ? "--chapters"
           : a->intro                     ? "--intro"
           : a->outro                     ? "--outro"
           : a->cover                     ? "--cover"
           : a->sample_rate               ? "--sample-rate"
           : a->bitrate                   ? "--bitrate"
           : a->quality                   ? "--quality"
           : a->loudness || a->no_loudness ? L_("loudness options")
           : a->format                    ? L_("an output format")
                                          : NULL;
}

static narr_status check_audio(const narr_output_options *o, char *msg, size_t size)
{
    const narr_audio_options *a = &o->audio;
    narr_audio_format f = a->format ? a->format : narr_audio_format_of(o->path);
    if (f == NARR_AUDIO_AUTO)
        return bad(msg, size, L_("cannot tell the audio format of '%s'; name the output .wav, "
                   ".flac, .ogg, .opus or .mp3, or use --output-format"), o->path);
    if (strcmp(o->path, "-") == 0 && isatty(STDOUT_FILENO))
        return bad(msg, size, L_("-o - writes the audio to standard output, which is a terminal "
                   "here: redirect it ('-o - > article.wav', '-o - | aplay') or give a file name"));
    const char *problem = a->sample_rate ? narr_audio_rate_problem(f, a->sample_rate) : NULL;
    if (problem)
        return bad(msg, size, L_("--sample-rate: %s"), problem);
    if (a->bitrate && f != NARR_AUDIO_MP3 && f != NARR_AUDIO_OPUS)
        return bad(msg, size, L_("--bitrate applies to MP3 and Opus; use --quality for Ogg"));
    if (a->quality && f != NARR_AUDIO_MP3 && f != NARR_AUDIO_OGG && f != NARR_AUDIO_OPUS)
        return bad(msg, size, L_("--quality applies to MP3, Ogg and Opus, not to lossless files"));
    if (a->cover && f != NARR_AUDIO_MP3)
        return bad(msg, size, L_("--cover goes into MP3 files only"));
    if (a->loudness && a->no_loudness)
        return bad(msg, size, L_("--loudness and --no-loudness cannot be used together"));
    if (a->loudness && (a->loudness < -40 || a->loudness > -5))
        return bad(msg, size, L_("--loudness must be in LUFS from -40 to -5 (podcasts: -16)"));
    narr_transcript_format tf;
    if (a->transcript && !narr_transcript_format_of(a->transcript, &tf))
        return bad(msg, size, L_("cannot tell the transcript format of '%s'; name it .vtt or .srt"),
                   a->transcript);
    return NARR_OK;
}

narr_status narr_check_options(const narr_engine_options *engine,
                               const narr_output_options *output, char *msg, size_t size)
{
    if (engine && engine->rate && (engine->rate < 80 || engine->rate > 450))
        return bad(msg, size, L_("--rate must be a number of words per minute from 80 to 450, "
                   "not '%d'"), engine->rate);
    if (engine && (engine->quotes < NARR_QUOTES_DEFAULT || engine->quotes > NARR_QUOTES_VOICE))
        return bad(msg, size, L_("unknown quote style"));
    if (!output)
        return NARR_OK;
    if (output->kind < NARR_OUTPUT_DEVICE || output->kind > NARR_OUTPUT_TIMING)
        return bad(msg, size, L_("unknown output kind"));
    if (output->kind == NARR_OUTPUT_FILE && !output->path)
        return bad(msg, size, L_("a file output needs a path"));
    if (output->kind != NARR_OUTPUT_FILE) {
        const char *option = audio_option_set(&output->audio);
        return option ? bad(msg, size, L_("%s applies to an audio file: add -o FILE"), option)
                      : NARR_OK;
    }
    return check_audio(output, msg, size);
}

/* ---- no output may be an input ---- */

/* Where path is, or would be once made: its resolved folder and name. */
static bool resolved(const char *path, char *out, size_t size)
{
    char real[PATH_MAX];
    if (realpath(path, real))
        return snprintf(out, size, "%s", real) < (int)size;
    char dir_copy[PATH_MAX], base_copy[PATH_MAX];
    snprintf(dir_copy, sizeof dir_copy, "%s", path);
    snprintf(base_copy, sizeof base_copy, "%s", path);
    if (!realpath(dirname(dir_copy), real))
        return false;
    return snprintf(out, size, "%s/%s", real, basename(base_copy)) < (int)size;
}

static bool same_file(const char *a, const char *b)
{
    struct stat sa, sb;
    if (stat(a, &sa) == 0 && stat(b, &sb) == 0)
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino;
    char ra[PATH_MAX], rb[PATH_MAX];
    return resolved(a, ra, sizeof ra) && resolved(b, rb, sizeof rb) && strcmp(ra, rb) == 0;
}

narr_status narr_check_files(const narr_engine_options *engine,
                             const narr_output_options *output, const char *const *inputs,
                             size_t ninputs, const char *const *more_outputs, size_t nmore,
                             char *msg, size_t size)
{
    const char *outs[8] = {0}, *ins[8] = {0};
    size_t nouts = 0, nins = 0;
    if (output && output->kind == NARR_OUTPUT_FILE) {
        outs[nouts++] = output->path;
        outs[nouts++] = output->audio.transcript;
        outs[nouts++] = output->audio.chapters;
    }
    if (output) {
        ins[nins++] = output->audio.intro;
        ins[nins++] = output->audio.outro;
        ins[nins++] = output->audio.cover;
    }
    char config_lexicon[4096];
    if (engine && narr_engine_config_lexicon(engine, config_lexicon, sizeof config_lexicon))
        ins[nins++] = config_lexicon;
    if (engine) {
        ins[nins++] = engine->lexicon;
        /* A preset given as a file (a name is a built-in one). */
        if (engine->voice && strchr(engine->voice, '/'))
            ins[nins++] = engine->voice;
    }
    for (size_t o = 0; o < nouts + nmore; o++) {
        const char *out = o < nouts ? outs[o] : more_outputs[o - nouts];
        if (!out)
            continue;
        /* Two outputs under one name: one would replace the other. */
        for (size_t p = o + 1; p < nouts + nmore; p++) {
            const char *other = p < nouts ? outs[p] : more_outputs[p - nouts];
            if (other && same_file(out, other))
                return bad(msg, size, L_("%s and %s are the same file; give each output its "
                           "own name"), out, other);
        }
        for (size_t i = 0; i < nins + ninputs; i++) {
            const char *in = i < nins ? ins[i] : inputs[i - nins];
            if (!in || strcmp(in, "-") == 0 || narr_fetch_is_url(in))
                continue;
            if (same_file(out, in))
                return bad(msg, size, L_("%s would be written over %s, an input; give the "
                           "output another name (nothing was written)"), out, in);
        }
    }
    return NARR_OK;
}
