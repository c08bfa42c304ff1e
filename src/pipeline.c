/* pipeline: one narration. input → decode → document → sentences →
 * normalize → speak → the output (device, file, the caller's callback,
 * printed text), one sentence at a time, so the first sentence is heard
 * before the rest is read. Every output is a consumer of the same events
 * (sentence, heading, PCM, end). The sentences read so far are kept (up
 * to NARR_HISTORY_BYTES of text) so that a player can go back; pause,
 * seek, skip and stop are requests that the narrating thread takes at
 * the next PCM block. */
#include "engine.h"
#include "base/i18n.h"
#include "narration.h"
#include "prosody.h"
#include "audio/sink.h"
#include "export/transcript.h"
#include "speak/fixes.h"
#include "speak/guard.h"
#include "text/document.h"
#include "text/sentences.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>

/* How often a paused narration looks at a signal flag. */
#define PAUSE_POLL_MS 50
/* The longest PCM block passed on: requests (pause, skip, stop) are taken
 * between blocks, so this bounds how late they are heard, with the
 * device's own latency. */
#define BLOCK_MS 20

/* A sentence read from the input, its text in the history buffer. */
typedef struct {
    size_t at, len;       /* the sentence as written */
    size_t head_at, head_len; /* the block's text when it opens a title or heading */
    long paragraph;       /* the block's index in the input */
    narr_block_kind kind;
    int pause_ms;         /* the silence after it */
    bool opens_heading;   /* first sentence of a title or heading block */
} sentence_rec;

/* A request from another thread, taken at the next PCM block. */
typedef enum { REQ_NONE, REQ_SEEK, REQ_SKIP_SENTENCE, REQ_SKIP_PARAGRAPH } request_kind;

struct narr_narration {
    narr_engine *e;
    narr_output_options out;
    narr_sink *sink;          /* device or file; NULL for the other kinds */
    const narr_table *abbreviations, *fixes; /* borrowed from the engine */
    narr_spans spans;         /* the typed ranges of the sentence being said */
    narr_clauses clauses;     /* and how its clauses are read (prosody.h) */
    /* Languages of the passages marked in the input (base tags, "en"):
     * the k of a passage's mark; those eSpeak NG has no voice for. */
    char langs[NARR_MARK_FOREIGN_LANGS][16];
    int nlangs;
    bool lang_missing[NARR_MARK_FOREIGN_LANGS];

    /* The input being read. */
    narr_document *doc;
    FILE *in;
    long long in_size;
    bool input_done;
    long paragraphs;          /* blocks read so far */
    narr_buf carry;           /* an unfinished sentence from a block that continues */

    /* The sentences read so far: recs[i] is sentence first + i. */
    narr_buf history;
    sentence_rec *recs;
    size_t nrecs, recs_cap;
    long first;
    long current;             /* being spoken; -1 before the first */
    long frames;              /* of this input, for event times */
    long last_said;           /* the sentence said last (-1: none yet) */
    bool after_line_end;      /* the last block ended at a <br> */
    narr_block_kind line_kind; /* and was of this kind */

    /* Work buffers. */
    narr_buf spoken, respelled, fixed, line, written, clause;
    narr_guard guard; /* what eSpeak must not see (speak/guard.h) */

    /* Control (narr_narration_pause, _seek, _skip, _stop). */
    pthread_mutex_t lock;
    pthread_cond_t wake;
    bool paused, stopped;
    request_kind request;
    long request_value;
    bool aborted_for_request; /* synthesis was cut to honour a request */

    char title[512];
    char errmsg[1024];
    char warning[1024];
    bool has_warning;
    char guard_warning[1024]; /* taken after the decoder's warning */
    bool has_guard_warning;
};

static narr_status fail(narr_narration *n, narr_status st, const char *msg)
{
    snprintf(n->errmsg, sizeof n->errmsg, "%s", msg);
    return st;
}

narr_status narr_narration_fail(narr_narration *n, narr_status st, const char *msg)
{
    return fail(n, st, msg);
}

/* Keeps a warning for narr_narration_take_warning, after any not taken. */
static void warn(narr_narration *n, const char *msg)
{
    size_t len = n->has_warning ? strlen(n->warning) : 0;
    snprintf(n->warning + len, sizeof n->warning - len, "%s%s", len ? "; " : "", msg);
    n->has_warning = true;
}

narr_narration *narr_narration_new(narr_engine *e, const narr_output_options *out,
                                   narr_status *st, char *msg, size_t msg_size)
{
    *st = narr_check_options(NULL, out, msg, msg_size);
    if (*st != NARR_OK)
        return NULL;
    narr_narration *n = calloc(1, sizeof *n);
    if (!n) {
        *st = NARR_E_NOMEM;
        snprintf(msg, msg_size, L_("out of memory"));
        return NULL;
    }
    n->e = e;
    n->out = *out;
    if (!n->out.print_to)
        n->out.print_to = stdout;
    n->abbreviations = narr_tables_get(e->tables, NARR_TABLE_ABBREVIATIONS);
    n->fixes = narr_tables_get(e->tables, NARR_TABLE_ESPEAK_FIXES);
    narr_buf *bufs[] = {&n->carry, &n->history, &n->spoken, &n->respelled, &n->fixed,
                        &n->line, &n->written, &n->clause};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
        narr_buf_init(bufs[i]);
    narr_guard_init(&n->guard);
    pthread_mutex_init(&n->lock, NULL);
    pthread_cond_init(&n->wake, NULL);
    n->current = -1;
    int rate = narr_engine_sample_rate(e);
    if (out->kind == NARR_OUTPUT_FILE)
        n->sink = narr_sink_open_file(out->path, rate, &n->out, st, msg, msg_size);
    else if (out->kind == NARR_OUTPUT_DEVICE)
        n->sink = narr_sink_open_device(out->device, rate, st, msg, msg_size);
    if (*st != NARR_OK) {
        narr_narration_free(n);
        return NULL;
    }
    return n;
}

