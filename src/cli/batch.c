/* batch: see batch.h. The parent gathers the articles (fetching pages and
 * feeds), skips those already made, and forks a worker per article, at
 * most -j at a time; it never makes an engine itself, so each worker
 * starts with none. A worker narrates into a hidden work file, then
 * takes the article's final name under the state's lock, renames its
 * files there, adds the episode to the podcast feed and records the
 * article as made: an article interrupted at any point is simply made
 * again by the next run. The result comes back as one line on a pipe. */
#include "cli/batch.h"
#include "cli/i18n.h"
#include "cli/cli_text.h"
#include "cli/inputs.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#define RESULT_MAX 1200

typedef struct {
    const cli_web *web;
    const narr_engine_options *eng;
    narr_output_options cfg; /* kind FILE; path, side files set per article */
    narr_articles *articles;
    const char *ext;         /* of the audio files, e.g. "mp3" */
    const char *transcript;  /* "vtt", "srt" or NULL */
    bool chapters;
} batch;

typedef struct {
    pid_t pid;
    int fd;         /* the worker's result pipe */
    size_t article;
} worker;

static const char *format_ext(narr_audio_format f)
{
    switch (f) {
    case NARR_AUDIO_WAV: return "wav";
    case NARR_AUDIO_FLAC: return "flac";
    case NARR_AUDIO_OGG: return "ogg";
    case NARR_AUDIO_OPUS: return "opus";
    default: return "mp3";
    }
}

static double since(const struct timespec *t)
{
    struct timespec now;
    clock_gettime(CLOCK_MONOTONIC, &now);
    return (double)(now.tv_sec - t->tv_sec) + (double)(now.tv_nsec - t->tv_nsec) / 1e9;
}

/* Everything besides the text that changes an article's audio: a change
 * makes every article again. */
static void settings_text(const batch *b, char *out, size_t size)
{
    const narr_engine_options *e = b->eng;
    const narr_audio_options *a = &b->cfg.audio;
#define S(x) ((x) ? (x) : "")
    snprintf(out, size,
             "voice=%s rate=%d quotes=%d lexicon=%s locale=%s ext=%s sr=%d br=%d q=%d "
             "noloud=%d loud=%.2f artist=%s album=%s date=%s comment=%s cover=%s intro=%s "
             "outro=%s transcript=%s chapters=%d input=%d",
             S(e->voice), e->rate, (int)e->quotes, S(e->lexicon), S(e->number_locale), b->ext,
             a->sample_rate, a->bitrate, a->quality, a->no_loudness, a->loudness, S(a->artist),
             S(a->album), S(a->date), S(a->comment), S(a->cover), S(a->intro), S(a->outro),
             S(b->transcript), b->chapters, (int)b->cfg.input_format);
#undef S
}

/* DIR/NAME.EXT into out; false when it does not fit. */
static bool dir_file(const char *dir, const char *stem, const char *ext, char *out, size_t size)
{
    return snprintf(out, size, "%s/%s.%s", dir, stem, ext) < (int)size;
}

/* Renames the work file of ext to the final stem's; false with msg. */
static bool publish(const char *dir, const char *work, const char *stem, const char *ext,
                    char *msg, size_t msg_size)
{
    char from[4096], to[4096];
    if (!dir_file(dir, work, ext, from, sizeof from) || !dir_file(dir, stem, ext, to, sizeof to) ||
        rename(from, to) != 0) {
        snprintf(msg, msg_size, "%.900s: cannot rename to its final name: %s", to, strerror(errno));
        unlink(from);
        return false;
    }
    return true;
}

/* The worker's job: article i into its file, then the feed and the state.
 * Writes "ok SECONDS NAME" or "fail MESSAGE" into result. */
