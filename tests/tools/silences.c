/* silences FILE [MIN_MS]: the runs of digital silence (samples that are
 * exactly zero, as narrateur's own pauses are) of at least MIN_MS
 * milliseconds (default 40) in an audio file, one "START LENGTH" line
 * each, in frames. For the CLI tests that pin pauses in samples. */
#include <sndfile.h>
#include <stdio.h>
#include <stdlib.h>

int main(int argc, char **argv)
{
    if (argc < 2 || argc > 3) {
        fprintf(stderr, "usage: silences FILE [MIN_MS]\n");
        return 2;
    }
    SF_INFO info = {0};
    SNDFILE *f = sf_open(argv[1], SFM_READ, &info);
    if (!f) {
        fprintf(stderr, "silences: %s: %s\n", argv[1], sf_strerror(NULL));
        return 1;
    }
    if (info.channels != 1) {
        fprintf(stderr, "silences: %s: not mono\n", argv[1]);
        sf_close(f);
        return 1;
    }
    long long min = (argc == 3 ? atoll(argv[2]) : 40) * info.samplerate / 1000;
    short buf[4096];
    sf_count_t n;
    long long at = 0, start = -1;
    while ((n = sf_read_short(f, buf, 4096)) > 0)
        for (sf_count_t i = 0; i < n; i++, at++) {
            if (buf[i] == 0 && start < 0)
                start = at;
            else if (buf[i] != 0 && start >= 0) {
                if (at - start >= min)
                    printf("%lld %lld\n", start, at - start);
                start = -1;
            }
        }
    if (start >= 0 && at - start >= min)
        printf("%lld %lld\n", start, at - start);
    sf_close(f);
    return 0;
}
