/* file sink: loudness reaches the target on the fast path (gain fitted on
 * the first seconds, one encoding) and when the article changes level
 * after them (a second encoding); intro, chapters, transcript and tags
 * line up with the samples; an unfinished sink leaves no file at all; a
 * FIFO or one name for two outputs is refused at open; a write error is
 * told with its own reason and publishes nothing. */
#include "../check.h"
#include "audio/loudness.h"
#include "audio/sink.h"
#include "test_dir.h"

#include <errno.h>
#include <math.h>
#include <signal.h>
#include <sndfile.h>
#include <stdlib.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <unistd.h>

#define RATE 22050

/* Speech-like: 250 ms noise "syllables" of varying level, 80 ms gaps;
 * amplitude a until second `change`, then b. */
static void speech(narr_sink *s, double seconds, double a, double b, double change)
{
    static unsigned seed = 1;
    size_t n = (size_t)(seconds * RATE);
    int16_t buf[1000];
    for (size_t i = 0; i < n;) {
        size_t k = 0;
        for (; k < 1000 && i < n; k++, i++) {
            seed = seed * 1103515245u + 12345u;
            double noise = ((seed >> 8) & 0xFFFF) / 32768.0 - 1.0;
            size_t pos = i % (size_t)(0.33 * RATE), syllable = i / (size_t)(0.33 * RATE);
            double level = (i < change * RATE ? a : b) * (0.5 + (syllable * 7 % 5) / 8.0);
            buf[k] = pos < 0.25 * RATE ? (int16_t)(noise * level * 32767) : 0;
        }
        CHECK(narr_sink_write(s, buf, k) == NARR_OK);
    }
}

/* Integrated loudness and sample peak of a file, read back. */
static void measure(const char *path, double *lufs, double *peak, SF_INFO *info)
{
    *info = (SF_INFO){0};
    SNDFILE *f = sf_open(path, SFM_READ, info);
    CHECK(f != NULL);
    *lufs = -HUGE_VAL;
    *peak = 0;
    if (!f)
        return;
    narr_meter *m = narr_meter_new(info->samplerate);
    float buf[4096];
    sf_count_t n;
    while ((n = sf_readf_float(f, buf, 4096)) > 0) {
        narr_meter_add(m, buf, (size_t)n);
        for (sf_count_t i = 0; i < n; i++)
            *peak = fabs(buf[i]) > *peak ? fabs(buf[i]) : *peak;
    }
    *lufs = narr_meter_lufs(m);
    narr_meter_free(m);
    sf_close(f);
}

/* A sink that must open (window: seconds the gain is fitted on; 0 for
 * the default); NULL, with the reason printed, when it does not. */
static narr_sink *open_ok(const char *path, const narr_output_options *cfg, double window)
{
    narr_status st;
    char msg[512];
    narr_sink *s = window > 0
        ? narr_sink_open_file_window(path, RATE, cfg, window, &st, msg, sizeof msg)
        : narr_sink_open_file(path, RATE, cfg, &st, msg, sizeof msg);
    CHECK(s != NULL);
    if (!s)
        fprintf(stderr, "%s: %s\n", path, msg);
    return s;
}

static void loudness_case(double a, double b, double change, int want_encodes)
{
    const char *path = in_dir("episode.flac");
    narr_output_options cfg = {0};
    narr_sink *s = open_ok(path, &cfg, 5.0);
    if (!s)
        return;
    speech(s, 30, a, b, change);
    CHECK(narr_sink_finish(s) == NARR_OK);
    narr_file_stats stats;
    narr_sink_file_stats(s, &stats);
    narr_sink_free(s);
    CHECK_INT_EQ(stats.encodes, want_encodes);
    CHECK_INT_EQ(stats.rate, 44100);
    CHECK(llabs(stats.frames - 30 * 44100) <= 2);
    CHECK(fabs(stats.lufs - -16.0) < 0.5);
    double lufs, peak;
    SF_INFO info;
    measure(path, &lufs, &peak, &info);
    CHECK_INT_EQ(info.samplerate, 44100);
    CHECK_INT_EQ(info.channels, 1);
    CHECK(llabs(info.frames - 30 * 44100) <= 2);
    CHECK(fabs(lufs - -16.0) < 0.5);
    CHECK(peak <= pow(10, -1.2 / 20) + 1.0 / 32768);
    if (fabs(lufs + 16) >= 0.5 || stats.encodes != want_encodes)
        fprintf(stderr, "levels %.2f/%.2f: %d encodes, %.2f LUFS, gain %.2f dB\n", a, b,
                stats.encodes, lufs, stats.gain_db);
    unlink(path);
}

