/* batch state: slugs and file names, the content hash, claiming names
 * (clashes get -2, -3), recording and skipping, a damaged state file, and
 * concurrent processes updating one state without losing an entry. */
#include "../check.h"
#include "export/batch_state.h"
#include "export/episode_name.h"
#include "test_dir.h"

#include <sys/wait.h>
#include <unistd.h>

static void slug_case(void)
{
    static const struct {
        const char *title, *slug;
    } cases[] = {
        {"L’été à Paris : 40 °C !", "l-ete-a-paris-40-c"},
        {"Œuvres complètes de Molière", "oeuvres-completes-de-moliere"},
        {"  --Le «chômage» baisse--  ", "le-chomage-baisse"},
        {"Москва", "moskva"},
        {"", "article"},
        {"?!…", "article"},
        /* Cut at the last '-' within 60 bytes. */
        {"Le gouvernement annonce une réforme des retraites pour l'année prochaine",
         "le-gouvernement-annonce-une-reforme-des-retraites-pour-l"},
        /* One long word: cut at 60 bytes. */
        {"Anticonstitutionnellementanticonstitutionnellementanticonstitutionnellement",
         "anticonstitutionnellementanticonstitutionnellementanticonsti"},
        {"Not UTF-8 \xe9t\xe9", "not-utf-8-t"},
    };
    for (size_t i = 0; i < sizeof cases / sizeof cases[0]; i++) {
        char slug[NARR_SLUG_MAX + 1];
        CHECK(narr_slug(cases[i].title, slug) == NARR_OK);
        CHECK_STR_EQ(slug, cases[i].slug);
        CHECK(strlen(slug) <= 60);
    }
    char name[80];
    CHECK(narr_episode_name("2026-12-07", "le-chomage", 1, "mp3", name, sizeof name));
    CHECK_STR_EQ(name, "2026-12-07-le-chomage.mp3");
    CHECK(narr_episode_name("2026-12-07", "le-chomage", 3, "opus", name, sizeof name));
    CHECK_STR_EQ(name, "2026-12-07-le-chomage-3.opus");
    CHECK(!narr_episode_name("2026-12-07", "le-chomage", 3, "opus", name, 20));
}

static void hash_case(void)
{
    /* The published FNV-1a 64 test vectors. */
    static const struct {
        const char *in, *hex;
    } v[] = {{"", "cbf29ce484222325"}, {"a", "af63dc4c8601ec8c"}, {"foobar", "85944171f73967e8"}};
    for (size_t i = 0; i < 3; i++) {
        narr_hash h;
        char hex[17];
        narr_hash_init(&h);
        narr_hash_add(&h, v[i].in, strlen(v[i].in));
        narr_hash_hex(&h, hex);
        CHECK_STR_EQ(hex, v[i].hex);
    }
    /* Fed in pieces: the same. */
    narr_hash h;
    char hex[17];
    narr_hash_init(&h);
    narr_hash_add(&h, "foo", 3);
    narr_hash_add(&h, "bar", 3);
    narr_hash_hex(&h, hex);
    CHECK_STR_EQ(hex, "85944171f73967e8");
}

static char *claim(const char *key, const char *day, const char *title, const char *ext)
{
    char *name = NULL, msg[256];
    narr_status st = narr_state_claim_name(test_dir, key, day, title, ext, &name, msg, sizeof msg);
    CHECK_INT_EQ(st, NARR_OK);
    if (st != NARR_OK)
        fprintf(stderr, "%s\n", msg);
    return name;
}

static narr_state *load(void)
{
    narr_state *s = NULL;
    char msg[256];
    CHECK(narr_state_load(test_dir, &s, msg, sizeof msg) == NARR_OK);
    return s;
}

static void touch(const char *name)
{
    FILE *f = fopen(in_dir(name), "w");
    CHECK(f != NULL);
    if (f)
        fclose(f);
}

