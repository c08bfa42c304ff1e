/* narrateur — reads French articles aloud.
 * The public API: status codes and the narration pipeline (text in,
 * normalized text, phonemes, a speaker or an audio file out). */
#ifndef NARRATEUR_H
#define NARRATEUR_H

#include <stdbool.h>
#include <stddef.h>
#include <signal.h>
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
    NARR_E_INTERRUPTED = -12, /* stopped by the caller (a signal) */
} narr_status;

/* A static English sentence for a status code; never NULL. */
const char *narr_strerror(narr_status st);

typedef enum {
    NARR_PRINT_NONE = 0,  /* speak or write audio */
    NARR_PRINT_TEXT,      /* print the normalized text, one sentence a line */
    NARR_PRINT_PHONEMES,  /* print eSpeak NG phoneme mnemonics */
} narr_print_mode;

/* What the input is; AUTO looks at the file name's extension (.html,
 * .htm, .xhtml; .md, .markdown), then at the content. */
typedef enum {
    NARR_INPUT_AUTO = 0,
    NARR_INPUT_TEXT,
    NARR_INPUT_MARKDOWN,
    NARR_INPUT_HTML,
} narr_input_format;

/* Audio file formats for -o; AUTO takes it from the file name's extension
 * (.wav .flac .ogg .opus .mp3). */
typedef enum {
    NARR_AUDIO_AUTO = 0,
    NARR_AUDIO_WAV,
    NARR_AUDIO_FLAC,
    NARR_AUDIO_OGG,  /* Ogg Vorbis */
    NARR_AUDIO_OPUS, /* Ogg Opus */
    NARR_AUDIO_MP3,
} narr_audio_format;

/* "wav", "flac", "ogg", "opus", "mp3" (any case) → the format; AUTO if none. */
narr_audio_format narr_audio_format_named(const char *name);
/* The format a path's extension names; AUTO if none. */
narr_audio_format narr_audio_format_of(const char *path);
/* NULL when rate (Hz) suits the format, else why not ("Opus takes 8000,
 * 12000, 16000, 24000 or 48000 Hz"). Static string. */
const char *narr_audio_rate_problem(narr_audio_format format, int rate);

/* How an audio file is made (all optional: zero means the default). */
typedef struct {
    narr_audio_format format; /* AUTO = from the output's extension */
    int sample_rate;          /* Hz; 0 = 44100 (Opus 48000), WAV eSpeak's own */
    int bitrate;              /* kbit/s, constant (MP3, Opus); 0 = variable */
    int quality;              /* 1..10 (10 best) for MP3, Ogg, Opus; 0 = default */
    bool no_loudness;         /* keep eSpeak's level */
    double loudness;          /* LUFS target; 0 = -16 (none for WAV) */
    const char *artist;       /* NULL = "narrateur" */
    const char *album, *date, *comment; /* date NULL = today (YYYY-MM-DD) */
    const char *cover;        /* JPEG or PNG for the MP3 tag */
    const char *intro, *outro; /* sounds (any format libsndfile reads) */
    const char *chapters;     /* Podcasting 2.0 JSON chapters file */
    const char *transcript;   /* .vtt or .srt transcript file */
} narr_audio_options;

/* Where a file output is, for a progress display. */
typedef struct {
    long long input_read;  /* bytes of the current input read so far */
    long long input_size;  /* its size; -1 when unknown (a pipe) */
    double audio_seconds;  /* audio produced so far */
    double done_seconds;   /* of it, encoded into the file */
    bool finishing;        /* all input read; the encoder catches up */
} narr_progress;

typedef void (*narr_progress_fn)(void *user, const narr_progress *progress);

typedef struct {
    const char *voice;       /* preset name or path to an .ini; NULL = "fr" */
    int rate;                /* words per minute; 0 = the preset's */
    narr_print_mode print;   /* when not NONE, no audio is produced */
    FILE *print_to;          /* where printing goes (stdout if NULL) */
    const char *output;      /* audio file path; NULL = audio device */
    const char *device;      /* device name or index; NULL = default */
    narr_input_format input_format; /* AUTO (0) = guess it for each file */
    const char *lexicon;     /* user pronunciation lexicon (TSV) or NULL */
    const char *quotes;      /* "pause", "spoken", "voice"; NULL = the preset's */
    narr_audio_options audio; /* for a file output */
    narr_progress_fn progress; /* called as the work goes (file output); NULL = none */
    void *progress_user;
    /* When it turns non-zero (a signal handler sets it), the work stops
     * soon with NARR_E_INTERRUPTED and nothing is published. NULL = never. */
    volatile sig_atomic_t *interrupted;
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

/* Seconds of audio produced so far (for a file: intro and outro included
 * once finished). */
double narr_pipeline_audio_seconds(narr_pipeline *p);

/* Frees p; an unfinished file output is removed. NULL is a no-op. */
void narr_pipeline_free(narr_pipeline *p);

#endif
