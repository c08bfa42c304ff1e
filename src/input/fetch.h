/* fetch: an http:// or https:// address into memory, with libcurl (the
 * only code that includes it). In: the address and limits. Out: the body
 * (NUL-terminated), the final address after redirects, the MIME type and
 * the charset of the Content-Type header, the HTTP status. Only http and
 * https are spoken, also after a redirect; proxies come from the usual
 * environment variables (http_proxy, https_proxy, no_proxy). A body over
 * the size limit stops the transfer as soon as it is known to be too big.
 * Failures give a one-line message that starts with the address, e.g.
 *   "https://exemple.fr/a: HTTP 404 (not found)". */
#ifndef NARR_FETCH_H
#define NARR_FETCH_H

#include "narrateur.h"

#include <signal.h>
#include <stdbool.h>
#include <stddef.h>

#define NARR_FETCH_MAX_BYTES ((size_t)40 * 1024 * 1024) /* as for saved pages */

typedef struct {
    long connect_timeout_ms; /* default 15000 */
    long timeout_ms;         /* whole transfer; default 60000 */
    long max_redirects;      /* default 10 */
    size_t max_bytes;        /* decoded body; default NARR_FETCH_MAX_BYTES */
    /* When set and it becomes non-zero (a signal handler), the transfer
     * stops soon with NARR_E_INTERRUPTED. NULL = never. */
    volatile sig_atomic_t *interrupted;
} narr_fetch_options;

/* The defaults above. */
void narr_fetch_options_default(narr_fetch_options *o);

typedef struct {
    char *data;        /* the body, NUL-terminated (may hold NULs itself) */
    size_t len;
    char *final_url;   /* after redirects: the page's source for feeds */
    char *mime_type;   /* lower case, e.g. "text/html"; "" when not sent */
    char *charset;     /* lower case, from Content-Type; NULL when absent */
    long http_status;  /* e.g. 200 */
} narr_fetch_result;

/* True when arg starts with http:// or https:// (any case): an address to
 * fetch rather than a file name. */
bool narr_fetch_is_url(const char *arg);

/* Fetches url into *out (zeroed first; release with narr_fetch_result_free,
 * also after a failure). o NULL = defaults. Returns NARR_OK, or with msg
 * set to one line starting with "URL: ":
 *   NARR_E_ARG     not an http(s) address
 *   NARR_E_IO      no such host, connection refused, timed out, TLS
 *                  failure, too many redirects, a redirect to another
 *                  protocol, HTTP 4xx/5xx (with the code), too large
 *   NARR_E_BINARY  not a web page or feed (e.g. application/pdf, image/png)
 *   NARR_E_INTERRUPTED, NARR_E_NOMEM
 * Accepted types: every text/ type, and the XML/XHTML/RSS/Atom/RDF application types;
 * a response without a Content-Type is accepted (the content decides). */
narr_status narr_fetch(const char *url, const narr_fetch_options *o, narr_fetch_result *out,
                       char *msg, size_t msg_size);

/* Frees what narr_fetch allocated; safe on a zeroed struct. */
void narr_fetch_result_free(narr_fetch_result *r);

#endif