static void record(const char *key, const char *hash, const char *file, double duration)
{
    char msg[256];
    narr_state_entry e = {.key = (char *)key, .hash = (char *)hash, .file = (char *)file,
                          .duration = duration, .made = 1796632200};
    CHECK(narr_state_record(test_dir, &e, msg, sizeof msg) == NARR_OK);
}

static void claim_case(void)
{
    narr_state *s = load();
    CHECK(s && narr_state_count(s) == 0);
    narr_state_free(s);

    char *a = claim("https://j.fr/1", "2026-12-07", "Le chômage baisse", "mp3");
    CHECK_STR_EQ(a ? a : "", "2026-12-07-le-chomage-baisse.mp3");
    char *again = claim("https://j.fr/1", "2026-12-07", "Le chômage baisse", "mp3");
    CHECK_STR_EQ(again ? again : "", "2026-12-07-le-chomage-baisse.mp3");
    /* Another article, same title: a reserved name is taken. */
    char *b = claim("https://j.fr/2", "2026-12-07", "Le chômage baisse !", "mp3");
    CHECK_STR_EQ(b ? b : "", "2026-12-07-le-chomage-baisse-2.mp3");
    /* A file already there (made by hand) is taken too. */
    touch("2026-12-07-meteo.mp3");
    char *c = claim("guid-3", "2026-12-07", "Météo", "mp3");
    CHECK_STR_EQ(c ? c : "", "2026-12-07-meteo-2.mp3");
    CHECK_STR_EQ(listing(), ".narrateur-state .narrateur-state.lock 2026-12-07-meteo.mp3");

    char hash[17] = "0123456789abcdef";
    s = load();
    CHECK(s && narr_state_count(s) == 3);
    CHECK(s && !narr_state_is_done(s, test_dir, "https://j.fr/1", hash)); /* only reserved */
    narr_state_free(s);
    record("https://j.fr/1", hash, a, 61.5);
    s = load();
    CHECK(s && !narr_state_is_done(s, test_dir, "https://j.fr/1", hash)); /* no audio yet */
    narr_state_free(s);
    touch(a);
    s = load();
    CHECK(s && narr_state_is_done(s, test_dir, "https://j.fr/1", hash));
    CHECK(s && !narr_state_is_done(s, test_dir, "https://j.fr/1", "fedcba9876543210"));
    CHECK(s && !narr_state_is_done(s, test_dir, "https://j.fr/9", hash));
    const narr_state_entry *e = s ? narr_state_get(s, "https://j.fr/1") : NULL;
    CHECK(e && e->duration == 61.5 && e->made == 1796632200 && strcmp(e->file, a) == 0);
    narr_state_free(s);

    /* Another format: the same stem, and it is to be made again. */
    char *opus = claim("https://j.fr/1", "2026-12-08", "Autre titre", "opus");
    CHECK_STR_EQ(opus ? opus : "", "2026-12-07-le-chomage-baisse.opus");
    s = load();
    CHECK(s && !narr_state_is_done(s, test_dir, "https://j.fr/1", hash));
    narr_state_free(s);

    char msg[256];
    CHECK(narr_state_forget(test_dir, "https://j.fr/2", msg, sizeof msg) == NARR_OK);
    CHECK(narr_state_forget(test_dir, "absent", msg, sizeof msg) == NARR_OK);
    s = load();
    CHECK(s && narr_state_count(s) == 2 && narr_state_get(s, "https://j.fr/2") == NULL);
    narr_state_free(s);
    free(a), free(again), free(b), free(c), free(opus);
}

static void escape_case(void)
{
    record("clé\tavec\ntab \\ et ligne", "", "x.mp3", 0);
    narr_state *s = load();
    const narr_state_entry *e = s ? narr_state_get(s, "clé\tavec\ntab \\ et ligne") : NULL;
    CHECK(e && strcmp(e->file, "x.mp3") == 0);
    narr_state_free(s);
    CHECK(strstr(file_text(in_dir(".narrateur-state")), "clé\\tavec\\ntab \\\\ et ligne\t\tx.mp3\t0.000\t1796632200\n") != NULL);

    char msg[256];
    narr_state_entry bad = {.key = "k", .hash = "", .file = "../../etc/x"};
    CHECK_INT_EQ(narr_state_record(test_dir, &bad, msg, sizeof msg), NARR_E_ARG);
}

