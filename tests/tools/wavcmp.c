/* wavcmp A B: exit 0 if the two audio files hold the same rate, channels
 * and 16-bit samples, else print the first difference and exit 1. */
#include <sndfile.h>
#include <stdio.h>

int main(int argc, char **argv)
{
    if (argc != 3) {
        fprintf(stderr, "usage: wavcmp A B\n");
        return 2;
    }
    SF_INFO ia = {0}, ib = {0};
    SNDFILE *a = sf_open(argv[1], SFM_READ, &ia), *b = sf_open(argv[2], SFM_READ, &ib);
    if (!a || !b) {
        fprintf(stderr, "wavcmp: cannot open %s\n", a ? argv[2] : argv[1]);
        if (a || b)
            sf_close(a ? a : b);
        return 2;
    }
    int rc = 0;
    if (ia.samplerate != ib.samplerate || ia.channels != ib.channels || ia.frames != ib.frames) {
        printf("differ: rate %d/%d channels %d/%d frames %lld/%lld\n", ia.samplerate,
               ib.samplerate, ia.channels, ib.channels, (long long)ia.frames, (long long)ib.frames);
        rc = 1;
    }
    short x[4096], y[4096];
    sf_count_t n, at = 0;
    while (!rc && (n = sf_read_short(a, x, 4096)) > 0) {
        if (sf_read_short(b, y, n) != n)
            rc = 1;
        for (sf_count_t i = 0; !rc && i < n; i++, at++)
            if (x[i] != y[i]) {
                printf("differ at sample %lld: %d vs %d\n", (long long)at, x[i], y[i]);
                rc = 1;
            }
    }
    if (!rc)
        printf("same: %lld frames\n", (long long)ia.frames);
    /* Closed, so that a leak checker (-Db_sanitize=address) stays quiet. */
    sf_close(a);
    sf_close(b);
    return rc;
}
