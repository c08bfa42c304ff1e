/* libnarrateur — reads French articles aloud like a radio newsreader.
 *
 * This header is the whole public API; the narrateur program uses nothing
 * else. An engine (voice, tables, normalizer, eSpeak NG) is made once from
 * narr_engine_options; each narration reads inputs through it to one
 * output: the audio device, an audio file, the caller's callback (PCM
 * blocks and events), or printed text or phonemes.
 *
 * Conventions:
 * - Handles are opaque. Who makes a handle frees it (the _free functions
 *   take NULL). Strings passed in are copied or only read during the call,
 *   unless said otherwise; strings returned are borrowed from the handle
 *   and valid until the next call on it.
 * - Every function that can fail returns a narr_status (or NULL with one
 *   through an out-parameter) and leaves a message in words, naming the
 *   file and what to do: narr_engine_errmsg / narr_narration_errmsg, or
 *   the msg buffer of a constructor.
 * - eSpeak NG allows one synthesizer per process: at most one engine may
 *   exist at a time; a second narr_engine_new fails with NARR_E_BUSY.
 *   Run several engines in several processes.
 * - An engine and its narrations are used from one thread, except for
 *   narr_narration_pause / _seek / _skip / _stop, which may be called from
 *   any thread (a key reader, a D-Bus handler, a signal-handling thread).
 * - No global state is visible to the caller. */
#ifndef NARRATEUR_H
#define NARRATEUR_H

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

#ifdef __cplusplus
extern "C" {
#endif

#if defined(NARR_BUILDING_LIBRARY) && defined(__GNUC__)
#define NARR_API __attribute__((visibility("default")))
#else
#define NARR_API
#endif

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
    NARR_E_ARG = -10,     /* a bad argument or option (a usage error) */
    NARR_E_VOICE = -11,   /* unknown or unavailable voice */
    NARR_E_INTERRUPTED = -12, /* stopped by the caller (narr_narration_stop, a signal) */
    NARR_E_BUSY = -13,    /* an engine already exists in this process */
} narr_status;

/* A static sentence for a status code; never NULL. English, or the
 * user's language when the program has set a locale and bound gettext's
 * "narrateur" domain (as the narrateur program does). */
NARR_API const char *narr_strerror(narr_status st);

/* "0.2.0": the library's version. */
NARR_API const char *narr_version(void);

/* ---- enumerations shared by the options ---------------------------- */

/* How a quotation is read. DEFAULT: the voice preset's choice. */
typedef enum {
    NARR_QUOTES_DEFAULT = 0,
    NARR_QUOTES_PAUSE,  /* a short pause around the quotation */
    NARR_QUOTES_SPOKEN, /* "je cite … fin de citation" around a citation */
    NARR_QUOTES_VOICE,  /* read with another pitch */
} narr_quote_style;

/* "pause", "spoken", "voice" → *style; false for any other name. */
NARR_API bool narr_quote_style_named(const char *name, narr_quote_style *style);

/* What an input is; AUTO looks at the file name's extension (.html,
 * .htm, .xhtml; .md, .markdown), then at the content. */
typedef enum {
    NARR_INPUT_AUTO = 0,
    NARR_INPUT_TEXT,
    NARR_INPUT_MARKDOWN,
    NARR_INPUT_HTML,
} narr_input_format;

/* "text", "markdown", "html" → the format; AUTO for anything else. */
NARR_API narr_input_format narr_input_format_named(const char *name);

/* Audio file formats; AUTO takes it from the file name's extension
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
NARR_API narr_audio_format narr_audio_format_named(const char *name);
/* The format a path's extension names; AUTO if none. */
NARR_API narr_audio_format narr_audio_format_of(const char *path);

/* ---- the engine ----------------------------------------------------- */

typedef struct {
    const char *voice;        /* preset name or path to an .ini; NULL = "fr" */
    int rate;                 /* words per minute, 80-450; 0 = the preset's */
    narr_quote_style quotes;  /* DEFAULT = the preset's */
    const char *lexicon;      /* the user's pronunciation lexicon (TSV) or NULL */
    bool no_config_lexicon;   /* skip $XDG_CONFIG_HOME/narrateur/lexique.tsv */
    const char *number_locale; /* "fr", "fr_BE", "fr_CH"; NULL = the preset's */
} narr_engine_options;

