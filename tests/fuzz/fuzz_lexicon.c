/* The user lexicon parser: any file either loads or is refused with a
 * message naming it. */
#include "fuzz_common.h"

#include <string.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    narr_tables *tables = fuzz_tables();
    char path[64], msg[1024];
    int fd = fuzz_file(data, size, path);
    if (fd < 0)
        return 0;
    narr_status st = narr_tables_load_lexicon(tables, NARR_TABLE_USER_LEXICON, path, msg,
                                              sizeof msg);
    if (st != NARR_OK && strncmp(msg, path, strlen(path)) != 0)
        abort(); /* every refusal names the file */
    close(fd);
    return 0;
}
