/* The pipeline: input → decode → document → sentences → normalize →
 * speak → sink, one sentence at a time, so the first sentence is heard
 * before the rest is read and memory does not grow with the input. */
#include "narrateur.h"
#include "audio/sink.h"
#include "data/voice.h"
#include "normalize/normalize.h"
#include "speak/fixes.h"
#include "speak/quotes.h"
#include "speak/speaker.h"
#include "text/document.h"
#include "text/sentences.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

/* The voice quote style: a quotation is read this much higher, with a
 * short pause at each quotation mark. */
#define QUOTE_PITCH_RISE 18
#define QUOTE_PAUSE_MS 150

struct narr_pipeline {
    narr_config cfg;
    narr_voice voice;
    narr_tables *tables;
    narr_normalizer *normalizer;
    narr_speaker *speaker;
    narr_sink *sink;
    const narr_table *abbreviations;
    narr_buf carry;     /* an unfinished sentence from a block that continues */
    narr_buf spoken;    /* the normalized sentence */
    narr_buf rendered;  /* the same, quotations in the voice's style */
    narr_buf fixed;     /* the same, respelled for eSpeak's slips */
    narr_quotes quotes; /* the quote style and whether a quotation is open */
    const narr_table *fixes;
    narr_buf line;      /* what --print writes */
    long sentences;     /* sentences read so far, over all inputs */
    FILE *in;           /* the input being read, for progress */
    long long in_size;  /* its size, -1 when unknown */
    char errmsg[1024];
    char warning[1024];
    bool has_warning;
};

static narr_status fail(narr_pipeline *p, narr_status st, const char *msg)
{
    snprintf(p->errmsg, sizeof p->errmsg, "%s", msg);
    return st;
}

/* The user's lexicons: $XDG_CONFIG_HOME/narrateur/lexique.tsv (or
 * ~/.config/...) when it exists, and --lexicon, which wins. */
static narr_status load_lexicons(narr_tables *tables, const char *lexicon, char *msg,
                                 size_t msg_size)
{
    char path[4096];
    const char *xdg = getenv("XDG_CONFIG_HOME"), *home = getenv("HOME");
    int n = xdg && *xdg ? snprintf(path, sizeof path, "%s/narrateur/lexique.tsv", xdg)
            : home      ? snprintf(path, sizeof path, "%s/.config/narrateur/lexique.tsv", home)
                        : -1;
    narr_status st = NARR_OK;
    if (n > 0 && (size_t)n < sizeof path && access(path, F_OK) == 0)
        st = narr_tables_load_lexicon(tables, NARR_TABLE_CONFIG_LEXICON, path, msg, msg_size);
    if (st == NARR_OK && lexicon)
        st = narr_tables_load_lexicon(tables, NARR_TABLE_USER_LEXICON, lexicon, msg, msg_size);
    return st;
}

narr_pipeline *narr_pipeline_new(const narr_config *cfg, narr_status *err,
                                 char *errmsg, size_t errmsg_size)
{
    narr_pipeline *p = calloc(1, sizeof *p);
    if (!p) {
        *err = NARR_E_NOMEM;
        snprintf(errmsg, errmsg_size, "out of memory");
        return NULL;
    }
    p->cfg = *cfg;
    if (!p->cfg.print_to)
        p->cfg.print_to = stdout;
    narr_buf_init(&p->carry);
    narr_buf_init(&p->spoken);
    narr_buf_init(&p->fixed);
    narr_buf_init(&p->rendered);
    narr_buf_init(&p->line);
    char msg[1024] = "";
    *err = narr_voice_load(cfg->voice ? cfg->voice : "fr", &p->voice, msg, sizeof msg);
    if (*err == NARR_OK)
        p->tables = narr_tables_new(err, msg, sizeof msg);
    if (*err == NARR_OK)
        *err = load_lexicons(p->tables, cfg->lexicon, msg, sizeof msg);
    if (*err == NARR_OK)
        p->normalizer = narr_normalizer_new(p->voice.number_locale, p->tables, err, msg, sizeof msg);
    if (*err == NARR_OK) {
        narr_quote_style style = p->voice.quotes;
        if (cfg->quotes && !narr_quote_style_named(cfg->quotes, &style)) {
            *err = NARR_E_ARG;
            snprintf(msg, sizeof msg, "unknown quote style '%s'", cfg->quotes);
        }
        narr_quotes_init(&p->quotes, style);
        narr_normalizer_keep_quotes(p->normalizer, true);
    }
    if (*err == NARR_OK) {
        p->abbreviations = narr_tables_get(p->tables, NARR_TABLE_ABBREVIATIONS);
        p->fixes = narr_tables_get(p->tables, NARR_TABLE_ESPEAK_FIXES);
        if (cfg->print != NARR_PRINT_TEXT)
            p->speaker = narr_speaker_new(&p->voice, cfg->rate, err, msg, sizeof msg);
    }
    if (*err == NARR_OK && cfg->print == NARR_PRINT_NONE) {
        int rate = narr_speaker_rate(p->speaker);
        p->sink = cfg->output ? narr_sink_open_file(cfg->output, rate, cfg, err, msg, sizeof msg)
                              : narr_sink_open_device(cfg->device, rate, err, msg, sizeof msg);
    }
    if (*err != NARR_OK) {
        snprintf(errmsg, errmsg_size, "%s", msg);
        narr_pipeline_free(p);
        return NULL;
    }
    return p;
}

