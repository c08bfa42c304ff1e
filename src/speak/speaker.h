/* speak: the fifth stage and the only code that includes eSpeak NG.
 * eSpeak NG keeps global state and is not reentrant, so there is at most
 * one live speaker per process, driven from one thread. Synthesis is
 * synchronous: PCM (16-bit mono at narr_speaker_rate) comes back through
 * the caller's callback while narr_speaker_say runs. Text is data: it is
 * never read as SSML, and as [[phonemes]] only when the caller says so. */
#ifndef NARR_SPEAKER_H
#define NARR_SPEAKER_H

#include "data/voice.h"
#include <stdint.h>

typedef struct narr_speaker narr_speaker;

/* Receives samples; return NARR_OK to go on, an error to stop synthesis. */
typedef narr_status (*narr_pcm_fn)(void *user, const int16_t *pcm, size_t frames);

/* A word event: where a word starts in the spoken text and in the audio. */
typedef struct {
    size_t text_offset; /* byte offset in the text given to narr_speaker_say */
    size_t sample;      /* sample offset from the start of that sentence */
} narr_word_mark;

/* Starts eSpeak NG with the voice's settings; rate_override (words per
 * minute) replaces the preset's when > 0. NARR_E_SYNTH when eSpeak NG or
 * its data is missing, NARR_E_VOICE for an unknown eSpeak voice or an
 * MBROLA voice that is not installed (msg names the Debian packages),
 * NARR_E_ARG when a speaker is already live. Owned: narr_speaker_free. */
narr_speaker *narr_speaker_new(const narr_voice *voice, int rate_override,
                               narr_status *err, char *msg, size_t msg_size);
void narr_speaker_free(narr_speaker *sp);

/* Samples per second of the voice in use: 22 050 for eSpeak NG's own
 * voices, the database's rate for MBROLA ones (16 000 for fr1, 22 050 for
 * fr4). Every sink must be opened at this rate. */
int narr_speaker_rate(const narr_speaker *sp);

/* Synthesizes text[0..len) (UTF-8), calling pcm as samples come. With
 * phonemes, [[...]] spans are eSpeak phoneme input (the normalizer's
 * lexicon output); the article's own "[[" never reaches here intact. */
narr_status narr_speaker_say(narr_speaker *sp, const char *text, size_t len,
                             bool phonemes, narr_pcm_fn pcm, void *user);

/* eSpeak NG's range of speaking rates (words per minute). */
#define NARR_SPEAKER_RATE_MIN 80
#define NARR_SPEAKER_RATE_MAX 450

/* Sets the speaking rate (words per minute, kept within eSpeak's range),
 * the pitch and the pitch range (0-100) for what is said next: a heading
 * is read slower, an aside lower and faster, a quotation higher. */
void narr_speaker_set_rate(narr_speaker *sp, int wpm);
void narr_speaker_set_pitch(narr_speaker *sp, int pitch);
void narr_speaker_set_range(narr_speaker *sp, int range);

/* Speaks what follows with eSpeak NG's voice for lang (a BCP 47 tag; its
 * base language is the voice: "en-GB" → "en"), rate, pitch and range
 * kept. NARR_E_VOICE, the preset's voice kept and the reason in errmsg,
 * when eSpeak NG has no such voice or it speaks at another sample rate
 * than the preset's (an MBROLA preset). narr_speaker_use_preset comes
 * back to the preset's voice (NARR_E_SYNTH if eSpeak cannot). */
narr_status narr_speaker_set_language(narr_speaker *sp, const char *lang);
narr_status narr_speaker_use_preset(narr_speaker *sp);

/* The word marks of the last narr_speaker_say; borrowed until the next. */
const narr_word_mark *narr_speaker_words(const narr_speaker *sp, size_t *count);

/* Appends eSpeak's phoneme mnemonics for text (as `espeak-ng -x`). */
narr_status narr_speaker_phonemes(narr_speaker *sp, const char *text, size_t len,
                                  bool phonemes, narr_buf *out);

/* eSpeak NG's message for its last failure ("" if none); borrowed. */
const char *narr_speaker_errmsg(const narr_speaker *sp);

#endif