typedef struct narr_engine narr_engine;

/* Loads the voice, the tables and the lexicons, and starts eSpeak NG.
 * Returns an owned handle (narr_engine_free) or NULL with *st set and the
 * reason in msg: NARR_E_VOICE, NARR_E_DATA ("FILE:LINE: ..."), NARR_E_IO,
 * NARR_E_ARG, NARR_E_SYNTH, NARR_E_BUSY (another engine exists). */
NARR_API narr_engine *narr_engine_new(const narr_engine_options *opts, narr_status *st,
                                      char *msg, size_t msg_size);
NARR_API void narr_engine_free(narr_engine *e);

/* The message of the engine's last failure ("" if none). */
NARR_API const char *narr_engine_errmsg(const narr_engine *e);

/* The sample rate (Hz) of the PCM the engine makes: eSpeak NG's, for the
 * voice in use (22 050 for its own voices, 16 000 for MBROLA ones). */
NARR_API int narr_engine_sample_rate(const narr_engine *e);

/* The preset's name and the speaking rate in force (words per minute). */
NARR_API const char *narr_engine_voice_name(const narr_engine *e);
NARR_API int narr_engine_rate(const narr_engine *e);

/* Changes the speaking rate from the next sentence on (80-450 wpm);
 * NARR_E_ARG outside. Safe from any thread. */
NARR_API narr_status narr_engine_set_rate(narr_engine *e, int wpm);

/* What a newsreader would say for text[0..len) (UTF-8, one or more
 * sentences of plain text), as text (phonemes false) or eSpeak NG
 * phoneme mnemonics (phonemes true), one sentence a line. Returns a
 * malloc'ed NUL-terminated string that the caller frees with free(), or
 * NULL with *st set (NARR_E_BAD_UTF8, NARR_E_EMPTY, ...). */
NARR_API char *narr_engine_normalize(narr_engine *e, const char *text, size_t len,
                                     bool phonemes, narr_status *st);

/* ---- listings ------------------------------------------------------- */

/* Calls fn for each built-in voice preset: its name, description, whether
 * its voice is installed, and if not, the Debian packages that bring it
 * ("" when available). Returns NARR_OK or what fn returned first. */
typedef narr_status (*narr_voice_fn)(void *user, const char *name, const char *description,
                                     bool available, const char *packages);
NARR_API narr_status narr_list_voices(narr_voice_fn fn, void *user);

/* Calls fn for each audio output device (its index, name, and whether it
 * is the default). NARR_E_NODEVICE when there is none, NARR_E_AUDIO when
 * the audio system cannot start. */
typedef narr_status (*narr_device_fn)(void *user, int index, const char *name,
                                      bool is_default);
NARR_API narr_status narr_list_devices(narr_device_fn fn, void *user);

/* ---- a narration ---------------------------------------------------- */

typedef enum {
    NARR_OUTPUT_DEVICE = 0, /* the audio device (PortAudio) */
    NARR_OUTPUT_FILE,       /* an audio file (libsndfile), with side files */
    NARR_OUTPUT_CALLBACK,   /* PCM blocks and events to on_event only */
    NARR_OUTPUT_TEXT,       /* the spoken text, a sentence a line, to print_to */
    NARR_OUTPUT_PHONEMES,   /* eSpeak NG phoneme mnemonics, to print_to */
    NARR_OUTPUT_TIMING,     /* each sentence's start time in the audio and its
                               text ("00:00:01.234<TAB>Texte."), to print_to;
                               the audio is made (events too) but not kept */
} narr_output_kind;

