/* resample: libsoxr behind narr_resampler (see resample.h). */
#include "audio/resample.h"

#include <soxr.h>
#include <stdlib.h>

#define CHUNK 8192

struct narr_resampler {
    soxr_t soxr; /* NULL when the rates are equal */
    float out[CHUNK];
};

narr_resampler *narr_resampler_new(int in_rate, int out_rate, narr_status *err)
{
    narr_resampler *r = calloc(1, sizeof *r);
    if (!r) {
        *err = NARR_E_NOMEM;
        return NULL;
    }
    *err = NARR_OK;
    if (in_rate == out_rate)
        return r;
    if (in_rate <= 0 || out_rate <= 0) {
        free(r);
        *err = NARR_E_ARG;
        return NULL;
    }
    soxr_io_spec_t io = soxr_io_spec(SOXR_FLOAT32_I, SOXR_FLOAT32_I);
    soxr_quality_spec_t q = soxr_quality_spec(SOXR_HQ, 0);
    soxr_error_t e;
    r->soxr = soxr_create(in_rate, out_rate, 1, &e, &io, &q, NULL);
    if (!r->soxr) {
        free(r);
        *err = NARR_E_ARG;
        return NULL;
    }
    return r;
}

void narr_resampler_free(narr_resampler *r)
{
    if (!r)
        return;
    if (r->soxr)
        soxr_delete(r->soxr);
    free(r);
}

/* One soxr_process call per output chunk until the input is taken (in may
 * be NULL: the flush). */
static narr_status drive(narr_resampler *r, const float *in, size_t frames,
                         narr_float_fn emit, void *user)
{
    for (;;) {
        size_t used = 0, made = 0;
        if (soxr_process(r->soxr, in, frames, &used, r->out, CHUNK, &made))
            return NARR_E_AUDIO;
        if (made) {
            narr_status st = emit(user, r->out, made);
            if (st != NARR_OK)
                return st;
        }
        if (in) {
            in += used;
            frames -= used;
            if (!frames && made < CHUNK)
                return NARR_OK;
        } else if (made == 0) {
            return NARR_OK;
        }
    }
}

narr_status narr_resampler_run(narr_resampler *r, const float *in, size_t frames,
                               narr_float_fn emit, void *user)
{
    if (!frames)
        return NARR_OK;
    if (!r->soxr)
        return emit(user, in, frames);
    return drive(r, in, frames, emit, user);
}

narr_status narr_resampler_flush(narr_resampler *r, narr_float_fn emit, void *user)
{
    if (!r->soxr)
        return NARR_OK;
    narr_status st = drive(r, NULL, 0, emit, user);
    soxr_clear(r->soxr);
    return st;
}
