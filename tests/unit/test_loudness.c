/* loudness: the R128 meter on a calibrated tone, and the limiter's
 * promises: no sample over the ceiling, quiet audio untouched (only
 * delayed), the frame count kept, inter-sample peaks caught. */
#include "../check.h"
#include "audio/loudness.h"

#include <math.h>
#include <stdlib.h>

#define PI 3.14159265358979323846

int main(void)
{
    /* A 997 Hz sine at half scale (-6.02 dBFS) reads -3.01 - 6.02 LUFS. */
    int rate = 48000;
    size_t n = (size_t)rate * 5;
    float *tone = malloc(n * sizeof *tone);
    for (size_t i = 0; i < n; i++)
        tone[i] = (float)(0.5 * sin(2 * PI * 997.0 * (double)i / rate));
    narr_meter *m = narr_meter_new(rate);
    CHECK(m && narr_meter_add(m, tone, n) == NARR_OK);
    double lufs = m ? narr_meter_lufs(m) : 0;
    CHECK(fabs(lufs - (-9.03)) < 0.15);
    /* Silence has no loudness. */
    narr_meter_reset(m);
    float zeros[4800] = {0};
    narr_meter_add(m, zeros, 4800);
    CHECK(isinf(narr_meter_lufs(m)) && narr_meter_lufs(m) < 0);
    narr_meter_free(m);
    free(tone);

    /* Peaks up to 4x full scale come out under the ceiling, count kept. */
    rate = 44100;
    n = (size_t)rate * 2;
    float *in = malloc(n * sizeof *in), *out = malloc((n + 1024) * sizeof *out);
    unsigned seed = 12345;
    for (size_t i = 0; i < n; i++) {
        seed = seed * 1103515245u + 12345u;
        double noise = ((seed >> 8) & 0xFFFF) / 32768.0 - 1.0;
        double burst = (i / 2205) % 3 == 0 ? 4.0 : 0.3; /* loud 50 ms bursts */
        in[i] = (float)(noise * burst);
    }
    narr_limiter *l = narr_limiter_new(rate, -1.5);
    CHECK(l != NULL);
    size_t got = 0;
    for (size_t i = 0; i < n; i += 1000)
        got += narr_limiter_process(l, in + i, n - i < 1000 ? n - i : 1000, out + got);
    got += narr_limiter_flush(l, out + got);
    CHECK_INT_EQ(got, n);
    double ceiling = pow(10, -1.5 / 20), peak = 0;
    for (size_t i = 0; i < got; i++)
        peak = fabs(out[i]) > peak ? fabs(out[i]) : peak;
    CHECK(peak <= ceiling + 1e-6);
    CHECK(peak > ceiling * 0.9);

    /* A quiet signal passes unchanged, delayed by narr_limiter_delay. */
    narr_limiter_reset(l);
    size_t delay = narr_limiter_delay(l);
    CHECK_INT_EQ(delay, 2 + 132 - 1); /* 3 ms at 44.1 kHz, and the detector's 2 */
    for (size_t i = 0; i < 4000; i++)
        in[i] = (float)(0.5 * sin(2 * PI * 440.0 * (double)i / rate));
    got = narr_limiter_process(l, in, 4000, out);
    CHECK_INT_EQ(got, 4000 - delay);
    got += narr_limiter_flush(l, out + got);
    CHECK_INT_EQ(got, 4000);
    bool same = true;
    for (size_t i = 0; i < 4000; i++)
        same = same && out[i] == in[i];
    CHECK(same);

    /* A tone at a quarter of the rate whose samples (0.707) miss its
     * peaks (1.0): the detector sees between samples and lowers it. */
    narr_limiter_reset(l);
    for (size_t i = 0; i < 4000; i++)
        in[i] = (float)sin(PI / 2 * (double)i + PI / 4);
    got = narr_limiter_process(l, in, 4000, out);
    got += narr_limiter_flush(l, out + got);
    peak = 0;
    for (size_t i = 1000; i < 3000; i++)
        peak = fabs(out[i]) > peak ? fabs(out[i]) : peak;
    CHECK(peak < 0.70 && peak > 0.5);
    narr_limiter_free(l);
    free(in);
    free(out);
    CHECK(fabs(narr_db_to_gain(-6.0206) - 0.5) < 1e-4);
    return CHECK_DONE();
}