void narr_narration_free(narr_narration *n)
{
    if (!n)
        return;
    narr_sink_free(n->sink);
    narr_buf *bufs[] = {&n->carry, &n->history, &n->spoken, &n->respelled, &n->fixed,
                        &n->line, &n->written, &n->clause};
    for (size_t i = 0; i < sizeof bufs / sizeof bufs[0]; i++)
        narr_buf_deinit(bufs[i]);
    narr_guard_deinit(&n->guard);
    narr_spans_free(&n->spans);
    narr_clauses_free(&n->clauses);
    free(n->recs);
    pthread_mutex_destroy(&n->lock);
    pthread_cond_destroy(&n->wake);
    free(n);
}

const char *narr_narration_errmsg(const narr_narration *n) { return n->errmsg; }
const char *narr_narration_title(const narr_narration *n) { return n->title; }

const char *narr_narration_take_warning(narr_narration *n)
{
    if (n->has_warning) {
        n->has_warning = false;
        return n->warning;
    }
    if (n->has_guard_warning) {
        n->has_guard_warning = false;
        return n->guard_warning;
    }
    return NULL;
}

double narr_narration_seconds(const narr_narration *n)
{
    double produced = 0, done = 0;
    if (n->sink)
        narr_sink_progress(n->sink, &produced, &done);
    return produced;
}

/* ---- control, from any thread ---- */

static void request(narr_narration *n, request_kind kind, long value)
{
    pthread_mutex_lock(&n->lock);
    /* Skips asked in a row before the first is taken add up (→ → → goes
     * three sentences on). */
    if (kind == n->request && kind != REQ_SEEK)
        n->request_value += value;
    else
        n->request_value = value;
    n->request = kind;
    pthread_cond_broadcast(&n->wake);
    pthread_mutex_unlock(&n->lock);
}

void narr_narration_pause(narr_narration *n, bool paused)
{
    pthread_mutex_lock(&n->lock);
    n->paused = paused;
    pthread_cond_broadcast(&n->wake);
    pthread_mutex_unlock(&n->lock);
}

bool narr_narration_paused(const narr_narration *n)
{
    pthread_mutex_lock((pthread_mutex_t *)&n->lock);
    bool paused = n->paused;
    pthread_mutex_unlock((pthread_mutex_t *)&n->lock);
    return paused;
}

void narr_narration_seek(narr_narration *n, long sentence)
{
    request(n, REQ_SEEK, sentence < 0 ? 0 : sentence);
}

void narr_narration_skip(narr_narration *n, narr_unit unit, int delta)
{
    request(n, unit == NARR_UNIT_PARAGRAPH ? REQ_SKIP_PARAGRAPH : REQ_SKIP_SENTENCE, delta);
}

void narr_narration_stop(narr_narration *n)
{
    pthread_mutex_lock(&n->lock);
    n->stopped = true;
    pthread_cond_broadcast(&n->wake);
    pthread_mutex_unlock(&n->lock);
}

long narr_narration_sentence(const narr_narration *n)
{
    pthread_mutex_lock((pthread_mutex_t *)&n->lock);
    long current = n->current;
    pthread_mutex_unlock((pthread_mutex_t *)&n->lock);
    return current;
}

static bool signalled(const narr_narration *n)
{
    return n->out.interrupted && *n->out.interrupted;
}

static bool waiting(const narr_narration *n)
{
    return n->paused && !n->stopped && n->request == REQ_NONE && !signalled(n);
}

/* NARR_OK to go on, or NARR_E_INTERRUPTED (stop, a signal, or a request
 * to honour: aborted_for_request). Waits here while paused, the device
 * held (what it holds is heard, then it stops). */
static narr_status take_control(narr_narration *n)
{
    narr_status st = NARR_OK;
    pthread_mutex_lock(&n->lock);
    if (waiting(n) && n->sink) {
        pthread_mutex_unlock(&n->lock);
        st = narr_sink_hold(n->sink);
        pthread_mutex_lock(&n->lock);
        if (st != NARR_OK) {
            pthread_mutex_unlock(&n->lock);
            return fail(n, st, narr_sink_errmsg(n->sink));
        }
    }
    while (waiting(n)) {
        struct timespec until;
        clock_gettime(CLOCK_REALTIME, &until);
        until.tv_nsec += PAUSE_POLL_MS * 1000000L;
        until.tv_sec += until.tv_nsec / 1000000000L;
        until.tv_nsec %= 1000000000L;
        pthread_cond_timedwait(&n->wake, &n->lock, &until);
    }
    if (n->stopped || signalled(n)) {
        snprintf(n->errmsg, sizeof n->errmsg, L_("interrupted; nothing was published"));
        st = NARR_E_INTERRUPTED;
    } else if (n->request != REQ_NONE) {
        n->aborted_for_request = true;
        st = NARR_E_INTERRUPTED;
    }
    pthread_mutex_unlock(&n->lock);
    return st;
}

long narr_narration_underruns(const narr_narration *n)
{
    return n->sink ? narr_sink_underruns(n->sink) : 0;
}

/* ---- events: every output consumes them ---- */

