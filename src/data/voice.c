/* voice: INI presets → narr_voice. */
#include "data/voice.h"
#include "base/i18n.h"
#include "data/embedded.h"
#include "base/utf8.h"

#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

bool narr_quote_style_named(const char *name, narr_quote_style *style)
{
    static const char *const styles[] = {"pause", "spoken", "voice"};
    for (int i = 0; i < 3; i++)
        if (strcmp(name, styles[i]) == 0) {
            *style = (narr_quote_style)(i + 1); /* after DEFAULT */
            return true;
        }
    return false;
}

static void set_defaults(narr_voice *v)
{
    memset(v, 0, sizeof *v);
    snprintf(v->espeak_voice, sizeof v->espeak_voice, "fr");
    snprintf(v->number_locale, sizeof v->number_locale, "fr");
    v->quotes = NARR_QUOTES_PAUSE;
    v->rate = 165;
    v->pitch = 50;
    v->range = 50;
    v->pause_sentence_ms = 350;
    v->pause_paragraph_ms = 750;
    v->pause_heading_ms = 900;
    v->pause_title_ms = 1200;
    v->pause_item_ms = 450;
    v->pause_quote_ms = 50;
    v->pause_aside_ms = 120;
    v->pause_breath_ms = 250;
    v->breath_words = 40;
    v->heading_rate = 92;
    v->title_rate = 88;
    v->aside_rate = 110;
    v->aside_pitch = -8;
    v->aside_range = -10;
    v->quote_pitch = 18;
}

static char *strip(char *s)
{
    while (*s == ' ' || *s == '\t')
        s++;
    size_t n = strlen(s);
    while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r'))
        s[--n] = '\0';
    return s;
}

static bool parse_int(const char *s, int lo, int hi, int *out)
{
    char *end;
    errno = 0;
    long v = strtol(s, &end, 10);
    if (errno || end == s || *end || v < lo || v > hi)
        return false;
    *out = (int)v;
    return true;
}

static bool copy_str(char *dst, size_t size, const char *src)
{
    return (size_t)snprintf(dst, size, "%s", src) < size;
}

/* One "key = value" line; false if the key or value is not valid. */
static bool set_field(narr_voice *v, const char *key, const char *val)
{
    static const struct {
        const char *key;
        size_t offset;
        int lo, hi;
    } ints[] = {
        {"rate", offsetof(narr_voice, rate), 80, 450},
        {"pitch", offsetof(narr_voice, pitch), 0, 100},
        {"range", offsetof(narr_voice, range), 0, 100},
        {"pause_sentence", offsetof(narr_voice, pause_sentence_ms), 0, 10000},
        {"pause_paragraph", offsetof(narr_voice, pause_paragraph_ms), 0, 10000},
        {"pause_heading", offsetof(narr_voice, pause_heading_ms), 0, 10000},
        {"pause_title", offsetof(narr_voice, pause_title_ms), 0, 10000},
        {"pause_item", offsetof(narr_voice, pause_item_ms), 0, 10000},
        {"pause_quote", offsetof(narr_voice, pause_quote_ms), 0, 10000},
        {"pause_aside", offsetof(narr_voice, pause_aside_ms), 0, 10000},
        {"pause_breath", offsetof(narr_voice, pause_breath_ms), 0, 10000},
        {"breath_words", offsetof(narr_voice, breath_words), 10, 1000},
        {"heading_rate", offsetof(narr_voice, heading_rate), 50, 200},
        {"title_rate", offsetof(narr_voice, title_rate), 50, 200},
        {"aside_rate", offsetof(narr_voice, aside_rate), 50, 200},
        {"aside_pitch", offsetof(narr_voice, aside_pitch), -50, 50},
        {"aside_range", offsetof(narr_voice, aside_range), -50, 50},
        {"quote_pitch", offsetof(narr_voice, quote_pitch), -50, 50},
    };
    for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++)
        if (strcmp(key, ints[i].key) == 0)
            return parse_int(val, ints[i].lo, ints[i].hi,
                             (int *)((char *)v + ints[i].offset));
    if (strcmp(key, "name") == 0)
        return copy_str(v->name, sizeof v->name, val);
    if (strcmp(key, "description") == 0)
        return copy_str(v->description, sizeof v->description, val);
    if (strcmp(key, "espeak") == 0)
        return copy_str(v->espeak_voice, sizeof v->espeak_voice, val);
    if (strcmp(key, "voice_file") == 0)
        return copy_str(v->voice_file, sizeof v->voice_file, val);
    if (strcmp(key, "variant") == 0)
        return copy_str(v->variant, sizeof v->variant, val);
    if (strcmp(key, "packages") == 0)
        return copy_str(v->packages, sizeof v->packages, val);
    if (strcmp(key, "numbers") == 0)
        return strcmp(val, "fr") == 0 || strcmp(val, "fr_BE") == 0 ||
                       strcmp(val, "fr_CH") == 0
                   ? copy_str(v->number_locale, sizeof v->number_locale, val)
                   : false;
    if (strcmp(key, "quotes") == 0)
        return narr_quote_style_named(val, &v->quotes);
    return false;
}

