/* terminal: cbreak mode on /dev/tty and key decoding (see terminal.h).
 * The saved settings live in this file's statics because a crash signal
 * handler must reach them; that handler only calls tcsetattr (async-signal
 * safe) before the signal takes its default course. */
#include "cli/terminal.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

static int tty_fd = -1;
static int wake_pipe[2] = {-1, -1};
static struct termios saved;
static volatile sig_atomic_t continued;

static const int crash_signals[] = {SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGQUIT};

static void put_back(void)
{
    if (tty_fd >= 0)
        tcsetattr(tty_fd, TCSANOW, &saved);
}

/* SA_RESETHAND: the default action follows when the signal is raised again. */
static void on_crash(int sig)
{
    put_back();
    raise(sig);
}

static void on_continue(int sig)
{
    (void)sig;
    continued = 1;
}

static int set_cbreak(void)
{
    struct termios t = saved;
    t.c_lflag &= ~(tcflag_t)(ICANON | ECHO);
    t.c_cc[VMIN] = 1;
    t.c_cc[VTIME] = 0;
    return tcsetattr(tty_fd, TCSANOW, &t);
}

bool terminal_open(void)
{
    if (tty_fd >= 0)
        return true;
    int fd = open("/dev/tty", O_RDWR | O_NOCTTY | O_CLOEXEC);
    if (fd < 0)
        return false;
    /* A background job touching the terminal's settings would be stopped. */
    if (!isatty(fd) || tcgetpgrp(fd) != getpgrp() || tcgetattr(fd, &saved) != 0) {
        close(fd);
        return false;
    }
    if (pipe(wake_pipe) != 0) {
        close(fd);
        return false;
    }
    for (int i = 0; i < 2; i++)
        fcntl(wake_pipe[i], F_SETFL, O_NONBLOCK), fcntl(wake_pipe[i], F_SETFD, FD_CLOEXEC);
    tty_fd = fd;
    struct sigaction sa = {.sa_handler = on_crash, .sa_flags = SA_RESETHAND};
    sigemptyset(&sa.sa_mask);
    for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++)
        sigaction(crash_signals[i], &sa, NULL);
    struct sigaction cont = {.sa_handler = on_continue, .sa_flags = SA_RESTART};
    sigemptyset(&cont.sa_mask);
    sigaction(SIGCONT, &cont, NULL);
    static bool registered;
    if (!registered)
        registered = atexit(put_back) == 0;
    if (set_cbreak() != 0) {
        terminal_close();
        return false;
    }
    return true;
}

void terminal_close(void)
{
    if (tty_fd < 0)
        return;
    put_back();
    struct sigaction dfl = {.sa_handler = SIG_DFL};
    sigemptyset(&dfl.sa_mask);
    for (size_t i = 0; i < sizeof crash_signals / sizeof crash_signals[0]; i++)
        sigaction(crash_signals[i], &dfl, NULL);
    sigaction(SIGCONT, &dfl, NULL);
    close(tty_fd);
    close(wake_pipe[0]);
    close(wake_pipe[1]);
    tty_fd = wake_pipe[0] = wake_pipe[1] = -1;
}

void terminal_wake(void)
{
    if (wake_pipe[1] >= 0 && write(wake_pipe[1], "", 1) < 0) {
        /* Full: a wake-up is already pending. */
    }
}

/* The key an escape sequence (after ESC) names, and its length; 0 if
 * it is not one we know (the ESC is then the Esc key). */
static size_t escape_sequence(const char *s, size_t n, key_kind *kind)
{
    static const struct {
        const char *seq;
        key_kind kind;
    } known[] = {
        {"[C", KEY_RIGHT},  {"[D", KEY_LEFT},      {"[A", KEY_UP},     {"[B", KEY_DOWN},
        {"OC", KEY_RIGHT},  {"OD", KEY_LEFT},      {"OA", KEY_UP},     {"OB", KEY_DOWN},
        {"[5~", KEY_PAGE_UP}, {"[6~", KEY_PAGE_DOWN}, {"[H", KEY_HOME}, {"OH", KEY_HOME},
        {"[1~", KEY_HOME},  {"[7~", KEY_HOME},     {"[F", KEY_END},    {"OF", KEY_END},
        {"[4~", KEY_END},   {"[8~", KEY_END},
    };
    for (size_t i = 0; i < sizeof known / sizeof known[0]; i++) {
        size_t len = strlen(known[i].seq);
        if (n >= len && memcmp(s, known[i].seq, len) == 0) {
            *kind = known[i].kind;
            return len;
        }
    }
    return 0;
}

int terminal_read_keys(key *keys, int max, int timeout_ms)
{
    if (tty_fd < 0)
        return -1;
    if (continued) { /* back from Ctrl-Z: the shell put cooked mode back */
        continued = 0;
        set_cbreak();
    }
    struct pollfd pfd[2] = {{.fd = tty_fd, .events = POLLIN},
                            {.fd = wake_pipe[0], .events = POLLIN}};
    int r = poll(pfd, 2, timeout_ms);
    if (r <= 0)
        return r < 0 && errno != EINTR ? -1 : 0;
    if (pfd[1].revents) {
        char drain[16];
        while (read(wake_pipe[0], drain, sizeof drain) > 0) {
        }
        return 0;
    }
    if (pfd[0].revents & (POLLHUP | POLLERR | POLLNVAL))
        return -1;
    char buf[64];
    ssize_t got = read(tty_fd, buf, sizeof buf);
    if (got <= 0)
        return got < 0 && (errno == EINTR || errno == EAGAIN) ? 0 : -1;
    int count = 0;
    for (size_t i = 0; i < (size_t)got && count < max;) {
        key k = {KEY_CHAR, buf[i]};
        size_t len = 1;
        if (buf[i] == '\033') {
            size_t seq = escape_sequence(buf + i + 1, (size_t)got - i - 1, &k.kind);
            if (seq)
                len += seq;
            else
                k.kind = KEY_ESCAPE;
        } else if ((unsigned char)buf[i] < 0x20 || (unsigned char)buf[i] >= 0x7f) {
            k.kind = KEY_NONE; /* other control keys and non-ASCII: ignored */
        }
        if (k.kind != KEY_NONE)
            keys[count++] = k;
        i += len;
    }
    return count;
}