static narr_status emit(narr_narration *n, narr_event *ev)
{
    ev->seconds = (double)n->frames / narr_engine_sample_rate(n->e);
    if (!n->out.on_event)
        return NARR_OK;
    narr_status st = n->out.on_event(n->out.user, ev);
    if (st != NARR_OK && !*n->errmsg)
        fail(n, st, st == NARR_E_INTERRUPTED ? L_("stopped by the caller") : narr_strerror(st));
    return st;
}

/* A device that fails: its message, and where the listener was. */
static narr_status device_failed(narr_narration *n, narr_status st)
{
    long s = n->frames / narr_engine_sample_rate(n->e);
    snprintf(n->errmsg, sizeof n->errmsg, L_("%s (stopped at %ld:%02ld, sentence %ld)"),
             narr_sink_errmsg(n->sink), s / 60, s % 60, n->current + 1);
    return st;
}

static narr_status to_output(void *user, const int16_t *pcm, size_t frames)
{
    narr_narration *n = user;
    size_t most = (size_t)narr_engine_sample_rate(n->e) * BLOCK_MS / 1000;
    while (frames) {
        size_t k = frames < most ? frames : most;
        narr_status st = take_control(n);
        if (st != NARR_OK)
            return st; /* eSpeak stops synthesizing too */
        if (n->sink && (st = narr_sink_write(n->sink, pcm, k)) != NARR_OK)
            return n->out.kind == NARR_OUTPUT_DEVICE ? device_failed(n, st)
                                                     : fail(n, st, narr_sink_errmsg(n->sink));
        narr_event ev = {.kind = NARR_EVENT_PCM, .pcm = pcm, .frames = k};
        st = emit(n, &ev);
        n->frames += (long)k;
        if (st != NARR_OK)
            return st;
        pcm += k;
        frames -= k;
    }
    return NARR_OK;
}

static narr_status silence(narr_narration *n, int ms)
{
    static const int16_t zeros[2048];
    size_t frames = (size_t)ms * (size_t)narr_engine_sample_rate(n->e) / 1000;
    while (frames) {
        size_t k = frames < 2048 ? frames : 2048;
        narr_status st = to_output(n, zeros, k);
        if (st != NARR_OK)
            return st;
        frames -= k;
    }
    return NARR_OK;
}

static narr_status print_line(narr_narration *n, const char *s, size_t len)
{
    /* Flushed a line at a time: a reader on a pipe hears as we go. */
    FILE *f = n->out.print_to;
    if (fwrite(s, 1, len, f) == len && fputc('\n', f) != EOF && fflush(f) == 0)
        return NARR_OK;
    snprintf(n->errmsg, sizeof n->errmsg, L_("cannot write the output: %s"), strerror(errno));
    return NARR_E_IO;
}

/* Tells the progress callback how far the reading and the file are. */
static void report_progress(narr_narration *n)
{
    if (!n->out.progress || !n->sink || !n->in)
        return;
    long at = ftell(n->in);
    narr_progress pr = {.input_read = at >= 0 ? at : -1, .input_size = n->in_size};
    narr_sink_progress(n->sink, &pr.audio_seconds, &pr.done_seconds);
    n->out.progress(n->out.progress_user, &pr);
}

/* ---- speaking one sentence ---- */

/* What eSpeak is given for s[0..len): the text with its known slips
 * respelled and made safe (speak/guard.h), in n->fixed; *phonemes when it
 * holds [[phonemes]]. */
static narr_status fix(narr_narration *n, const char *s, size_t len, bool *phonemes)
{
    narr_buf_clear(&n->respelled);
    narr_status st = narr_fix_slips(n->fixes, s, len, &n->respelled);
    *phonemes = st == NARR_OK && strstr(narr_buf_str(&n->respelled), "[[") != NULL;
    /* Then what eSpeak cannot take is left out (speak/guard.h). */
    narr_buf_clear(&n->fixed);
    if (st == NARR_OK)
        st = narr_guard_text(&n->guard, narr_buf_str(&n->respelled), n->respelled.len,
                             *phonemes, &n->fixed);
    return st;
}

/* A passage in another language, as written but made safe, in n->fixed:
 * no French respellings, but eSpeak is guarded all the same. */
static narr_status guard_only(narr_narration *n, const char *s, size_t len)
{
    narr_buf_clear(&n->fixed);
    return narr_guard_text(&n->guard, s, len, false, &n->fixed);
}

/* The passage language k for eSpeak NG: its voice, or the preset's
 * (with one warning for the narration) when eSpeak has none for it. */
static narr_status use_language(narr_narration *n, int k)
{
    narr_speaker *sp = n->e->speaker;
    if (k < 0 || k >= n->nlangs || n->lang_missing[k])
        return narr_speaker_use_preset(sp);
    narr_status st = narr_speaker_set_language(sp, n->langs[k]);
    if (st == NARR_E_VOICE) {
        char msg[1200];
        snprintf(msg, sizeof msg, L_("a passage in '%s' is read with the French voice: %s"),
                 n->langs[k], narr_speaker_errmsg(sp));
        warn(n, msg);
        n->lang_missing[k] = true;
        st = narr_speaker_use_preset(sp);
    }
    return st == NARR_E_SYNTH ? fail(n, st, narr_speaker_errmsg(sp)) : st;
}

static const char *language_of(const narr_narration *n, const narr_clause *cl)
{
    return cl->lang >= 0 && cl->lang < n->nlangs && !n->lang_missing[cl->lang]
               ? n->langs[cl->lang]
               : NULL;
}

/* The clause as eSpeak NG says it, in n->clause: a falling end (a list
 * item) is a full stop, not the comma or semicolon of a list. */
