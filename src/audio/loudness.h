/* loudness: EBU R128 measurement (libebur128) and the peak limiter that
 * lets speech reach a podcast's loudness (−16 LUFS integrated) with its
 * true peak kept under −1 dBTP. eSpeak NG's speech measures about −22 LUFS
 * with peaks near full scale, so raising it by 6 dB needs its few loudest
 * peaks held down; the limiter does that with a 3 ms look-ahead, and its
 * detector estimates inter-sample peaks, so the encoded file stays under
 * the true-peak ceiling. Only loudness.c includes libebur128. */
#ifndef NARR_LOUDNESS_H
#define NARR_LOUDNESS_H

#include "narrateur.h"

/* An integrated-loudness meter for a mono stream (memory does not grow
 * with the length: libebur128's histogram mode). */
typedef struct narr_meter narr_meter;

narr_meter *narr_meter_new(int rate);
void narr_meter_free(narr_meter *m);
narr_status narr_meter_add(narr_meter *m, const float *pcm, size_t frames);
/* Integrated loudness in LUFS so far; -HUGE_VAL for silence. */
double narr_meter_lufs(narr_meter *m);
/* Starts a new measurement. */
void narr_meter_reset(narr_meter *m);

/* The look-ahead limiter: out[i] = in[i] * gain, with the gain lowered
 * smoothly around peaks that would pass the ceiling. The output lags the
 * input by narr_limiter_delay frames; narr_limiter_flush returns the
 * rest, so the frame count is kept. */
typedef struct narr_limiter narr_limiter;

/* ceiling_db in dBFS (e.g. -1.5). */
narr_limiter *narr_limiter_new(int rate, double ceiling_db);
void narr_limiter_free(narr_limiter *l);
void narr_limiter_reset(narr_limiter *l);
size_t narr_limiter_delay(const narr_limiter *l);

/* Takes frames of in, writes to out (room for frames) and returns how
 * many it wrote (fewer than frames while the look-ahead fills). */
size_t narr_limiter_process(narr_limiter *l, const float *in, size_t frames, float *out);
/* Writes the last narr_limiter_delay frames (at most) and returns how many. */
size_t narr_limiter_flush(narr_limiter *l, float *out);

/* Decibels to an amplitude factor. */
double narr_db_to_gain(double db);

#endif
