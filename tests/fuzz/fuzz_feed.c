/* The feed parser: any bytes either parse as RSS, Atom or RDF, with every
 * field within its bound, or are refused with a message. */
#include "fuzz_common.h"
#include "input/feed.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    const char *s = (const char *)data;
    narr_feed_detect(s, size);
    narr_feed *feed = NULL;
    char msg[512];
    narr_feed_filter filter = {.max_items = size & 1 ? 3 : 0};
    if (narr_feed_parse(s, size, "https://exemple.fr/flux/", &filter, &feed, msg, sizeof msg) ==
        NARR_OK) {
        if (strlen(feed->title) > NARR_FEED_MAX_TITLE || feed->n_items > NARR_FEED_MAX_ITEMS)
            abort();
        for (size_t i = 0; i < feed->n_items; i++)
            if (strlen(feed->items[i].title) > NARR_FEED_MAX_TITLE ||
                strlen(feed->items[i].link) > NARR_FEED_MAX_LINK)
                abort();
        narr_feed_free(feed);
    }
    return 0;
}
