/* podcast feed: the exact RSS written (escaped text, namespaces, URLs),
 * read back by a real feed reader (python3-feedparser, through
 * tests/tools/check_podcast_feed.py) that checks every enclosure's length
 * against the file and its duration against ffprobe; a second run keeps
 * earlier episodes, replaces one by GUID, newest first; refusals; and
 * concurrent processes adding episodes to one feed. */
#include "../check.h"
#include "export/podcast_feed.h"
#include "test_dir.h"

#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#define BASE "https://exemple.fr/podcast/"

/* A real MP3 of the given seconds (ffmpeg); its size in bytes. */
static long long make_mp3(const char *name, int seconds)
{
    char cmd[512];
    snprintf(cmd, sizeof cmd,
             "ffmpeg -nostdin -v error -f lavfi -i sine=frequency=440:duration=%d -ac 1 -y '%s'",
             seconds, in_dir(name));
    CHECK(system(cmd) == 0);
    struct stat st;
    return stat(in_dir(name), &st) == 0 ? (long long)st.st_size : -1;
}

static void put(const char *name, const char *text)
{
    FILE *f = fopen(in_dir(name), "w");
    CHECK(f != NULL);
    if (f) {
        fputs(text, f);
        fclose(f);
    }
}

/* What the feed reader prints for the feed (its lines), or "FAILED";
 * with ffprobe, durations are checked against the audio. */
static const char *reader(const char *feed, bool ffprobe)
{
    static char out[8192];
    char cmd[1024];
    snprintf(cmd, sizeof cmd, "'%s' '%s/tools/check_podcast_feed.py' %s '%s' '%s'",
             getenv("PYTHON"), getenv("TESTS_DIR"), ffprobe ? "--ffprobe" : "", in_dir(feed),
             test_dir);
    FILE *p = popen(cmd, "r");
    size_t n = p ? fread(out, 1, sizeof out - 1, p) : 0;
    out[n] = '\0';
    if (!p || pclose(p) != 0)
        return "FAILED";
    return out;
}

static narr_status update(const char *feed, const narr_podcast_channel *c,
                          const narr_podcast_item *items, size_t n, char *msg)
{
    return narr_podcast_feed_update(in_dir(feed), c, items, n, msg, 512);
}

static const char first_feed[] =
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
    "<rss xmlns:itunes=\"http://www.itunes.com/dtds/podcast-1.0.dtd\" "
    "xmlns:podcast=\"https://podcastindex.org/namespace/1.0\" "
    "xmlns:atom=\"http://www.w3.org/2005/Atom\" version=\"2.0\">\n"
    "  <channel>\n"
    "    <title>Le Journal &amp; ses « voix »</title>\n"
    "    <link>https://exemple.fr/</link>\n"
    "    <description>Les articles du jour, lus.</description>\n"
    "    <language>fr</language>\n"
    "    <generator>narrateur " NARR_VERSION "</generator>\n"
    "    <lastBuildDate>Mon, 07 Dec 2026 08:30:00 GMT</lastBuildDate>\n"
    "    <atom:link href=\"https://exemple.fr/podcast/feed.xml\" rel=\"self\" "
    "type=\"application/rss+xml\"/>\n"
    "    <itunes:author>La Rédaction</itunes:author>\n"
    "    <itunes:image href=\"https://exemple.fr/logo.png\"/>\n"
    "    <image>\n"
    "      <url>https://exemple.fr/logo.png</url>\n"
    "      <title>Le Journal &amp; ses « voix »</title>\n"
    "      <link>https://exemple.fr/</link>\n"
    "    </image>\n"
    "    <itunes:explicit>false</itunes:explicit>\n"
    "    <item>\n"
    "      <title>Pluie &amp; orages &lt;ce soir&gt;</title>\n"
    "      <link>https://exemple.fr/meteo?a=1&amp;b=2</link>\n"
    "      <guid isPermaLink=\"false\">urn:j:1</guid>\n"
    "      <pubDate>Mon, 07 Dec 2026 08:30:00 GMT</pubDate>\n"
    "      <enclosure url=\"https://exemple.fr/podcast/2026-12-07-pluie%20et%20orages.mp3\" "
    "length=\"LEN1\" type=\"audio/mpeg\"/>\n"
    "      <itunes:duration>2</itunes:duration>\n"
    "      <podcast:transcript url=\"https://exemple.fr/podcast/2026-12-07-pluie.vtt\" "
    "type=\"text/vtt\" language=\"fr\"/>\n"
    "      <podcast:chapters url=\"https://exemple.fr/podcast/2026-12-07-pluie.json\" "
    "type=\"application/json+chapters\"/>\n"
    "    </item>\n"
    "    <item>\n"
    "      <title>Le chômage baisse</title>\n"
    "      <guid isPermaLink=\"false\">urn:j:0</guid>\n"
    "      <pubDate>Sun, 06 Dec 2026 18:00:00 GMT</pubDate>\n"
    "      <enclosure url=\"https://exemple.fr/podcast/2026-12-06-le-chomage-baisse.mp3\" "
    "length=\"LEN2\" type=\"audio/mpeg\"/>\n"
    "      <itunes:duration>3</itunes:duration>\n"
    "    </item>\n"
    "  </channel>\n"
    "</rss>\n";

