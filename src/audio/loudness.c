/* loudness: libebur128 meter and look-ahead peak limiter (loudness.h).
 *
 * The limiter: a detector estimates each sample's peak from the sample and
 * the two half-sample points around it (4-point interpolation, which is
 * where a decoder's reconstruction overshoots); the gain a peak needs is
 * held for the look-ahead window (a running minimum), released slowly, and
 * smoothed by a moving average as long as the window, so the gain has
 * reached its value when the peak goes out, and never overshoots it. */
#include "audio/loudness.h"

#include <ebur128.h>
#include <math.h>
#include <stdlib.h>

struct narr_meter {
    ebur128_state *st;
    int rate;
};

narr_meter *narr_meter_new(int rate)
{
    narr_meter *m = calloc(1, sizeof *m);
    if (!m)
        return NULL;
    m->rate = rate;
    m->st = ebur128_init(1, (unsigned long)rate, EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM);
    if (!m->st) {
        free(m);
        return NULL;
    }
    return m;
}

void narr_meter_free(narr_meter *m)
{
    if (!m)
        return;
    ebur128_destroy(&m->st);
    free(m);
}

narr_status narr_meter_add(narr_meter *m, const float *pcm, size_t frames)
{
    return ebur128_add_frames_float(m->st, pcm, frames) == EBUR128_SUCCESS ? NARR_OK
                                                                            : NARR_E_NOMEM;
}

double narr_meter_lufs(narr_meter *m)
{
    double lufs;
    if (ebur128_loudness_global(m->st, &lufs) != EBUR128_SUCCESS)
        return -HUGE_VAL;
    return lufs;
}

void narr_meter_reset(narr_meter *m)
{
    ebur128_state *fresh =
        ebur128_init(1, (unsigned long)m->rate, EBUR128_MODE_I | EBUR128_MODE_HISTOGRAM);
    if (fresh) {
        ebur128_destroy(&m->st);
        m->st = fresh;
    }
}

double narr_db_to_gain(double db) { return pow(10.0, db / 20.0); }

/* ---- limiter ---- */

#define LOOKAHEAD_S 0.003
#define RELEASE_S 0.080
#define DETECT_DELAY 2 /* the detector needs two samples after the one it rates */

typedef struct {
    size_t index;
    float need; /* the gain that sample needs */
} need_entry;

struct narr_limiter {
    double ceiling;
    double release;  /* per-sample step of the release toward 1 */
    size_t window;   /* look-ahead, in frames */
    double inv_window;
    /* detector: the last four inputs, and the previous half-sample point */
    float hist[4];
    float mid_prev;
    /* core; ring positions wrap by hand (a modulo per sample costs) */
    float *delay;        /* the last `window` detector outputs */
    need_entry *deque;   /* running minimum of the needs over the window */
    size_t dq_head, dq_len;
    float *held;         /* the last `window` held gains, for the average */
    size_t slot;         /* where the newest sample goes in delay and held */
    double held_sum;
    double gain;         /* the held gain of the previous sample */
    size_t rated;        /* samples that went through the detector */
    size_t taken, given; /* frames in and out, for the flush */
};

narr_limiter *narr_limiter_new(int rate, double ceiling_db)
{
    narr_limiter *l = calloc(1, sizeof *l);
    if (!l)
        return NULL;
    l->ceiling = narr_db_to_gain(ceiling_db);
    l->release = 1.0 - exp(-1.0 / (RELEASE_S * rate));
    l->window = (size_t)lround(LOOKAHEAD_S * rate);
    if (l->window < 1)
        l->window = 1;
    l->inv_window = 1.0 / (double)l->window;
    l->delay = malloc(l->window * sizeof *l->delay);
    l->deque = malloc((l->window + 1) * sizeof *l->deque);
    l->held = malloc(l->window * sizeof *l->held);
    if (!l->delay || !l->deque || !l->held) {
        narr_limiter_free(l);
        return NULL;
    }
    narr_limiter_reset(l);
    return l;
}

