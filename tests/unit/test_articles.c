/* The articles API of narrateur.h, as the program uses it: a feed file
 * becomes its items in feed order (key, title, link, day), the filters
 * apply, a bad --since is refused, the hash follows content and settings,
 * and an item is read as its title then its text. */
#include "../check.h"
#include "narrateur.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char rss[] =
    "<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><title>T</title>"
    "<item><title>Un &amp; deux</title><link>https://ex.fr/1</link><guid>g1</guid>"
    "<pubDate>Tue, 14 Jul 2026 10:00:00 +0200</pubDate>"
    "<description>&lt;p&gt;Premier texte.&lt;/p&gt;</description></item>"
    "<item><title>Sans guid</title><link>https://ex.fr/2</link>"
    "<description>Second texte.</description></item>"
    "</channel></rss>\n";

static char *write_temp(const char *text)
{
    static char path[] = "/tmp/test_articles_XXXXXX";
    int fd = mkstemp(path);
    if (fd < 0 || write(fd, text, strlen(text)) != (ssize_t)strlen(text))
        return NULL;
    close(fd);
    return path;
}

int main(void)
{
    narr_status st;
    char msg[1024], h1[17], h2[17], h3[17];
    narr_articles_options bad = {.since = "hier"};
    CHECK(narr_articles_new(&bad, &st, msg, sizeof msg) == NULL);
    CHECK_INT_EQ(st, NARR_E_ARG);
    CHECK_STR_EQ(msg, "--since takes a date such as 2026-12-07 or 2026-12-07T09:30:00+01:00, "
                      "not 'hier'");

    char *path = write_temp(rss);
    CHECK(path != NULL);
    narr_articles *a = narr_articles_new(NULL, &st, msg, sizeof msg);
    CHECK(a != NULL);
    CHECK_INT_EQ(narr_articles_add(a, path, msg, sizeof msg), NARR_OK);
    CHECK_INT_EQ(narr_articles_count(a), 2);
    narr_article_info info;
    CHECK_INT_EQ(narr_articles_info(a, 0, &info), NARR_OK);
    CHECK_STR_EQ(info.key, "g1");
    CHECK_STR_EQ(info.title, "Un & deux");
    CHECK_STR_EQ(info.link, "https://ex.fr/1");
    CHECK_STR_EQ(info.day, "2026-07-14");
    CHECK_INT_EQ(info.date, 1784016000);
    CHECK_INT_EQ(narr_articles_info(a, 1, &info), NARR_OK);
    CHECK_STR_EQ(info.key, "https://ex.fr/2"); /* no GUID: the link */
    CHECK_STR_EQ(info.day, "");
    CHECK_INT_EQ(narr_articles_info(a, 2, &info), NARR_E_ARG);

    CHECK_INT_EQ(narr_articles_hash(a, 0, "voice=fr", h1, msg, sizeof msg), NARR_OK);
    CHECK_INT_EQ(narr_articles_hash(a, 0, "voice=fr", h2, msg, sizeof msg), NARR_OK);
    CHECK_INT_EQ(narr_articles_hash(a, 0, "voice=fr-be", h3, msg, sizeof msg), NARR_OK);
    CHECK_STR_EQ(h1, h2);
    CHECK(strcmp(h1, h3) != 0);
    CHECK_INT_EQ(strlen(h1), 16);
    CHECK_INT_EQ(narr_articles_hash(a, 1, "voice=fr", h2, msg, sizeof msg), NARR_OK);
    CHECK(strcmp(h1, h2) != 0);

    CHECK_INT_EQ(narr_articles_add(a, "/nonexistent/article.txt", msg, sizeof msg), NARR_E_IO);
    CHECK_STR_EQ(msg, "/nonexistent/article.txt: cannot read: No such file or directory");
    CHECK_INT_EQ(narr_articles_count(a), 2);

    /* Read: the title, then the text, item after item. */
    char *printed = NULL;
    size_t size = 0;
    FILE *out = open_memstream(&printed, &size);
    narr_engine *e = narr_engine_new(&(narr_engine_options){0}, &st, msg, sizeof msg);
    CHECK(e != NULL);
    narr_output_options o = {.kind = NARR_OUTPUT_TEXT, .print_to = out};
    narr_narration *n = e ? narr_narration_new(e, &o, &st, msg, sizeof msg) : NULL;
    for (size_t i = 0; n && i < narr_articles_count(a); i++)
        CHECK_INT_EQ(narr_narration_read_article(n, a, i), NARR_OK);
    if (n)
        CHECK_INT_EQ(narr_narration_finish(n), NARR_OK);
    narr_narration_free(n);
    narr_engine_free(e);
    fclose(out);
    CHECK_STR_EQ(printed, "Un et deux\nPremier texte.\nSans guid\nSecond texte.\n");
    free(printed);
    narr_articles_free(a);

    narr_articles_options one = {.max_items = 1, .since = "2026-07-01"};
    a = narr_articles_new(&one, &st, msg, sizeof msg);
    CHECK_INT_EQ(narr_articles_add(a, path, msg, sizeof msg), NARR_OK);
    CHECK_INT_EQ(narr_articles_count(a), 1);
    narr_articles_free(a);
    unlink(path);
    return CHECK_DONE();
}
