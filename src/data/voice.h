/* voice: voice presets (voices/NAME.ini, compiled in, or a path to an .ini):
 * which eSpeak NG voice, how fast and high it speaks, the pauses between
 * sentences, paragraphs and headings, how quotations are read and which
 * locale spells numbers. A preset is data: every stage reads its part. */
#ifndef NARR_VOICE_H
#define NARR_VOICE_H

#include "base/buf.h"

typedef struct {
    char name[64];
    char description[256];
    char espeak_voice[64];  /* eSpeak NG voice name, e.g. "fr" */
    char voice_file[512];   /* or a voice file path (resolved), "" if none */
    char variant[64];       /* eSpeak variant, e.g. "f3", "" if none */
    int rate;               /* words per minute */
    int pitch;              /* 0-100 */
    int range;              /* 0-100 */
    int pause_sentence_ms;  /* after a sentence (and a line ending in <br>) */
    int pause_paragraph_ms; /* after a paragraph, a quotation block, a list */
    int pause_heading_ms;   /* before and after a heading */
    int pause_title_ms;     /* before and after the title */
    int pause_item_ms;      /* after a list item, before the next one */
    int pause_quote_ms;     /* before and after a quotation said as a clause */
    int pause_aside_ms;     /* before and after an aside (dashes, parentheses) */
    int pause_breath_ms;    /* a breath in a long sentence */
    int breath_words;       /* a sentence of more words than this takes a breath */
    /* Prosody: rates in percent of the speaking rate, pitch and range as
     * steps added to the voice's (eSpeak NG's 0-100 scales). */
    int heading_rate, title_rate, aside_rate;
    int aside_pitch, aside_range;
    int quote_pitch;        /* the voice quote style reads a quotation higher */
    narr_quote_style quotes;
    char number_locale[16]; /* ICU locale: "fr", "fr_BE", "fr_CH" */
    char mbrola[16];        /* MBROLA database ("fr1") the voice speaks
                               with, "" for eSpeak NG's own voices */
    char packages[128];     /* Debian packages that bring that database */
} narr_voice;


/* Loads the built-in preset called name, or the .ini file at that path
 * when name contains a '/' or ends in ".ini". NARR_E_VOICE (unknown name,
 * message lists the presets), NARR_E_IO or NARR_E_DATA ("FILE:LINE: ...").
 * An MBROLA voice ("espeak = mb-fr1", or a voice file with an "mbrola"
 * line) fills mbrola and, unless the preset names them ("packages = ..."),
 * packages with Debian's names ("mbrola mbrola-fr1"). Whether the voice is
 * installed is not checked here: see narr_voice_available. */
narr_status narr_voice_load(const char *name, narr_voice *voice, char *msg,
                            size_t msg_size);

/* Whether the preset's voice can speak on this machine: always for
 * eSpeak NG's own voices; for an MBROLA one, when the `mbrola` program is
 * on PATH and its database is where eSpeak NG looks for it. When not, why
 * says which Debian packages bring it. eSpeak NG itself would fall back to
 * its own voice without a word, so a missing voice is found here. */
bool narr_voice_available(const narr_voice *voice, char *why, size_t why_size);

/* narr_list_voices (narrateur.h) lives in voice.c: the presets are data;
 * it reports narr_voice_available and the preset's packages. */

#endif
