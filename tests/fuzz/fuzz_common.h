/* Shared by the fuzz targets: the built-in tables, parsed once, and the
 * fuzzer's bytes as a file (a memfd, so nothing touches the disk). */
#ifndef NARR_FUZZ_COMMON_H
#define NARR_FUZZ_COMMON_H

#define _GNU_SOURCE
#include "base/utf8.h"
#include "data/tables.h"
#include "text/decode.h"

#include <stdint.h>
#include <stdlib.h>
#include <stdio.h>
#include <sys/mman.h>
#include <unistd.h>

/* Writes data to an anonymous file; *path names it for fopen. -1 on failure. */
static inline int fuzz_file(const uint8_t *data, size_t size, char path[64])
{
    int fd = memfd_create("fuzz", 0);
    if (fd < 0)
        return -1;
    if (write(fd, data, size) != (ssize_t)size) {
        close(fd);
        return -1;
    }
    snprintf(path, 64, "/proc/self/fd/%d", fd);
    return fd;
}

/* The built-in tables, parsed on first use (a failure is a bug: abort). */
static inline narr_tables *fuzz_tables(void)
{
    static narr_tables *tables;
    if (!tables) {
        narr_status err;
        char msg[256];
        if (!(tables = narr_tables_new(&err, msg, sizeof msg)))
            abort();
    }
    return tables;
}

/* The fuzzer's bytes as the decoder would hand on a sentence: valid
 * UTF-8, NFC, typography cleaned. False when they are not UTF-8. */
static inline bool fuzz_sentence(const uint8_t *data, size_t size, narr_buf *clean)
{
    const char *s = (const char *)data;
    narr_buf nfc;
    narr_buf_init(&nfc);
    bool ok = narr_utf8_valid(s, size, NULL) && narr_utf8_nfc(s, size, &nfc) == NARR_OK &&
              narr_decode_clean(nfc.data ? nfc.data : "", nfc.len, clean) == NARR_OK &&
              clean->len > 0;
    narr_buf_deinit(&nfc);
    return ok;
}

#endif