static void write_intro(const char *path)
{
    /* 0.5 s of a 1 kHz tone, 44.1 kHz stereo: mixed down and resampled. */
    SF_INFO info = {.samplerate = 44100, .channels = 2, .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16};
    SNDFILE *f = sf_open(path, SFM_WRITE, &info);
    short buf[2 * 22050];
    for (int i = 0; i < 22050; i++)
        buf[2 * i] = buf[2 * i + 1] = (short)(8000 * sin(2 * 3.14159265 * 1000 * i / 44100.0));
    CHECK(f && sf_writef_short(f, buf, 22050) == 22050);
    sf_close(f);
}

static void side_files_case(void)
{
    const char *path = in_dir("article.wav"), *intro = in_dir("intro.wav"),
               *json = in_dir("article.json"), *vtt = in_dir("article.vtt");
    write_intro(intro);
    narr_output_options cfg = {.audio = {.intro = intro, .chapters = json, .transcript = vtt,
                                 .album = "Essais", .date = "2024-05-02"}};
    narr_sink *s = open_ok(path, &cfg, 0);
    if (!s)
        return;
    static const int16_t zeros[RATE / 2];
    CHECK(narr_sink_chapter(s, "Le titre\n", 9, true) == NARR_OK);
    CHECK(narr_sink_cue(s, true, "Le titre", 8) == NARR_OK);
    speech(s, 1.0, 0.3, 0.3, 99);
    CHECK(narr_sink_cue(s, false, NULL, 0) == NARR_OK);
    CHECK(narr_sink_write(s, zeros, RATE / 2) == NARR_OK);
    CHECK(narr_sink_chapter(s, "Un intertitre", 13, false) == NARR_OK);
    CHECK(narr_sink_cue(s, true, "Une phrase <b>.", 15) == NARR_OK);
    speech(s, 1.0, 0.3, 0.3, 99);
    CHECK(narr_sink_cue(s, false, NULL, 0) == NARR_OK);
    CHECK(narr_sink_write(s, zeros, RATE / 4) == NARR_OK);
    /* Nothing is published before the end. */
    CHECK(access(path, F_OK) != 0 && access(json, F_OK) != 0 && access(vtt, F_OK) != 0);
    CHECK(narr_sink_finish(s) == NARR_OK);
    narr_sink_free(s);

    SF_INFO info = {0};
    SNDFILE *f = sf_open(path, SFM_READ, &info);
    CHECK(f != NULL);
    CHECK_INT_EQ(info.samplerate, RATE);
    /* intro 0.5 s + 1 + 0.5 + 1 + 0.25 s */
    CHECK(llabs(info.frames - (RATE / 2 + RATE + RATE / 2 + RATE + RATE / 4)) <= 1);
    const char *title = f ? sf_get_string(f, SF_STR_TITLE) : NULL;
    const char *artist = f ? sf_get_string(f, SF_STR_ARTIST) : NULL;
    CHECK_STR_EQ(title ? title : "", "Le titre");
    CHECK_STR_EQ(artist ? artist : "", "narrateur");
    if (f)
        sf_close(f);
    CHECK_STR_EQ(file_text(json), "{\n  \"version\": \"1.2.0\",\n  \"chapters\": [\n"
                              "    {\"startTime\": 0, \"title\": \"Le titre\"},\n"
                              "    {\"startTime\": 2, \"title\": \"Un intertitre\"}\n"
                              "  ]\n}\n");
    CHECK_STR_EQ(file_text(vtt), "WEBVTT\n"
                             "\n00:00:00.500 --> 00:00:01.500\nLe titre\n"
                             "\n00:00:02.000 --> 00:00:03.250\nUne phrase &lt;b&gt;.\n");
    unlink(path);
    unlink(json);
    unlink(vtt);
    unlink(intro);
}

static void unfinished_case(void)
{
    const char *path = in_dir("lost.mp3"), *vtt = in_dir("lost.srt");
    narr_output_options cfg = {.audio = {.transcript = vtt}};
    narr_sink *s = open_ok(path, &cfg, 0);
    narr_status st;
    char msg[512];
    speech(s, 2.0, 0.3, 0.3, 99);
    narr_sink_free(s); /* as after an error: nothing may remain */
    CHECK_STR_EQ(listing(), "");

    path = in_dir("missing/x.opus");
    s = narr_sink_open_file(path, RATE, &cfg, &st, msg, sizeof msg);
    CHECK(s == NULL && st == NARR_E_IO);
    path = in_dir("x.aiff");
    s = narr_sink_open_file(path, RATE, &cfg, &st, msg, sizeof msg);
    CHECK(s == NULL && st == NARR_E_ARG);
    path = in_dir("x.opus");
    cfg.audio.sample_rate = 44100;
    s = narr_sink_open_file(path, RATE, &cfg, &st, msg, sizeof msg);
    CHECK(s == NULL && st == NARR_E_ARG);
    CHECK_STR_EQ(listing(), "");
}

