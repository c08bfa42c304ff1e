/* sinks: the dispatch shared by every sink. */
#include "audio/sink.h"

#include <stdlib.h>

narr_status narr_sink_write(narr_sink *s, const int16_t *pcm, size_t frames)
{
    return frames ? s->ops->write(s, pcm, frames) : NARR_OK;
}

narr_status narr_sink_finish(narr_sink *s)
{
    narr_status st = s->ops->finish(s);
    s->finished = st == NARR_OK;
    return st;
}

const char *narr_sink_errmsg(const narr_sink *s) { return s->errmsg; }

void narr_sink_free(narr_sink *s)
{
    if (!s)
        return;
    s->ops->close(s);
    free(s);
}
