/* player: the narration on the device, with keys, a status line, MPRIS
 * and resume (see player.h). Three threads: this one narrates (the engine
 * is used from one thread), a key thread reads /dev/tty, the MPRIS thread
 * serves the bus; the last two only call the narration's thread-safe
 * controls and read the state below under its lock. */
#include "cli/player.h"
#include "cli/i18n.h"
#include "cli/mpris.h"
#include "cli/positions.h"
#include "cli/terminal.h"

#include <errno.h>
#include <math.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <sys/ioctl.h>
#include <unistd.h>

#define RATE_MIN 80
#define RATE_MAX 450
/* ← this soon after a sentence began goes to the one before. */
#define BACK_WINDOW_S 1.0

static const char key_help[] = N_(
    "keys: space pause, \u2192/\u2190 sentence, \u2193/\u2191 paragraph, Home start, "
    "+/- rate, n/p article, t text, q quit");

typedef struct {
    narr_engine *engine;
    narr_narration *n;
    volatile sig_atomic_t *interrupted;
    int sample_rate, base_rate;
    bool keys, status; /* a terminal to read keys from; stderr a terminal */

    pthread_mutex_t lock; /* everything below, and writing to stderr */
    char title[256], heading[256];
    long sentence, sentences;     /* being spoken (from 0), seen so far */
    double seconds, sentence_at;  /* audio of this article; where the sentence began */
    long shown_second;            /* the status line's clock, to redraw once a second */
    int rate;
    bool paused, show_text, quit, done, status_on_screen;
    int step;                     /* n / p: articles to move by */
    long resume_at;               /* sentence to go to at the start; -1: none */
    size_t article, articles;
} player;

static bool signalled(const player *p) { return p->interrupted && *p->interrupted; }

/* ---- the status line (called with the lock held) ---- */

static int terminal_width(void)
{
    struct winsize ws;
    return ioctl(STDERR_FILENO, TIOCGWINSZ, &ws) == 0 && ws.ws_col > 10 ? ws.ws_col : 80;
}

/* Copies at most cols characters (code points) of s to out, with "…"
 * when cut. */
static void fit(const char *s, int cols, char *out, size_t size)
{
    size_t o = 0;
    int used = 0;
    for (const char *c = s; *c;) {
        size_t len = 1;
        while ((c[len] & 0xC0) == 0x80)
            len++;
        bool last_room = used == cols - 1 && c[len];
        if (used >= cols || o + len + 4 >= size || last_room) {
            if (cols > 0 && o + 4 < size) {
                memcpy(out + o, "\u2026", 3);
                o += 3;
            }
            break;
        }
        memcpy(out + o, c, len);
        o += len;
        c += len;
        used++;
    }
    out[o] = '\0';
}

static void draw_status(player *p)
{
    if (!p->status)
        return;
    long s = (long)p->seconds;
    char right[160], left[600], shown[700];
    int rlen = snprintf(right, sizeof right,
                        /* TRANSLATORS: keep the three dots: the width counts them. */
                        _(" \u00b7 sentence %ld of %ld \u00b7 %ld:%02ld \u00b7 %d wpm"),
                        p->sentence + 1, p->sentences, s / 60, s % 60, p->rate);
    char article[40] = "";
    if (p->articles > 1)
        snprintf(article, sizeof article, "[%zu/%zu] ", p->article + 1, p->articles);
    snprintf(left, sizeof left, "%s %s%s%s%s", p->paused ? "\u23f8" : "\u25b6", article,
             *p->title ? p->title : "narrateur", *p->heading ? " \u2014 " : "", p->heading);
    /* The right part's three dots take two bytes and one column each. */
    int room = terminal_width() - 1 - (rlen - 3);
    fit(left, room, shown, sizeof shown);
    fprintf(stderr, "\r%s%s\033[K", shown, right);
    fflush(stderr);
    p->status_on_screen = true;
    p->shown_second = s;
}

/* A line above the status line (subtitles, help). */
static void print_line(player *p, const char *text, size_t len)
{
    if (p->status_on_screen)
        fputs("\r\033[K", stderr);
    fprintf(stderr, "%.*s\n", (int)len, text);
    p->status_on_screen = false;
    draw_status(p);
}