static narr_status parse(const char *text, size_t n, const char *source,
                         narr_voice *v, char *msg, size_t msg_size)
{
    set_defaults(v);
    char *copy = malloc(n + 1);
    if (!copy)
        return NARR_E_NOMEM;
    memcpy(copy, text, n);
    copy[n] = '\0';
    narr_status st = NARR_OK;
    char *p = copy;
    for (int line = 1; p && st == NARR_OK; line++) {
        char *eol = strchr(p, '\n');
        if (eol)
            *eol = '\0';
        char *s = strip(p);
        p = eol ? eol + 1 : NULL;
        if (!*s || *s == '#' || *s == ';' || *s == '[')
            continue;
        char *eq = strchr(s, '=');
        if (eq)
            *eq = '\0';
        if (!eq || !set_field(v, strip(s), strip(eq + 1))) {
            snprintf(msg, msg_size, L_("%s:%d: bad setting '%s'; see voices/fr.ini "
                     "for the keys and their ranges"), source, line, strip(s));
            st = NARR_E_DATA;
        }
    }
    free(copy);
    return st;
}

/* Does text hold a line "[voice]"? */
static bool has_voice_section(const char *text, size_t n)
{
    for (size_t i = 0; i < n;) {
        const char *eol = memchr(text + i, '\n', n - i);
        size_t end = eol ? (size_t)(eol - text) : n, s = i;
        while (s < end && (text[s] == ' ' || text[s] == '\t'))
            s++;
        if (end - s >= 7 && memcmp(text + s, "[voice]", 7) == 0)
            return true;
        i = end + 1;
    }
    return false;
}

static narr_status load_file(const char *path, narr_voice *v, char *msg, size_t msg_size)
{
    FILE *f = fopen(path, "rb");
    if (!f) {
        snprintf(msg, msg_size, L_("%s: cannot open voice preset: %s"), path, strerror(errno));
        return NARR_E_IO;
    }
    char text[16384];
    size_t n = fread(text, 1, sizeof text, f);
    bool too_big = n == sizeof text, failed = ferror(f);
    int error = errno;
    fclose(f);
    /* A folder, an empty, binary or unrelated file is no preset: never
     * the defaults in silence. */
    const char *why = failed && error == EISDIR ? L_("a folder")
                      : failed                  ? strerror(error)
                      : too_big                 ? L_("over 16 kB")
                      : n == 0                  ? L_("empty")
                      : memchr(text, '\0', n) || !narr_utf8_valid(text, n, NULL)
                          ? L_("a binary file")
                          : !has_voice_section(text, n) ? L_("no [voice] section")
                                                        : NULL;
    if (why) {
        snprintf(msg, msg_size, L_("%s: not a voice preset (%s); see voices/fr.ini"), path, why);
        return failed && error != EISDIR ? NARR_E_IO : NARR_E_DATA;
    }
    narr_status st = parse(text, n, path, v, msg, msg_size);
    if (st == NARR_OK && v->voice_file[0] && v->voice_file[0] != '/') {
        /* A voice file is relative to the preset's folder. */
        char resolved[sizeof v->voice_file];
        const char *slash = strrchr(path, '/');
        int dir = slash ? (int)(slash - path + 1) : 0;
        if ((size_t)snprintf(resolved, sizeof resolved, "%.*s%s", dir, path,
                             v->voice_file) >= sizeof resolved)
            return NARR_E_DATA;
        memcpy(v->voice_file, resolved, sizeof resolved);
    }
    if (st == NARR_OK && !v->name[0])
        copy_str(v->name, sizeof v->name, path);
    return st;
}

/* eSpeak NG names its MBROLA voices "mb-" + database ("mb-fr1"), with a
 * suffix for another language ("mb-fr1-en"); a voice file says
 * "mbrola fr1 fr_phtrans". */