static narr_status clause_text(narr_narration *n, const char *text, const narr_clause *cl)
{
    narr_buf_clear(&n->clause);
    narr_status st = narr_buf_append(&n->clause, text + cl->start, cl->end - cl->start);
    if (st != NARR_OK || !(cl->flags & NARR_CLAUSE_FALLING))
        return st;
    char last;
    while (n->clause.len && ((last = narr_buf_last(&n->clause)) == ' ' || last == ',' ||
                             last == ';' || last == ':'))
        n->clause.data[--n->clause.len] = '\0';
    last = narr_buf_last(&n->clause);
    return last == '.' || last == '!' || last == '?' ? NARR_OK
                                                      : narr_buf_append_char(&n->clause, '.');
}

/* Speaks one clause of sentence index after its pause, with its prosody. */
static narr_status say_clause(narr_narration *n, const sentence_rec *rec, long index,
                              const char *text, const narr_clause *cl)
{
    narr_status st = silence(n, cl->pause_ms);
    if (st != NARR_OK || (st = clause_text(n, text, cl)) != NARR_OK)
        return st;
    narr_speaker *sp = n->e->speaker;
    int rate = n->e->applied_rate * cl->rate_percent / 100;
    rate = rate < NARR_SPEAKER_RATE_MIN   ? NARR_SPEAKER_RATE_MIN
           : rate > NARR_SPEAKER_RATE_MAX ? NARR_SPEAKER_RATE_MAX
                                          : rate;
    narr_speaker_set_rate(sp, rate);
    narr_speaker_set_pitch(sp, cl->pitch);
    narr_speaker_set_range(sp, cl->range);
    if ((st = use_language(n, cl->lang)) != NARR_OK)
        return st;
    narr_event ev = {.kind = NARR_EVENT_CLAUSE, .sentence = index, .paragraph = rec->paragraph,
                     .block = rec->kind, .text = narr_buf_str(&n->clause),
                     .len = n->clause.len, .spoken = narr_buf_str(&n->clause),
                     .spoken_len = n->clause.len, .clause = cl->flags, .rate = rate,
                     .pitch = cl->pitch, .range = cl->range, .lang = language_of(n, cl),
                     .pause_ms = cl->pause_ms};
    if ((st = emit(n, &ev)) != NARR_OK)
        return st;
    /* A passage in another language is said as written: no French
     * respellings (only the normalizer's escaping). */
    bool phonemes = false;
    if (ev.lang)
        return (st = guard_only(n, n->clause.data, n->clause.len)) != NARR_OK
                   ? st
                   : narr_speaker_say(sp, n->fixed.data, n->fixed.len, false, to_output, n);
    if ((st = fix(n, n->clause.data, n->clause.len, &phonemes)) != NARR_OK)
        return st;
    return narr_speaker_say(sp, narr_buf_str(&n->fixed), n->fixed.len, phonemes, to_output, n);
}

/* Speaks a normalized sentence as its clauses (prosody.h), then gives
 * eSpeak NG back the narration's rate, the voice's pitch and range. */
static narr_status say(narr_narration *n, const sentence_rec *rec, long index,
                       const char *text, size_t len)
{
    narr_status st = narr_prosody_plan(&n->e->voice, n->e->quotes, rec->kind, text, len,
                                       &n->spans, &n->clauses);
    for (size_t k = 0; k < n->clauses.count && st == NARR_OK; k++)
        st = say_clause(n, rec, index, text, &n->clauses.clause[k]);
    narr_speaker *sp = n->e->speaker;
    narr_speaker_set_rate(sp, n->e->applied_rate);
    narr_speaker_set_pitch(sp, n->e->voice.pitch);
    narr_speaker_set_range(sp, n->e->voice.range);
    narr_status back = use_language(n, -1);
    return st != NARR_OK ? st : back;
}

/* The phonemes of a sentence: in one piece, or clause by clause when a
 * passage in another language is said by its own voice. */
static narr_status phonemes_of(narr_narration *n, const sentence_rec *rec, const char *text,
                               size_t len)
{
    bool foreign = false;
    for (size_t k = 0; k < n->spans.count; k++)
        foreign = foreign || n->spans.span[k].kind == NARR_SPAN_FOREIGN;
    narr_buf_clear(&n->line);
    bool phonemes;
    narr_status st;
    if (!foreign) {
        if ((st = fix(n, text, len, &phonemes)) != NARR_OK)
            return st;
        return narr_speaker_phonemes(n->e->speaker, narr_buf_str(&n->fixed), n->fixed.len,
                                     phonemes, &n->line);
    }
    narr_spans others = n->spans;
    others.count = 0;
    narr_span passages[NARR_MARK_FOREIGN_LANGS * 2];
    for (size_t k = 0; k < n->spans.count && others.count < sizeof passages / sizeof *passages;
         k++)
        if (n->spans.span[k].kind == NARR_SPAN_FOREIGN)
            passages[others.count++] = n->spans.span[k];
    others.span = passages;
    st = narr_prosody_plan(&n->e->voice, n->e->quotes, rec->kind, text, len, &others,
                           &n->clauses);
    for (size_t k = 0; k < n->clauses.count && st == NARR_OK; k++) {
        const narr_clause *cl = &n->clauses.clause[k];
        if ((st = use_language(n, cl->lang)) != NARR_OK ||
            (st = clause_text(n, text, cl)) != NARR_OK)
            break;
        phonemes = false;
        st = language_of(n, cl) ? guard_only(n, n->clause.data, n->clause.len)
                                : fix(n, n->clause.data, n->clause.len, &phonemes);
        if (st == NARR_OK && n->line.len)
            st = narr_buf_append_char(&n->line, ' ');
        if (st == NARR_OK)
            st = narr_speaker_phonemes(n->e->speaker, narr_buf_str(&n->fixed), n->fixed.len,
                                       phonemes, &n->line);
    }
    narr_status back = use_language(n, -1);
    return st != NARR_OK ? st : back;
}