static void make_article(const batch *b, size_t i, const char *hash, char *result, size_t size)
{
    const char *dir = b->web->output_dir;
    narr_article_info info;
    narr_articles_info(b->articles, i, &info);
    char work[64], path[4096], transcript[4096], chapters[4096], msg[1024] = "";
    snprintf(work, sizeof work, ".narrateur-work-%ld", (long)getpid());
    narr_output_options cfg = b->cfg;
    dir_file(dir, work, b->ext, path, sizeof path);
    cfg.path = path;
    if (b->transcript && dir_file(dir, work, b->transcript, transcript, sizeof transcript))
        cfg.audio.transcript = transcript;
    if (b->chapters && dir_file(dir, work, "json", chapters, sizeof chapters))
        cfg.audio.chapters = chapters;
    narr_status st;
    narr_engine *engine = narr_engine_new(b->eng, &st, msg, sizeof msg);
    narr_narration *n = engine ? narr_narration_new(engine, &cfg, &st, msg, sizeof msg) : NULL;
    if (n && (st = narr_narration_read_article(n, b->articles, i)) == NARR_OK)
        st = narr_narration_finish(n);
    if (n && st != NARR_OK)
        snprintf(msg, sizeof msg, "%s", narr_narration_errmsg(n));
    char title[512];
    snprintf(title, sizeof title, "%s", info.title[0] || !n ? info.title : narr_narration_title(n));
    double seconds = n ? narr_narration_seconds(n) : 0;
    narr_narration_free(n);
    narr_engine_free(engine);
    char day[11];
    time_t now = time(NULL);
    if (info.day[0])
        snprintf(day, sizeof day, "%s", info.day);
    else
        strftime(day, sizeof day, "%Y-%m-%d", localtime(&now));
    char *name = NULL;
    if (st == NARR_OK)
        st = narr_batch_claim_name(dir, info.key, day, title, b->ext, &name, msg, sizeof msg);
    /* The final stem: the claimed name less its extension. */
    char stem[4096] = "";
    if (name)
        snprintf(stem, sizeof stem, "%.*s", (int)(strlen(name) - strlen(b->ext) - 1), name);
    bool ok = st == NARR_OK && publish(dir, work, stem, b->ext, msg, sizeof msg);
    ok = ok && (!b->transcript || publish(dir, work, stem, b->transcript, msg, sizeof msg));
    ok = ok && (!b->chapters || publish(dir, work, stem, "json", msg, sizeof msg));
    char tname[4096], cname[4096];
    snprintf(tname, sizeof tname, "%s.%s", stem, b->transcript ? b->transcript : "");
    snprintf(cname, sizeof cname, "%s.json", stem);
    if (ok && b->web->podcast_feed) {
        narr_podcast_episode ep = {.guid = info.key, .title = title[0] ? title : name,
                                   .link = info.link[0] ? info.link : NULL,
                                   .pub_date = info.date ? info.date : (long long)now,
                                   .audio_file = name, .seconds = seconds,
                                   .transcript_file = b->transcript ? tname : NULL,
                                   .chapters_file = b->chapters ? cname : NULL};
        ok = narr_podcast_add(b->web->podcast_feed, &b->web->podcast, &ep, msg, sizeof msg) ==
             NARR_OK;
    }
    ok = ok && narr_batch_record(dir, info.key, hash, name, seconds, msg, sizeof msg) == NARR_OK;
    if (!ok) {
        /* Work files left by a failure go; the article is made next time. */
        char left[4096];
        const char *exts[] = {b->ext, b->transcript, b->chapters ? "json" : NULL};
        for (size_t k = 0; k < 3; k++)
            if (exts[k] && dir_file(dir, work, exts[k], left, sizeof left))
                unlink(left);
        /* The message names the article unless it does already. */
        if (strncmp(msg, info.source, strlen(info.source)) == 0)
            snprintf(result, size, "fail %s", msg);
        else
            snprintf(result, size, "fail %s: %s", info.source, msg);
    } else {
        snprintf(result, size, "ok %.3f %s", seconds, name);
    }
    free(name);
}

/* Forks a worker for article i; false when the system refuses. */
static bool start_worker(const batch *b, size_t i, const char *hash, worker *w)
{
    int fds[2];
    if (pipe(fds) != 0)
        return false;
    fflush(NULL);
    pid_t pid = fork();
    if (pid < 0) {
        close(fds[0]);
        close(fds[1]);
        return false;
    }
    if (pid == 0) {
        close(fds[0]);
        char result[RESULT_MAX];
        make_article(b, i, hash, result, sizeof result);
        size_t len = strlen(result);
        _exit(write(fds[1], result, len) == (ssize_t)len ? 0 : 1);
    }
    close(fds[1]);
    *w = (worker){.pid = pid, .fd = fds[0], .article = i};
    return true;
}

