/* resample: changes the sample rate of a mono float stream with libsoxr
 * (high quality), e.g. eSpeak's 22 050 Hz to 44 100 Hz for an MP3 or
 * 48 000 Hz for Opus. The output comes through a callback in chunks; n
 * input frames give round(n * out / in) output frames once flushed. Equal
 * rates pass the samples through untouched. Only resample.c includes soxr. */
#ifndef NARR_RESAMPLE_H
#define NARR_RESAMPLE_H

#include "narrateur.h"

typedef struct narr_resampler narr_resampler;

/* Receives resampled frames; return NARR_OK to go on. */
typedef narr_status (*narr_float_fn)(void *user, const float *pcm, size_t frames);

/* NULL with *err = NARR_E_NOMEM or NARR_E_ARG (a rate soxr refuses).
 * Owned: narr_resampler_free. */
narr_resampler *narr_resampler_new(int in_rate, int out_rate, narr_status *err);
void narr_resampler_free(narr_resampler *r);

/* Resamples in[0..frames), passing what is ready to emit. */
narr_status narr_resampler_run(narr_resampler *r, const float *in, size_t frames,
                               narr_float_fn emit, void *user);

/* The end of the stream: emits what soxr still holds. The resampler can
 * then start a new stream. */
narr_status narr_resampler_flush(narr_resampler *r, narr_float_fn emit, void *user);

#endif
