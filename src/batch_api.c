/* batch_api: the batch state and the podcast feed of narrateur.h, over
 * export/batch_state and export/podcast_feed. */
#include "narrateur.h"
#include "base/i18n.h"
#include "export/batch_state.h"
#include "export/podcast_feed.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

struct narr_batch_state {
    narr_state *state;
    char *dir;
};

narr_batch_state *narr_batch_state_load(const char *dir, narr_status *st, char *msg,
                                        size_t msg_size)
{
    narr_batch_state *s = calloc(1, sizeof *s);
    if (!s || !(s->dir = strdup(dir))) {
        free(s);
        *st = NARR_E_NOMEM;
        snprintf(msg, msg_size, L_("out of memory"));
        return NULL;
    }
    if ((*st = narr_state_load(dir, &s->state, msg, msg_size)) != NARR_OK) {
        narr_batch_state_free(s);
        return NULL;
    }
    return s;
}

void narr_batch_state_free(narr_batch_state *s)
{
    if (!s)
        return;
    narr_state_free(s->state);
    free(s->dir);
    free(s);
}

bool narr_batch_state_done(const narr_batch_state *s, const char *key, const char *hash)
{
    return narr_state_is_done(s->state, s->dir, key, hash);
}

narr_status narr_batch_claim_name(const char *dir, const char *key, const char *day,
                                  const char *title, const char *ext, char **name, char *msg,
                                  size_t msg_size)
{
    return narr_state_claim_name(dir, key, day, title, ext, name, msg, msg_size);
}

narr_status narr_batch_record(const char *dir, const char *key, const char *hash,
                              const char *file, double seconds, char *msg, size_t msg_size)
{
    narr_state_entry e = {.key = (char *)key, .hash = (char *)hash, .file = (char *)file,
                          .duration = seconds, .made = time(NULL)};
    return narr_state_record(dir, &e, msg, msg_size);
}

narr_status narr_batch_forget(const char *dir, const char *key, char *msg, size_t msg_size)
{
    return narr_state_forget(dir, key, msg, msg_size);
}

/* The extension of name, without its dot ("" when none). */
static const char *extension(const char *name)
{
    const char *dot = strrchr(name, '.');
    return dot ? dot + 1 : "";
}

narr_status narr_podcast_add(const char *path, const narr_podcast_options *channel,
                             const narr_podcast_episode *episode, char *msg, size_t msg_size)
{
    const char *slash = strrchr(path, '/');
    int dir_len = slash ? (int)(slash - path) : 1;
    const char *dir = slash ? path : ".";
    char audio[4096];
    struct stat info;
    if (!episode->audio_file ||
        snprintf(audio, sizeof audio, "%.*s/%s", dir_len, dir, episode->audio_file) >=
            (int)sizeof audio ||
        stat(audio, &info) != 0) {
        snprintf(msg, msg_size, L_("%s: cannot read the episode's file: %s"), audio,
                 strerror(errno));
        return NARR_E_IO;
    }
    const char *type = narr_podcast_audio_type(extension(episode->audio_file));
    if (!type) {
        snprintf(msg, msg_size, L_("%s: not an audio type podcast apps play"), audio);
        return NARR_E_ARG;
    }
    narr_podcast_channel ch = {.base_url = channel->base_url, .title = channel->title,
                               .description = channel->description,
                               .image_url = channel->image_url, .author = channel->author};
    const char *transcript = episode->transcript_file;
    narr_podcast_item item = {
        .guid = episode->guid, .title = episode->title, .link = episode->link,
        .pub_date = (time_t)episode->pub_date, .audio_file = episode->audio_file,
        .audio_type = type, .audio_bytes = (long long)info.st_size,
        .duration = episode->seconds, .transcript_file = transcript,
        .transcript_type = !transcript ? NULL
                           : strcmp(extension(transcript), "srt") == 0 ? "application/x-subrip"
                                                                       : "text/vtt",
        .chapters_file = episode->chapters_file};
    return narr_podcast_feed_update(path, &ch, &item, 1, msg, msg_size);
}
