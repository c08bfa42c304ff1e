/* batch_state: a small text file, read whole (it holds a line per
 * article), changed only through locked_update. */
#include "export/batch_state.h"
#include "base/i18n.h"

#include "base/buf.h"
#include "export/episode_name.h"
#include "export/file_lock.h"
#include "export/pending.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#define HEADER "# narrateur state 1: key, hash, file, duration, made\n"
#define MAX_STATE_BYTES ((size_t)64 * 1024 * 1024)

struct narr_state {
    narr_state_entry *e;
    size_t n, cap;
};

static void say(char *msg, size_t size, const char *fmt, const char *a, long line)
{
    if (msg && size)
        snprintf(msg, size, fmt, a, line);
}

static char *state_path(const char *dir)
{
    size_t size = strlen(dir) + sizeof NARR_STATE_NAME + 1;
    char *p = malloc(size);
    if (p)
        snprintf(p, size, "%s/%s", dir, NARR_STATE_NAME);
    return p;
}

static void entry_free(narr_state_entry *e)
{
    free(e->key);
    free(e->hash);
    free(e->file);
    *e = (narr_state_entry){0};
}

void narr_state_free(narr_state *s)
{
    if (!s)
        return;
    for (size_t i = 0; i < s->n; i++)
        entry_free(&s->e[i]);
    free(s->e);
    free(s);
}

size_t narr_state_count(const narr_state *s) { return s->n; }
const narr_state_entry *narr_state_at(const narr_state *s, size_t i) { return &s->e[i]; }

static narr_state_entry *find(const narr_state *s, const char *key)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->e[i].key, key) == 0)
            return &s->e[i];
    return NULL;
}

const narr_state_entry *narr_state_get(const narr_state *s, const char *key)
{
    return find(s, key);
}

/* Undoes escape() in place; false for a bad escape. */
static bool unescape(char *s)
{
    char *w = s;
    for (const char *r = s; *r; r++) {
        if (*r != '\\') {
            *w++ = *r;
            continue;
        }
        r++;
        if (*r == 't')
            *w++ = '\t';
        else if (*r == 'n')
            *w++ = '\n';
        else if (*r == 'r')
            *w++ = '\r';
        else if (*r == '\\')
            *w++ = '\\';
        else
            return false;
    }
    *w = '\0';
    return true;
}

static narr_status escape(narr_buf *b, const char *s)
{
    narr_status st = NARR_OK;
    for (; *s && st == NARR_OK; s++) {
        const char *e = *s == '\t' ? "\\t" : *s == '\n' ? "\\n" : *s == '\r' ? "\\r"
                        : *s == '\\' ? "\\\\" : NULL;
        st = e ? narr_buf_append_str(b, e) : narr_buf_append_char(b, *s);
    }
    return st;
}

/* A file name inside DIR: never a path that leaves it. */
static bool plain_name(const char *f)
{
    return f[0] && !strchr(f, '/') && strcmp(f, ".") != 0 && strcmp(f, "..") != 0;
}

static bool hex16_or_empty(const char *h)
{
    if (!h[0])
        return true;
    if (strlen(h) != 16)
        return false;
    return strspn(h, "0123456789abcdef") == 16;
}

/* Adds a copy of e (replacing key's entry). */
static narr_status put(narr_state *s, const narr_state_entry *e)
{
    narr_state_entry copy = {.key = strdup(e->key), .hash = strdup(e->hash),
                             .file = strdup(e->file), .duration = e->duration, .made = e->made};
    narr_state_entry *old = find(s, e->key);
    if (!old && s->n == s->cap) {
        narr_state_entry *grown = narr_array_grow(s->e, &s->cap, sizeof *grown, 16);
        if (grown)
            s->e = grown;
        else
            entry_free(&copy); /* reported below as out of memory */
    }
    if (!copy.key || !copy.hash || !copy.file) {
        entry_free(&copy);
        return NARR_E_NOMEM;
    }
    if (old)
        entry_free(old);
    else
        old = &s->e[s->n++];
    *old = copy;
    return NARR_OK;
}

/* One line (NUL-terminated, no '\n') into s; false when malformed. */
static bool parse_line(narr_state *s, char *line, narr_status *st)
{
    char *f[5];
    for (int i = 0; i < 5; i++) {
        f[i] = line;
        char *tab = strchr(line, '\t');
        if ((tab == NULL) != (i == 4))
            return false;
        if (tab) {
            *tab = '\0';
            line = tab + 1;
        }
    }
    char *end1, *end2;
    errno = 0;
    double duration = strtod(f[3], &end1);
    long long made = strtoll(f[4], &end2, 10);
    if (!unescape(f[0]) || !f[0][0] || !hex16_or_empty(f[1]) || !unescape(f[2]) ||
        !plain_name(f[2]) || *end1 || end1 == f[3] || *end2 || end2 == f[4] || errno ||
        !(duration >= 0))
        return false;
    narr_state_entry e = {.key = f[0], .hash = f[1], .file = f[2], .duration = duration,
                          .made = (time_t)made};
    *st = put(s, &e);
    return true;
}

