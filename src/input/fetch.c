/* fetch: libcurl easy interface, one transfer at a time, into memory. */
#include "input/fetch.h"
#include "base/i18n.h"

#include <curl/curl.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

void narr_fetch_options_default(narr_fetch_options *o)
{
    *o = (narr_fetch_options){
        .connect_timeout_ms = 15000,
        .timeout_ms = 60000,
        .max_redirects = 10,
        .max_bytes = NARR_FETCH_MAX_BYTES,
    };
}

bool narr_fetch_is_url(const char *arg)
{
    return strncasecmp(arg, "http://", 7) == 0 || strncasecmp(arg, "https://", 8) == 0;
}

void narr_fetch_result_free(narr_fetch_result *r)
{
    free(r->data);
    free(r->final_url);
    free(r->mime_type);
    free(r->charset);
    *r = (narr_fetch_result){0};
}

/* What the write and progress callbacks share with narr_fetch. */
typedef struct {
    CURL *curl;
    const narr_fetch_options *o;
    char *data;
    size_t len, cap;
    bool too_large, nomem, refused_type, checked_type;
    char refused_mime[96];
} transfer;

/* The part of a Content-Type before ';', lower case, trimmed. */
static char *mime_of(const char *content_type)
{
    size_t start = strspn(content_type, " \t");
    size_t n = strcspn(content_type + start, ";");
    while (n > 0 && (content_type[start + n - 1] == ' ' || content_type[start + n - 1] == '\t'))
        n--;
    char *m = strndup(content_type + start, n);
    for (char *p = m; p && *p; p++)
        *p = (char)(*p >= 'A' && *p <= 'Z' ? *p + 32 : *p);
    return m;
}

/* The charset parameter of a Content-Type (quotes removed, lower case), or
 * NULL. E.g. 'text/html; Charset="ISO-8859-1"' → "iso-8859-1". */
static char *charset_of(const char *content_type)
{
    const char *p = strchr(content_type, ';');
    while (p) {
        p++;
        p += strspn(p, " \t");
        if (strncasecmp(p, "charset=", 8) == 0) {
            p += 8;
            bool quoted = *p == '"';
            p += quoted;
            size_t n = strcspn(p, quoted ? "\"" : "; \t");
            if (n == 0)
                return NULL;
            char *c = strndup(p, n);
            for (char *q = c; q && *q; q++)
                *q = (char)(*q >= 'A' && *q <= 'Z' ? *q + 32 : *q);
            return c;
        }
        p = strchr(p, ';');
    }
    return NULL;
}

/* Pages and feeds: any text, and the XML family (XHTML, RSS, Atom, RDF). */
static bool readable_type(const char *mime)
{
    if (mime[0] == '\0' || strncmp(mime, "text/", 5) == 0)
        return true;
    size_t n = strlen(mime);
    static const char *const ok[] = {"application/xml", "application/xhtml+xml",
                                     "application/rss+xml", "application/atom+xml",
                                     "application/rdf+xml"};
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++)
        if (strcmp(mime, ok[i]) == 0)
            return true;
    return n > 4 && strcmp(mime + n - 4, "+xml") == 0 && strncmp(mime, "application/", 12) == 0;
}

/* Refuses a PDF or an image on its headers, before its body is read. */
static bool type_refused(transfer *t)
{
    if (t->checked_type)
        return t->refused_type;
    t->checked_type = true;
    const char *ct = NULL;
    if (curl_easy_getinfo(t->curl, CURLINFO_CONTENT_TYPE, &ct) != CURLE_OK || !ct)
        return false;
    char *mime = mime_of(ct);
    if (!mime) {
        t->nomem = true;
        return true;
    }
    if (!readable_type(mime)) {
        t->refused_type = true;
        snprintf(t->refused_mime, sizeof t->refused_mime, "%s", mime);
    }
    free(mime);
    return t->refused_type;
}

static size_t on_body(char *ptr, size_t size, size_t nmemb, void *user)
{
    transfer *t = user;
    size_t n = size * nmemb;
    if (type_refused(t))
        return 0;
    /* The limit is on decoded bytes: a small gzip body can inflate hugely. */
    if (n > t->o->max_bytes - t->len) {
        t->too_large = true;
        return 0; /* stops the transfer (CURLE_WRITE_ERROR) */
    }
    if (t->len + n + 1 > t->cap) {
        size_t cap = t->cap ? t->cap : 64 * 1024;
        while (cap < t->len + n + 1)
            cap *= 2;
        char *d = realloc(t->data, cap);
        if (!d) {
            t->nomem = true;
            return 0;
        }
        t->data = d;
        t->cap = cap;
    }
    memcpy(t->data + t->len, ptr, n);
    t->len += n;
    t->data[t->len] = '\0';
    return n;
}

static int on_progress(void *user, curl_off_t dltotal, curl_off_t dlnow, curl_off_t ultotal,
                       curl_off_t ulnow)
{
    (void)dltotal, (void)dlnow, (void)ultotal, (void)ulnow;
    const transfer *t = user;
    return *t->o->interrupted ? 1 : 0;
}