/* first_feed with the two lengths filled in. */
static const char *expected_first(long long len1, long long len2)
{
    static char out[sizeof first_feed + 64];
    const char *a = strstr(first_feed, "LEN1"), *b = strstr(first_feed, "LEN2");
    snprintf(out, sizeof out, "%.*s%lld%.*s%lld%s", (int)(a - first_feed), first_feed, len1,
             (int)(b - a - 4), a + 4, len2, b + 4);
    return out;
}

static void feed_case(void)
{
    long long len1 = make_mp3("2026-12-07-pluie et orages.mp3", 2);
    long long len2 = make_mp3("2026-12-06-le-chomage-baisse.mp3", 3);
    put("2026-12-07-pluie.vtt", "WEBVTT\n");
    put("2026-12-07-pluie.json", "{\"version\": \"1.2.0\", \"chapters\": []}\n");
    narr_podcast_channel c = {.base_url = BASE,
                              .title = "Le Journal & ses « voix »",
                              .description = "Les articles du jour, lus.",
                              .link = "https://exemple.fr/",
                              .image_url = "https://exemple.fr/logo.png",
                              .author = "La Rédaction"};
    narr_podcast_item items[] = {
        {.guid = "urn:j:0", .title = "Le chômage baisse", .pub_date = 1796580000,
         .audio_file = "2026-12-06-le-chomage-baisse.mp3", .audio_type = "audio/mpeg",
         .audio_bytes = len2, .duration = 3.1},
        {.guid = "urn:j:1", .title = "Pluie & orages <ce soir>",
         .link = "https://exemple.fr/meteo?a=1&b=2", .pub_date = 1796632200,
         .audio_file = "2026-12-07-pluie et orages.mp3",
         .audio_type = narr_podcast_audio_type("MP3"), .audio_bytes = len1, .duration = 2.0,
         .transcript_file = "2026-12-07-pluie.vtt", .chapters_file = "2026-12-07-pluie.json"},
    };
    char msg[512];
    narr_status st = update("feed.xml", &c, items, 2, msg);
    CHECK_INT_EQ(st, NARR_OK);
    if (st != NARR_OK)
        fprintf(stderr, "%s\n", msg);
    CHECK_STR_EQ(file_text(in_dir("feed.xml")), expected_first(len1, len2));
    char want[2048];
    snprintf(want, sizeof want,
             "channel: Le Journal & ses « voix » | Les articles du jour, lus. | "
             "https://exemple.fr/ | fr | author La Rédaction | image https://exemple.fr/logo.png"
             " | 2 episodes\n"
             "2026-12-07T08:30:00Z | Pluie & orages <ce soir> | urn:j:1 | "
             "2026-12-07-pluie et orages.mp3 %lld audio/mpeg | 2 s | "
             "transcript 2026-12-07-pluie.vtt text/vtt | "
             "chapters 2026-12-07-pluie.json application/json+chapters\n"
             "2026-12-06T18:00:00Z | Le chômage baisse | urn:j:0 | "
             "2026-12-06-le-chomage-baisse.mp3 %lld audio/mpeg | 3 s\n",
             len1, len2);
    CHECK_STR_EQ(reader("feed.xml", true), want);

    /* The next run: only --base-url given; one new episode and urn:j:0
     * made again (new title, new date). Earlier ones stay, newest first. */
    long long len3 = make_mp3("2026-12-08-neige.mp3", 1);
    narr_podcast_channel again = {.base_url = BASE};
    narr_podcast_item next[] = {
        {.guid = "urn:j:2", .title = "Neige", .pub_date = 1796720000,
         .audio_file = "2026-12-08-neige.mp3", .audio_type = "audio/mpeg", .audio_bytes = len3,
         .duration = 1.2, .transcript_file = "2026-12-07-pluie.vtt"},
        {.guid = "urn:j:0", .title = "Le chômage baisse encore", .pub_date = 1796500000,
         .audio_file = "2026-12-06-le-chomage-baisse.mp3", .audio_type = "audio/mpeg",
         .audio_bytes = len2, .duration = 3},
    };
    CHECK_INT_EQ(update("feed.xml", &again, next, 2, msg), NARR_OK);
    snprintf(want, sizeof want,
             "channel: Le Journal & ses « voix » | Les articles du jour, lus. | "
             "https://exemple.fr/ | fr | author La Rédaction | image https://exemple.fr/logo.png"
             " | 3 episodes\n"
             "2026-12-08T08:53:20Z | Neige | urn:j:2 | 2026-12-08-neige.mp3 %lld audio/mpeg | "
             "1 s | transcript 2026-12-07-pluie.vtt text/vtt\n"
             "2026-12-07T08:30:00Z | Pluie & orages <ce soir> | urn:j:1 | "
             "2026-12-07-pluie et orages.mp3 %lld audio/mpeg | 2 s | "
             "transcript 2026-12-07-pluie.vtt text/vtt | "
             "chapters 2026-12-07-pluie.json application/json+chapters\n"
             "2026-12-05T19:46:40Z | Le chômage baisse encore | urn:j:0 | "
             "2026-12-06-le-chomage-baisse.mp3 %lld audio/mpeg | 3 s\n",
             len3, len1, len2);
    CHECK_STR_EQ(reader("feed.xml", true), want);
    /* Written once more with nothing new: the very same file. */
    char before[4096];
    snprintf(before, sizeof before, "%s", file_text(in_dir("feed.xml")));
    CHECK_INT_EQ(update("feed.xml", &again, NULL, 0, msg), NARR_OK);
    CHECK_STR_EQ(file_text(in_dir("feed.xml")), before);
    /* Nothing left behind but the lock file. */
    CHECK_STR_EQ(listing(), ".feed.xml.lock 2026-12-06-le-chomage-baisse.mp3 "
                            "2026-12-07-pluie et orages.mp3 2026-12-07-pluie.json "
                            "2026-12-07-pluie.vtt 2026-12-08-neige.mp3 feed.xml");
}