/* How an audio file is made (all optional: zero means the default). */
typedef struct {
    narr_audio_format format; /* AUTO = from the output's extension */
    int sample_rate;          /* Hz; 0 = 44100 (Opus 48000), WAV eSpeak's own */
    int bitrate;              /* kbit/s, constant (MP3, Opus); 0 = variable */
    int quality;              /* 1..10 (10 best) for MP3, Ogg, Opus; 0 = default */
    bool no_loudness;         /* keep eSpeak's level */
    double loudness;          /* LUFS target, -40..-5; 0 = -16 (none for WAV) */
    const char *artist;       /* NULL = "narrateur" */
    const char *album, *date, *comment; /* date NULL = today (YYYY-MM-DD) */
    const char *cover;        /* JPEG or PNG for the MP3 tag */
    const char *intro, *outro; /* sounds (any format libsndfile reads) */
    const char *chapters;     /* Podcasting 2.0 JSON chapters file */
    const char *transcript;   /* .vtt or .srt transcript file */
} narr_audio_options;

/* The kinds of a block of the article. */
typedef enum {
    NARR_BLOCK_TITLE,
    NARR_BLOCK_HEADING,
    NARR_BLOCK_PARAGRAPH,
    NARR_BLOCK_QUOTE,
    NARR_BLOCK_ITEM,
} narr_block_kind;

typedef enum {
    NARR_EVENT_SENTENCE, /* a sentence starts (its audio follows) */
    NARR_EVENT_HEADING,  /* the title or a heading starts (before its sentences) */
    NARR_EVENT_PCM,      /* a block of samples */
    NARR_EVENT_END,      /* the input was read to its end */
    NARR_EVENT_CLAUSE,   /* a clause of the sentence starts (its audio follows) */
} narr_event_kind;

/* What a clause is (narr_event.clause): flags that combine. A sentence is
 * read as clauses when parts of it are read otherwise: a quotation, an
 * aside between dashes or parentheses (lower, faster), a passage in
 * another language (its eSpeak NG voice), or after a breath in a long
 * sentence. A plain sentence is one clause with no flag. */
enum {
    NARR_CLAUSE_QUOTE = 1,
    NARR_CLAUSE_ASIDE = 2,
    NARR_CLAUSE_FOREIGN = 4,
    NARR_CLAUSE_BREATH = 8,   /* comes after a breath pause */
    NARR_CLAUSE_FALLING = 16, /* ends falling, as a list item does */
};

typedef struct {
    narr_event_kind kind;
    long sentence;          /* SENTENCE: its index in the input, from 0 */
    long paragraph;         /* SENTENCE, HEADING: the block's index, from 0 */
    narr_block_kind block;  /* SENTENCE, HEADING: the kind of block it is in */
    const char *text;       /* SENTENCE: as written (web leftovers removed);
                               HEADING: the heading; borrowed for the call */
    size_t len;
    const char *spoken;     /* SENTENCE: as said (normalized); borrowed */
    size_t spoken_len;
    const int16_t *pcm;     /* PCM: mono 16-bit samples at the engine's rate */
    size_t frames;
    double seconds;         /* where in the input's audio this happens */
    /* CLAUSE: text/len and spoken/spoken_len are the clause as said, and
     * it is read with eSpeak NG's rate (words per minute), pitch and range
     * (0-100), in language lang (a tag such as "en"; NULL: the preset's
     * voice), after pause_ms of silence (already in the PCM before it). */
    unsigned clause;        /* NARR_CLAUSE_* */
    int rate, pitch, range;
    const char *lang;
    int pause_ms;
} narr_event;

/* Return NARR_OK to go on; anything else stops the narration with that
 * status (NARR_E_INTERRUPTED to stop quietly). Called on the thread that
 * runs narr_narration_read. */
typedef narr_status (*narr_event_fn)(void *user, const narr_event *ev);

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
    narr_output_kind kind;
    const char *path;          /* FILE: the audio file; "-" = standard output */
    const char *device;        /* DEVICE: name or index; NULL = default */
    FILE *print_to;            /* TEXT, PHONEMES: NULL = stdout */
    narr_audio_options audio;  /* FILE */
    narr_input_format input_format; /* AUTO = guess it for each input */
    narr_event_fn on_event;    /* any kind: events (PCM too); NULL = none */
    void *user;
    narr_progress_fn progress; /* FILE: as the work goes; NULL = none */
    void *progress_user;
    /* When it turns non-zero (a signal handler sets it), the work stops
     * soon with NARR_E_INTERRUPTED and nothing is published. NULL = never. */
    volatile sig_atomic_t *interrupted;
} narr_output_options;