static void clear_status(player *p)
{
    if (p->status_on_screen)
        fputs("\r\033[K", stderr);
    fflush(stderr);
    p->status_on_screen = false;
}

/* ---- the narration's events (the narrating thread) ---- */

static narr_status on_event(void *user, const narr_event *ev)
{
    player *p = user;
    pthread_mutex_lock(&p->lock);
    switch (ev->kind) {
    case NARR_EVENT_HEADING:
        if (ev->block == NARR_BLOCK_TITLE) {
            snprintf(p->title, sizeof p->title, "%.*s", (int)ev->len, ev->text);
            p->heading[0] = '\0';
        } else {
            snprintf(p->heading, sizeof p->heading, "%.*s", (int)ev->len, ev->text);
        }
        break;
    case NARR_EVENT_SENTENCE:
        if (p->resume_at > ev->sentence) {
            /* --resume: on to where the article was left, unheard. */
            narr_narration_seek(p->n, p->resume_at);
            p->resume_at = -1;
            break;
        }
        p->resume_at = -1;
        p->sentence = ev->sentence;
        p->sentences = ev->sentence + 1 > p->sentences ? ev->sentence + 1 : p->sentences;
        p->sentence_at = ev->seconds;
        if (p->show_text)
            print_line(p, ev->text, ev->len);
        else
            draw_status(p);
        break;
    case NARR_EVENT_PCM:
        p->seconds = ev->seconds + (double)ev->frames / p->sample_rate;
        if ((long)p->seconds != p->shown_second)
            draw_status(p);
        break;
    case NARR_EVENT_END:
    case NARR_EVENT_CLAUSE: /* the clauses' prosody is not shown */
        break;
    }
    pthread_mutex_unlock(&p->lock);
    return NARR_OK;
}

/* ---- commands, from the keys and the bus ---- */

static void set_paused(player *p, bool paused)
{
    pthread_mutex_lock(&p->lock);
    p->paused = paused;
    narr_narration_pause(p->n, paused);
    draw_status(p);
    pthread_mutex_unlock(&p->lock);
}

static void quit(player *p)
{
    pthread_mutex_lock(&p->lock);
    p->quit = true;
    pthread_mutex_unlock(&p->lock);
    narr_narration_stop(p->n);
}

static void change_article(player *p, int step)
{
    pthread_mutex_lock(&p->lock);
    p->step += step;
    pthread_mutex_unlock(&p->lock);
    narr_narration_stop(p->n);
}

static void set_rate(player *p, int wpm)
{
    wpm = wpm < RATE_MIN ? RATE_MIN : wpm > RATE_MAX ? RATE_MAX : wpm;
    if (narr_engine_set_rate(p->engine, wpm) != NARR_OK)
        return;
    pthread_mutex_lock(&p->lock);
    p->rate = wpm;
    draw_status(p);
    pthread_mutex_unlock(&p->lock);
}

/* ←: the sentence before, or this one again when well into it. */
static void back(player *p)
{
    pthread_mutex_lock(&p->lock);
    bool early = p->seconds - p->sentence_at < BACK_WINDOW_S;
    pthread_mutex_unlock(&p->lock);
    narr_narration_skip(p->n, NARR_UNIT_SENTENCE, early ? -1 : 0);
}

static void on_key(player *p, key k)
{
    switch (k.kind) {
    case KEY_RIGHT:
        narr_narration_skip(p->n, NARR_UNIT_SENTENCE, 1);
        return;
    case KEY_LEFT:
        back(p);
        return;
    case KEY_DOWN:
    case KEY_PAGE_DOWN:
        narr_narration_skip(p->n, NARR_UNIT_PARAGRAPH, 1);
        return;
    case KEY_UP:
    case KEY_PAGE_UP:
        narr_narration_skip(p->n, NARR_UNIT_PARAGRAPH, -1);
        return;
    case KEY_HOME:
        narr_narration_seek(p->n, 0);
        return;
    case KEY_ESCAPE:
        quit(p);
        return;
    case KEY_CHAR:
        break;
    default:
        return;
    }
    pthread_mutex_lock(&p->lock);
    int rate = p->rate;
    bool paused = p->paused;
    pthread_mutex_unlock(&p->lock);
    switch (k.c) {
    case ' ':
        set_paused(p, !paused);
        break;
    case 'q':
    case 'Q':
        quit(p);
        break;
    case '+':
    case '=':
        set_rate(p, (int)lround(rate * 1.1));
        break;
    case '-':
    case '_':
        set_rate(p, (int)lround(rate * 0.9));
        break;
    case 'n':
        change_article(p, 1);
        break;
    case 'p':
        change_article(p, -1);
        break;
    case 't':
        pthread_mutex_lock(&p->lock);
        p->show_text = !p->show_text;
        pthread_mutex_unlock(&p->lock);
        break;
    case '?':
        pthread_mutex_lock(&p->lock);
        if (p->status)
            print_line(p, _(key_help), strlen(_(key_help)));
        pthread_mutex_unlock(&p->lock);
        break;
    default:
        break;
    }
}

