/* speak: eSpeak NG wrapper (synchronous mode, one instance per process). */
#include "speak/speaker.h"
#include "base/i18n.h"
#include "base/utf8.h"

#include <espeak-ng/espeak_ng.h>
#include <fcntl.h>
#include <espeak-ng/speak_lib.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

struct narr_speaker {
    int rate;
    int wpm, pitch, range;   /* what eSpeak was last told */
    char voice_name[160];    /* the preset's eSpeak voice ("fr+f3"), */
    char voice_file[512];    /* or its voice file; to come back to */
    char lang[16];           /* the language voice in use, "" for the preset's */
    narr_pcm_fn pcm;
    void *user;
    narr_status cb_status;
    size_t samples;          /* samples of the current sentence so far */
    const char *text;        /* the sentence being spoken */
    size_t text_len;
    narr_word_mark *words;
    size_t nwords, words_cap;
    narr_buf scratch;
    char errmsg[1024];
};

/* eSpeak NG has one callback for the whole process: this is the one piece
 * of global state in narrateur, guarding against a second speaker. eSpeak
 * NG 1.51 hangs when started again after espeak_ng_Terminate, so it is
 * started once and stopped when the process exits; a speaker made after
 * another was freed reuses it. */
static bool speaker_live;
static bool espeak_started;

static void stop_espeak(void) { espeak_ng_Terminate(); }

/* eSpeak NG 1.51 makes an audio device object in espeak_ng_InitializeOutput
 * even for synchronous output, which we never play through: libpcaudio
 * then connects to PulseAudio, which creates ~/.config/pulse (and says
 * "Failed to create secure directory" when HOME is not writable). Pointed
 * at a server that cannot exist, that probe fails at once, quietly; the
 * caller's setting is put back right after. */
static espeak_ng_STATUS initialize_output(void)
{
    const char *was = getenv("PULSE_SERVER");
    char *saved = was ? strdup(was) : NULL;
    setenv("PULSE_SERVER", "unix:/nonexistent/narrateur-plays-through-portaudio", 1);
    espeak_ng_STATUS s = espeak_ng_InitializeOutput(ENOUTPUT_MODE_SYNCHRONOUS, 0, NULL);
    if (saved)
        setenv("PULSE_SERVER", saved, 1);
    else
        unsetenv("PULSE_SERVER");
    free(saved);
    return s;
}

static void set_error(narr_speaker *sp, const char *what, espeak_ng_STATUS status)
{
    char text[256];
    espeak_ng_GetStatusCodeMessage(status, text, sizeof text);
    /* TRANSLATORS: a place or subject, then what went wrong there. */
    snprintf(sp->errmsg, sizeof sp->errmsg, L_("%s: %s"), what, text);
}

/* eSpeak reports word positions in code points (1-based); we want bytes. */
static size_t byte_offset(const char *s, size_t n, int position)
{
    size_t i = 0;
    for (int cp = 1; cp < position && i < n; cp++)
        narr_utf8_next(s, n, &i);
    return i;
}

static void note_word(narr_speaker *sp, const espeak_EVENT *ev)
{
    if (sp->nwords == sp->words_cap) {
        narr_word_mark *grown = narr_array_grow(sp->words, &sp->words_cap, sizeof *grown, 32);
        if (!grown)
            return; /* marks are a bonus; speech goes on without them */
        sp->words = grown;
    }
    narr_word_mark *m = &sp->words[sp->nwords++];
    m->text_offset = byte_offset(sp->text, sp->text_len, ev->text_position);
    m->sample = (size_t)ev->audio_position * (size_t)sp->rate / 1000;
}

static int on_synth(short *wav, int n, espeak_EVENT *events)
{
    narr_speaker *sp = events ? events[0].user_data : NULL;
    if (!sp)
        return 1;
    for (espeak_EVENT *ev = events; ev->type != espeakEVENT_LIST_TERMINATED; ev++)
        if (ev->type == espeakEVENT_WORD)
            note_word(sp, ev);
    if (wav && n > 0 && sp->cb_status == NARR_OK) {
        sp->cb_status = sp->pcm(sp->user, wav, (size_t)n);
        sp->samples += (size_t)n;
    }
    return sp->cb_status == NARR_OK ? 0 : 1;
}