/* NARR_OK when the options make sense together, else NARR_E_ARG and the
 * reason in msg ("--bitrate applies to MP3 and Opus..."): the one place
 * options are checked, before any work. engine may be NULL. */
NARR_API narr_status narr_check_options(const narr_engine_options *engine,
                                        const narr_output_options *output, char *msg,
                                        size_t msg_size);

/* NARR_OK when no output is the same file as an input or as another
 * output, else NARR_E_ARG and msg names both, before anything is written
 * ("-o article.md" would replace the article). Outputs: output->path, its transcript and
 * chapters, and more_outputs (a podcast feed, a state file); inputs: the
 * inputs (paths; "-" and web addresses are skipped), the engine's voice
 * preset file and lexicons (--lexicon and the configuration one it would
 * read), the intro, outro and cover. The same file is
 * the same device and inode, or, for an output that does not exist yet,
 * the same resolved path. Either list may be empty (NULL). */
NARR_API narr_status narr_check_files(const narr_engine_options *engine,
                                      const narr_output_options *output,
                                      const char *const *inputs, size_t ninputs,
                                      const char *const *more_outputs, size_t nmore,
                                      char *msg, size_t msg_size);

typedef struct narr_narration narr_narration;

/* Opens the output (the device, or the file's temporary name). Owned:
 * narr_narration_free, before the engine. NULL with *st and msg on
 * failure (NARR_E_ARG, NARR_E_IO, NARR_E_NODEVICE, NARR_E_AUDIO). */
NARR_API narr_narration *narr_narration_new(narr_engine *e, const narr_output_options *out,
                                            narr_status *st, char *msg, size_t msg_size);

/* Reads one input (a path, or NULL or "-" for standard input) through to
 * the output, sentence by sentence; may be called for several inputs one
 * after the other (one file output holds them all). NARR_E_IO,
 * NARR_E_BAD_UTF8, NARR_E_BINARY, NARR_E_EMPTY, NARR_E_INTERRUPTED, ... */
NARR_API narr_status narr_narration_read(narr_narration *n, const char *path);

/* The same for an input in memory (name is for messages; may be NULL). */
NARR_API narr_status narr_narration_read_memory(narr_narration *n, const char *data,
                                                size_t len, const char *name);

/* Drains the device, or completes and publishes the file with its side
 * files (all or none). After an error, free without finishing: a file's
 * partial output is removed. */
NARR_API narr_status narr_narration_finish(narr_narration *n);
NARR_API void narr_narration_free(narr_narration *n);

/* The message of the last failure ("" if none), and a warning that is not
 * an error ("read as Windows-1252"), each returned once, or NULL; an input
 * may leave several warnings (take them until NULL). */
NARR_API const char *narr_narration_errmsg(const narr_narration *n);
NARR_API const char *narr_narration_take_warning(narr_narration *n);

/* The article's title (first title block seen, "" before), and seconds of
 * audio made so far (a file's intro and outro included once finished). */
NARR_API const char *narr_narration_title(const narr_narration *n);
NARR_API double narr_narration_seconds(const narr_narration *n);

/* Control, from any thread. Pause holds the narration in its next PCM
 * block (nothing is lost: the rest of the block follows on resume); PCM
 * blocks are at most 20 ms, and a device plays what it holds (60 ms)
 * then waits, so the sound stops within 100 ms. */
NARR_API void narr_narration_pause(narr_narration *n, bool paused);
NARR_API bool narr_narration_paused(const narr_narration *n);

/* Go to sentence index (from 0) of the current input: the sentence being
 * spoken stops within one PCM block. A sentence past the end of the input
 * ends it. Sentences long past (over NARR_HISTORY_BYTES of text before the
 * current one) are forgotten: seeking there goes to the oldest kept. */
NARR_API void narr_narration_seek(narr_narration *n, long sentence);
#define NARR_HISTORY_BYTES (8 * 1024 * 1024)

typedef enum {
    NARR_UNIT_SENTENCE,
    NARR_UNIT_PARAGRAPH, /* a block: paragraph, heading, quotation, item */
} narr_unit;

/* Skips delta units forward (> 0) or back (< 0) from the one being
 * spoken; back by 0 restarts the current one. Skips of one unit asked
 * before the narration took the last add up. */
