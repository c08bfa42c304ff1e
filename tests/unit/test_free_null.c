/* Every _free accepts NULL. */
#include "../check.h"
#include "audio/sink.h"
#include "data/table.h"
#include "export/batch_state.h"
#include "input/feed.h"
#include "input/fetch.h"
#include "normalize/normalize.h"
#include "normalize/numbers.h"
#include "speak/speaker.h"
#include "text/document.h"

int main(void)
{
    narr_engine_free(NULL);
    narr_narration_free(NULL);
    narr_table_free(NULL);
    narr_normalizer_free(NULL);
    narr_numbers_free(NULL);
    narr_speaker_free(NULL);
    narr_sink_free(NULL);
    narr_decoder_free(NULL);
    narr_document_free(NULL);
    narr_feed_free(NULL);
    narr_state_free(NULL);
    narr_fetch_result r = {0};
    narr_fetch_result_free(&r);
    narr_buf b;
    narr_buf_init(&b);
    narr_buf_deinit(&b);
    CHECK(b.data == NULL);
    return CHECK_DONE();
}