static void refused_names_case(void)
{
    const char *path, *other;
    char want[512], msg[512];
    narr_status st;
    /* A FIFO as the transcript: refused before anything is created (and
     * never opened, which would block). */
    path = in_dir("article.wav");
    other = in_dir("pipe.vtt");
    CHECK(mkfifo(other, 0644) == 0);
    narr_output_options cfg = {.audio = {.transcript = other}};
    narr_sink *s = narr_sink_open_file(path, RATE, &cfg, &st, msg, sizeof msg);
    CHECK(s == NULL && st == NARR_E_IO);
    snprintf(want, sizeof want, "%s: not a regular file; give a file name to write", other);
    CHECK_STR_EQ(msg, want);
    CHECK_STR_EQ(listing(), "pipe.vtt");
    struct stat info;
    CHECK(lstat(other, &info) == 0 && S_ISFIFO(info.st_mode));
    unlink(other);

    /* Two spellings of one name: the chapters would replace the audio. */
    path = in_dir("x.flac");
    other = in_dir("./x.flac");
    cfg = (narr_output_options){.audio = {.chapters = other}};
    s = narr_sink_open_file(path, RATE, &cfg, &st, msg, sizeof msg);
    CHECK(s == NULL && st == NARR_E_ARG);
    snprintf(want, sizeof want, "%s and %s are the same file; give each output its own name",
             path, other);
    CHECK_STR_EQ(msg, want);
    CHECK_STR_EQ(listing(), "");
}

/* The transcript cannot grow past 100 KB (a file size limit: EFBIG), the
 * audio can: the message has that reason, whichever call saw it (a later
 * cue, or the end), and nothing is published. */
static void write_error_case(bool at_end)
{
    const char *path = in_dir("article.wav"), *vtt = in_dir("article.vtt");
    char want[512];
    narr_output_options cfg = {.audio = {.transcript = vtt}};
    narr_sink *s = open_ok(path, &cfg, 0);
    if (!s)
        return;
    static const char sentence[] = "Le Conseil d'État a rendu sa décision jeudi. ";
    size_t len = 300000;
    char *text = malloc(len);
    for (size_t i = 0; text && i < len; i++)
        text[i] = sentence[i % (sizeof sentence - 1)];
    struct rlimit old, limit;
    CHECK(getrlimit(RLIMIT_FSIZE, &old) == 0);
    limit = (struct rlimit){.rlim_cur = 100000, .rlim_max = old.rlim_max};
    signal(SIGXFSZ, SIG_IGN);
    CHECK(text && setrlimit(RLIMIT_FSIZE, &limit) == 0);
    CHECK(narr_sink_cue(s, true, text, len) == NARR_OK);
    speech(s, 0.5, 0.3, 0.3, 99);
    CHECK(narr_sink_cue(s, false, NULL, 0) == NARR_OK); /* held until the next one */
    snprintf(want, sizeof want, "%s: cannot write the transcript: %s (is the disk full?)", vtt,
             strerror(EFBIG));
    if (at_end) {
        CHECK(narr_sink_finish(s) == NARR_E_IO);
    } else {
        CHECK(narr_sink_cue(s, true, "Fin.", 4) == NARR_OK);
        speech(s, 0.5, 0.3, 0.3, 99);
        CHECK(narr_sink_cue(s, false, NULL, 0) == NARR_E_IO);
    }
    CHECK_STR_EQ(narr_sink_errmsg(s), want);
    CHECK(setrlimit(RLIMIT_FSIZE, &old) == 0);
    signal(SIGXFSZ, SIG_DFL);
    narr_sink_free(s);
    free(text);
    CHECK_STR_EQ(listing(), "");
}

int main(void)
{
    if (!test_dir_make("narr-sink"))
        return 1;
    loudness_case(0.3, 0.3, 99, 1); /* steady: the first 5 s tell the gain */
    loudness_case(0.6, 0.1, 6, 2);  /* 15 dB quieter after 6 s: encoded again */
    side_files_case();
    unfinished_case();
    refused_names_case();
    write_error_case(false);
    write_error_case(true);
    CHECK_STR_EQ(listing(), "");
    rmdir(test_dir);
    return CHECK_DONE();
}
