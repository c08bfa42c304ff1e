/* fetch against a real local web server (tests/tools/httpd.py): pages and
 * their charsets, redirects (chain, loop, to file:), HTTP errors, time
 * out, size limit (with and without Content-Length, and a gzip body that
 * inflates past it), compression, refused types, the user agent, and
 * hosts that do not exist or refuse; feeds over HTTP, and the pages an
 * Atom feed of summaries points at (what --fetch-links reads). */
#include "../check.h"
#include "input/feed.h"
#include "input/fetch.h"
#include "test_httpd.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>

/* Fetches path (on the test server) with o, expecting success. */
static narr_fetch_result ok(const char *path, const narr_fetch_options *o)
{
    narr_fetch_result r;
    char msg[512];
    narr_status st = narr_fetch(httpd_url(path), o, &r, msg, sizeof msg);
    CHECK_INT_EQ(st, NARR_OK);
    if (st != NARR_OK)
        fprintf(stderr, "%s: %s\n", path, msg);
    return r;
}

/* Fetching url with o must fail with want_st and exactly want_msg, and
 * leave nothing allocated. */
static void fails(const char *url, const narr_fetch_options *o, narr_status want_st,
                  const char *want_msg)
{
    narr_fetch_result r;
    char msg[512];
    CHECK_INT_EQ(narr_fetch(url, o, &r, msg, sizeof msg), want_st);
    CHECK_STR_EQ(msg, want_msg);
    CHECK(r.data == NULL && r.final_url == NULL);
    narr_fetch_result_free(&r);
}

static char want[512];
#define WANT(...) (snprintf(want, sizeof want, __VA_ARGS__), want)

static void pages_case(void)
{
    narr_fetch_result r = ok("/page-fr.html", NULL);
    CHECK(r.data && strstr(r.data, "baissé de 0,3 %") != NULL);
    CHECK_INT_EQ(r.len, strlen(r.data));
    CHECK_STR_EQ(r.final_url, httpd_url("/page-fr.html"));
    CHECK_STR_EQ(r.mime_type, "text/html");
    CHECK_STR_EQ(r.charset ? r.charset : "(none)", "utf-8");
    CHECK_INT_EQ(r.http_status, 200);
    narr_fetch_result_free(&r);

    /* The charset only in the header: the body is Latin-1 bytes. */
    r = ok("/latin1.html", NULL);
    CHECK_STR_EQ(r.charset ? r.charset : "(none)", "iso-8859-1");
    CHECK(r.data && strstr(r.data, "L'\xe9t\xe9 \xe0 No\xebl") != NULL);
    narr_fetch_result_free(&r);

    r = ok("/user-agent", NULL);
    CHECK_STR_EQ(r.data ? r.data : "", "narrateur/" NARR_VERSION);
    CHECK_STR_EQ(r.mime_type, "text/plain");
    CHECK(r.charset == NULL);
    narr_fetch_result_free(&r);

    /* Compressed on the wire (the server sends "not compressed" to a
     * client that did not ask for gzip), plain in memory. */
    r = ok("/gzip.html", NULL);
    CHECK(r.data && strstr(r.data, "« C’est une bonne nouvelle »") != NULL);
    narr_fetch_result_free(&r);
}

static void redirects_case(void)
{
    narr_fetch_result r = ok("/redirect/3", NULL);
    CHECK_STR_EQ(r.final_url, httpd_url("/page-fr.html"));
    CHECK(r.data && strstr(r.data, "Le chômage baisse") != NULL);
    narr_fetch_result_free(&r);
    r = ok("/redirect/10", NULL); /* the most allowed */
    CHECK_STR_EQ(r.final_url, httpd_url("/page-fr.html"));
    narr_fetch_result_free(&r);

    const char *u = httpd_url("/redirect/11");
    fails(u, NULL, NARR_E_IO, WANT("%s: more than 10 redirects", u));
    u = httpd_url("/loop/a");
    fails(u, NULL, NARR_E_IO, WANT("%s: more than 10 redirects", u));
    narr_fetch_options o;
    narr_fetch_options_default(&o);
    o.max_redirects = 2;
    u = httpd_url("/redirect/3");
    fails(u, &o, NARR_E_IO, WANT("%s: more than 2 redirects", u));
    /* A web page must not make us read a local file. */
    u = httpd_url("/to-file");
    fails(u, NULL, NARR_E_IO,
          WANT("%s: redirected to an address that is not http or https", u));
}

/* path on the test server → status and message after "URL: ". */
static const struct {
    const char *path;
    narr_status status;
    const char *msg;
} refusals[] = {
    {"/status/404", NARR_E_IO, "HTTP 404 (not found)"},
    {"/status/410", NARR_E_IO, "HTTP 410 (gone)"},
    {"/status/500", NARR_E_IO, "HTTP 500 (server error)"},
    {"/status/503", NARR_E_IO, "HTTP 503 (service unavailable)"},
    {"/status/418", NARR_E_IO, "HTTP 418 (client error)"},
    {"/doc.pdf", NARR_E_BINARY, "not a web page or feed (application/pdf)"},
    {"/empty.png", NARR_E_BINARY, "not a web page or feed (image/png)"},
};

static void errors_case(void)
{
    for (size_t i = 0; i < sizeof refusals / sizeof refusals[0]; i++) {
        const char *u = httpd_url(refusals[i].path);
        fails(u, NULL, refusals[i].status, WANT("%s: %s", u, refusals[i].msg));
    }
    fails("ftp://127.0.0.1/x", NULL, NARR_E_ARG,
          "ftp://127.0.0.1/x: only http:// and https:// addresses can be fetched");
    fails("file:///etc/passwd", NULL, NARR_E_ARG,
          "file:///etc/passwd: only http:// and https:// addresses can be fetched");
    CHECK(narr_fetch_is_url("HTTPS://exemple.fr") && !narr_fetch_is_url("exemple.html"));
}