static void *key_loop(void *arg)
{
    player *p = arg;
    for (;;) {
        pthread_mutex_lock(&p->lock);
        bool done = p->done;
        pthread_mutex_unlock(&p->lock);
        if (done)
            break;
        key keys[16];
        int k = terminal_read_keys(keys, 16, 200);
        if (k < 0)
            break; /* the terminal is gone: play on without keys */
        for (int i = 0; i < k; i++)
            on_key(p, keys[i]);
    }
    return NULL;
}

/* ---- MPRIS hooks (the bus thread) ---- */

static void mpris_command_hook(void *user, mpris_command cmd)
{
    player *p = user;
    pthread_mutex_lock(&p->lock);
    bool paused = p->paused;
    pthread_mutex_unlock(&p->lock);
    switch (cmd) {
    case MPRIS_PLAY_PAUSE:
        set_paused(p, !paused);
        break;
    case MPRIS_PLAY:
        set_paused(p, false);
        break;
    case MPRIS_PAUSE:
        set_paused(p, true);
        break;
    case MPRIS_STOP:
        quit(p);
        break;
    case MPRIS_NEXT:
        narr_narration_skip(p->n, NARR_UNIT_PARAGRAPH, 1);
        break;
    case MPRIS_PREVIOUS:
        narr_narration_skip(p->n, NARR_UNIT_PARAGRAPH, -1);
        break;
    }
}

static void mpris_rate_hook(void *user, double rate)
{
    player *p = user;
    set_rate(p, (int)lround(rate * p->base_rate));
}

static void mpris_state_hook(void *user, mpris_state *out)
{
    player *p = user;
    pthread_mutex_lock(&p->lock);
    out->paused = p->paused;
    out->stopped = p->quit || p->done;
    out->track = (long)p->article;
    snprintf(out->title, sizeof out->title, "%s", p->title);
    snprintf(out->voice, sizeof out->voice, "%s", narr_engine_voice_name(p->engine));
    out->rate = (double)p->rate / p->base_rate;
    out->min_rate = (double)RATE_MIN / p->base_rate;
    out->max_rate = (double)RATE_MAX / p->base_rate;
    out->position_us = (long long)(p->seconds * 1e6);
    pthread_mutex_unlock(&p->lock);
}

/* ---- the articles, one after the other (this thread) ---- */

/* Reads article i; with --resume, from where it was left, and records
 * where it ends (forgotten when read to its end). */
static narr_status play_one(player *p, narr_articles *articles, size_t i, bool resume)
{
    char key[POSITION_KEY_SIZE] = "", msg[512];
    /* The article's content, whatever its name: a file is read through. */
    if (resume && narr_articles_hash(articles, i, "", key, msg, sizeof msg) != NARR_OK)
        key[0] = '\0'; /* the read below says why */
    pthread_mutex_lock(&p->lock);
    p->resume_at = *key ? positions_get(key) : -1;
    p->title[0] = p->heading[0] = '\0';
    p->sentence = -1;
    p->sentences = 0;
    p->seconds = p->sentence_at = 0;
    pthread_mutex_unlock(&p->lock);
    narr_status st = narr_narration_read_article(p->n, articles, i);
    if (*key) {
        long at = narr_narration_sentence(p->n);
        bool ok = st == NARR_OK ? positions_set(key, -1, NULL, msg, sizeof msg)
                  : at >= 0     ? positions_set(key, at, narr_narration_title(p->n), msg,
                                                sizeof msg)
                                : true;
        if (!ok) {
            pthread_mutex_lock(&p->lock);
            clear_status(p);
            fprintf(stderr, _("narrateur: warning: %s\n"), msg);
            pthread_mutex_unlock(&p->lock);
        }
    }
    return st;
}