/* The line a worker sent ("" when it died without one). */
static void take_result(worker *w, char *out, size_t size)
{
    size_t len = 0;
    ssize_t k;
    while (len + 1 < size && (k = read(w->fd, out + len, size - 1 - len)) != 0) {
        if (k < 0 && errno == EINTR)
            continue;
        if (k < 0)
            break;
        len += (size_t)k;
    }
    out[len] = '\0';
    close(w->fd);
}

static void show_progress(bool shown, size_t done, size_t total, size_t running,
                          const struct timespec *start)
{
    if (!shown)
        return;
    char t[24];
    cli_clock_text(since(start), t, sizeof t);
    fprintf(stderr, _("\rnarrateur: %zu of %zu articles done, %zu running, %s\033[K"), done, total,
            running, t);
    fflush(stderr);
}

static int check_batch_options(const cli_web *web, const narr_engine_options *eng,
                               narr_output_options *cfg, bool has_output, batch *b)
{
    if (!web->output_dir)
        return cli_usage_error("%s", _("--podcast-feed needs --output-dir DIR, the folder of "
                                     "its episodes"));
    if (has_output)
        return cli_usage_error("%s", _("--output-dir writes one file per article: leave out -o "
                                     "and --print"));
    if (web->podcast_feed && !web->podcast.base_url)
        return cli_usage_error("%s", _("--podcast-feed needs --base-url URL, where the output "
                                     "folder is served"));
    const char *t = cfg->audio.transcript;
    if (t && strcmp(t, "vtt") != 0 && strcmp(t, "srt") != 0)
        return cli_usage_error(_("with --output-dir, --transcript takes no file name (each "
                               "article gets its own); --transcript=srt for SRT, not '%s'"), t);
    if (cfg->audio.chapters && strcmp(cfg->audio.chapters, "json") != 0)
        return cli_usage_error(_("with --output-dir, --chapters takes no file name (each "
                               "article gets its own), not '%s'"), cfg->audio.chapters);
    b->transcript = t;
    b->chapters = cfg->audio.chapters != NULL;
    b->ext = format_ext(cfg->audio.format);
    if (cfg->audio.format == NARR_AUDIO_AUTO)
        cfg->audio.format = NARR_AUDIO_MP3;
    /* The options as one article will use them, checked before any work. */
    char path[64], tr[64], ch[64], msg[1024];
    snprintf(path, sizeof path, "x.%s", b->ext);
    snprintf(tr, sizeof tr, "x.%s", t ? t : "vtt");
    snprintf(ch, sizeof ch, "x.json");
    cfg->kind = NARR_OUTPUT_FILE;
    narr_output_options probe = *cfg;
    probe.path = path;
    probe.audio.transcript = t ? tr : NULL;
    probe.audio.chapters = b->chapters ? ch : NULL;
    if (narr_check_options(eng, &probe, msg, sizeof msg) != NARR_OK)
        return cli_usage_error("%s", msg);
    return 0;
}