/* Passage marks are for the normalizer: the written text has none. */
static void strip_marks(narr_buf *b)
{
    size_t to = 0;
    for (size_t i = 0; i < b->len;) {
        narr_span_kind kind;
        int lang;
        bool opens;
        size_t m = narr_clause_mark(b->data + i, b->len - i, &kind, &lang, &opens);
        if (m) {
            i += m;
            continue;
        }
        b->data[to++] = b->data[i++];
    }
    b->len = to;
    if (b->data)
        b->data[to] = '\0';
}

/* A new block is set off by more silence than the sentence before it
 * left: the title's or a heading's pause, an item's between items, else
 * a paragraph's (after a list, or a paragraph's last line). */
static narr_status gap_before(narr_narration *n, long index)
{
    const sentence_rec *rec = &n->recs[index - n->first];
    if (index - 1 < n->first || n->last_said != index - 1 || rec[-1].paragraph == rec->paragraph)
        return NARR_OK;
    const sentence_rec *prev = rec - 1;
    const narr_voice *v = &n->e->voice;
    int want = rec->kind == NARR_BLOCK_TITLE                              ? v->pause_title_ms
               : rec->kind == NARR_BLOCK_HEADING                          ? v->pause_heading_ms
               : rec->kind == NARR_BLOCK_ITEM && prev->kind == NARR_BLOCK_ITEM ? v->pause_item_ms
                                                                          : v->pause_paragraph_ms;
    return want > prev->pause_ms ? silence(n, want - prev->pause_ms) : NARR_OK;
}

/* The title or heading that rec opens: a chapter and a HEADING event. */
static narr_status heading(narr_narration *n, const sentence_rec *rec)
{
    const char *text = n->history.data + rec->head_at;
    if (rec->kind == NARR_BLOCK_TITLE && !n->title[0])
        snprintf(n->title, sizeof n->title, "%.*s", (int)rec->head_len, text);
    narr_status st;
    if (n->sink && (st = narr_sink_chapter(n->sink, text, rec->head_len,
                                           rec->kind == NARR_BLOCK_TITLE)) != NARR_OK)
        return fail(n, st, narr_sink_errmsg(n->sink));
    narr_event ev = {.kind = NARR_EVENT_HEADING, .paragraph = rec->paragraph,
                     .block = rec->kind, .text = text, .len = rec->head_len};
    return emit(n, &ev);
}

/* Speaks (or prints) sentence index, then the pause that follows it. */
static narr_status sentence(narr_narration *n, long index)
{
    const sentence_rec *rec = &n->recs[index - n->first];
    const char *s = n->history.data + rec->at;
    narr_output_kind kind = n->out.kind;
    bool audio = kind != NARR_OUTPUT_TEXT && kind != NARR_OUTPUT_PHONEMES;
    narr_status st;
    if (audio && (st = gap_before(n, index)) != NARR_OK)
        return st;
    if (rec->opens_heading && (st = heading(n, rec)) != NARR_OK)
        return st;
    narr_buf_clear(&n->spoken);
    st = narr_normalize_sentence(n->e->normalizer, s, rec->len, &n->spoken, &n->spans);
    if (st != NARR_OK)
        return fail(n, st, narr_strerror(st));
    const char *text = narr_buf_str(&n->spoken);
    size_t len = n->spoken.len;
    if (!narr_prosody_sayable(text, len))
        return NARR_OK;
    /* The sentence as written, less its web leftovers: cues and events
     * (a second tokenizing pass, skipped when nobody reads it). */
    narr_buf_clear(&n->written);
    bool wanted = n->out.on_event || n->sink || kind == NARR_OUTPUT_TIMING;
    if (wanted &&
        (st = narr_normalize_written(n->e->normalizer, s, rec->len, &n->written)) != NARR_OK)
        return fail(n, st, narr_strerror(st));
    strip_marks(&n->written);
    narr_event ev = {.kind = NARR_EVENT_SENTENCE, .sentence = index,
                     .paragraph = rec->paragraph, .block = rec->kind,
                     .text = narr_buf_str(&n->written), .len = n->written.len,
                     .spoken = text, .spoken_len = len};
    if ((st = emit(n, &ev)) != NARR_OK)
        return st;
    if (kind == NARR_OUTPUT_TEXT)
        return print_line(n, text, len);
    if (kind == NARR_OUTPUT_PHONEMES) {
        st = phonemes_of(n, rec, text, len);
        if (st == NARR_OK && n->line.len == 0)
            return NARR_OK; /* all of it left out */
        return st == NARR_OK ? print_line(n, narr_buf_str(&n->line), n->line.len)
               : *n->errmsg  ? st
                             : fail(n, st, narr_strerror(st));
    }
    if (kind == NARR_OUTPUT_TIMING) {
        /* The sentence's start, as the transcript's cue has it. */
        char at[32];
        narr_transcript_time(ev.seconds, '.', at, sizeof at);
        narr_buf_clear(&n->line);
        if ((st = narr_buf_append_str(&n->line, at)) != NARR_OK ||
            (st = narr_buf_append_char(&n->line, '\t')) != NARR_OK ||
            (st = narr_buf_append(&n->line, n->written.data, n->written.len)) != NARR_OK ||
            (st = print_line(n, n->line.data, n->line.len)) != NARR_OK)
            return *n->errmsg ? st : fail(n, st, narr_strerror(st));
    }
    if (n->sink && (st = narr_sink_cue(n->sink, true, narr_buf_str(&n->written),
                                       n->written.len)) != NARR_OK)
        return fail(n, st, narr_sink_errmsg(n->sink));
    narr_engine_apply_rate(n->e);
    st = say(n, rec, index, text, len);
    if (st == NARR_E_SYNTH && !*n->errmsg)
        return fail(n, st, narr_speaker_errmsg(n->e->speaker));
    if (st != NARR_OK)
        return st;
    if (n->sink && (st = narr_sink_cue(n->sink, false, NULL, 0)) != NARR_OK)
        return fail(n, st, narr_sink_errmsg(n->sink));
    st = silence(n, rec->pause_ms);
    if (st == NARR_OK)
        n->last_said = index;
    report_progress(n);
    return st;
}

