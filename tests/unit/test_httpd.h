/* test_httpd: starts tests/tools/httpd.py (env PYTHON, HTTPD) on a free
 * port of 127.0.0.1 and stops it. The server reads its standard input
 * until end of file, so it also stops when the test dies. E.g.
 * httpd_start() then httpd_url("/page-fr.html") is
 * "http://127.0.0.1:PORT/page-fr.html"; httpd_stop() at the end. */
#ifndef NARR_TEST_HTTPD_H
#define NARR_TEST_HTTPD_H

#include <signal.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <sys/wait.h>
#include <unistd.h>

static pid_t httpd_pid = -1;
static int httpd_stdin = -1;
static int httpd_port;

static void httpd_stop(void)
{
    if (httpd_pid < 0)
        return;
    close(httpd_stdin); /* the server's end of file: it shuts down */
    int status;
    waitpid(httpd_pid, &status, 0);
    httpd_pid = -1;
}

/* False (with a message) when the server could not start. */
static bool httpd_start(void)
{
    const char *python = getenv("PYTHON"), *script = getenv("HTTPD");
    if (!python || !script) {
        fprintf(stderr, "PYTHON and HTTPD must name python3 and tests/tools/httpd.py\n");
        return false;
    }
    int in[2], out[2];
    if (pipe(in) != 0 || pipe(out) != 0) {
        perror("pipe");
        return false;
    }
    httpd_pid = fork();
    if (httpd_pid == 0) {
        dup2(in[0], 0);
        dup2(out[1], 1);
        close(in[0]), close(in[1]), close(out[0]), close(out[1]);
        execl(python, python, script, (char *)NULL);
        _exit(127);
    }
    close(in[0]);
    close(out[1]);
    httpd_stdin = in[1];
    signal(SIGPIPE, SIG_IGN);
    FILE *f = fdopen(out[0], "r");
    if (httpd_pid < 0 || !f || fscanf(f, "%d", &httpd_port) != 1) {
        fprintf(stderr, "the test web server did not start\n");
        if (f)
            fclose(f);
        httpd_stop();
        return false;
    }
    fclose(f);
    atexit(httpd_stop);
    return true;
}

/* "http://127.0.0.1:PORT" + path; the last 8 results stay valid. */
static const char *httpd_url(const char *path)
{
    static char urls[8][256];
    static int next;
    char *u = urls[next++ % 8];
    snprintf(u, sizeof urls[0], "http://127.0.0.1:%d%s", httpd_port, path);
    return u;
}

#endif
