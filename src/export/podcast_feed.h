/* podcast_feed: the RSS 2.0 podcast feed of a batch folder, with the
 * itunes: and podcast: (Podcasting 2.0) namespaces. In: the feed's path,
 * the channel's settings and this run's episodes. Out: the feed file with
 * this run's episodes merged into those of earlier runs (same GUID:
 * replaced), newest first. The update is a read-merge-write under an
 * exclusive lock (export/file_lock), and the file is replaced atomically
 * (temp file, fsync, rename), so concurrent runs never corrupt it or lose
 * each other's episodes. Written with libxml2's tree API: every text is
 * escaped by the library. Episodes of earlier runs are read back from the
 * elements written here; other elements added by hand are not kept. */
#ifndef NARR_PODCAST_FEED_H
#define NARR_PODCAST_FEED_H

#include "narrateur.h"

#include <stddef.h>
#include <time.h>

/* Channel settings. NULL fields keep the existing feed's value, else the
 * default given. */
typedef struct {
    const char *base_url;    /* required: where the feed's folder is served,
                              * e.g. "https://exemple.fr/podcast/" */
    const char *title;       /* default "narrateur" */
    const char *description; /* default: the title */
    const char *link;        /* the site; default base_url */
    const char *image_url;   /* itunes:image and <image>; default none */
    const char *author;      /* itunes:author; default none */
    const char *language;    /* default "fr" */
} narr_podcast_channel;

/* One episode. Files are names in the feed's folder; their URLs are
 * base_url + name (percent-encoded). */
typedef struct {
    const char *guid;        /* the article's GUID or URL; required */
    const char *title;       /* required */
    const char *link;        /* the article's address; NULL = none */
    const char *description; /* plain text; NULL = none */
    time_t pub_date;
    const char *audio_file;  /* required */
    const char *audio_type;  /* MIME type, see narr_podcast_audio_type */
    long long audio_bytes;   /* the file's exact length */
    double duration;         /* seconds; written rounded, as whole seconds */
    const char *transcript_file; /* NULL = none */
    const char *transcript_type; /* "text/vtt" or "application/x-subrip" */
    const char *chapters_file;   /* JSON chapters; NULL = none */
} narr_podcast_item;

/* The enclosure type of an audio extension (any case, without the dot):
 * mp3 audio/mpeg, opus and ogg audio/ogg, flac audio/flac, wav audio/wav;
 * NULL for others. */
const char *narr_podcast_audio_type(const char *ext);

/* Merges items[0..n) into the feed at path (created when missing) and
 * republishes it. NARR_E_ARG without base_url or with an item missing a
 * required field, NARR_E_BAD_UTF8 for text that is not UTF-8, NARR_E_DATA
 * when path exists but is not an RSS feed ("PATH: not an RSS feed;
 * choose another file for the podcast feed") — it is then left alone —,
 * NARR_E_IO, NARR_E_NOMEM; msg (required) says what, naming the file. */
narr_status narr_podcast_feed_update(const char *path, const narr_podcast_channel *channel,
                                     const narr_podcast_item *items, size_t n, char *msg,
                                     size_t msg_size);

#endif