static void refusal_case(void)
{
    char msg[512], want[512];
    narr_podcast_item item = {.guid = "g", .title = "t", .audio_file = "a.mp3"};
    /* Not a feed of ours: left alone. */
    put("page.xml", "<html><body>Mon site</body></html>\n");
    narr_podcast_channel c = {.base_url = BASE};
    CHECK_INT_EQ(update("page.xml", &c, &item, 1, msg), NARR_E_DATA);
    snprintf(want, sizeof want,
             "%s: not an RSS feed; choose another file for the podcast feed", in_dir("page.xml"));
    CHECK_STR_EQ(msg, want);
    CHECK_STR_EQ(file_text(in_dir("page.xml")), "<html><body>Mon site</body></html>\n");

    narr_podcast_channel none = {0};
    CHECK_INT_EQ(update("new.xml", &none, &item, 1, msg), NARR_E_ARG);
    snprintf(want, sizeof want,
             "%s: a podcast feed needs the address its folder is served at (--base-url)",
             in_dir("new.xml"));
    CHECK_STR_EQ(msg, want);
    narr_podcast_item no_guid = {.title = "t", .audio_file = "a.mp3"};
    CHECK_INT_EQ(update("new.xml", &c, &no_guid, 1, msg), NARR_E_ARG);
    snprintf(want, sizeof want, "%s: episode 1 lacks a GUID, a title or an audio file",
             in_dir("new.xml"));
    CHECK_STR_EQ(msg, want);
    narr_podcast_item latin1 = {.guid = "g", .title = "\xe9t\xe9", .audio_file = "a.mp3"};
    CHECK_INT_EQ(update("new.xml", &c, &latin1, 1, msg), NARR_E_BAD_UTF8);
    snprintf(want, sizeof want, "%s: a title or description is not UTF-8", in_dir("new.xml"));
    CHECK_STR_EQ(msg, want);
    CHECK(access(in_dir("new.xml"), F_OK) != 0);
    /* Control characters (not allowed in XML 1.0) are dropped. */
    narr_podcast_item ctrl = {.guid = "g\x01", .title = "a\x02z\tb", .audio_file = "a.mp3"};
    CHECK_INT_EQ(update("ctrl.xml", &c, &ctrl, 1, msg), NARR_OK);
    CHECK(strstr(file_text(in_dir("ctrl.xml")), "<title>az\tb</title>") != NULL);
    CHECK(strstr(file_text(in_dir("ctrl.xml")), ">g</guid>") != NULL);

    CHECK_STR_EQ(narr_podcast_audio_type("opus"), "audio/ogg");
    CHECK_STR_EQ(narr_podcast_audio_type("flac"), "audio/flac");
    CHECK(narr_podcast_audio_type("txt") == NULL);
}