void narr_pipeline_free(narr_pipeline *p)
{
    if (!p)
        return;
    narr_sink_free(p->sink);
    narr_speaker_free(p->speaker);
    narr_normalizer_free(p->normalizer);
    narr_tables_free(p->tables);
    narr_buf_deinit(&p->carry);
    narr_buf_deinit(&p->spoken);
    narr_buf_deinit(&p->fixed);
    narr_buf_deinit(&p->rendered);
    narr_buf_deinit(&p->line);
    free(p);
}

const char *narr_pipeline_errmsg(const narr_pipeline *p) { return p->errmsg; }

const char *narr_pipeline_take_warning(narr_pipeline *p)
{
    if (!p->has_warning)
        return NULL;
    p->has_warning = false;
    return p->warning;
}

static bool interrupted(narr_pipeline *p)
{
    if (!p->cfg.interrupted || !*p->cfg.interrupted)
        return false;
    snprintf(p->errmsg, sizeof p->errmsg, "interrupted; nothing was published");
    return true;
}

static narr_status to_sink(void *user, const int16_t *pcm, size_t frames)
{
    narr_pipeline *p = user;
    if (interrupted(p))
        return NARR_E_INTERRUPTED; /* eSpeak stops synthesizing too */
    narr_status st = narr_sink_write(p->sink, pcm, frames);
    if (st != NARR_OK)
        fail(p, st, narr_sink_errmsg(p->sink));
    return st;
}

static narr_status silence(narr_pipeline *p, int ms)
{
    static const int16_t zeros[4096];
    size_t frames = (size_t)ms * (size_t)narr_speaker_rate(p->speaker) / 1000;
    while (frames) {
        size_t n = frames < 4096 ? frames : 4096;
        narr_status st = to_sink(p, zeros, n);
        if (st != NARR_OK)
            return st;
        frames -= n;
    }
    return NARR_OK;
}

static bool has_letters_or_digits(const char *s, size_t n)
{
    for (size_t i = 0; i < n; i++)
        if ((unsigned char)s[i] >= 0x80 || (s[i] >= '0' && s[i] <= '9') ||
            ((s[i] | 0x20) >= 'a' && (s[i] | 0x20) <= 'z'))
            return true;
    return false;
}

static narr_status print_line(narr_pipeline *p, const char *s, size_t n)
{
    /* Flushed a line at a time: a reader on a pipe hears as we go. */
    if (fwrite(s, 1, n, p->cfg.print_to) != n || fputc('\n', p->cfg.print_to) == EOF ||
        fflush(p->cfg.print_to) != 0) {
        snprintf(p->errmsg, sizeof p->errmsg, "cannot write the output: %s", strerror(errno));
        return NARR_E_IO;
    }
    return NARR_OK;
}

/* Tells cfg.progress how far the reading and the file output are. */
static void report_progress(narr_pipeline *p)
{
    if (!p->cfg.progress || !p->sink || !p->in)
        return;
    long at = ftell(p->in);
    narr_progress pr = {.input_read = at >= 0 ? at : -1, .input_size = p->in_size};
    narr_sink_progress(p->sink, &pr.audio_seconds, &pr.done_seconds);
    p->cfg.progress(p->cfg.progress_user, &pr);
}

/* Speaks a sentence; in the voice quote style, the quotation is read
 * higher, with a short pause at each mark. */