void narr_limiter_free(narr_limiter *l)
{
    if (!l)
        return;
    free(l->delay);
    free(l->deque);
    free(l->held);
    free(l);
}

void narr_limiter_reset(narr_limiter *l)
{
    for (int i = 0; i < 4; i++)
        l->hist[i] = 0;
    l->mid_prev = 0;
    for (size_t i = 0; i < l->window; i++) {
        l->delay[i] = 0;
        l->held[i] = 1;
    }
    l->dq_head = l->dq_len = 0;
    l->slot = 0;
    l->held_sum = (double)l->window;
    l->gain = 1;
    l->rated = l->taken = l->given = 0;
}

size_t narr_limiter_delay(const narr_limiter *l) { return DETECT_DELAY + l->window - 1; }

/* One rated sample through the core; true when a sample comes out. */
static bool core(narr_limiter *l, float x, float peak, float *y)
{
    size_t k = l->rated++, cap = l->window + 1;
    float need = peak > l->ceiling ? (float)(l->ceiling / peak) : 1.0f;
    /* The deque keeps increasing needs from its head; entries that no
     * longer matter (a later sample needs less gain) leave from the back. */
    while (l->dq_len) {
        size_t back = l->dq_head + l->dq_len - 1;
        if (back >= cap)
            back -= cap;
        if (l->deque[back].need < need)
            break;
        l->dq_len--;
    }
    size_t tail = l->dq_head + l->dq_len;
    l->deque[tail >= cap ? tail - cap : tail] = (need_entry){k, need};
    l->dq_len++;
    if (l->deque[l->dq_head].index + l->window <= k) {
        l->dq_head = l->dq_head + 1 == cap ? 0 : l->dq_head + 1;
        l->dq_len--;
    }
    double hold = l->deque[l->dq_head].need;
    double g = l->gain + (1.0 - l->gain) * l->release;
    l->gain = g < hold ? g : hold;
    size_t slot = l->slot;
    l->slot = slot + 1 == l->window ? 0 : slot + 1;
    l->held_sum += l->gain - l->held[slot];
    l->held[slot] = (float)l->gain;
    /* The sample that leaves is the oldest of the window (the next slot);
     * every held gain in the average was computed with its need in view. */
    float leaving = l->window == 1 ? x : l->delay[l->slot];
    l->delay[slot] = x;
    if (k + 1 < l->window)
        return false;
    double avg = l->held_sum * l->inv_window;
    *y = avg < 1.0 ? (float)(leaving * avg) : leaving;
    return true;
}

/* One input sample through the detector then the core. */
static bool step(narr_limiter *l, float x, float *y)
{
    float *h = l->hist;
    h[0] = h[1], h[1] = h[2], h[2] = h[3], h[3] = x;
    /* The point halfway between h[1] and h[2]. */
    float mid = (9.0f * (h[1] + h[2]) - h[0] - h[3]) / 16.0f;
    float a = fabsf(h[1]), b = fabsf(l->mid_prev), c = fabsf(mid);
    float peak = a > b ? a : b;
    peak = peak > c ? peak : c;
    l->mid_prev = mid;
    bool warm = l->taken >= DETECT_DELAY;
    l->taken++;
    return warm && core(l, h[1], peak, y);
}

size_t narr_limiter_process(narr_limiter *l, const float *in, size_t frames, float *out)
{
    size_t n = 0;
    for (size_t i = 0; i < frames; i++)
        if (step(l, in[i], &out[n]))
            n++;
    l->given += n;
    return n;
}

size_t narr_limiter_flush(narr_limiter *l, float *out)
{
    /* Zeros push the last real samples out; `taken` counts them too, so
     * compare with the real count saved before. */
    size_t real = l->taken, n = 0;
    while (l->given + n < real) {
        if (step(l, 0.0f, &out[n]))
            n++;
    }
    l->given += n;
    return n;
}