static void find_mbrola(narr_voice *v)
{
    v->mbrola[0] = '\0';
    if (strncmp(v->espeak_voice, "mb-", 3) == 0 && !v->voice_file[0]) {
        const char *db = v->espeak_voice + 3;
        snprintf(v->mbrola, sizeof v->mbrola, "%.*s", (int)strcspn(db, "-+"), db);
    } else if (v->voice_file[0]) {
        FILE *f = fopen(v->voice_file, "rb");
        char line[256];
        while (f && !v->mbrola[0] && fgets(line, sizeof line, f))
            if (sscanf(line, "mbrola %15s", v->mbrola) != 1)
                v->mbrola[0] = '\0';
        if (f)
            fclose(f);
    }
    if (v->mbrola[0] && !v->packages[0])
        snprintf(v->packages, sizeof v->packages, "mbrola mbrola-%s", v->mbrola);
}

static bool is_file(const char *path, mode_t type, int mode)
{
    struct stat st;
    return stat(path, &st) == 0 && (st.st_mode & S_IFMT) == type &&
           access(path, mode) == 0;
}

/* eSpeak NG runs the program "mbrola" from PATH (execlp). */
static bool mbrola_on_path(void)
{
    const char *path = getenv("PATH");
    char dir[PATH_MAX];
    for (const char *p = path ? path : ""; *p;) {
        size_t n = strcspn(p, ":");
        snprintf(dir, sizeof dir, "%.*s/mbrola", (int)n, n ? p : ".");
        if (is_file(dir, S_IFREG, X_OK))
            return true;
        p += n + (p[n] == ':');
    }
    return false;
}

/* Where eSpeak NG 1.51 looks for a database outside its own data folder. */
static bool mbrola_database(const char *db)
{
    static const char *const where[] = {
        "/usr/share/mbrola/%s", "/usr/share/mbrola/%s/%s", "/usr/share/mbrola/voices/%s"};
    char path[PATH_MAX];
    for (size_t i = 0; i < sizeof where / sizeof where[0]; i++) {
        snprintf(path, sizeof path, where[i], db, db);
        if (is_file(path, S_IFREG, R_OK))
            return true;
    }
    return false;
}

bool narr_voice_available(const narr_voice *v, char *why, size_t why_size)
{
    if (!v->mbrola[0] || (mbrola_database(v->mbrola) && mbrola_on_path()))
        return true;
    snprintf(why, why_size, L_("voice '%s' needs the MBROLA voice %s, which is not installed: "
             "install the Debian packages %s (contrib and non-free; see README, "
             "MBROLA voices)"), v->name, v->mbrola, v->packages);
    return false;
}

static narr_status load_preset(const char *name, narr_voice *v, char *msg, size_t msg_size)
{
    size_t len = strlen(name);
    if (strchr(name, '/') || (len > 4 && strcmp(name + len - 4, ".ini") == 0))
        return load_file(name, v, msg, msg_size);
    const narr_embedded *e = narr_embedded_find(narr_voice_table, name);
    if (!e) {
        narr_buf names;
        narr_buf_init(&names);
        for (const narr_embedded *p = narr_voice_table; p->name; p++) {
            narr_buf_append_str(&names, names.len ? ", " : "");
            narr_buf_append_str(&names, p->name);
        }
        snprintf(msg, msg_size, L_("unknown voice '%s'; available voices: %s "
                 "(or give the path to an .ini preset)"), name, narr_buf_str(&names));
        narr_buf_deinit(&names);
        return NARR_E_VOICE;
    }
    char source[128];
    snprintf(source, sizeof source, "voices/%s.ini", name);
    return parse(e->data, (size_t)e->size, source, v, msg, msg_size);
}

narr_status narr_voice_load(const char *name, narr_voice *v, char *msg, size_t msg_size)
{
    narr_status st = load_preset(name, v, msg, msg_size);
    if (st == NARR_OK)
        find_mbrola(v);
    return st;
}

narr_status narr_list_voices(narr_voice_fn fn, void *user)
{
    for (const narr_embedded *p = narr_voice_table; p->name; p++) {
        narr_voice v;
        char msg[512];
        narr_status st = parse(p->data, (size_t)p->size, p->name, &v, msg, sizeof msg);
        if (st == NARR_OK) {
            find_mbrola(&v);
            bool here = narr_voice_available(&v, msg, sizeof msg);
            st = fn(user, p->name, v.description, here, here ? "" : v.packages);
        }
        if (st != NARR_OK)
            return st;
    }
    return NARR_OK;
}