static void say(char *msg, size_t size, const char *url, const char *fmt, ...)
{
    if (!msg || size == 0)
        return;
    /* TRANSLATORS: the address, then (after this) what went wrong. */
    int n = snprintf(msg, size, L_("%s: "), url);
    if (n < 0 || (size_t)n >= size)
        return;
    va_list ap;
    va_start(ap, fmt);
    vsnprintf(msg + n, size - (size_t)n, fmt, ap);
    va_end(ap);
}

static const char *http_reason(long code)
{
    switch (code) {
    case 400: return L_("bad request");
    case 401: return L_("authentication required");
    case 403: return L_("forbidden");
    case 404: return L_("not found");
    case 410: return L_("gone");
    case 429: return L_("too many requests");
    case 500: return L_("server error");
    case 502: return L_("bad gateway");
    case 503: return L_("service unavailable");
    case 504: return L_("gateway timeout");
    default: return code >= 500 ? L_("server error") : L_("client error");
    }
}

static bool tls_error(CURLcode c)
{
    switch (c) {
    case CURLE_SSL_CONNECT_ERROR:
    case CURLE_PEER_FAILED_VERIFICATION:
    case CURLE_SSL_CERTPROBLEM:
    case CURLE_SSL_CIPHER:
    case CURLE_SSL_CACERT_BADFILE:
    case CURLE_SSL_ISSUER_ERROR:
    case CURLE_SSL_CRL_BADFILE:
    case CURLE_SSL_PINNEDPUBKEYNOTMATCH:
    case CURLE_SSL_INVALIDCERTSTATUS:
    case CURLE_SSL_ENGINE_NOTFOUND:
    case CURLE_SSL_ENGINE_SETFAILED:
    case CURLE_SSL_ENGINE_INITFAILED:
    case CURLE_USE_SSL_FAILED:
        return true;
    default:
        return false;
    }
}

/* The message and status for a failed transfer. */
static narr_status failure(const transfer *t, CURLcode c, const char *errbuf, const char *url,
                           char *msg, size_t msg_size)
{
    const narr_fetch_options *o = t->o;
    if (t->nomem)
        return say(msg, msg_size, url, L_("out of memory")), NARR_E_NOMEM;
    if (t->refused_type) {
        say(msg, msg_size, url, L_("not a web page or feed (%s)"), t->refused_mime);
        return NARR_E_BINARY;
    }
    if (t->too_large || c == CURLE_FILESIZE_EXCEEDED) {
        say(msg, msg_size, url, L_("too large (over %zu MB)"), o->max_bytes / (1024 * 1024));
        return NARR_E_IO;
    }
    const char *host = NULL;
    CURLU *u = curl_url();
    char *h = NULL;
    if (u && curl_url_set(u, CURLUPART_URL, url, 0) == CURLUE_OK &&
        curl_url_get(u, CURLUPART_HOST, &h, 0) == CURLUE_OK)
        host = h;
    long code = 0;
    curl_off_t connected = 0;
    narr_status st = NARR_E_IO;
    switch (c) {
    case CURLE_COULDNT_RESOLVE_HOST:
        say(msg, msg_size, url, L_("no such host (%s)"), host ? host : "?");
        break;
    case CURLE_COULDNT_RESOLVE_PROXY:
        say(msg, msg_size, url, L_("no such proxy host (check the *_proxy variables)"));
        break;
    case CURLE_COULDNT_CONNECT:
        say(msg, msg_size, url, L_("connection refused (%s)"), host ? host : "?");
        break;
    case CURLE_OPERATION_TIMEDOUT:
        curl_easy_getinfo(t->curl, CURLINFO_CONNECT_TIME_T, &connected);
        say(msg, msg_size, url, L_("timed out after %g s%s"),
            (connected ? o->timeout_ms : o->connect_timeout_ms) / 1000.0,
            connected ? "" : L_(" trying to connect"));
        break;
    case CURLE_HTTP_RETURNED_ERROR:
        curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &code);
        say(msg, msg_size, url, L_("HTTP %ld (%s)"), code, http_reason(code));
        break;
    case CURLE_TOO_MANY_REDIRECTS:
        say(msg, msg_size, url, L_("more than %ld redirects"), o->max_redirects);
        break;
    case CURLE_UNSUPPORTED_PROTOCOL:
        say(msg, msg_size, url, L_("redirected to an address that is not http or https"));
        break;
    case CURLE_ABORTED_BY_CALLBACK:
        say(msg, msg_size, url, L_("interrupted"));
        st = NARR_E_INTERRUPTED;
        break;
    case CURLE_OUT_OF_MEMORY:
        say(msg, msg_size, url, L_("out of memory"));
        st = NARR_E_NOMEM;
        break;
    default:
        if (tls_error(c))
            say(msg, msg_size, url, L_("TLS failure (%s)"), errbuf[0] ? errbuf : curl_easy_strerror(c));
        else
            say(msg, msg_size, url, "%s", errbuf[0] ? errbuf : curl_easy_strerror(c));
        break;
    }
    curl_free(h);
    curl_url_cleanup(u);
    return st;
}