/* ---- reading sentences into the history ---- */

/* Forgets the oldest sentences once the history holds too much text. */
static void trim_history(narr_narration *n)
{
    if (n->history.len <= NARR_HISTORY_BYTES || n->nrecs < 2)
        return;
    size_t drop = n->nrecs / 2;
    if ((long)drop > n->current - n->first)
        drop = n->current > n->first ? (size_t)(n->current - n->first) : 0;
    if (!drop)
        return;
    size_t cut = n->recs[drop].opens_heading ? n->recs[drop].head_at : n->recs[drop].at;
    memmove(n->history.data, n->history.data + cut, n->history.len - cut);
    n->history.len -= cut;
    n->history.data[n->history.len] = '\0';
    memmove(n->recs, n->recs + drop, (n->nrecs - drop) * sizeof *n->recs);
    n->nrecs -= drop;
    n->first += (long)drop;
    for (size_t i = 0; i < n->nrecs; i++) {
        n->recs[i].at -= cut;
        n->recs[i].head_at = n->recs[i].head_at >= cut ? n->recs[i].head_at - cut : 0;
    }
}

/* The number of language tag for the passage marks ("en-GB" and "en"
 * are one: eSpeak NG has a voice per base language); -1 for French or
 * past NARR_MARK_FOREIGN_LANGS languages (read as French). */
static int language_number(narr_narration *n, const char *tag)
{
    char base[16];
    size_t i = 0;
    for (; tag && tag[i] && tag[i] != '-' && tag[i] != '_' && i + 1 < sizeof base; i++)
        base[i] = (char)(tag[i] >= 'A' && tag[i] <= 'Z' ? tag[i] + 32 : tag[i]);
    base[i] = '\0';
    if (!i || strcmp(base, "fr") == 0)
        return -1;
    for (int k = 0; k < n->nlangs; k++)
        if (strcmp(n->langs[k], base) == 0)
            return k;
    if (n->nlangs == NARR_MARK_FOREIGN_LANGS)
        return -1;
    memcpy(n->langs[n->nlangs], base, i + 1);
    return n->nlangs++;
}

/* Appends s[from..to) to the history as a passage in language tag,
 * between the marks that rule_foreign and quotes.c read. */
static narr_status append_passage(narr_narration *n, const char *s, size_t from, size_t to,
                                  const char *tag)
{
    while (from < to && s[from] == ' ')
        from++;
    while (to > from && s[to - 1] == ' ')
        to--;
    int k = language_number(n, tag);
    if (k < 0 || to == from)
        return narr_buf_append(&n->history, s + from, to - from);
    char open[4] = {'\xee', '\x80', (char)(0x90 + k), '\0'};
    narr_status st = narr_buf_append_str(&n->history, open);
    if (st == NARR_OK)
        st = narr_buf_append(&n->history, s + from, to - from);
    return st == NARR_OK ? narr_buf_append_str(&n->history, NARR_MARK_FOREIGN_CLOSE) : st;
}

/* Appends sentence s[0..len) to the history with its passages in other
 * languages marked; s starts at byte off of the block's text (negative:
 * it began in a carried-over piece). */
static narr_status append_sentence(narr_narration *n, const narr_block *b, const char *s,
                                   size_t len, long off)
{
    if (b->lang)
        return append_passage(n, s, 0, len, b->lang);
    size_t done = 0;
    narr_status st = NARR_OK;
    for (size_t i = 0; i < b->nspans && st == NARR_OK; i++) {
        long from = (long)b->spans[i].at - off, to = from + (long)b->spans[i].len;
        from = from < (long)done ? (long)done : from;
        to = to > (long)len ? (long)len : to;
        if (to <= from)
            continue;
        st = narr_buf_append(&n->history, s + done, (size_t)from - done);
        if (st == NARR_OK)
            st = append_passage(n, s, (size_t)from, (size_t)to, b->spans[i].lang);
        done = (size_t)to;
    }
    return st == NARR_OK ? narr_buf_append(&n->history, s + done, len - done) : st;
}

static narr_status add_sentence(narr_narration *n, const narr_block *b, const char *s,
                                size_t len, long off, int pause_ms, bool opens)
{
    if (n->nrecs == n->recs_cap) {
        sentence_rec *grown = narr_array_grow(n->recs, &n->recs_cap, sizeof *grown, 64);
        if (!grown)
            return NARR_E_NOMEM;
        n->recs = grown;
    }
    sentence_rec rec = {.paragraph = n->paragraphs, .kind = b->kind, .pause_ms = pause_ms};
    narr_status st = NARR_OK;
    rec.opens_heading = opens && (b->kind == NARR_BLOCK_TITLE || b->kind == NARR_BLOCK_HEADING);
    if (rec.opens_heading) {
        rec.head_at = n->history.len;
        rec.head_len = b->len;
        st = narr_buf_append(&n->history, b->text, b->len);
    }
    rec.at = n->history.len;
    if (st == NARR_OK)
        st = append_sentence(n, b, s, len, off);
    rec.len = n->history.len - rec.at;
    if (st == NARR_OK)
        n->recs[n->nrecs++] = rec;
    return st;
}