static narr_status play_all(player *p, narr_articles *articles, bool resume)
{
    narr_status st = NARR_OK;
    for (size_t i = 0; i < p->articles;) {
        pthread_mutex_lock(&p->lock);
        p->article = i;
        pthread_mutex_unlock(&p->lock);
        st = play_one(p, articles, i, resume);
        const char *warning = narr_narration_take_warning(p->n);
        pthread_mutex_lock(&p->lock);
        for (; warning; warning = narr_narration_take_warning(p->n)) {
            clear_status(p);
            fprintf(stderr, _("narrateur: warning: %s\n"), warning);
        }
        int step = p->step;
        bool quitting = p->quit;
        p->step = 0;
        pthread_mutex_unlock(&p->lock);
        if (quitting || signalled(p))
            return st == NARR_OK || (st == NARR_E_INTERRUPTED && quitting) ? NARR_OK : st;
        if (st == NARR_E_INTERRUPTED && step)
            st = NARR_OK; /* n or p */
        if (st != NARR_OK)
            return st;
        long next = (long)i + (step ? step : 1);
        i = next < 0 ? 0 : (size_t)next;
    }
    return st;
}

int player_run(const narr_engine_options *eng, const narr_output_options *cfg,
               narr_articles *articles, const player_options *opts)
{
    player p = {.interrupted = cfg->interrupted, .show_text = opts->show_text,
                .resume_at = -1, .articles = narr_articles_count(articles), .sentence = -1};
    narr_output_options out = *cfg;
    out.on_event = on_event;
    out.user = &p;
    narr_status st;
    char msg[1024];
    p.engine = narr_engine_new(eng, &st, msg, sizeof msg);
    p.n = p.engine ? narr_narration_new(p.engine, &out, &st, msg, sizeof msg) : NULL;
    if (!p.n) {
        fprintf(stderr, _("narrateur: %s\n"), msg);
        narr_engine_free(p.engine);
        return EXIT_FAILURE;
    }
    p.sample_rate = narr_engine_sample_rate(p.engine);
    p.rate = p.base_rate = narr_engine_rate(p.engine);
    pthread_mutex_init(&p.lock, NULL);
    p.keys = terminal_open();
    p.status = !opts->quiet && isatty(STDERR_FILENO);
    pthread_t keys;
    if (p.keys && pthread_create(&keys, NULL, key_loop, &p) != 0)
        p.keys = false;
    mpris_hooks hooks = {mpris_command_hook, mpris_rate_hook, mpris_state_hook, &p};
    mpris *bus = mpris_start(&hooks);

    st = play_all(&p, articles, opts->resume);
    pthread_mutex_lock(&p.lock);
    bool quitting = p.quit;
    pthread_mutex_unlock(&p.lock);
    if (st == NARR_OK && !quitting && !signalled(&p))
        st = narr_narration_finish(p.n);

    pthread_mutex_lock(&p.lock);
    p.done = true;
    clear_status(&p);
    pthread_mutex_unlock(&p.lock);
    mpris_stop(bus);
    if (p.keys) {
        terminal_wake();
        pthread_join(keys, NULL);
        terminal_close();
    }
    if (getenv("NARRATEUR_STATS")) /* for bench/listening.py */
        fprintf(stderr, _("narrateur: underruns: %ld\n"), narr_narration_underruns(p.n));
    int status = st == NARR_OK ? EXIT_SUCCESS : EXIT_FAILURE;
    if (signalled(&p))
        status = 128 + (int)*p.interrupted; /* as shells expect */
    else if (st != NARR_OK)
        fprintf(stderr, _("narrateur: %s\n"), narr_narration_errmsg(p.n));
    narr_narration_free(p.n);
    narr_engine_free(p.engine);
    pthread_mutex_destroy(&p.lock);
    return status;
}
