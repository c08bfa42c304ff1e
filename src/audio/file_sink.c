/* file sink: WAV through libsndfile, written to "DIR/.NAME.XXXXXX" and
 * renamed to the final name only when complete. */
#include "audio/sink.h"

#include <errno.h>
#include <sndfile.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

typedef struct {
    SNDFILE *snd;
    char *path;
    char *tmp_path;
} file_sink;

static narr_status file_write(narr_sink *s, const int16_t *pcm, size_t frames)
{
    file_sink *f = s->priv;
    sf_count_t done = sf_writef_short(f->snd, pcm, (sf_count_t)frames);
    if (done != (sf_count_t)frames) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s: cannot write: %s (is the disk full?)",
                 f->path, sf_strerror(f->snd));
        return NARR_E_IO;
    }
    return NARR_OK;
}

static narr_status file_finish(narr_sink *s)
{
    file_sink *f = s->priv;
    sf_write_sync(f->snd);
    int rc = sf_close(f->snd);
    f->snd = NULL;
    if (rc != 0) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s: cannot complete the file: %s",
                 f->path, sf_error_number(rc));
        return NARR_E_IO;
    }
    if (rename(f->tmp_path, f->path) != 0) {
        snprintf(s->errmsg, sizeof s->errmsg, "%s: cannot rename the finished file: %s",
                 f->path, strerror(errno));
        return NARR_E_IO;
    }
    free(f->tmp_path);
    f->tmp_path = NULL;
    return NARR_OK;
}

static void file_close(narr_sink *s)
{
    file_sink *f = s->priv;
    if (!f)
        return;
    if (f->snd)
        sf_close(f->snd);
    if (f->tmp_path)
        unlink(f->tmp_path);
    free(f->tmp_path);
    free(f->path);
    free(f);
}

static const narr_sink_ops file_ops = {file_write, file_finish, file_close};

/* "dir/name.wav" → "dir/.name.wav.XXXXXX", created with mkstemp. */
static int make_temp(const char *path, char **tmp_path)
{
    const char *slash = strrchr(path, '/');
    int dir = slash ? (int)(slash - path + 1) : 0;
    size_t size = strlen(path) + 16;
    char *tmp = malloc(size);
    if (!tmp)
        return -1;
    snprintf(tmp, size, "%.*s.%s.XXXXXX", dir, path, path + dir);
    int fd = mkstemp(tmp);
    if (fd < 0) {
        free(tmp);
        return -1;
    }
    *tmp_path = tmp;
    return fd;
}

narr_sink *narr_sink_open_file(const char *path, int rate, narr_status *err,
                               char *msg, size_t msg_size)
{
    narr_sink *s = calloc(1, sizeof *s);
    file_sink *f = calloc(1, sizeof *f);
    if (!s || !f || !(f->path = strdup(path))) {
        free(s);
        free(f);
        *err = NARR_E_NOMEM;
        snprintf(msg, msg_size, "out of memory");
        return NULL;
    }
    s->ops = &file_ops;
    s->priv = f;
    int fd = make_temp(path, &f->tmp_path);
    if (fd < 0) {
        snprintf(msg, msg_size, "%s: cannot create the output file: %s; choose a "
                 "writable folder", path, strerror(errno));
        *err = NARR_E_IO;
        narr_sink_free(s);
        return NULL;
    }
    SF_INFO info = {.samplerate = rate, .channels = 1,
                    .format = SF_FORMAT_WAV | SF_FORMAT_PCM_16};
    f->snd = sf_open_fd(fd, SFM_WRITE, &info, SF_TRUE);
    if (!f->snd) {
        snprintf(msg, msg_size, "%s: cannot write WAV: %s", path, sf_strerror(NULL));
        close(fd);
        *err = NARR_E_IO;
        narr_sink_free(s);
        return NULL;
    }
    *err = NARR_OK;
    return s;
}
