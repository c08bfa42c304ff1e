/* feed: RSS 2.0, Atom 1.0 and RSS 1.0 (RDF) documents to articles, with
 * libxml2. In: the document's bytes and its address (for relative links).
 * Out: the feed's title and link, and its items in feed order, each with
 * its title, absolute link, GUID, date and content as HTML. Hostile XML
 * is safe: no network, no external entities (XXE), entities never
 * expanded by us, libxml2's depth and size limits; every field bounded. */
#ifndef NARR_FEED_H
#define NARR_FEED_H

#include "narrateur.h"
#include "input/feed_date.h"

#include <stdbool.h>
#include <stddef.h>

typedef enum {
    NARR_FEED_NONE = 0, /* not a feed (e.g. an HTML page) */
    NARR_FEED_RSS2,     /* <rss>, also 0.91/0.92 */
    NARR_FEED_ATOM,     /* <feed xmlns="http://www.w3.org/2005/Atom"> */
    NARR_FEED_RDF,      /* RSS 1.0: <rdf:RDF> with purl.org/rss/1.0 items */
} narr_feed_kind;

#define NARR_FEED_MAX_ITEMS 10000   /* items past this are ignored */
#define NARR_FEED_MAX_TITLE 1000    /* bytes; longer titles are cut at a character */
#define NARR_FEED_MAX_LINK 4096     /* bytes; a longer link or GUID is dropped */

typedef struct {
    char *title;   /* plain text, spaces collapsed; "" when none */
    char *link;    /* absolute (resolved against xml:base and the feed's
                    * address); "" when none */
    char *guid;    /* RSS guid, Atom id, RDF rdf:about; "" when none */
    bool has_date; /* RSS pubDate or dc:date; Atom published, else updated */
    narr_date date;
    char *html;    /* content:encoded, Atom content, else description or
                    * summary, as HTML (Atom text is escaped); "" when none */
    bool summary_only; /* html is a description/summary, not full content */
} narr_feed_item;

typedef struct {
    narr_feed_kind kind;
    char *title; /* "" when none */
    char *link;  /* the site's address, absolute; "" when none */
    narr_feed_item *items;
    size_t n_items;
} narr_feed;

typedef struct {
    size_t max_items; /* 0 = all; counted after the date filter */
    bool has_since;   /* keep only items dated at or after since */
    time_t since;     /* (items without a date are kept) */
} narr_feed_filter;

/* What data[0..len) is, from its root element alone (cheap). */
narr_feed_kind narr_feed_detect(const char *data, size_t len);

/* Parses a feed. url: its address (or file name) as base for relative
 * links, NULL if none. filter NULL = all items. Returns NARR_OK with *out
 * (free with narr_feed_free), NARR_E_DATA when it is not a feed or not
 * XML ("NAME: not an RSS or Atom feed"), NARR_E_ARG when len exceeds
 * 40 MB, NARR_E_NOMEM; msg (may be NULL) says what, naming url. */
narr_status narr_feed_parse(const char *data, size_t len, const char *url,
                            const narr_feed_filter *filter, narr_feed **out, char *msg,
                            size_t msg_size);

void narr_feed_free(narr_feed *f);

#endif
