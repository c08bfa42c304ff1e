/* wavinfo FILE: prints what libsndfile reads from an audio file, one
 * "key=value" a line: format, rate, channels, frames, seconds, peak (of
 * 32767), nonsilent (frames above 1% of full scale). For the CLI tests. */
#include <stdlib.h>
#include <sndfile.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 2) {
        fprintf(stderr, "usage: wavinfo FILE\n");
        return 2;
    }
    SF_INFO info = {0};
    SNDFILE *f = sf_open(argv[1], SFM_READ, &info);
    if (!f) {
        fprintf(stderr, "wavinfo: %s: %s\n", argv[1], sf_strerror(NULL));
        return 1;
    }
    SF_FORMAT_INFO major = {.format = info.format & SF_FORMAT_TYPEMASK};
    sf_command(NULL, SFC_GET_FORMAT_INFO, &major, sizeof major);
    short buf[4096];
    sf_count_t n, peak = 0, loud = 0;
    while ((n = sf_read_short(f, buf, 4096)) > 0)
        for (sf_count_t i = 0; i < n; i++) {
            int v = abs(buf[i]);
            peak = v > peak ? v : peak;
            loud += v > 327;
        }
    printf("format=%s\nrate=%d\nchannels=%d\nframes=%lld\nseconds=%.2f\npeak=%lld\nnonsilent=%lld\n",
           major.extension ? major.extension : "?", info.samplerate, info.channels,
           (long long)info.frames, (double)info.frames / info.samplerate, (long long)peak,
           (long long)loud / info.channels);
    sf_close(f);
    return 0;
}