/* Copies what the caller gets from a finished transfer. */
static narr_status collect(transfer *t, narr_fetch_result *out)
{
    const char *eff = NULL, *ct = NULL;
    curl_easy_getinfo(t->curl, CURLINFO_EFFECTIVE_URL, &eff);
    curl_easy_getinfo(t->curl, CURLINFO_CONTENT_TYPE, &ct);
    curl_easy_getinfo(t->curl, CURLINFO_RESPONSE_CODE, &out->http_status);
    out->final_url = strdup(eff ? eff : "");
    out->mime_type = ct ? mime_of(ct) : strdup("");
    out->charset = ct ? charset_of(ct) : NULL; /* NULL too when out of memory: sniffed then */
    if (!t->data)
        t->data = calloc(1, 1);
    if (!out->final_url || !out->mime_type || !t->data)
        return NARR_E_NOMEM;
    out->data = t->data;
    out->len = t->len;
    t->data = NULL;
    return NARR_OK;
}

narr_status narr_fetch(const char *url, const narr_fetch_options *o, narr_fetch_result *out,
                       char *msg, size_t msg_size)
{
    *out = (narr_fetch_result){0};
    if (msg && msg_size)
        msg[0] = '\0';
    narr_fetch_options defaults;
    if (!o) {
        narr_fetch_options_default(&defaults);
        o = &defaults;
    }
    if (!narr_fetch_is_url(url)) {
        say(msg, msg_size, url, L_("only http:// and https:// addresses can be fetched"));
        return NARR_E_ARG;
    }
    transfer t = {.o = o};
    t.curl = curl_easy_init();
    if (!t.curl)
        return say(msg, msg_size, url, L_("out of memory")), NARR_E_NOMEM;
    char errbuf[CURL_ERROR_SIZE] = "";
    CURL *c = t.curl;
    struct curl_slist *headers = curl_slist_append(
        NULL, "Accept: text/html,application/xhtml+xml,application/rss+xml,"
              "application/atom+xml,application/xml;q=0.9,text/*;q=0.8");
    struct curl_slist *more = headers ? curl_slist_append(headers, "Accept-Language: fr, *;q=0.5")
                                      : NULL;
    if (!more) {
        curl_slist_free_all(headers);
        curl_easy_cleanup(c);
        return say(msg, msg_size, url, L_("out of memory")), NARR_E_NOMEM;
    }
    headers = more;
    curl_easy_setopt(c, CURLOPT_URL, url);
    curl_easy_setopt(c, CURLOPT_ERRORBUFFER, errbuf);
    curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L); /* no SIGALRM in a threaded program */
    /* http and https only, even where a redirect points (file:, ftp:, ...). */
    curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_REDIR_PROTOCOLS_STR, "http,https");
    curl_easy_setopt(c, CURLOPT_FOLLOWLOCATION, 1L);
    curl_easy_setopt(c, CURLOPT_MAXREDIRS, o->max_redirects);
    curl_easy_setopt(c, CURLOPT_AUTOREFERER, 1L);
    curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT_MS, o->connect_timeout_ms);
    curl_easy_setopt(c, CURLOPT_TIMEOUT_MS, o->timeout_ms);
    /* Refused at once when Content-Length says so; on_body counts the rest. */
    curl_easy_setopt(c, CURLOPT_MAXFILESIZE_LARGE, (curl_off_t)o->max_bytes);
    curl_easy_setopt(c, CURLOPT_ACCEPT_ENCODING, ""); /* every decoder curl has */
    curl_easy_setopt(c, CURLOPT_USERAGENT, "narrateur/" NARR_VERSION);
    curl_easy_setopt(c, CURLOPT_HTTPHEADER, headers);
    curl_easy_setopt(c, CURLOPT_FAILONERROR, 1L); /* 4xx/5xx: an error, body not read */
    curl_easy_setopt(c, CURLOPT_WRITEFUNCTION, on_body);
    curl_easy_setopt(c, CURLOPT_WRITEDATA, &t);
    if (o->interrupted) {
        curl_easy_setopt(c, CURLOPT_XFERINFOFUNCTION, on_progress);
        curl_easy_setopt(c, CURLOPT_XFERINFODATA, &t);
        curl_easy_setopt(c, CURLOPT_NOPROGRESS, 0L);
    }
    CURLcode rc = curl_easy_perform(c);
    /* An empty body never reached on_body: check its type here. */
    if (rc == CURLE_OK && type_refused(&t))
        rc = CURLE_WRITE_ERROR;
    narr_status st = NARR_OK;
    if (rc != CURLE_OK)
        st = failure(&t, rc, errbuf, url, msg, msg_size);
    else if ((st = collect(&t, out)) != NARR_OK)
        say(msg, msg_size, url, L_("out of memory"));
    free(t.data);
    curl_slist_free_all(headers);
    curl_easy_cleanup(c);
    return st;
}
