/* The voice preset parser: any file either loads or is refused. */
#include "fuzz_common.h"
#include "data/voice.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    char path[64], msg[1024];
    int fd = fuzz_file(data, size, path);
    if (fd < 0)
        return 0;
    narr_voice voice;
    narr_voice_load(path, &voice, msg, sizeof msg); /* a '/': read as a file */
    close(fd);
    return 0;
}
