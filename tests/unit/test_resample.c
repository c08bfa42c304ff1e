/* resample: eSpeak's 22 050 Hz to 44 100 and 48 000 Hz keeps the duration
 * (round(n * out / in) frames once flushed) and the pitch; equal rates
 * pass samples through untouched. */
#include "../check.h"
#include "audio/resample.h"

#include <math.h>
#include <stdlib.h>

#define PI 3.14159265358979323846

typedef struct {
    float *pcm;
    size_t frames, cap;
} collected;

static narr_status collect(void *user, const float *pcm, size_t frames)
{
    collected *c = user;
    if (c->frames + frames > c->cap)
        return NARR_E_NOMEM;
    memcpy(c->pcm + c->frames, pcm, frames * sizeof *pcm);
    c->frames += frames;
    return NARR_OK;
}

/* Upward zero crossings over the middle of the signal, per second. */
static double pitch(const collected *c, int rate)
{
    size_t from = c->frames / 4, to = c->frames * 3 / 4, crossings = 0;
    for (size_t i = from + 1; i < to; i++)
        crossings += c->pcm[i - 1] < 0 && c->pcm[i] >= 0;
    return crossings * (double)rate / (double)(to - from);
}

static void convert(int in_rate, int out_rate, size_t frames)
{
    float *in = malloc(frames * sizeof *in);
    for (size_t i = 0; i < frames; i++)
        in[i] = (float)(0.5 * sin(2 * PI * 440.0 * (double)i / in_rate));
    collected c = {.cap = frames * 3};
    c.pcm = malloc(c.cap * sizeof *c.pcm);
    narr_status st;
    narr_resampler *r = narr_resampler_new(in_rate, out_rate, &st);
    CHECK(r != NULL && st == NARR_OK);
    /* Fed in uneven pieces, as eSpeak's callback does. */
    for (size_t i = 0, step = 1; i < frames; i += step, step = step * 3 % 1021 + 1)
        CHECK(narr_resampler_run(r, in + i, frames - i < step ? frames - i : step, collect, &c)
              == NARR_OK);
    CHECK(narr_resampler_flush(r, collect, &c) == NARR_OK);
    long long want = llround((double)frames * out_rate / in_rate);
    CHECK(llabs((long long)c.frames - want) <= 1);
    CHECK(fabs(pitch(&c, out_rate) - 440.0) < 2.0);
    if (in_rate == out_rate)
        CHECK(c.frames == frames && memcmp(c.pcm, in, frames * sizeof *in) == 0);
    narr_resampler_free(r);
    free(c.pcm);
    free(in);
}

int main(void)
{
    convert(22050, 44100, 22050);
    convert(22050, 48000, 33333);
    convert(44100, 22050, 10000);
    convert(22050, 22050, 5000);
    narr_status st;
    CHECK(narr_resampler_new(0, 44100, &st) == NULL && st == NARR_E_ARG);
    return CHECK_DONE();
}
