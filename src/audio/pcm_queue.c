/* pcm_queue: a ring buffer guarded by one mutex and two conditions. */
#include "audio/pcm_queue.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

struct narr_pcm_queue {
    pthread_mutex_t lock;
    pthread_cond_t not_full, not_empty;
    unsigned char *ring;
    size_t size; /* bytes a sample */
    size_t capacity, head, count;
    bool closed, aborted;
};

narr_pcm_queue *narr_pcm_queue_new(size_t capacity, size_t sample_size)
{
    narr_pcm_queue *q = calloc(1, sizeof *q);
    if (!q)
        return NULL;
    q->size = sample_size;
    q->ring = malloc(capacity * sample_size);
    if (!q->ring) {
        free(q);
        return NULL;
    }
    q->capacity = capacity;
    pthread_mutex_init(&q->lock, NULL);
    pthread_cond_init(&q->not_full, NULL);
    pthread_cond_init(&q->not_empty, NULL);
    return q;
}

void narr_pcm_queue_free(narr_pcm_queue *q)
{
    if (!q)
        return;
    pthread_mutex_destroy(&q->lock);
    pthread_cond_destroy(&q->not_full);
    pthread_cond_destroy(&q->not_empty);
    free(q->ring);
    free(q);
}

bool narr_pcm_queue_push(narr_pcm_queue *q, const void *data, size_t frames)
{
    const unsigned char *pcm = data;
    pthread_mutex_lock(&q->lock);
    while (frames && !q->aborted) {
        while (q->count == q->capacity && !q->aborted)
            pthread_cond_wait(&q->not_full, &q->lock);
        if (q->aborted)
            break;
        size_t tail = (q->head + q->count) % q->capacity;
        size_t n = q->capacity - q->count;
        if (n > q->capacity - tail)
            n = q->capacity - tail;
        if (n > frames)
            n = frames;
        memcpy(q->ring + tail * q->size, pcm, n * q->size);
        q->count += n;
        pcm += n * q->size;
        frames -= n;
        pthread_cond_signal(&q->not_empty);
    }
    bool ok = !q->aborted;
    pthread_mutex_unlock(&q->lock);
    return ok;
}

size_t narr_pcm_queue_pop(narr_pcm_queue *q, void *out, size_t max)
{
    pthread_mutex_lock(&q->lock);
    while (!q->count && !q->closed && !q->aborted)
        pthread_cond_wait(&q->not_empty, &q->lock);
    size_t n = 0;
    if (!q->aborted) {
        n = q->count < max ? q->count : max;
        if (n > q->capacity - q->head)
            n = q->capacity - q->head;
        memcpy(out, q->ring + q->head * q->size, n * q->size);
        q->head = (q->head + n) % q->capacity;
        q->count -= n;
        pthread_cond_signal(&q->not_full);
    }
    pthread_mutex_unlock(&q->lock);
    return n;
}

void narr_pcm_queue_close(narr_pcm_queue *q)
{
    pthread_mutex_lock(&q->lock);
    q->closed = true;
    pthread_cond_broadcast(&q->not_empty);
    pthread_mutex_unlock(&q->lock);
}

void narr_pcm_queue_abort(narr_pcm_queue *q)
{
    pthread_mutex_lock(&q->lock);
    q->aborted = true;
    pthread_cond_broadcast(&q->not_empty);
    pthread_cond_broadcast(&q->not_full);
    pthread_mutex_unlock(&q->lock);
}