static narr_status say(narr_pipeline *p, const char *text, size_t len, bool phonemes)
{
    if (p->quotes.style != NARR_QUOTES_VOICE)
        return narr_speaker_say(p->speaker, text, len, phonemes, to_sink, p);
    narr_status st = NARR_OK;
    for (size_t i = 0; i < len && st == NARR_OK;) {
        bool quoted;
        size_t seg = narr_quotes_segment(&p->quotes, text + i, len - i, &quoted);
        if (seg == 2 && (unsigned char)text[i] == 0xC2) {
            st = silence(p, QUOTE_PAUSE_MS);
        } else if (has_letters_or_digits(text + i, seg)) {
            narr_speaker_set_pitch(p->speaker, p->voice.pitch + (quoted ? QUOTE_PITCH_RISE : 0));
            st = narr_speaker_say(p->speaker, text + i, seg, phonemes, to_sink, p);
        }
        i += seg;
    }
    narr_speaker_set_pitch(p->speaker, p->voice.pitch);
    return st;
}

/* Speaks (or prints) one sentence, then the pause that follows it. */
static narr_status sentence(narr_pipeline *p, const char *s, size_t n, int pause_ms)
{
    if (interrupted(p))
        return NARR_E_INTERRUPTED;
    narr_buf_clear(&p->spoken);
    narr_status st = narr_normalize_sentence(p->normalizer, s, n, &p->spoken);
    if (st != NARR_OK)
        return fail(p, st, narr_strerror(st));
    const char *text = narr_buf_str(&p->spoken);
    size_t len = p->spoken.len;
    if (!has_letters_or_digits(text, len))
        return NARR_OK;
    p->sentences++;
    /* Quotation marks become the voice's quote style. */
    narr_buf_clear(&p->rendered);
    bool printed = p->cfg.print == NARR_PRINT_TEXT ||
                   (p->quotes.style == NARR_QUOTES_VOICE && p->cfg.print != NARR_PRINT_NONE);
    st = narr_quotes_render(&p->quotes, text, len, printed, &p->rendered);
    if (st != NARR_OK)
        return fail(p, st, narr_strerror(st));
    text = narr_buf_str(&p->rendered);
    len = p->rendered.len;
    if (p->cfg.print == NARR_PRINT_TEXT)
        return print_line(p, text, len);
    /* What eSpeak is given: the text with its known slips respelled. */
    narr_buf_clear(&p->fixed);
    if ((st = narr_fix_slips(p->fixes, text, len, &p->fixed)) != NARR_OK)
        return fail(p, st, narr_strerror(st));
    text = narr_buf_str(&p->fixed);
    len = p->fixed.len;
    bool phonemes = strstr(text, "[[") != NULL;
    switch (p->cfg.print) {
    case NARR_PRINT_TEXT:
        break;
    case NARR_PRINT_PHONEMES:
        narr_buf_clear(&p->line);
        st = narr_speaker_phonemes(p->speaker, text, len, phonemes, &p->line);
        return st == NARR_OK ? print_line(p, p->line.data ? p->line.data : "", p->line.len)
                             : fail(p, st, narr_strerror(st));
    case NARR_PRINT_NONE:
        break;
    }
    /* The transcript cue: the sentence as written, timed by its samples. */
    narr_buf_clear(&p->line);
    if ((st = narr_normalize_written(p->normalizer, s, n, &p->line)) != NARR_OK)
        return fail(p, st, narr_strerror(st));
    if ((st = narr_sink_cue(p->sink, true, narr_buf_str(&p->line), p->line.len)) != NARR_OK)
        return fail(p, st, narr_sink_errmsg(p->sink));
    st = say(p, text, len, phonemes);
    if (st == NARR_E_SYNTH)
        return fail(p, st, narr_speaker_errmsg(p->speaker));
    if (st != NARR_OK)
        return st;
    if ((st = narr_sink_cue(p->sink, false, NULL, 0)) != NARR_OK)
        return fail(p, st, narr_sink_errmsg(p->sink));
    st = silence(p, pause_ms);
    report_progress(p);
    return st;
}

static int block_pause(const narr_pipeline *p, narr_block_kind kind)
{
    return kind == NARR_BLOCK_TITLE || kind == NARR_BLOCK_HEADING ? p->voice.pause_heading_ms
                                                                   : p->voice.pause_paragraph_ms;
}