static int block_pause(const narr_voice *v, narr_block_kind kind)
{
    return kind == NARR_BLOCK_TITLE     ? v->pause_title_ms
           : kind == NARR_BLOCK_HEADING ? v->pause_heading_ms
           : kind == NARR_BLOCK_ITEM    ? v->pause_item_ms
                                        : v->pause_paragraph_ms;
}

/* Splits a block (after any carried-over text) into sentences. */
static narr_status split_block(narr_narration *n, const narr_block *b)
{
    narr_status st = NARR_OK;
    if (n->carry.len && ((st = narr_buf_append_char(&n->carry, ' ')) != NARR_OK ||
                         (st = narr_buf_append(&n->carry, b->text, b->len)) != NARR_OK))
        return st;
    narr_buf text = {0};
    if (n->carry.len) {
        text = n->carry;
        narr_buf_init(&n->carry);
    }
    const char *s = text.len ? text.data : b->text;
    size_t len = text.len ? text.len : b->len;
    size_t shift = len - b->len; /* where b->text starts in s */
    /* The lines of a paragraph (<br>) are one block for skipping, for
     * quotations and for headings, while they keep one kind. */
    if (n->after_line_end && b->kind != n->line_kind) {
        n->paragraphs++;
        n->after_line_end = false;
    }
    bool opens = !n->after_line_end;
    const narr_voice *v = &n->e->voice;
    for (size_t i = 0; st == NARR_OK;) {
        while (i < len && s[i] == ' ')
            i++;
        if (i == len)
            break;
        bool complete;
        size_t k = narr_sentence_length(s + i, len - i, n->abbreviations, &complete);
        if (!complete && b->continues) {
            st = narr_buf_append(&n->carry, s + i, len - i);
            break;
        }
        size_t rest = i + k;
        while (rest < len && s[rest] == ' ')
            rest++;
        bool last = rest == len && !b->continues && !b->line_end;
        st = add_sentence(n, b, s + i, k, (long)i - (long)shift,
                          last ? block_pause(v, b->kind) : v->pause_sentence_ms, opens);
        opens = false;
        i += k;
    }
    narr_buf_deinit(&text);
    if (!b->continues) {
        n->after_line_end = b->line_end;
        n->line_kind = b->kind;
        n->paragraphs += !b->line_end;
    }
    return st;
}

/* Reads blocks until sentence index is in the history or the input ends. */
static narr_status read_up_to(narr_narration *n, long index)
{
    while (!n->input_done && index >= n->first + (long)n->nrecs) {
        narr_block b;
        narr_status st = narr_document_next(n->doc, &b);
        if (st == NARR_E_EMPTY) {
            n->input_done = true;
            n->paragraphs += n->after_line_end; /* the last line ends its paragraph */
            n->after_line_end = false;
            break;
        }
        if (st == NARR_E_INTERRUPTED)
            return fail(n, st, L_("interrupted; nothing was published"));
        if (st != NARR_OK)
            return fail(n, st, narr_document_errmsg(n->doc));
        if ((st = split_block(n, &b)) != NARR_OK)
            return fail(n, st, narr_strerror(st));
        trim_history(n);
    }
    return NARR_OK;
}

/* The first sentence of paragraph p (reading on for it), or the end. */
static long paragraph_start(narr_narration *n, long p, narr_status *st)
{
    for (long i = n->first;; i++) {
        if ((*st = read_up_to(n, i)) != NARR_OK || i >= n->first + (long)n->nrecs)
            return i;
        if (n->recs[i - n->first].paragraph >= p)
            return i;
    }
}

/* Where to go next: a pending request, or the next sentence. */
static long next_index(narr_narration *n, narr_status *st)
{
    pthread_mutex_lock(&n->lock);
    request_kind kind = n->request;
    long value = n->request_value;
    n->request = REQ_NONE;
    pthread_mutex_unlock(&n->lock);
    *st = NARR_OK;
    long here = n->current < 0 ? 0 : n->current;
    long target;
    switch (kind) {
    case REQ_SEEK:
        target = value;
        break;
    case REQ_SKIP_SENTENCE:
        target = here + value;
        break;
    case REQ_SKIP_PARAGRAPH: {
        long p = here >= n->first && here < n->first + (long)n->nrecs
                     ? n->recs[here - n->first].paragraph
                     : 0;
        target = paragraph_start(n, p + value < 0 ? 0 : p + value, st);
        break;
    }
    default:
        target = n->aborted_for_request ? here : n->current + 1;
    }
    n->aborted_for_request = false;
    return target < n->first ? n->first : target;
}