static void damaged_case(void)
{
    static const char *bodies[] = {
        "# narrateur state 1\nk\t\tf.mp3\t1.000\t5\nno tabs here\n",
        "k\t\tf.mp3\t1.000\t5\nk2\tnothex\tf.mp3\t1\t5\n",
        "k\t\t../escape.mp3\t1\t5\n",
        "k\t\tf.mp3\t1\t5", /* cut short */
        "k\t\tf.mp3\t-1\t5\n",
    };
    static const long lines[] = {3, 2, 1, 1, 1};
    for (size_t i = 0; i < sizeof bodies / sizeof bodies[0]; i++) {
        FILE *f = fopen(in_dir(".narrateur-state"), "w");
        fputs(bodies[i], f);
        fclose(f);
        narr_state *s = (narr_state *)1;
        char msg[512], want[512];
        CHECK_INT_EQ(narr_state_load(test_dir, &s, msg, sizeof msg), NARR_E_DATA);
        CHECK(s == NULL);
        snprintf(want, sizeof want,
                 "%s:%ld: malformed line; remove the file to make everything again",
                 in_dir(".narrateur-state"), lines[i]);
        CHECK_STR_EQ(msg, want);
        /* And a change refuses too, rather than dropping the rest. */
        narr_state_entry e = {.key = "k", .hash = "", .file = "f.mp3"};
        CHECK_INT_EQ(narr_state_record(test_dir, &e, msg, sizeof msg), NARR_E_DATA);
    }
    unlink(in_dir(".narrateur-state"));
}

/* 4 processes × 25 articles, all titled alike, into one folder: every
 * entry kept, every name distinct. */
static void concurrent_case(void)
{
    enum { WORKERS = 4, EACH = 25 };
    for (int w = 0; w < WORKERS; w++) {
        if (fork() == 0) {
            int bad = 0;
            for (int i = 0; i < EACH; i++) {
                char key[32], *name = NULL, msg[256];
                snprintf(key, sizeof key, "w%d-%d", w, i);
                if (narr_state_claim_name(test_dir, key, "2026-12-07", "Même titre", "mp3", &name,
                                          msg, sizeof msg) != NARR_OK)
                    bad++;
                narr_state_entry e = {.key = key, .hash = "00000000000000ff",
                                      .file = name ? name : "x", .duration = i};
                if (narr_state_record(test_dir, &e, msg, sizeof msg) != NARR_OK)
                    bad++;
                free(name);
            }
            _exit(bad);
        }
    }
    for (int w = 0; w < WORKERS; w++) {
        int status;
        CHECK(wait(&status) > 0 && WIFEXITED(status) && WEXITSTATUS(status) == 0);
    }
    narr_state *s = load();
    size_t ours = 0;
    for (size_t i = 0; s && i < narr_state_count(s); i++) {
        const narr_state_entry *e = narr_state_at(s, i);
        if (e->key[0] != 'w')
            continue;
        ours++;
        for (size_t j = i + 1; j < narr_state_count(s); j++)
            CHECK(strcmp(e->file, narr_state_at(s, j)->file) != 0);
    }
    CHECK_INT_EQ(ours, WORKERS * EACH);
    const narr_state_entry *last = s ? narr_state_get(s, "w3-24") : NULL;
    CHECK(last && strncmp(last->file, "2026-12-07-meme-titre", 21) == 0);
    narr_state_free(s);
}

int main(void)
{
    slug_case();
    hash_case();
    if (!test_dir_make("narr-state"))
        return 1;
    claim_case();
    escape_case();
    damaged_case();
    concurrent_case();
    char cmd[128];
    snprintf(cmd, sizeof cmd, "rm -rf '%s'", test_dir);
    CHECK(system(cmd) == 0);
    return CHECK_DONE();
}