/* Splits a block (after any carried-over text) into sentences. */
static narr_status block(narr_pipeline *p, const narr_block *b)
{
    narr_status st;
    /* The title and each heading start a chapter (the title also tags the file). */
    if (p->sink && (b->kind == NARR_BLOCK_TITLE || b->kind == NARR_BLOCK_HEADING) &&
        (st = narr_sink_chapter(p->sink, b->text, b->len, b->kind == NARR_BLOCK_TITLE)) != NARR_OK)
        return fail(p, st, narr_sink_errmsg(p->sink));
    if (p->carry.len) {
        if ((st = narr_buf_append_char(&p->carry, ' ')) != NARR_OK ||
            (st = narr_buf_append(&p->carry, b->text, b->len)) != NARR_OK)
            return fail(p, st, narr_strerror(st));
    }
    narr_buf text = {0};
    if (p->carry.len) {
        text = p->carry;
        narr_buf_init(&p->carry);
    }
    const char *s = text.len ? text.data : b->text;
    size_t n = text.len ? text.len : b->len;
    st = NARR_OK;
    size_t i = 0;
    while (st == NARR_OK) {
        while (i < n && s[i] == ' ')
            i++;
        if (i == n)
            break;
        bool complete;
        size_t len = narr_sentence_length(s + i, n - i, p->abbreviations, &complete);
        if (!complete && b->continues) {
            st = narr_buf_append(&p->carry, s + i, n - i);
            break;
        }
        size_t rest = i + len;
        while (rest < n && s[rest] == ' ')
            rest++;
        bool last = rest == n && !b->continues;
        st = sentence(p, s + i, len, last ? block_pause(p, b->kind) : p->voice.pause_sentence_ms);
        i += len;
    }
    if (!b->continues) {
        /* A quotation does not run on past its paragraph. */
        narr_normalizer_end_block(p->normalizer);
        narr_quotes_end_block(&p->quotes);
    }
    narr_buf_deinit(&text);
    return st;
}

narr_status narr_pipeline_read(narr_pipeline *p, const char *path)
{
    bool use_stdin = !path || strcmp(path, "-") == 0;
    const char *name = use_stdin ? "standard input" : path;
    FILE *f = use_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        snprintf(p->errmsg, sizeof p->errmsg, "%s: cannot open: %s", path, strerror(errno));
        return NARR_E_IO;
    }
    struct stat info;
    p->in = f;
    p->in_size = fstat(fileno(f), &info) == 0 && S_ISREG(info.st_mode) ? (long long)info.st_size
                                                                       : -1;
    narr_decoder *dec = narr_decoder_new(f, name);
    if (dec)
        narr_decoder_set_interrupt(dec, p->cfg.interrupted);
    narr_document *doc = NULL;
    char msg[640] = "out of memory";
    /* The reader for --input-format, or for what the name and the first
     * bytes say (text, Markdown, HTML). */
    narr_status st = dec ? narr_document_open(dec, p->cfg.input_format, use_stdin ? NULL : path,
                                              p->tables, &doc, msg, sizeof msg)
                         : NARR_E_NOMEM;
    if (st != NARR_OK)
        fail(p, st, msg);
    long before = p->sentences;
    narr_block b;
    while (st == NARR_OK) {
        st = narr_document_next(doc, &b);
        const char *warning = narr_decoder_take_warning(dec);
        if (warning) {
            snprintf(p->warning, sizeof p->warning, "%s", warning);
            p->has_warning = true;
        }
        if (st == NARR_OK)
            st = block(p, &b);
        else if (st == NARR_E_INTERRUPTED)
            interrupted(p); /* its message */
        else if (st != NARR_E_EMPTY)
            fail(p, st, narr_document_errmsg(doc));
    }
    if (st == NARR_E_EMPTY) {
        st = NARR_OK;
        if (p->sentences == before) {
            snprintf(p->errmsg, sizeof p->errmsg, "%s: no text to read aloud", name);
            st = NARR_E_EMPTY;
        }
    }
    narr_document_free(doc);
    narr_decoder_free(dec);
    p->in = NULL;
    if (!use_stdin)
        fclose(f);
    return st;
}

double narr_pipeline_audio_seconds(narr_pipeline *p)
{
    double produced = 0, done = 0;
    if (p->sink)
        narr_sink_progress(p->sink, &produced, &done);
    return produced;
}

narr_status narr_pipeline_finish(narr_pipeline *p)
{
    if (p->cfg.print != NARR_PRINT_NONE) {
        if (fflush(p->cfg.print_to) != 0) {
            snprintf(p->errmsg, sizeof p->errmsg,
                     "cannot write the output: %s (is the disk full?)", strerror(errno));
            return NARR_E_IO;
        }
        return NARR_OK;
    }
    narr_status st = narr_sink_finish(p->sink);
    if (st != NARR_OK)
        fail(p, st, narr_sink_errmsg(p->sink));
    return st;
}