/* Narrates the open document to its end. */
static narr_status narrate(narr_narration *n)
{
    narr_status st = NARR_OK;
    for (;;) {
        if ((st = take_control(n)) != NARR_OK && !n->aborted_for_request)
            return st;
        long index = next_index(n, &st);
        if (st == NARR_OK)
            st = read_up_to(n, index);
        if (st != NARR_OK)
            return st;
        if (index >= n->first + (long)n->nrecs)
            break;
        pthread_mutex_lock(&n->lock);
        n->current = index;
        pthread_mutex_unlock(&n->lock);
        st = sentence(n, index);
        if (st == NARR_E_INTERRUPTED && n->aborted_for_request)
            continue;
        if (st != NARR_OK)
            return st;
        /* A quotation does not run on past its paragraph. */
        const sentence_rec *rec = &n->recs[index - n->first];
        bool has_next = index + 1 < n->first + (long)n->nrecs;
        if (has_next ? rec[1].paragraph != rec->paragraph : n->paragraphs > rec->paragraph)
            narr_normalizer_end_block(n->e->normalizer);
    }
    narr_event ev = {.kind = NARR_EVENT_END};
    return emit(n, &ev);
}

/* Resets the per-input state, reads dec through, and closes it. */
static narr_status read_decoder(narr_narration *n, narr_decoder *dec, const char *path,
                                const char *name)
{
    narr_decoder_set_interrupt(dec, n->out.interrupted);
    char msg[640] = "";
    narr_status st = narr_document_open(dec, n->out.input_format, path, n->e->tables, &n->doc,
                                        msg, sizeof msg);
    if (st == NARR_E_INTERRUPTED)
        return fail(n, st, L_("interrupted; nothing was published"));
    if (st != NARR_OK) {
        fail(n, st, msg);
        return st;
    }
    n->input_done = false;
    n->paragraphs = 0;
    n->nrecs = 0;
    n->first = 0;
    n->current = -1;
    n->last_said = -1;
    n->after_line_end = false;
    n->frames = 0;
    narr_buf_clear(&n->history);
    narr_buf_clear(&n->carry);
    pthread_mutex_lock(&n->lock);
    n->request = REQ_NONE;
    n->aborted_for_request = false;
    n->stopped = false; /* a stop ends one input; the next one plays */
    pthread_mutex_unlock(&n->lock);
    *n->errmsg = '\0';
    st = narrate(n);
    const char *warning = narr_decoder_take_warning(dec);
    if (warning)
        warn(n, warning);
    char guarded[900];
    if (narr_guard_take_warning(&n->guard, guarded, sizeof guarded)) {
        snprintf(n->guard_warning, sizeof n->guard_warning, L_("%s: %s"), name, guarded);
        n->has_guard_warning = true;
    }
    if (st == NARR_OK && n->current < 0) {
        snprintf(n->errmsg, sizeof n->errmsg, L_("%s: no text to read aloud"), name);
        st = NARR_E_EMPTY;
    }
    narr_document_free(n->doc);
    n->doc = NULL;
    return st;
}

narr_status narr_narration_read(narr_narration *n, const char *path)
{
    bool use_stdin = !path || strcmp(path, "-") == 0;
    const char *name = use_stdin ? L_("standard input") : path;
    FILE *f = use_stdin ? stdin : fopen(path, "rb");
    if (!f) {
        snprintf(n->errmsg, sizeof n->errmsg, L_("%s: cannot open: %s"), path, strerror(errno));
        return NARR_E_IO;
    }
    struct stat info;
    n->in = f;
    n->in_size = fstat(fileno(f), &info) == 0 && S_ISREG(info.st_mode) ? (long long)info.st_size
                                                                       : -1;
    narr_decoder *dec = narr_decoder_new(f, name);
    narr_status st = dec ? read_decoder(n, dec, use_stdin ? NULL : path, name)
                         : fail(n, NARR_E_NOMEM, L_("out of memory"));
    narr_decoder_free(dec);
    n->in = NULL;
    if (!use_stdin)
        fclose(f);
    return st;
}

narr_status narr_narration_read_source(narr_narration *n, const char *data, size_t len,
                                      const char *name, narr_input_format format,
                                      const char *charset)
{
    if (!len)
        return fail(n, NARR_E_EMPTY, L_("no text to read aloud"));
    FILE *f = fmemopen((void *)data, len, "rb");
    if (!f)
        return fail(n, NARR_E_NOMEM, L_("out of memory"));
    narr_decoder *dec = narr_decoder_new(f, name ? name : "text");
    narr_status st = dec ? NARR_OK : fail(n, NARR_E_NOMEM, L_("out of memory"));
    /* An unknown header charset is left to the page's declaration. */
    if (st == NARR_OK && charset && narr_decoder_set_transport_charset(dec, charset) == NARR_E_IO)
        st = fail(n, NARR_E_IO, narr_decoder_errmsg(dec));
    narr_input_format given = n->out.input_format;
    if (format != NARR_INPUT_AUTO)
        n->out.input_format = format;
    if (st == NARR_OK)
        st = read_decoder(n, dec, NULL, name ? name : "text");
    n->out.input_format = given;
    narr_decoder_free(dec);
    fclose(f);
    return st;
}

narr_status narr_narration_read_memory(narr_narration *n, const char *data, size_t len,
                                       const char *name)
{
    return narr_narration_read_source(n, data, len, name, NARR_INPUT_AUTO, NULL);
}

narr_status narr_narration_finish(narr_narration *n)
{
    if (!n->sink) {
        if ((n->out.kind == NARR_OUTPUT_TEXT || n->out.kind == NARR_OUTPUT_PHONEMES) &&
            fflush(n->out.print_to) != 0) {
            snprintf(n->errmsg, sizeof n->errmsg,
                     L_("cannot write the output: %s (is the disk full?)"), strerror(errno));
            return NARR_E_IO;
        }
        return NARR_OK;
    }
    narr_status st = narr_sink_finish(n->sink);
    if (st != NARR_OK)
        fail(n, st, narr_sink_errmsg(n->sink));
    return st;
}