/* eSpeak NG lower-cases a voice file path and cuts it at 59 bytes, so
 * any other path is loaded through a short lower-case copy in /tmp. */
static espeak_ng_STATUS set_voice_file(const char *path)
{
    bool usable = strlen(path) < 60;
    for (const char *c = path; *c && usable; c++)
        usable = !(*c >= 'A' && *c <= 'Z');
    if (usable)
        return espeak_ng_SetVoiceByFile(path);
    FILE *in = fopen(path, "rb");
    if (!in)
        return ENS_VOICE_NOT_FOUND;
    /* O_EXCL | O_NOFOLLOW: a name someone else made (a symlink planted in
     * /tmp) is never written through; mkstemp's names have capitals. */
    char copy[64];
    int fd = -1;
    for (int attempt = 0; fd < 0 && attempt < 100; attempt++) {
        snprintf(copy, sizeof copy, "/tmp/narrateur-voice-%ld-%d.voice", (long)getpid(), attempt);
        fd = open(copy, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW, 0600);
    }
    FILE *out = fd >= 0 ? fdopen(fd, "wb") : NULL;
    if (fd >= 0 && !out)
        close(fd);
    char chunk[4096];
    size_t n;
    bool ok = out != NULL;
    while (ok && (n = fread(chunk, 1, sizeof chunk, in)) > 0)
        ok = fwrite(chunk, 1, n, out) == n;
    fclose(in);
    if (out && fclose(out) != 0)
        ok = false;
    espeak_ng_STATUS s = ok ? espeak_ng_SetVoiceByFile(copy) : ENS_VOICE_NOT_FOUND;
    if (fd >= 0)
        unlink(copy);
    return s;
}

static void apply_parameters(const narr_speaker *sp)
{
    espeak_ng_SetParameter(espeakRATE, sp->wpm, 0);
    espeak_ng_SetParameter(espeakPITCH, sp->pitch, 0);
    espeak_ng_SetParameter(espeakRANGE, sp->range, 0);
    espeak_ng_SetParameter(espeakPUNCTUATION, espeakPUNCT_NONE, 0);
}

narr_speaker *narr_speaker_new(const narr_voice *voice, int rate_override,
                               narr_status *err, char *msg, size_t msg_size)
{
    if (speaker_live) {
        *err = NARR_E_ARG;
        snprintf(msg, msg_size, L_("eSpeak NG allows one speaker per process"));
        return NULL;
    }
    /* eSpeak NG would speak with its own voice instead, without a word. */
    if (!narr_voice_available(voice, msg, msg_size)) {
        *err = NARR_E_VOICE;
        return NULL;
    }
    narr_speaker *sp = calloc(1, sizeof *sp);
    if (!sp) {
        *err = NARR_E_NOMEM;
        snprintf(msg, msg_size, L_("out of memory"));
        return NULL;
    }
    narr_buf_init(&sp->scratch);
    espeak_ng_STATUS s = ENS_OK;
    if (!espeak_started) {
        espeak_ng_InitializePath(NULL);
        espeak_ng_ERROR_CONTEXT ctx = NULL;
        s = espeak_ng_Initialize(&ctx);
        espeak_ng_ClearErrorContext(&ctx);
        if (s != ENS_OK) {
            set_error(sp, L_("cannot start eSpeak NG (is espeak-ng-data installed?)"), s);
            *err = NARR_E_SYNTH;
            goto fail;
        }
        if ((s = initialize_output()) != ENS_OK) {
            set_error(sp, L_("cannot set up eSpeak NG output"), s);
            *err = NARR_E_SYNTH;
            goto fail;
        }
        espeak_SetSynthCallback(on_synth);
        espeak_started = true;
        atexit(stop_espeak);
    }
    speaker_live = true;
    snprintf(sp->voice_file, sizeof sp->voice_file, "%s", voice->voice_file);
    snprintf(sp->voice_name, sizeof sp->voice_name, "%s%s%s", voice->espeak_voice,
             voice->variant[0] ? "+" : "", voice->variant);
    s = sp->voice_file[0] ? set_voice_file(sp->voice_file)
                          : espeak_ng_SetVoiceByName(sp->voice_name);
    if (s != ENS_OK) {
        char what[640];
        snprintf(what, sizeof what, L_("eSpeak NG voice '%s' of preset '%s'"),
                 voice->voice_file[0] ? voice->voice_file : voice->espeak_voice,
                 voice->name);
        set_error(sp, what, s);
        *err = NARR_E_VOICE;
        goto fail;
    }
    /* The rate belongs to the voice: an MBROLA voice speaks at its diphone
     * database's rate (16 000 Hz for the French ones), eSpeak's own at
     * 22 050 Hz, so it is read only once the voice is set. */
    sp->rate = espeak_ng_GetSampleRate();
    sp->wpm = rate_override > 0 ? rate_override : voice->rate;
    sp->pitch = voice->pitch;
    sp->range = voice->range;
    apply_parameters(sp);
    *err = NARR_OK;
    return sp;
fail:
    snprintf(msg, msg_size, "%s", sp->errmsg);
    narr_speaker_free(sp);
    return NULL;
}

