/* feeds: RSS 2.0, Atom 1.0 and RSS 1.0 read into items in feed order
 * (title, absolute link, GUID, date, HTML), the filters, the dates, what
 * is not a feed, and hostile XML (XXE, billion laughs, deep nesting,
 * huge fields) read safely. */
#include "../check.h"
#include "input/feed.h"

#include <stdlib.h>

static narr_feed *parse(const char *xml, const char *url, const narr_feed_filter *filter)
{
    narr_feed *f = NULL;
    char msg[256] = "";
    narr_status st = narr_feed_parse(xml, strlen(xml), url, filter, &f, msg, sizeof msg);
    CHECK_INT_EQ(st, NARR_OK);
    if (st != NARR_OK)
        fprintf(stderr, "%s\n", msg);
    return f;
}

static const char rss[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss version=\"2.0\" xmlns:content=\"http://purl.org/rss/1.0/modules/content/\"\n"
    "     xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
    "<channel><title>Le  Journal\n du soir</title><link>/</link>\n"
    "<item><title>Premier</title><link>articles/1.html</link>\n"
    "  <guid isPermaLink=\"false\">j-1</guid>\n"
    "  <pubDate>Mon, 07 Dec 2026 00:30:00 +0100</pubDate>\n"
    "  <description>Court.</description>\n"
    "  <content:encoded><![CDATA[<p>Le texte <b>complet</b>.</p>]]></content:encoded></item>\n"
    "<item><title>Deuxième &amp; dernier</title>\n"
    "  <guid>https://exemple.fr/deux</guid>\n"
    "  <dc:date>2026-12-06T18:00:00Z</dc:date>\n"
    "  <description>&lt;p&gt;Résumé &amp;amp; suite&lt;/p&gt;</description></item>\n"
    "<item><title>Sans date</title><link>https://ailleurs.fr/x</link>"
    "<pubDate>hier</pubDate></item>\n"
    "</channel></rss>\n";

static void rss_case(void)
{
    CHECK_INT_EQ(narr_feed_detect(rss, strlen(rss)), NARR_FEED_RSS2);
    narr_feed *f = parse(rss, "https://exemple.fr/blog/feed.xml", NULL);
    if (!f)
        return;
    CHECK_INT_EQ(f->kind, NARR_FEED_RSS2);
    CHECK_STR_EQ(f->title, "Le Journal du soir");
    CHECK_STR_EQ(f->link, "https://exemple.fr/");
    CHECK_INT_EQ(f->n_items, 3);
    narr_feed_item *a = &f->items[0], *b = &f->items[1], *c = &f->items[2];
    CHECK_STR_EQ(a->title, "Premier");
    CHECK_STR_EQ(a->link, "https://exemple.fr/blog/articles/1.html");
    CHECK_STR_EQ(a->guid, "j-1");
    CHECK(a->has_date);
    CHECK_STR_EQ(a->date.day, "2026-12-07"); /* the writer's day, not UTC's */
    CHECK_INT_EQ(a->date.when, 1796599800);  /* 2026-12-06 23:30 UTC */
    CHECK_STR_EQ(a->html, "<p>Le texte <b>complet</b>.</p>");
    CHECK(!a->summary_only);
    CHECK_STR_EQ(b->title, "Deuxième & dernier");
    CHECK_STR_EQ(b->link, "https://exemple.fr/deux"); /* from the permalink GUID */
    CHECK_STR_EQ(b->date.day, "2026-12-06");
    CHECK_STR_EQ(b->html, "<p>Résumé &amp; suite</p>");
    CHECK(b->summary_only);
    CHECK_STR_EQ(c->link, "https://ailleurs.fr/x");
    CHECK(!c->has_date);
    CHECK_STR_EQ(c->guid, "");
    CHECK_STR_EQ(c->html, "");
    narr_feed_free(f);
}

static const char atom[] =
    "<?xml version=\"1.0\"?>\n"
    "<feed xmlns=\"http://www.w3.org/2005/Atom\" xml:base=\"https://blog.fr/\">\n"
    "<title>Le Blog</title><link rel=\"self\" href=\"feed.atom\"/><link href=\"/\"/>\n"
    "<entry xml:base=\"/2026/\"><title type=\"text\">Une page</title>\n"
    "  <link rel=\"edit\" href=\"/edit/1\"/><link rel=\"alternate\" href=\"page.html\"/>\n"
    "  <id>urn:blog:1</id><updated>2026-12-07T10:00:00+01:00</updated>\n"
    "  <published>2026-12-05T08:00:00Z</published>\n"
    "  <summary>1 &lt; 2 &amp; c'est tout.\n\nFin.</summary></entry>\n"
    "<entry><title>Deux</title><link href=\"deux.html\"/><id>urn:blog:2</id>\n"
    "  <updated>2026-12-04T23:30:00-02:00</updated>\n"
    "  <summary>Résumé.</summary>\n"
    "  <content type=\"xhtml\"><div xmlns=\"http://www.w3.org/1999/xhtml\">"
    "<p>Tout <em>le</em> texte.</p></div></content></entry>\n"
    "<entry><title>Trois</title><id>urn:blog:3</id>"
    "<content type=\"html\">&lt;p&gt;Un&lt;/p&gt;</content></entry>\n"
    "</feed>\n";

static void atom_case(void)
{
    CHECK_INT_EQ(narr_feed_detect(atom, strlen(atom)), NARR_FEED_ATOM);
    narr_feed *f = parse(atom, "https://blog.fr/feed.atom", NULL);
    if (!f)
        return;
    CHECK_STR_EQ(f->title, "Le Blog");
    CHECK_STR_EQ(f->link, "https://blog.fr/");
    CHECK_INT_EQ(f->n_items, 3);
    narr_feed_item *a = &f->items[0], *b = &f->items[1], *c = &f->items[2];
    CHECK_STR_EQ(a->link, "https://blog.fr/2026/page.html"); /* entry's xml:base */
    CHECK_STR_EQ(a->guid, "urn:blog:1");
    CHECK_STR_EQ(a->date.day, "2026-12-05"); /* published before updated */
    CHECK_STR_EQ(a->html, "<p>1 &lt; 2 &amp; c'est tout.</p>\n<p>Fin.</p>");
    CHECK(a->summary_only);
    CHECK_STR_EQ(b->link, "https://blog.fr/deux.html");
    CHECK_STR_EQ(b->date.day, "2026-12-04");
    CHECK_INT_EQ(b->date.when, 1796434200); /* 2026-12-05 01:30 UTC */
    CHECK_STR_EQ(b->html, "<p>Tout <em>le</em> texte.</p>");
    CHECK(!b->summary_only);
    CHECK_STR_EQ(c->html, "<p>Un</p>");
    CHECK_STR_EQ(c->link, "");
    narr_feed_free(f);
}

static const char rdf[] =
    "<?xml version=\"1.0\"?>\n"
    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"\n"
    "  xmlns=\"http://purl.org/rss/1.0/\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
    "<channel rdf:about=\"https://r.fr/\"><title>RDF</title><link>https://r.fr/</link>"
    "</channel>\n"
    "<item rdf:about=\"https://r.fr/1\"><title>Un</title><link>https://r.fr/1</link>\n"
    "  <description>Le premier.</description><dc:date>2026-12-01</dc:date></item>\n"
    "<item rdf:about=\"https://r.fr/2\"><title>Deux</title><link>https://r.fr/2</link></item>\n"
    "</rdf:RDF>\n";

static void rdf_case(void)
{
    CHECK_INT_EQ(narr_feed_detect(rdf, strlen(rdf)), NARR_FEED_RDF);
    narr_feed *f = parse(rdf, NULL, NULL);
    if (!f)
        return;
    CHECK_STR_EQ(f->title, "RDF");
    CHECK_INT_EQ(f->n_items, 2);
    CHECK_STR_EQ(f->items[0].guid, "https://r.fr/1");
    CHECK_STR_EQ(f->items[0].html, "Le premier.");
    CHECK_STR_EQ(f->items[0].date.day, "2026-12-01");
    CHECK_STR_EQ(f->items[1].title, "Deux");
    narr_feed_free(f);
}

static void filter_case(void)
{
    narr_feed_filter only = {.max_items = 2};
    narr_feed *f = parse(rss, "https://exemple.fr/feed.xml", &only);
    CHECK(f && f->n_items == 2 && strcmp(f->items[1].title, "Deuxième & dernier") == 0);
    narr_feed_free(f);
    /* Since the 7th: the 6th goes, the undated one stays. */
    narr_date since;
    CHECK(narr_date_parse("2026-12-07", &since));
    narr_feed_filter recent = {.has_since = true, .since = since.when};
    f = parse(atom, "https://blog.fr/feed.atom", &recent);
    CHECK(f && f->n_items == 1 && strcmp(f->items[0].title, "Trois") == 0);
    narr_feed_free(f);
    CHECK(narr_date_parse("2026-12-06T00:00:00Z", &since));
    recent.since = since.when;
    recent.max_items = 1;
    f = parse(rss, NULL, &recent);
    CHECK(f && f->n_items == 1 && strcmp(f->items[0].title, "Premier") == 0);
    narr_feed_free(f);
}

static void not_feed_case(void)
{
    const char *docs[] = {
        "<!DOCTYPE html><html><head><title>Page</title></head><body><p>x</p></body></html>",
        "<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"><body/></html>",
        "<feed><title>Atom without its namespace</title></feed>",
        "Juste du texte.",
        "",
        "\x89PNG\r\n\x1a\n\0\0",
    };
    for (size_t i = 0; i < sizeof docs / sizeof docs[0]; i++) {
        CHECK_INT_EQ(narr_feed_detect(docs[i], strlen(docs[i])), NARR_FEED_NONE);
        narr_feed *f = (narr_feed *)1;
        char msg[256];
        CHECK_INT_EQ(narr_feed_parse(docs[i], strlen(docs[i]), "page.html", NULL, &f, msg,
                                     sizeof msg),
                     NARR_E_DATA);
        CHECK_STR_EQ(msg, "page.html: not an RSS or Atom feed");
        CHECK(f == NULL);
    }
}

static void hostile_case(void)
{
    /* XXE: an external entity must never be read. */
    const char *xxe = "<?xml version=\"1.0\"?>\n"
                      "<!DOCTYPE rss [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>\n"
                      "<rss><channel><title>A&x;B</title><item><title>&x;</title>"
                      "<description>&x;</description></item></channel></rss>";
    narr_feed *f = parse(xxe, NULL, NULL);
    CHECK(f && f->n_items == 1);
    if (f) {
        CHECK_STR_EQ(f->title, "AB");
        CHECK(strstr(f->items[0].html, "root") == NULL);
    }
    narr_feed_free(f);
    /* Billion laughs: 10^9 "lol" if expanded. */
    char bomb[2048] = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [<!ENTITY l0 \"lol\">";
    for (int i = 1; i < 10; i++) {
        char line[160];
        snprintf(line, sizeof line,
                 "<!ENTITY l%d \"&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;&l%d;\">", i,
                 i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1, i - 1);
        strcat(bomb, line);
    }
    strcat(bomb, "]><rss><channel><item><title>&l9;</title><description>&l9;</description>"
                 "</item></channel></rss>");
    f = NULL;
    char msg[256];
    narr_status st = narr_feed_parse(bomb, strlen(bomb), NULL, NULL, &f, msg, sizeof msg);
    CHECK(st == NARR_E_DATA || (st == NARR_OK && f->n_items <= 1));
    if (f && f->n_items == 1)
        CHECK(strlen(f->items[0].html) < 1000);
    narr_feed_free(f);
    /* 100 000 nested elements: libxml2's depth limit, no stack overflow. */
    size_t depth = 100000, n = 0;
    char *deep = malloc(depth * 7 + 64);
    n += (size_t)sprintf(deep, "<rss><channel><item><description>");
    for (size_t i = 0; i < depth; i++)
        n += (size_t)sprintf(deep + n, "<a>");
    f = NULL;
    st = narr_feed_parse(deep, n, NULL, NULL, &f, msg, sizeof msg);
    CHECK(st == NARR_OK || st == NARR_E_DATA);
    narr_feed_free(f);
    free(deep);
    /* A 100 KB title is cut to 1000 bytes at a character boundary. */
    size_t big = 100000;
    char *huge = malloc(big * 2 + 6000);
    n = (size_t)sprintf(huge, "<rss><channel><item><title>x");
    for (size_t i = 0; i < big; i++)
        n += (size_t)sprintf(huge + n, "é");
    n += (size_t)sprintf(huge + n, "</title><link>/");
    memset(huge + n, 'a', 5000);
    n += 5000;
    n += (size_t)sprintf(huge + n, "</link></item></channel></rss>");
    f = parse(huge, "http://h.fr/", NULL);
    if (f && f->n_items == 1) {
        CHECK_INT_EQ(strlen(f->items[0].title), 999); /* "x" + 499 "é" */
        CHECK_STR_EQ(f->items[0].link, "");            /* over 4096 bytes: dropped */
    }
    narr_feed_free(f);
    free(huge);
}

static void date_case(void)
{
    static const struct {
        const char *text, *day;
        long long when;
    } ok[] = {
        {"Mon, 07 Dec 2026 09:30:00 +0100", "2026-12-07", 1796632200},
        {"7 Dec 2026 08:30 GMT", "2026-12-07", 1796632200},
        {"Monday, 07 December 2026 03:30:00 EST", "2026-12-07", 1796632200},
        {"Mon, 07 Dec 26 08:30:00 Z", "2026-12-07", 1796632200},
        {"  2026-12-07T08:30:00Z ", "2026-12-07", 1796632200},
        {"2026-12-07T09:30:00.250+01:00", "2026-12-07", 1796632200},
        {"2026-12-07 08:30", "2026-12-07", 1796632200},
        {"2026-12-07", "2026-12-07", 1796601600},
        {"2024-02-29", "2024-02-29", 1709164800},
    };
    for (size_t i = 0; i < sizeof ok / sizeof ok[0]; i++) {
        narr_date d = {0};
        bool parsed = narr_date_parse(ok[i].text, &d);
        CHECK(parsed);
        if (!parsed)
            fprintf(stderr, "  not parsed: \"%s\"\n", ok[i].text);
        CHECK_STR_EQ(d.day, ok[i].day);
        CHECK_INT_EQ(d.when, ok[i].when);
    }
    const char *bad[] = {"", "hier", "2026-13-01", "2026-02-29", "2026-12-07T25:00:00Z",
                         "Mon, 32 Dec 2026 10:00:00 GMT", "07 Foo 2026", "2026-12-07Tfoo",
                         "2026-12-07T08:30:00+0100x", "Mon, 07 Dec 2026 08:30:00 XYZ"};
    for (size_t i = 0; i < sizeof bad / sizeof bad[0]; i++) {
        narr_date d = {.when = 42};
        CHECK(!narr_date_parse(bad[i], &d) && d.when == 42);
    }
    char text[32], day[11];
    narr_date_rfc822(1796632200, text);
    CHECK_STR_EQ(text, "Mon, 07 Dec 2026 08:30:00 GMT");
    narr_date_day(1796632200, day);
    CHECK_STR_EQ(day, "2026-12-07");
}

int main(void)
{
    rss_case();
    atom_case();
    rdf_case();
    filter_case();
    not_feed_case();
    hostile_case();
    date_case();
    return CHECK_DONE();
}