static narr_status parse(narr_state *s, char *text, const char *path, char *msg,
                         size_t msg_size)
{
    long line_no = 0;
    for (char *line = text; *line;) {
        char *nl = strchr(line, '\n');
        line_no++;
        if (!nl) {
            /* A last line without '\n' was cut short: files we write end
             * in one. */
            say(msg, msg_size, L_("%s:%ld: malformed line; remove the file to make everything again"),
                path, line_no);
            return NARR_E_DATA;
        }
        *nl = '\0';
        narr_status st = NARR_OK;
        if (line[0] != '#' && line[0] != '\0' && !parse_line(s, line, &st)) {
            say(msg, msg_size, L_("%s:%ld: malformed line; remove the file to make everything again"),
                path, line_no);
            return NARR_E_DATA;
        }
        if (st != NARR_OK)
            return say(msg, msg_size, L_("%s: out of memory"), path, 0), st;
        line = nl + 1;
    }
    return NARR_OK;
}

narr_status narr_state_load(const char *dir, narr_state **out, char *msg, size_t msg_size)
{
    *out = NULL;
    char *path = state_path(dir);
    narr_state *s = calloc(1, sizeof *s);
    narr_buf text;
    narr_buf_init(&text);
    bool exists = false;
    narr_status st = path && s ? narr_buf_read_file(&text, path, MAX_STATE_BYTES, &exists, msg,
                                                    msg_size)
                               : NARR_E_NOMEM;
    if (st == NARR_OK && text.data)
        st = parse(s, text.data, path, msg, msg_size);
    narr_buf_deinit(&text);
    free(path);
    if (st != NARR_OK) {
        narr_state_free(s);
        return st;
    }
    *out = s;
    return NARR_OK;
}

static narr_status save(const narr_state *s, const char *dir, char *msg, size_t msg_size)
{
    narr_buf b;
    narr_buf_init(&b);
    narr_status st = narr_buf_append_str(&b, HEADER);
    for (size_t i = 0; i < s->n && st == NARR_OK; i++) {
        const narr_state_entry *e = &s->e[i];
        char tail[96];
        snprintf(tail, sizeof tail, "\t%.3f\t%lld\n", e->duration, (long long)e->made);
        if ((st = escape(&b, e->key)) == NARR_OK && (st = narr_buf_append_char(&b, '\t')) == NARR_OK &&
            (st = narr_buf_append_str(&b, e->hash)) == NARR_OK &&
            (st = narr_buf_append_char(&b, '\t')) == NARR_OK && (st = escape(&b, e->file)) == NARR_OK)
            st = narr_buf_append_str(&b, tail);
    }
    char *path = state_path(dir);
    narr_pending p = {.fd = -1};
    if (st == NARR_OK && !path)
        st = NARR_E_NOMEM;
    if (st == NARR_OK && (st = narr_pending_open(&p, path, msg, msg_size)) == NARR_OK) {
        if (!narr_pwrite_all(p.fd, b.data, b.len, 0)) {
            snprintf(msg, msg_size, L_("%s: cannot write (%s)"), path, strerror(errno));
            st = NARR_E_IO;
        } else {
            narr_pending *all[] = {&p};
            st = narr_pending_publish_all(all, 1, msg, msg_size);
        }
    } else if (st == NARR_E_NOMEM) {
        snprintf(msg, msg_size, L_("%s: out of memory"), dir);
    }
    narr_pending_discard(&p);
    free(path);
    narr_buf_deinit(&b);
    return st;
}

/* Runs change on a fresh read of the state, under the lock, and saves
 * when it says so. */
typedef narr_status (*change_fn)(narr_state *s, void *ctx, bool *changed, char *msg,
                                 size_t msg_size);

static narr_status locked_update(const char *dir, change_fn change, void *ctx, char *msg,
                                 size_t msg_size)
{
    char *path = state_path(dir);
    if (!path)
        return NARR_E_NOMEM;
    int lock = narr_file_lock(path, msg, msg_size);
    free(path);
    if (lock < 0)
        return NARR_E_IO;
    narr_state *s;
    narr_status st = narr_state_load(dir, &s, msg, msg_size);
    bool changed = false;
    if (st == NARR_OK && (st = change(s, ctx, &changed, msg, msg_size)) == NARR_OK && changed)
        st = save(s, dir, msg, msg_size);
    narr_state_free(s);
    narr_file_unlock(lock);
    return st;
}

static bool file_in(const char *dir, const char *name, bool regular_only)
{
    size_t size = strlen(dir) + strlen(name) + 2;
    char *p = malloc(size);
    if (!p)
        return true; /* taken, as far as we can tell */
    snprintf(p, size, "%s/%s", dir, name);
    struct stat st;
    bool there = regular_only ? stat(p, &st) == 0 && S_ISREG(st.st_mode) : lstat(p, &st) == 0;
    free(p);
    return there;
}

bool narr_state_is_done(const narr_state *s, const char *dir, const char *key, const char *hash)
{
    const narr_state_entry *e = find(s, key);
    return e && e->hash[0] && strcmp(e->hash, hash) == 0 && file_in(dir, e->file, true);
}