int cli_batch_run(const cli_web *web, const narr_engine_options *eng,
                  const narr_output_options *given, bool has_output, bool quiet, char **args,
                  int n, const char *config_file)
{
    batch b = {.web = web, .eng = eng, .cfg = *given};
    int code = check_batch_options(web, eng, &b.cfg, has_output, &b);
    if (code)
        return code;
    /* Neither the feed nor the state file may be an input. */
    char state_file[4096];
    snprintf(state_file, sizeof state_file, "%s/.narrateur-state", web->output_dir);
    const char *outputs[] = {state_file, web->podcast_feed};
    narr_output_options inputs_only = b.cfg;
    inputs_only.kind = NARR_OUTPUT_CALLBACK;
    if ((code = cli_inputs_check_files(eng, &inputs_only, args, n, outputs,
                                       web->podcast_feed ? 2 : 1, config_file)) != 0)
        return code;
    b.cfg.interrupted = web->articles.interrupted;
    b.cfg.progress = NULL;
    struct timespec start;
    clock_gettime(CLOCK_MONOTONIC, &start);
    if (mkdir(web->output_dir, 0777) != 0 && errno != EEXIST) {
        fprintf(stderr, _("narrateur: %s: cannot make the folder: %s\n"), web->output_dir,
                strerror(errno));
        return 1;
    }
    int failed = 0;
    b.articles = cli_inputs_gather(&web->articles, args, n, true, &failed, &code);
    if (!b.articles)
        return code;
    narr_status st;
    char msg[1024];
    narr_batch_state *state = narr_batch_state_load(web->output_dir, &st, msg, sizeof msg);
    if (!state) {
        fprintf(stderr, _("narrateur: %s\n"), msg);
        narr_articles_free(b.articles);
        return 1;
    }
    /* What to make: articles not made before from the same content. */
    char settings[4096];
    settings_text(&b, settings, sizeof settings);
    size_t count = narr_articles_count(b.articles), queued = 0, skipped = 0;
    size_t *todo = malloc((count ? count : 1) * sizeof *todo);
    char (*hashes)[17] = malloc((count ? count : 1) * sizeof *hashes);
    for (size_t i = 0; todo && hashes && i < count; i++) {
        narr_article_info info;
        narr_articles_info(b.articles, i, &info);
        if (narr_articles_hash(b.articles, i, settings, hashes[i], msg, sizeof msg) != NARR_OK) {
            fprintf(stderr, _("narrateur: %s\n"), msg);
            failed++;
        } else if (narr_batch_state_done(state, info.key, hashes[i])) {
            skipped++;
        } else {
            todo[queued++] = i;
        }
    }
    narr_batch_state_free(state);
    long cores = sysconf(_SC_NPROCESSORS_ONLN);
    size_t jobs = web->jobs > 0 ? (size_t)web->jobs : cores > 0 ? (size_t)cores : 1;
    jobs = jobs < queued ? jobs : queued ? queued : 1;
    worker *workers = calloc(jobs, sizeof *workers);
    char **failures = calloc(queued ? queued : 1, sizeof *failures);
    size_t nfailures = 0, made = 0, next = 0, running = 0, done = 0;
    double audio = 0;
    bool shown = !quiet && isatty(STDERR_FILENO) && queued > 0;
    if (!todo || !hashes || !workers || !failures) {
        fputs(_("narrateur: out of memory\n"), stderr);
        queued = 0;
        failed++;
    }
    while (next < queued || running) {
        while (next < queued && running < jobs && !*web->articles.interrupted) {
            size_t slot = 0;
            while (workers[slot].pid)
                slot++;
            if (!start_worker(&b, todo[next], hashes[todo[next]], &workers[slot])) {
                fprintf(stderr, _("narrateur: cannot start a worker process: %s\n"),
                        strerror(errno));
                break;
            }
            next++;
            running++;
        }
        if (!running)
            break;
        show_progress(shown, done, queued, running, &start);
        int status;
        pid_t pid = waitpid(-1, &status, 0);
        if (pid < 0) {
            if (errno == EINTR)
                continue;
            break;
        }
        size_t slot = 0;
        while (slot < jobs && workers[slot].pid != pid)
            slot++;
        if (slot == jobs)
            continue;
        char result[RESULT_MAX];
        take_result(&workers[slot], result, sizeof result);
        narr_article_info info;
        narr_articles_info(b.articles, workers[slot].article, &info);
        workers[slot].pid = 0;
        running--;
        done++;
        double seconds;
        int used;
        if (sscanf(result, "ok %lf %n", &seconds, &used) == 1) {
            made++;
            audio += seconds;
            continue;
        }
        if (shown)
            fputs("\r\033[K", stderr);
        if (strncmp(result, "fail ", 5) == 0)
            fprintf(stderr, _("narrateur: %s\n"), result + 5);
        else if (WIFSIGNALED(status) && !*web->articles.interrupted)
            fprintf(stderr, _("narrateur: %s: the worker died (signal %d)\n"), info.source,
                    WTERMSIG(status));
        failures[nfailures++] = strdup(info.source);
    }
    if (shown)
        fputs("\r\033[K", stderr);
    failed += (int)nfailures;
    if (!quiet) {
        char a[24], t[24];
        cli_clock_text(audio, a, sizeof a);
        cli_clock_text(since(&start), t, sizeof t);
        fprintf(stderr, _("narrateur: %zu made, %zu skipped, %d failed; %s of audio in %s\n"),
                made, skipped, failed, a, t);
    }
    for (size_t k = 0; k < nfailures; k++) {
        fprintf(stderr, _("narrateur: failed: %s\n"), failures[k] ? failures[k] : "?");
        free(failures[k]);
    }
    free(failures);
    free(workers);
    free(todo);
    free(hashes);
    narr_articles_free(b.articles);
    if (*web->articles.interrupted)
        return 128 + (int)*web->articles.interrupted;
    return failed ? 1 : 0;
}
