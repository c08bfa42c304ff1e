/* Sentence splitting: any valid UTF-8 is cut into sentences that cover
 * it exactly, each at least one byte long. */
#include "fuzz_common.h"
#include "text/sentences.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    narr_tables *tables = fuzz_tables();
    const char *s = (const char *)data;
    if (!narr_utf8_valid(s, size, NULL))
        return 0;
    const narr_table *abbreviations = narr_tables_get(tables, NARR_TABLE_ABBREVIATIONS);
    size_t i = 0;
    while (i < size) {
        if (s[i] == ' ') {
            i++;
            continue;
        }
        bool complete;
        size_t len = narr_sentence_length(s + i, size - i, abbreviations, &complete);
        if (len == 0 || len > size - i)
            abort();
        i += len;
    }
    narr_sentence_may_start(s, size);
    narr_sentence_ends(s, size, true);
    return 0;
}
