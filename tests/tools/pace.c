/* pace: a speaker for the player tests. The ALSA `file` plugin of
 * tests/alsa-paced.conf pipes the raw 16-bit samples it is given to this
 * program, which takes them at the pace of real time and writes them to
 * a WAV file (synced as it goes), so that a test can watch the sound stop
 * and start. Its input pipe is shrunk to one page at once (a C program
 * starts before the first sound is made), so what the player has sent but
 * not yet "played" is a few milliseconds, as with a sound card.
 *
 * Usage: pace RATE CHANNELS OUT.wav */
#define _GNU_SOURCE /* F_SETPIPE_SZ */
#include <errno.h>
#include <fcntl.h>
#include <string.h>
#include <sys/ioctl.h>
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>
#include <time.h>
#include <unistd.h>

static double now(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (double)t.tv_sec + (double)t.tv_nsec / 1e9;
}

int main(int argc, char **argv)
{
    if (argc != 4) {
        fputs("usage: pace RATE CHANNELS OUT.wav\n", stderr);
        return 2;
    }
    /* The kernel refuses to shrink a pipe that holds more: what is there
     * already is taken out first, to be played first. */
    static char backlog[1 << 17];
    size_t queued = 0;
    while (fcntl(STDIN_FILENO, F_SETPIPE_SZ, 4096) < 0 && errno == EBUSY) {
        int waiting = 0;
        ioctl(STDIN_FILENO, FIONREAD, &waiting);
        if (waiting <= 0 || queued + (size_t)waiting > sizeof backlog)
            break;
        ssize_t got = read(STDIN_FILENO, backlog + queued, (size_t)waiting);
        if (got <= 0)
            break;
        queued += (size_t)got;
    }
    SF_INFO info = {.samplerate = atoi(argv[1]), .channels = atoi(argv[2]),
                    .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16};
    SNDFILE *out = sf_open(argv[3], SFM_WRITE, &info);
    if (!out) {
        fprintf(stderr, "pace: %s: %s\n", argv[3], sf_strerror(NULL));
        return 1;
    }
    size_t frame = 2 * (size_t)info.channels;
    size_t step = (size_t)info.samplerate / 100 * frame; /* 10 ms */
    short buf[48000 / 100 * 8];
    if (step > sizeof buf)
        step = sizeof buf - sizeof buf % frame;
    size_t have = 0, taken = 0;
    double due = now();
    for (;;) {
        if (taken < queued) {
            size_t k = queued - taken < step - have ? queued - taken : step - have;
            memcpy((char *)buf + have, backlog + taken, k);
            taken += k;
            have += k;
        } else {
            ssize_t got = read(STDIN_FILENO, (char *)buf + have, step - have);
            if (got <= 0)
                break;
            have += (size_t)got;
        }
        if (have < step)
            continue;
        double t = now();
        if (due < t - 0.05)
            due = t; /* the input ran dry: play on from now, no burst */
        if (due > t) {
            double wait = due - t;
            struct timespec ts = {(time_t)wait, (long)((wait - (double)(time_t)wait) * 1e9)};
            nanosleep(&ts, NULL);
        }
        sf_writef_short(out, buf, (sf_count_t)(have / frame));
        sf_write_sync(out);
        due += (double)(have / frame) / info.samplerate;
        have = 0;
    }
    sf_writef_short(out, buf, (sf_count_t)(have / frame));
    sf_close(out);
    return 0;
}
