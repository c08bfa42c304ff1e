/* terminal: the keys of the person at the terminal, read from /dev/tty
 * (the article may come on standard input), in cbreak mode: no echo, a
 * key at a time, Ctrl-C and Ctrl-Z still signals. The terminal's settings
 * are put back on every way out: terminal_close, exit(), a crash signal
 * (SIGSEGV, SIGBUS, SIGFPE, SIGILL, SIGABRT, SIGQUIT), and after a Ctrl-Z
 * and fg cbreak mode is set again. SIGINT, SIGTERM and SIGHUP are left to
 * the program, which stops and calls terminal_close. One terminal per
 * process. */
#ifndef NARR_CLI_TERMINAL_H
#define NARR_CLI_TERMINAL_H

#include <stdbool.h>

typedef enum {
    KEY_NONE = 0,
    KEY_CHAR,      /* a printable ASCII character, in c */
    KEY_RIGHT, KEY_LEFT, KEY_UP, KEY_DOWN,
    KEY_PAGE_UP, KEY_PAGE_DOWN, KEY_HOME, KEY_END,
    KEY_ESCAPE,
} key_kind;

typedef struct {
    key_kind kind;
    char c; /* KEY_CHAR */
} key;

/* Opens /dev/tty in cbreak mode when this process owns it (a terminal
 * exists and we are in its foreground). False, and nothing changed,
 * otherwise (cron, a pipe, a background job). */
bool terminal_open(void);

/* Waits up to timeout_ms for keys; fills keys[0..max) and returns how
 * many (0 on timeout; -1 when the terminal is gone). */
int terminal_read_keys(key *keys, int max, int timeout_ms);

/* Makes a terminal_read_keys waiting in another thread return now. */
void terminal_wake(void);

/* Puts the terminal's settings back and closes it. No-op if not open. */
void terminal_close(void);

#endif