NARR_API void narr_narration_skip(narr_narration *n, narr_unit unit, int delta);

/* Stops the current input: narr_narration_read returns NARR_E_INTERRUPTED
 * soon. */
NARR_API void narr_narration_stop(narr_narration *n);

/* The index of the sentence being spoken (-1 before the first). */
NARR_API long narr_narration_sentence(const narr_narration *n);

/* DEVICE: how many times the device ran dry so far (a gap was heard:
 * PortAudio's output underflow); 0 for other outputs. */
NARR_API long narr_narration_underruns(const narr_narration *n);

/* ---- articles: files, web addresses and feeds ------------------------ */

/* How inputs are gathered (all optional: zero means the default). */
typedef struct {
    long connect_timeout_ms; /* web: 0 = 15 s */
    long timeout_ms;         /* web: the whole transfer; 0 = 60 s */
    bool fetch_links;        /* a feed item is read from its link's page,
                                not from the feed's own text */
    size_t max_items;        /* per feed, after --since; 0 = all */
    const char *since;       /* a feed's items dated before this day or
                                time (ISO 8601, RFC 822) are left out;
                                undated items are kept. NULL = all */
    /* A transfer stops soon with NARR_E_INTERRUPTED when it turns
     * non-zero (a signal handler sets it). NULL = never. */
    volatile sig_atomic_t *interrupted;
} narr_articles_options;

/* A list of articles to read one after the other, from the program's
 * arguments: a file, standard input ("-"), an http:// or https:// page,
 * or a feed (RSS 2.0, Atom 1.0, RSS 1.0, from a file or an address,
 * recognised by its content) that adds one article per item, feed order
 * kept. A page or feed is fetched when added; a file is read when it is
 * narrated (only its start is looked at when added). Owned. */
typedef struct narr_articles narr_articles;

/* NULL with *st = NARR_E_ARG and msg for a since that is not a date, or
 * NARR_E_NOMEM. o NULL = defaults. */
NARR_API narr_articles *narr_articles_new(const narr_articles_options *o, narr_status *st,
                                          char *msg, size_t msg_size);
NARR_API void narr_articles_free(narr_articles *a);

/* Adds what arg names (see above). On failure nothing is added and msg
 * holds one line naming arg: NARR_E_IO ("ARG: cannot read: REASON", a web
 * failure "URL: HTTP 404 (not found)", "URL: timed out ..."), NARR_E_BINARY
 * (a web address that is not a page or feed), NARR_E_DATA (a damaged
 * feed), NARR_E_INTERRUPTED, NARR_E_NOMEM. A feed with no item (after
 * the filters) adds nothing and is not an error. */
NARR_API narr_status narr_articles_add(narr_articles *a, const char *arg, char *msg,
                                       size_t msg_size);

NARR_API size_t narr_articles_count(const narr_articles *a);

/* What is known of article i before it is read. Strings borrowed from
 * the list, valid until it is freed. */
typedef struct {
    const char *key;    /* what identifies it across runs: a feed item's
                           GUID, else its link; a page's final address;
                           a file's name as given */
    const char *title;  /* a feed item's title; "" for a page or a file
                           (narr_narration_title has it once read) */
    const char *link;   /* a feed item's link or a page's final address
                           (its source in transcripts and feeds); "" else */
    const char *day;    /* "YYYY-MM-DD": a feed item's date; "" if undated */
    long long date;     /* the same as Unix time; 0 if undated */
    const char *source; /* for messages: "FEED: item N" or the argument */
    long long size;     /* bytes of text; -1 when unknown (standard input) */
} narr_article_info;

/* NARR_E_ARG when i is out of range. */
NARR_API narr_status narr_articles_info(const narr_articles *a, size_t i,
                                        narr_article_info *out);

/* A hash of what article i holds (a file is read through; a feed item
 * with fetch_links: its entry in the feed, so an unchanged feed costs no
 * page fetch) and of settings (anything else that changes the audio:
 * voice, rate, format options), as 16 hex digits into out. For telling
 * whether an article changed since an earlier run, not for security.
 * NARR_E_IO with msg when a file cannot be read. */