typedef struct {
    const char *dir, *key, *day, *title, *ext;
    char *name;
} claim;

static bool recorded_for_other(const narr_state *s, const char *name, const char *key)
{
    for (size_t i = 0; i < s->n; i++)
        if (strcmp(s->e[i].file, name) == 0 && strcmp(s->e[i].key, key) != 0)
            return true;
    return false;
}

/* key's recorded name with ext swapped in; *changed when it differs. */
static char *recorded_name(narr_state_entry *e, const char *ext, bool *changed)
{
    const char *dot = strrchr(e->file, '.');
    size_t stem = dot ? (size_t)(dot - e->file) : strlen(e->file);
    if (dot && strcmp(dot + 1, ext) == 0)
        return strdup(e->file);
    size_t size = stem + strlen(ext) + 2;
    char *name = malloc(size);
    char *none = strdup("");
    if (!name || !none) {
        free(name);
        free(none);
        return NULL;
    }
    snprintf(name, size, "%.*s.%s", (int)stem, e->file, ext);
    free(e->hash); /* a new file to make: not done */
    e->hash = none;
    *changed = true;
    return name;
}

static narr_status do_claim(narr_state *s, void *ctx, bool *changed, char *msg, size_t msg_size)
{
    claim *c = ctx;
    narr_state_entry *e = find(s, c->key);
    if (e) {
        char *name = recorded_name(e, c->ext, changed);
        if (name && *changed) {
            free(e->file);
            e->file = strdup(name);
            if (!e->file) {
                free(name);
                name = NULL;
            }
        }
        c->name = name;
        return name ? NARR_OK : NARR_E_NOMEM;
    }
    char slug[NARR_SLUG_MAX + 1], name[NARR_SLUG_MAX + 64];
    narr_status st = narr_slug(c->title, slug);
    if (st != NARR_OK)
        return st;
    for (unsigned n = 1; n < 100000; n++) {
        if (!narr_episode_name(c->day, slug, n, c->ext, name, sizeof name)) {
            say(msg, msg_size, L_("%s: day or extension too long for a file name"), c->dir, 0);
            return NARR_E_ARG;
        }
        if (!plain_name(name)) {
            say(msg, msg_size, L_("%s: day and extension must not hold '/'"), c->dir, 0);
            return NARR_E_ARG;
        }
        if (recorded_for_other(s, name, c->key) || file_in(c->dir, name, false))
            continue;
        narr_state_entry reserved = {.key = (char *)c->key, .hash = "", .file = name,
                                     .made = time(NULL)};
        if ((st = put(s, &reserved)) != NARR_OK || !(c->name = strdup(name)))
            return NARR_E_NOMEM;
        *changed = true;
        return NARR_OK;
    }
    say(msg, msg_size, L_("%s: no free file name left"), c->dir, 0);
    return NARR_E_IO;
}

narr_status narr_state_claim_name(const char *dir, const char *key, const char *day,
                                  const char *title, const char *ext, char **name, char *msg,
                                  size_t msg_size)
{
    claim c = {.dir = dir, .key = key, .day = day, .title = title, .ext = ext};
    *name = NULL;
    narr_status st = locked_update(dir, do_claim, &c, msg, msg_size);
    if (st == NARR_OK)
        *name = c.name;
    else
        free(c.name);
    return st;
}

static narr_status do_record(narr_state *s, void *ctx, bool *changed, char *msg, size_t msg_size)
{
    (void)msg, (void)msg_size;
    *changed = true;
    return put(s, ctx);
}

narr_status narr_state_record(const char *dir, const narr_state_entry *e, char *msg,
                              size_t msg_size)
{
    if (!e->key[0] || !hex16_or_empty(e->hash) || !plain_name(e->file)) {
        say(msg, msg_size, L_("%s: bad state entry (empty key, bad hash or file name)"), dir, 0);
        return NARR_E_ARG;
    }
    return locked_update(dir, do_record, (void *)e, msg, msg_size);
}

static narr_status do_forget(narr_state *s, void *ctx, bool *changed, char *msg, size_t msg_size)
{
    (void)msg, (void)msg_size;
    narr_state_entry *e = find(s, ctx);
    if (e) {
        entry_free(e);
        *e = s->e[--s->n];
        *changed = true;
    }
    return NARR_OK;
}

narr_status narr_state_forget(const char *dir, const char *key, char *msg, size_t msg_size)
{
    return locked_update(dir, do_forget, (void *)key, msg, msg_size);
}

void narr_hash_init(narr_hash *h)
{
    h->h = 0xcbf29ce484222325u; /* the FNV-1a 64-bit offset basis */
}

void narr_hash_add(narr_hash *h, const void *data, size_t len)
{
    const unsigned char *p = data;
    for (size_t i = 0; i < len; i++) {
        h->h ^= p[i];
        h->h *= 0x100000001b3u; /* the FNV 64-bit prime */
    }
}

void narr_hash_hex(const narr_hash *h, char out[17])
{
    snprintf(out, 17, "%016llx", (unsigned long long)h->h);
}
