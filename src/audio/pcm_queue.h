/* pcm_queue: a bounded single-producer single-consumer queue of samples
 * (16-bit or float, chosen at creation) between two threads of a sink, so
 * a stage runs ahead of the next by at most the queue's capacity and
 * memory stays flat. E.g. synthesis → shaper holds 6 s of speech. */
#ifndef NARR_PCM_QUEUE_H
#define NARR_PCM_QUEUE_H

#include "narrateur.h"

typedef struct narr_pcm_queue narr_pcm_queue;

/* capacity in samples of sample_size bytes. NULL when out of memory. */
narr_pcm_queue *narr_pcm_queue_new(size_t capacity, size_t sample_size);
void narr_pcm_queue_free(narr_pcm_queue *q);

/* Copies all samples in, waiting for room. false when the queue was
 * aborted (the other side has given up). */
bool narr_pcm_queue_push(narr_pcm_queue *q, const void *pcm, size_t samples);

/* Waits for samples and takes up to max; 0 once the queue is closed and
 * empty, or aborted. */
size_t narr_pcm_queue_pop(narr_pcm_queue *q, void *out, size_t max);

/* The producer is done: pop returns what is left, then 0. */
void narr_pcm_queue_close(narr_pcm_queue *q);

/* Either side stops: push returns false, pop returns 0. */
void narr_pcm_queue_abort(narr_pcm_queue *q);

#endif