void narr_speaker_free(narr_speaker *sp)
{
    if (!sp)
        return;
    speaker_live = false;
    narr_buf_deinit(&sp->scratch);
    free(sp->words);
    free(sp);
}

int narr_speaker_rate(const narr_speaker *sp) { return sp->rate; }

static int clamp(int v, int lo, int hi) { return v < lo ? lo : v > hi ? hi : v; }

void narr_speaker_set_rate(narr_speaker *sp, int wpm)
{
    wpm = clamp(wpm, NARR_SPEAKER_RATE_MIN, NARR_SPEAKER_RATE_MAX);
    if (wpm != sp->wpm)
        espeak_ng_SetParameter(espeakRATE, sp->wpm = wpm, 0);
}

void narr_speaker_set_pitch(narr_speaker *sp, int pitch)
{
    pitch = clamp(pitch, 0, 100);
    if (pitch != sp->pitch)
        espeak_ng_SetParameter(espeakPITCH, sp->pitch = pitch, 0);
}

void narr_speaker_set_range(narr_speaker *sp, int range)
{
    range = clamp(range, 0, 100);
    if (range != sp->range)
        espeak_ng_SetParameter(espeakRANGE, sp->range = range, 0);
}

/* "en-GB" → "en": eSpeak NG names its voices by base language. */
static void base_language(const char *tag, char *out, size_t size)
{
    size_t i = 0;
    for (; tag[i] && tag[i] != '-' && tag[i] != '_' && i + 1 < size; i++)
        out[i] = (char)(tag[i] >= 'A' && tag[i] <= 'Z' ? tag[i] + 32 : tag[i]);
    out[i] = '\0';
}

narr_status narr_speaker_set_language(narr_speaker *sp, const char *lang)
{
    char base[16];
    base_language(lang ? lang : "", base, sizeof base);
    if (!lang || strcmp(base, sp->lang) == 0)
        return NARR_OK;
    espeak_ng_STATUS s = espeak_ng_SetVoiceByName(base);
    /* Whatever came of it, narr_speaker_use_preset now comes back. */
    snprintf(sp->lang, sizeof sp->lang, "%s", base[0] ? base : "?");
    /* An MBROLA preset speaks at its database's rate; eSpeak NG's own
     * voices at 22 050 Hz: their samples would play at the wrong speed. */
    int other_rate = s == ENS_OK ? espeak_ng_GetSampleRate() : sp->rate;
    if (other_rate != sp->rate) {
        narr_speaker_use_preset(sp);
        snprintf(sp->errmsg, sizeof sp->errmsg,
                 L_("eSpeak NG's voice for '%s' speaks at %d Hz, not at the %d Hz of the "
                 "preset's voice"), base, other_rate, sp->rate);
        return NARR_E_VOICE;
    }
    if (s != ENS_OK) {
        char what[64];
        snprintf(what, sizeof what, L_("eSpeak NG has no voice for '%s'"), base);
        set_error(sp, what, s);
        narr_speaker_use_preset(sp);
        return NARR_E_VOICE;
    }
    apply_parameters(sp);
    return NARR_OK;
}

