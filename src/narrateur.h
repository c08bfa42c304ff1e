/* narrateur — reads French articles aloud.
 * The public API: status codes and the narration pipeline (text in,
 * normalized text, phonemes, a speaker or an audio file out). */
#ifndef NARRATEUR_H
#define NARRATEUR_H

#include <stdbool.h>
#include <stddef.h>
#include <stdio.h>

typedef enum {
    NARR_OK = 0,
    NARR_E_NOMEM = -1,    /* out of memory */
    NARR_E_IO = -2,       /* a file could not be read or written */
    NARR_E_BAD_UTF8 = -3, /* text is not valid UTF-8 */
    NARR_E_BINARY = -4,   /* input is binary, not text */
    NARR_E_EMPTY = -5,    /* input has nothing to read aloud */
    NARR_E_DATA = -6,     /* a data file (table, voice, lexicon) is malformed */
    NARR_E_SYNTH = -7,    /* eSpeak NG failed */
    NARR_E_AUDIO = -8,    /* the audio device failed */
    NARR_E_NODEVICE = -9, /* no audio output device */
    NARR_E_ARG = -10,     /* a bad argument */
    NARR_E_VOICE = -11,   /* unknown voice */
} narr_status;

/* A static English sentence for a status code; never NULL. */
const char *narr_strerror(narr_status st);

typedef enum {
    NARR_PRINT_NONE = 0,  /* speak or write audio */
    NARR_PRINT_TEXT,      /* print the normalized text, one sentence a line */
    NARR_PRINT_PHONEMES,  /* print eSpeak NG phoneme mnemonics */
} narr_print_mode;

typedef struct {
    const char *voice;       /* preset name or path to an .ini; NULL = "fr" */
    int rate;                /* words per minute; 0 = the preset's */
    narr_print_mode print;   /* when not NONE, no audio is produced */
    FILE *print_to;          /* where printing goes (stdout if NULL) */
    const char *output;      /* audio file path; NULL = audio device */
    const char *device;      /* device name or index; NULL = default */
    const char *lexicon;     /* user pronunciation lexicon (TSV) or NULL */
    const char *quotes;      /* "pause", "spoken", "voice"; NULL = the preset's */
} narr_config;

typedef struct narr_pipeline narr_pipeline;

/* Opens the pipeline: loads the voice, starts eSpeak NG and opens the sink.
 * Returns an owned handle (free with narr_pipeline_free) or NULL with *err
 * set; the message for the failure is then written to errmsg. */
narr_pipeline *narr_pipeline_new(const narr_config *cfg, narr_status *err,
                                 char *errmsg, size_t errmsg_size);

/* Reads one input (path, or NULL / "-" for stdin) through to the sink,
 * sentence by sentence. NARR_E_IO, NARR_E_BAD_UTF8, NARR_E_BINARY, ... */
narr_status narr_pipeline_read(narr_pipeline *p, const char *path);

/* Flushes the sinks and, for a file, publishes it under its final name.
 * After an error, call narr_pipeline_free without finishing: the partial
 * output is removed. */
narr_status narr_pipeline_finish(narr_pipeline *p);

/* The last error in words, naming the file and what to do ("" if none).
 * Borrowed, valid until the next call on p. */
const char *narr_pipeline_errmsg(const narr_pipeline *p);

/* A warning that is not an error (e.g. "read as Windows-1252"), or NULL.
 * Each warning is returned once. */
const char *narr_pipeline_take_warning(narr_pipeline *p);

/* Frees p; an unfinished file output is removed. NULL is a no-op. */
void narr_pipeline_free(narr_pipeline *p);

#endif