NARR_API narr_status narr_articles_hash(const narr_articles *a, size_t i, const char *settings,
                                        char out[17], char *msg, size_t msg_size);

/* Reads article i through the narration, like narr_narration_read: a
 * feed item as its title then its text (HTML), or, with fetch_links, the
 * page its link names (fetched now); a page with the charset of its
 * Content-Type header first, then the page's own declaration, then the
 * content. NARR_E_IO for a failed fetch (the message names the address),
 * and the errors of narr_narration_read. */
NARR_API narr_status narr_narration_read_article(narr_narration *n, narr_articles *a,
                                                 size_t i);

/* ---- batches: an output folder, its state and its podcast feed ------ */

/* What earlier runs made in an output folder DIR, from DIR/.narrateur-
 * state (one line an article: key, content hash, file, duration, when),
 * so that a run skips what it made before and redoes what changed.
 * Every change is made under a lock and the file replaced atomically:
 * concurrent runs into one folder never lose or corrupt an entry. */
typedef struct narr_batch_state narr_batch_state;

/* An empty state when DIR has none yet; NULL with *st and msg for a
 * damaged file (NARR_E_DATA, "DIR/.narrateur-state:LINE: ..."), NARR_E_IO. */
NARR_API narr_batch_state *narr_batch_state_load(const char *dir, narr_status *st, char *msg,
                                                 size_t msg_size);
NARR_API void narr_batch_state_free(narr_batch_state *s);

/* True when key was made from content with this hash (narr_articles_hash)
 * and its audio file is still in the folder. */
NARR_API bool narr_batch_state_done(const narr_batch_state *s, const char *key,
                                    const char *hash);

/* The audio file name for key in dir, malloc'ed into *name (the caller
 * frees it): its earlier name (extension ext), else "DAY-SLUG.EXT" (slug
 * from title, ASCII, at most 60 bytes), "DAY-SLUG-2.EXT"... for a clash;
 * reserved at once so that a concurrent run cannot take it too. day is
 * "YYYY-MM-DD", ext without its dot. NARR_E_IO, NARR_E_DATA, NARR_E_NOMEM. */
NARR_API narr_status narr_batch_claim_name(const char *dir, const char *key, const char *day,
                                           const char *title, const char *ext, char **name,
                                           char *msg, size_t msg_size);

/* Records key as made: from content hash, into file (a name in dir),
 * seconds long. */
NARR_API narr_status narr_batch_record(const char *dir, const char *key, const char *hash,
                                       const char *file, double seconds, char *msg,
                                       size_t msg_size);

/* Drops key's entry (a failed article's reservation); none is fine. */
NARR_API narr_status narr_batch_forget(const char *dir, const char *key, char *msg,
                                       size_t msg_size);

/* A podcast feed's channel (NULL fields keep the feed's earlier value,
 * else their default). */
typedef struct {
    const char *base_url;    /* required: where the feed's folder is served */
    const char *title;       /* default "narrateur" */
    const char *description; /* default the title */
    const char *image_url;   /* default none */
    const char *author;      /* default none */
} narr_podcast_options;

/* One episode; files are names in the feed's folder. */
typedef struct {
    const char *guid;            /* required: the article's key */
    const char *title;           /* required */
    const char *link;            /* the article's address; NULL = none */
    long long pub_date;          /* Unix time */
    const char *audio_file;      /* required; its length and type are read */
    double seconds;
    const char *transcript_file; /* .vtt or .srt; NULL = none */
    const char *chapters_file;   /* JSON; NULL = none */
} narr_podcast_episode;

/* Adds (or, same GUID, replaces) an episode in the RSS 2.0 podcast feed
 * at path (itunes: and podcast: namespaces), created when missing;
 * earlier episodes kept, newest first. Under a lock, replaced atomically.
 * NARR_E_ARG (no base_url, an audio type no podcast app plays),
 * NARR_E_DATA (path is not an RSS feed: left alone), NARR_E_IO. */
NARR_API narr_status narr_podcast_add(const char *path, const narr_podcast_options *channel,
                                      const narr_podcast_episode *episode, char *msg,
                                      size_t msg_size);

#ifdef __cplusplus
}
#endif

#endif
