/* sinks: the dispatch shared by every sink. */
#include "audio/sink.h"

#include <stdlib.h>

narr_status narr_sink_write(narr_sink *s, const int16_t *pcm, size_t frames)
{
    return frames ? s->ops->write(s, pcm, frames) : NARR_OK;
}

narr_status narr_sink_chapter(narr_sink *s, const char *title, size_t len, bool is_title)
{
    return s->timeline ? s->timeline->chapter(s, title, len, is_title) : NARR_OK;
}

narr_status narr_sink_cue(narr_sink *s, bool begin, const char *text, size_t len)
{
    return s->timeline ? s->timeline->cue(s, begin, text, len) : NARR_OK;
}

void narr_sink_progress(narr_sink *s, double *produced, double *done)
{
    *produced = *done = 0;
    if (s->timeline)
        s->timeline->progress(s, produced, done);
}

narr_status narr_sink_hold(narr_sink *s)
{
    return s->ops->hold ? s->ops->hold(s) : NARR_OK;
}

long narr_sink_underruns(const narr_sink *s) { return s->underruns; }

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