narr_status narr_speaker_use_preset(narr_speaker *sp)
{
    if (!sp->lang[0])
        return NARR_OK;
    sp->lang[0] = '\0';
    espeak_ng_STATUS s = sp->voice_file[0] ? set_voice_file(sp->voice_file)
                                           : espeak_ng_SetVoiceByName(sp->voice_name);
    apply_parameters(sp);
    if (s != ENS_OK) {
        set_error(sp, L_("eSpeak NG cannot take the preset's voice back"), s);
        return NARR_E_SYNTH;
    }
    return NARR_OK;
}

const char *narr_speaker_errmsg(const narr_speaker *sp) { return sp->errmsg; }

const narr_word_mark *narr_speaker_words(const narr_speaker *sp, size_t *count)
{
    *count = sp->nwords;
    return sp->words;
}

/* eSpeak needs a NUL-terminated copy. */
static const char *terminated(narr_speaker *sp, const char *text, size_t len)
{
    narr_buf_clear(&sp->scratch);
    if (narr_buf_append(&sp->scratch, text, len) != NARR_OK)
        return NULL;
    return narr_buf_str(&sp->scratch);
}

narr_status narr_speaker_say(narr_speaker *sp, const char *text, size_t len,
                             bool phonemes, narr_pcm_fn pcm, void *user)
{
    const char *z = terminated(sp, text, len);
    if (!z)
        return NARR_E_NOMEM;
    sp->pcm = pcm;
    sp->user = user;
    sp->cb_status = NARR_OK;
    sp->samples = 0;
    sp->nwords = 0;
    sp->text = z;
    sp->text_len = len;
    unsigned flags = espeakCHARS_UTF8 | (phonemes ? espeakPHONEMES : 0);
    espeak_ng_STATUS s = espeak_ng_Synthesize(z, len + 1, 0, POS_CHARACTER, 0,
                                              flags, NULL, sp);
    if (sp->cb_status != NARR_OK)
        return sp->cb_status;
    if (s != ENS_OK) {
        set_error(sp, L_("eSpeak NG synthesis failed"), s);
        return NARR_E_SYNTH;
    }
    return NARR_OK;
}

static narr_status discard(void *user, const int16_t *pcm, size_t frames)
{
    (void)user, (void)pcm, (void)frames;
    return NARR_OK;
}

/* Phonemes come from eSpeak's phoneme trace during a real synthesis (as
 * `espeak-ng -x` does), so they honour the same flags as the audio:
 * espeak_TextToPhonemes would ignore [[phoneme]] input. */
narr_status narr_speaker_phonemes(narr_speaker *sp, const char *text, size_t len,
                                  bool phonemes, narr_buf *out)
{
    char *trace = NULL;
    size_t trace_len = 0;
    FILE *f = open_memstream(&trace, &trace_len);
    if (!f)
        return NARR_E_NOMEM;
    espeak_SetPhonemeTrace(espeakPHONEMES_SHOW, f);
    narr_status st = narr_speaker_say(sp, text, len, phonemes, discard, NULL);
    espeak_SetPhonemeTrace(0, NULL);
    fclose(f);
    /* One line: clauses are joined with a space. */
    size_t start = out->len;
    for (size_t i = 0; st == NARR_OK && i < trace_len; i++) {
        char c = trace[i] == '\n' ? ' ' : trace[i];
        if (c == ' ' && (out->len == start || narr_buf_last(out) == ' '))
            continue;
        st = narr_buf_append_char(out, c);
    }
    while (out->len > start && narr_buf_last(out) == ' ')
        out->data[--out->len] = '\0';
    free(trace);
    return st;
}