static void limits_case(void)
{
    narr_fetch_options o;
    narr_fetch_options_default(&o);
    CHECK_INT_EQ(o.connect_timeout_ms, 15000);
    CHECK_INT_EQ(o.timeout_ms, 60000);
    CHECK_INT_EQ(o.max_redirects, 10);
    CHECK_INT_EQ(o.max_bytes, 40 * 1024 * 1024);
    /* 50 MB against the 40 MB limit: announced, unannounced, inflating. */
    const char *paths[] = {"/huge", "/huge-chunked", "/gzip-bomb"};
    for (size_t i = 0; i < 3; i++) {
        const char *u = httpd_url(paths[i]);
        fails(u, NULL, NARR_E_IO, WANT("%s: too large (over 40 MB)", u));
    }
    o.timeout_ms = 300;
    const char *u = httpd_url("/slow");
    fails(u, &o, NARR_E_IO, WANT("%s: timed out after 0.3 s", u));

    volatile sig_atomic_t stop = 1;
    narr_fetch_options_default(&o);
    o.interrupted = &stop;
    fails(u, &o, NARR_E_INTERRUPTED, WANT("%s: interrupted", u));
}

/* A port where nothing listens: bound, then closed. */
static int closed_port(void)
{
    int s = socket(AF_INET, SOCK_STREAM, 0);
    struct sockaddr_in a = {.sin_family = AF_INET, .sin_addr.s_addr = htonl(INADDR_LOOPBACK)};
    socklen_t n = sizeof a;
    CHECK(bind(s, (struct sockaddr *)&a, sizeof a) == 0);
    CHECK(getsockname(s, (struct sockaddr *)&a, &n) == 0);
    close(s);
    return ntohs(a.sin_port);
}

static void hosts_case(void)
{
    char u[64];
    snprintf(u, sizeof u, "http://127.0.0.1:%d/", closed_port());
    fails(u, NULL, NARR_E_IO, WANT("%s: connection refused (127.0.0.1)", u));
    /* TLS spoken to a plain HTTP server: the handshake fails. The detail
     * in brackets is OpenSSL's own wording. */
    snprintf(u, sizeof u, "https://127.0.0.1:%d/page-fr.html", httpd_port);
    narr_fetch_result r;
    char msg[512];
    CHECK_INT_EQ(narr_fetch(u, NULL, &r, msg, sizeof msg), NARR_E_IO);
    WANT("%s: TLS failure (", u);
    CHECK(strncmp(msg, want, strlen(want)) == 0 && msg[strlen(msg) - 1] == ')');
    if (strncmp(msg, want, strlen(want)) != 0)
        fprintf(stderr, "got \"%s\"\n", msg);
    narr_fetch_result_free(&r);
    /* .invalid never resolves (RFC 2606). */
    fails("http://pas-de-tel-hote.invalid/a", NULL, NARR_E_IO,
          "http://pas-de-tel-hote.invalid/a: no such host (pas-de-tel-hote.invalid)");
}

static void feeds_case(void)
{
    narr_fetch_result r = ok("/feed.rss", NULL);
    CHECK_STR_EQ(r.mime_type, "application/rss+xml");
    narr_feed *f = NULL;
    CHECK(narr_feed_parse(r.data, r.len, r.final_url, NULL, &f, NULL, 0) == NARR_OK);
    if (f && f->n_items == 2) {
        CHECK_STR_EQ(f->items[0].link, httpd_url("/articles/1.html"));
        CHECK_STR_EQ(f->items[0].html, "<p>Le texte <b>complet</b> du premier article.</p>");
        CHECK_STR_EQ(f->items[1].guid, "journal-2");
    }
    CHECK(f && f->n_items == 2);
    narr_feed_free(f);
    narr_fetch_result_free(&r);

    r = ok("/feed.atom", NULL);
    CHECK_INT_EQ(narr_feed_detect(r.data, r.len), NARR_FEED_ATOM);
    f = NULL;
    CHECK(narr_feed_parse(r.data, r.len, r.final_url, NULL, &f, NULL, 0) == NARR_OK);
    const char *want_titles[] = {"<h1>Une page</h1>", "<h1>Une autre page</h1>"};
    for (size_t i = 0; f && i < f->n_items && i < 2; i++) {
        CHECK(f->items[i].summary_only);
        narr_fetch_result page;
        char msg[512];
        CHECK(narr_fetch(f->items[i].link, NULL, &page, msg, sizeof msg) == NARR_OK);
        CHECK(page.data && strstr(page.data, want_titles[i]) != NULL);
        narr_fetch_result_free(&page);
    }
    CHECK(f && f->n_items == 2);
    narr_feed_free(f);
    narr_fetch_result_free(&r);
}

int main(void)
{
    /* Straight to 127.0.0.1, whatever the machine's proxy settings. */
    const char *proxies[] = {"http_proxy", "https_proxy", "HTTPS_PROXY", "all_proxy", "ALL_PROXY"};
    for (size_t i = 0; i < sizeof proxies / sizeof proxies[0]; i++)
        unsetenv(proxies[i]);
    if (!httpd_start())
        return 1;
    pages_case();
    redirects_case();
    errors_case();
    limits_case();
    hosts_case();
    feeds_case();
    httpd_stop();
    return CHECK_DONE();
}