/* 4 processes add 10 episodes each, one at a time, to one feed. */
static void concurrent_case(void)
{
    enum { WORKERS = 4, EACH = 10 };
    long long len = make_mp3("shared.mp3", 1);
    for (int w = 0; w < WORKERS; w++) {
        if (fork() == 0) {
            int bad = 0;
            for (int i = 0; i < EACH; i++) {
                char guid[32], title[32], msg[512];
                snprintf(guid, sizeof guid, "w%d-%d", w, i);
                snprintf(title, sizeof title, "Épisode %d de %d", i, w);
                narr_podcast_item it = {.guid = guid, .title = title,
                                        .pub_date = 1796632200 + w * 100 + i,
                                        .audio_file = "shared.mp3", .audio_bytes = len,
                                        .duration = 1};
                narr_podcast_channel c = {.base_url = BASE, .title = "Partagé"};
                bad += narr_podcast_feed_update(in_dir("shared.xml"), &c, &it, 1, msg,
                                                sizeof msg) != NARR_OK;
            }
            _exit(bad);
        }
    }
    for (int w = 0; w < WORKERS; w++) {
        int status;
        CHECK(wait(&status) > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    const char *out = reader("shared.xml", false);
    const char *head = "channel: Partagé | Partagé | " BASE " | fr | author - | image - | "
                       "40 episodes\n"
                       "2026-12-07T08:35:09Z | Épisode 9 de 3 | w3-9 | shared.mp3 ";
    CHECK(strncmp(out, head, strlen(head)) == 0); /* the newest first */
    size_t lines = 0;
    for (const char *p = out; *p; p++)
        lines += *p == '\n';
    CHECK_INT_EQ(lines, 1 + WORKERS * EACH);
}

int main(void)
{
    if (!test_dir_make("narr-podcast"))
        return 1;
    feed_case();
    refusal_case();
    concurrent_case();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", test_dir);
    CHECK(system(cmd) == 0);
    return CHECK_DONE();
}
