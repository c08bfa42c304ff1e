/* eSpeak NG behind narrateur's guards: any clean sentence, normalized,
 * respelled and guarded as the pipeline does, to phonemes (a real
 * synthesis, as --print phonemes). A crash here is a crash in eSpeak NG
 * that the guard let through. */
#include "fuzz_common.h"
#include "normalize/normalize.h"
#include "normalize/quotes.h"
#include "speak/fixes.h"
#include "speak/guard.h"
#include "speak/speaker.h"

#include <string.h>

static narr_normalizer *nz;
static narr_speaker *speaker;
static narr_guard guard;

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
    (void)argc, (void)argv;
    narr_status err;
    char msg[256];
    narr_voice voice;
    if (narr_voice_load("fr", &voice, msg, sizeof msg) != NARR_OK ||
        !(nz = narr_normalizer_new("fr", fuzz_tables(), &err, msg, sizeof msg)) ||
        !(speaker = narr_speaker_new(&voice, 0, &err, msg, sizeof msg)))
        abort();
    narr_guard_init(&guard);
    return 0;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
    if (size > 2048) /* a sentence; eSpeak is slow */
        return 0;
    narr_buf clean, spoken, fixed, safe, out;
    narr_spans quoted = {0};
    narr_buf_init(&clean);
    narr_buf_init(&spoken);
    narr_buf_init(&fixed);
    narr_buf_init(&safe);
    narr_buf_init(&out);
    const narr_table *fixes = narr_tables_get(fuzz_tables(), NARR_TABLE_ESPEAK_FIXES);
    if (fuzz_sentence(data, size, &clean) &&
        narr_normalize_sentence(nz, clean.data, clean.len, &spoken, &quoted) == NARR_OK && spoken.len &&
        narr_fix_slips(fixes, spoken.data, spoken.len, &fixed) == NARR_OK && fixed.len) {
        bool phonemes = strstr(narr_buf_str(&fixed), "[[") != NULL;
        if (narr_guard_text(&guard, fixed.data, fixed.len, phonemes, &safe) == NARR_OK &&
            safe.len)
            narr_speaker_phonemes(speaker, safe.data, safe.len, phonemes, &out);
    }
    char msg[512];
    narr_guard_take_warning(&guard, msg, sizeof msg);
    narr_spans_free(&quoted);
    narr_buf_deinit(&clean);
    narr_buf_deinit(&spoken);
    narr_buf_deinit(&fixed);
    narr_buf_deinit(&safe);
    narr_buf_deinit(&out);
    return 0;
}
