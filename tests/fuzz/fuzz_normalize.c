/* The normalizer: any clean UTF-8 sentence (as the decoder makes it) to
 * spoken French, and to its written form for transcripts. */
#include "fuzz_common.h"
#include "normalize/normalize.h"
#include "normalize/quotes.h"

static narr_normalizer *nz;

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (!nz) {
        narr_status err;
        char msg[256];
        if (!(nz = narr_normalizer_new("fr", fuzz_tables(), &err, msg, sizeof msg)))
            abort();
    }
    if (size > 4096)
        return 0;
    narr_buf clean, out;
    narr_buf_init(&clean);
    narr_buf_init(&out);
    narr_spans quoted = {0};
    if (fuzz_sentence(data, size, &clean)) {
        narr_normalizer_set_quotes(nz, size & 1 ? NARR_QUOTES_VOICE : NARR_QUOTES_SPOKEN);
        if (narr_normalize_sentence(nz, clean.data, clean.len, &out, &quoted) != NARR_OK)
            abort();
        for (size_t k = 0; k < quoted.count; k++)
            if (quoted.span[k].start > quoted.span[k].end || quoted.span[k].end > out.len)
                abort(); /* a quoted range lies within the sentence */
        narr_buf_clear(&out);
        if (narr_normalize_written(nz, clean.data, clean.len, &out) != NARR_OK)
            abort();
        narr_normalizer_end_block(nz);
    }
    narr_spans_free(&quoted);
    narr_buf_deinit(&clean);
    narr_buf_deinit(&out);
    return 0;
}
